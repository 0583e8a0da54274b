/**
 * Sheets (from CSV or XLSX) → Inventory. The application list is the first sheet holding its header; the
 * side tables are the sheets named "Services", "Contacts", "Postes" (or recognised by their header).
 * File-level problems (no header, required column missing, no data row) fail the import with a sentence a
 * person understands; row-level problems are reported and the import goes on.
 */
import { buildApplications, type RawApplication } from './applications';
import { APPLICATION_TABLE, type ApplicationColumn } from './columns';
import { eachDataRow } from './grid';
import { expectedHeader, findHeader, missingColumnsMessage, quoteLabels, type HeaderMatch } from './header';
import { appendProblems } from './limits';
import type { ImportProblem, ImportResult, Inventory, InventoryFormat, Sheet } from './model';
import {
  detectSideTable,
  mergeSideTable,
  readSideTable,
  SIDE_TABLE_LABELS,
  sideTableKindOfSheetName,
} from './side-tables';
import { parseUpdateLine } from './text';

function fail(format: InventoryFormat, message: string, problems: ImportProblem[] = []): ImportResult {
  return { ok: false, format, problems: [...problems, { row: null, column: null, severity: 'error', message }] };
}

/**
 * The "Mise à jour : …" line above the header, if any. The first understood date wins; a "Mise à jour :" line
 * whose date is not understood gives a warning only when no other line gives a date.
 */
function publishedAt(sheet: Sheet, headerIndex: number, problems: ImportProblem[]): string | null {
  let unclear: { row: number; line: string } | null = null;
  for (let index = 0; index < headerIndex; index += 1) {
    const line = (sheet.rows[index] ?? []).filter((cell) => cell.trim() !== '').join(' ');
    const date = parseUpdateLine(line);
    if (date) return date;
    if (date === null) unclear ??= { row: index + 1, line: line.trim() };
  }
  if (unclear) {
    problems.push({
      row: unclear.row,
      column: null,
      severity: 'warning',
      message: `Date de mise à jour non comprise dans « ${unclear.line} » (attendu : Mise à jour : 2018-09-28).`,
    });
  }
  return null;
}

function findApplicationSheet(
  sheets: readonly Sheet[],
): { sheet: Sheet; header: HeaderMatch<ApplicationColumn> } | null {
  // Sheets named like a side table are never the application list, even if they happen to match.
  const candidates = [
    ...sheets.filter((s) => sideTableKindOfSheetName(s.name) === null),
    ...sheets.filter((s) => sideTableKindOfSheetName(s.name) !== null),
  ];
  for (const sheet of candidates) {
    const header = findHeader(sheet.rows);
    if (header !== null) return { sheet, header };
  }
  return null;
}

export function inventoryFromSheets(sheets: readonly Sheet[], format: InventoryFormat): ImportResult {
  const problems: ImportProblem[] = [];
  const found = findApplicationSheet(sheets);
  if (found === null) {
    const side = sheets.map(detectSideTable).find((kind) => kind !== null);
    if (side) {
      return fail(
        format,
        `Ce fichier contient la table « ${SIDE_TABLE_LABELS[side]} », pas la liste des applications. ` +
          'Il doit accompagner la liste des applications (feuille du classeur Excel ou fichier à part).',
      );
    }
    return fail(
      format,
      'Ligne d’en-tête introuvable : la liste des applications doit avoir une ligne d’en-tête contenant ' +
        `${expectedHeader(APPLICATION_TABLE)}.`,
    );
  }
  const { sheet, header } = found;
  const headerRow = header.index + 1;
  if (header.missingRequired.length > 0) {
    return fail(format, missingColumnsMessage(APPLICATION_TABLE, header.missingRequired, headerRow));
  }
  if (header.missingRecommended.length > 0) {
    const plural = header.missingRecommended.length > 1;
    problems.push({
      row: null,
      column: null,
      severity: 'warning',
      message:
        `${plural ? 'Colonnes' : 'Colonne'} ${quoteLabels(APPLICATION_TABLE, header.missingRecommended)} ` +
        `${plural ? 'absentes' : 'absente'} (en-tête à la ligne ${headerRow}) : valeurs laissées vides.`,
    });
  }

  // Built one row at a time (see eachDataRow): only the applications stay.
  let dataRowCount = 0;
  function* raws(): Generator<RawApplication> {
    for (const r of eachDataRow(sheet.rows, header)) {
      dataRowCount += 1;
      yield {
        reportRow: r.row,
        sourceRow: r.row,
        direction: r.get('direction'),
        site: r.get('site'),
        service: r.get('service'),
        application: r.get('application'),
        schedule: r.get('schedule'),
        comment: r.get('comment'),
        consigne: r.get('consigne'),
        transfers: r.has('transfers') ? r.get('transfers') : null,
      };
    }
  }
  const names = Object.fromEntries(
    APPLICATION_TABLE.columns.map((c) => [c.key, header.names[c.key] ?? c.label]),
  ) as Record<ApplicationColumn, string>;
  const built = buildApplications(raws(), {
    names,
    warnEmptySite: header.columns.site !== undefined,
    rowName: (row) => `la ligne ${row}`,
  });
  if (dataRowCount === 0) {
    return fail(
      format,
      `Aucune application sous la ligne d’en-tête (ligne ${headerRow}) : la liste est vide.`,
      problems,
    );
  }
  appendProblems(problems, built.problems);
  if (built.applications.length === 0) {
    return fail(format, 'Aucune ligne valide dans la liste des applications : voir les erreurs ci-dessus.', problems);
  }

  let inventory: Inventory = {
    publishedAt: publishedAt(sheet, header.index, problems),
    applications: built.applications,
    services: [],
    contacts: [],
    hosts: [],
  };
  for (const other of sheets) {
    if (other === sheet) continue;
    const kind = detectSideTable(other);
    if (kind === null) continue;
    const side = readSideTable(other, kind, `Feuille « ${other.name} » : `);
    appendProblems(problems, side.problems);
    if (side.table === null) continue;
    // Several sheets of the same kind add up (e.g. one "Contacts" sheet per site).
    const existing = {
      services: inventory.services,
      contacts: inventory.contacts,
      hosts: inventory.hosts,
      exceptions: inventory.exceptions ?? [],
    }[kind];
    inventory = mergeSideTable(inventory, { kind, rows: [...existing, ...side.table.rows] } as typeof side.table);
  }
  return { ok: true, format, inventory, problems };
}
