/**
 * Finding the header row of a table in a grid of cells, whatever the title lines above it, the column order,
 * case, accents, spacing or plural, and whatever unknown columns sit beside it.
 */
import { APPLICATION_TABLE, type ApplicationColumn, type TableSpec } from './columns';
import { normalizeHeader } from './text';

/** Title blocks are a few lines; a header further down than this is not a header. */
export const HEADER_SCAN_ROWS = 50;

export interface HeaderMatch<K extends string> {
  /** 0-based index of the header in the rows (source row = index + 1). */
  index: number;
  /** Column key → 0-based cell index. */
  columns: Partial<Record<K, number>>;
  /** Column key → the header text as the file writes it (used in problem reports). */
  names: Partial<Record<K, string>>;
  /** Required columns the header lacks (the table cannot be read). */
  missingRequired: K[];
  /** Recommended columns the header lacks (a warning, empty values). */
  missingRecommended: K[];
}

/** Which cells of one row are headers of the table's columns. Exact alias first, then "alias + more words". */
export function matchHeaderCells<K extends string>(
  cells: readonly string[],
  spec: TableSpec<K>,
): { columns: Partial<Record<K, number>>; names: Partial<Record<K, string>>; count: number } {
  const columns: Partial<Record<K, number>> = {};
  const names: Partial<Record<K, string>> = {};
  const normalized = cells.map((cell) => normalizeHeader(cell));
  const taken = new Set<number>();
  let count = 0;
  const assign = (key: K, index: number): void => {
    columns[key] = index;
    names[key] = (cells[index] ?? '').replace(/\s+/g, ' ').trim();
    taken.add(index);
    count += 1;
  };
  for (const column of spec.columns) {
    const index = normalized.findIndex((text, i) => !taken.has(i) && column.aliases.includes(text));
    if (index >= 0) assign(column.key, index);
  }
  // "Plage de maintenance prévue", "Application concernée": a long alias followed by more words. Short aliases
  // ("site", "de", "a") are exact-only, or "Site web" and "De garde" would be taken for columns.
  for (const column of spec.columns) {
    if (columns[column.key] !== undefined) continue;
    const index = normalized.findIndex(
      (text, i) => !taken.has(i) && column.aliases.some((alias) => alias.length >= 5 && text.startsWith(`${alias} `)),
    );
    if (index >= 0) assign(column.key, index);
  }
  return { columns, names, count };
}

/**
 * The first row (among the first HEADER_SCAN_ROWS) holding at least two of the table's column headers, one of
 * them an anchor (Application or Plage de maintenance for the application list). A header that lacks a required
 * column is still found, so the caller can say which column is missing instead of "no header".
 */
export function findHeader(rows: readonly (readonly string[])[]): HeaderMatch<ApplicationColumn> | null;
export function findHeader<K extends string>(
  rows: readonly (readonly string[])[],
  spec: TableSpec<K>,
): HeaderMatch<K> | null;
export function findHeader(
  rows: readonly (readonly string[])[],
  spec: TableSpec<string> = APPLICATION_TABLE,
): HeaderMatch<string> | null {
  const limit = Math.min(rows.length, HEADER_SCAN_ROWS);
  for (let index = 0; index < limit; index += 1) {
    const { columns, names, count } = matchHeaderCells(rows[index] ?? [], spec);
    if (count < 2 || !spec.anchors.some((key) => columns[key] !== undefined)) continue;
    const missing = (pick: (c: (typeof spec.columns)[number]) => boolean | undefined): string[] =>
      spec.columns.filter((c) => pick(c) && columns[c.key] === undefined).map((c) => c.key);
    return {
      index,
      columns,
      names,
      missingRequired: missing((c) => c.required),
      missingRecommended: missing((c) => c.recommended),
    };
  }
  return null;
}

/** "Direction, Site, Service, Application, Plage de maintenance, Commentaire" — what a header should hold. */
export function expectedHeader(spec: TableSpec<string>): string {
  return spec.columns
    .filter((c) => !c.extra)
    .map((c) => c.label)
    .join(', ');
}

/** « Application » / « Application » et « Service » — the labels of some columns, for a French sentence. */
export function quoteLabels(spec: TableSpec<string>, keys: readonly string[]): string {
  const labels = keys.map((key) => `« ${spec.columns.find((c) => c.key === key)?.label ?? key} »`);
  if (labels.length <= 1) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} et ${labels[labels.length - 1]}`;
}

/** The file-level message for required columns missing from a found header. */
export function missingColumnsMessage(spec: TableSpec<string>, keys: readonly string[], headerRow: number): string {
  const plural = keys.length > 1;
  return (
    `${plural ? 'Colonnes' : 'Colonne'} ${quoteLabels(spec, keys)} ${plural ? 'introuvables' : 'introuvable'} ` +
    `dans ${spec.label} (en-tête à la ligne ${headerRow}) : la ligne d'en-tête doit contenir ${expectedHeader(spec)}.`
  );
}
