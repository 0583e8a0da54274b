/**
 * Merges the side files fetched with the inventory (services.csv, contacts.csv, postes.xlsx…) into the inventory
 * to save (docs/inventory-format.md §5). A side file replaces the workbook's table of its kind. An unusable one
 * (half-written, wrong header, wrong table) never blocks the applications list, and never silently drops the hours,
 * contacts or mappings IT gave: the table read from a side file at the last good import is kept; without one, the
 * workbook's own table stays.
 */
import { createHash } from 'node:crypto';
import type { Inventory } from '../../../shared/inventory/model';
import {
  mergeSideTable,
  SIDE_TABLE_LABELS,
  type SideTable,
  type SideTableKind,
} from '../../../shared/inventory/side-tables';
import type { SideTableImport } from '../inventory/import';
import type { Logger, SourceMeta } from '../store';
import type { SideFetched, SideFileMeta, SideFilesMeta } from './side-files';

export type SideImporter = (bytes: Uint8Array, fileName: string) => Promise<SideTableImport>;

/** The inventory in use and its meta, when it came from the same source. */
export interface LastGood {
  inventory: Inventory;
  meta: SourceMeta;
}

const TABLE_NAMES = SIDE_TABLE_LABELS;

/**
 * What "same content" means for a file source: the inventory's bytes, then each side file's kind, name and bytes.
 * Without side files it is the plain SHA-256 of the inventory, as recorded before side files existed.
 */
export function contentHash(bytes: Uint8Array, sides: readonly SideFetched[]): string {
  const hash = createHash('sha256').update(bytes);
  for (const side of sides) {
    hash.update(`\u0000${side.kind}\u0000${side.fileName}\u0000`);
    hash.update(side.bytes ?? `\u0000${side.problem}`);
  }
  return hash.digest('hex');
}

/**
 * The same content was seen again (equal hash): its outcome is the same, so carry the recorded `table` of each side
 * file over to the new stat — a stat alone cannot tell whether a side file was usable.
 */
export function keepSideTables(meta: SourceMeta, previous: SourceMeta): SourceMeta {
  if (!meta.sides) return meta;
  const sides: SideFilesMeta = {};
  for (const [kind, side] of Object.entries(meta.sides)) {
    const table = previous.sides?.[kind]?.table;
    sides[kind] = table ? { ...side, table } : side;
  }
  return { ...meta, sides };
}

function tableOf(inventory: Inventory, kind: SideTableKind): SideTable {
  switch (kind) {
    case 'services':
      return { kind, rows: inventory.services };
    case 'contacts':
      return { kind, rows: inventory.contacts };
    case 'hosts':
      return { kind, rows: inventory.hosts };
    case 'exceptions':
      return { kind, rows: inventory.exceptions ?? [] };
  }
}

/** Reads one side file; a French reason when it cannot be used. */
async function readSide(side: SideFetched, importer: SideImporter, log: Logger): Promise<SideTable | string> {
  if (side.bytes === null) return side.problem;
  let result: SideTableImport;
  try {
    result = await importer(side.bytes, side.fileName);
  } catch (error) {
    log.error('sync: side table importer threw', { error: error instanceof Error ? error.stack : String(error) });
    return 'Erreur inattendue pendant la lecture du fichier.';
  }
  if (!result.ok) {
    // The first problem is the most precise one (e.g. "En-tête introuvable…" before "Aucune table reconnue").
    return result.problems[0]?.message ?? 'Table non reconnue.';
  }
  if (result.table.kind !== side.kind) {
    return `Ce fichier contient une table ${TABLE_NAMES[result.table.kind]}, pas ${TABLE_NAMES[side.kind]}.`;
  }
  for (const p of result.problems) {
    log.warn('sync: side table warning', { file: side.file, row: p.row, column: p.column, message: p.message });
  }
  return result.table;
}

/**
 * `inventory` is the main file's import; `meta` its fetch meta (with `sides` stats). Returns the inventory to save
 * and the meta recording where each side table came from. `lastGood` is only asked when a side file is unusable.
 */
export async function applySideFiles(
  inventory: Inventory,
  meta: SourceMeta,
  sides: readonly SideFetched[],
  lastGood: () => LastGood | null,
  importer: SideImporter,
  log: Logger,
): Promise<{ inventory: Inventory; meta: SourceMeta }> {
  if (sides.length === 0) return { inventory, meta };
  let merged = inventory;
  const recorded: SideFilesMeta = { ...meta.sides };
  for (const side of sides) {
    const stat = recorded[side.kind];
    const record = (table: NonNullable<SideFileMeta['table']>) => {
      if (stat) recorded[side.kind] = { ...stat, table };
    };
    const read = await readSide(side, importer, log);
    if (typeof read !== 'string') {
      merged = mergeSideTable(merged, read);
      record('file');
      continue;
    }
    const previous = lastGood();
    const had = previous?.meta.sides?.[side.kind];
    // A side table recorded before `table` existed is assumed read from its file: keeping it is the safe side.
    const keep = previous !== null && had !== undefined && had.table !== 'workbook';
    if (keep) merged = mergeSideTable(merged, tableOf(previous.inventory, side.kind));
    record(keep ? 'kept' : 'workbook');
    log.warn('sync: side table unusable', {
      file: side.file,
      message: read,
      using: keep ? 'last good side table' : 'workbook table',
    });
  }
  return { inventory: merged, meta: { ...meta, sides: recorded } };
}
