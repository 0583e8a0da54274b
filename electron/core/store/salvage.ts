/**
 * Before a damaged database is replaced, what it still holds that cannot be rebuilt from the share is copied into
 * the fresh one (issue 9, "No report lost"): reports waiting in the outbox and the checklist runs with their answers.
 * The inventory, flags and settings are not copied: the sync and the scheduler rebuild them.
 *
 * A damaged file may fail at any row: every table is read row by row and what was read before the failure is
 * kept; `complete` says whether everything could be read, so the user message can be honest about it.
 */
import Database from 'better-sqlite3';
import type { Logger } from './log';

export interface SalvageResult {
  /** Undelivered outbox entries copied (reports not yet on the share). */
  reports: number;
  /** Checklist runs copied (open ones resume where they stopped; submitted ones keep the history). */
  checklists: number;
  /** false when a table could not be read to its end (or the file not at all): something may be lost. */
  complete: boolean;
}

/** What is worth keeping, per table: the rows the fresh database cannot get back from anywhere else. */
const TABLES = [
  { table: 'outbox', where: 'delivered_at IS NULL', counts: 'reports' },
  { table: 'checklist_runs', where: '1 = 1', counts: 'checklists' },
  { table: 'checklist_items', where: '1 = 1', counts: null },
] as const;

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name);
}

/**
 * Copies rows of `table` matching `where` from `from` into `to`, using the columns both schemas have (the damaged
 * file may come from an older schema). Returns how many rows were copied and whether the read reached the end.
 */
function copyTable(
  from: Database.Database,
  to: Database.Database,
  table: string,
  where: string,
): { copied: number; complete: boolean } {
  let copied = 0;
  try {
    const target = new Set(columnsOf(to, table));
    const columns = columnsOf(from, table).filter((c) => target.has(c));
    if (columns.length === 0) return { copied, complete: false };
    const list = columns.map((c) => `"${c}"`).join(', ');
    const insert = to.prepare(`INSERT OR IGNORE INTO ${table} (${list}) VALUES (${columns.map(() => '?').join(', ')})`);
    // NOT INDEXED: a damaged index must not hide rows the table itself still holds.
    const rows = from
      .prepare(`SELECT ${list} FROM ${table} NOT INDEXED WHERE ${where}`)
      .raw(true)
      .iterate() as Iterable<unknown[]>;
    for (const row of rows) {
      if (insert.run(...row).changes === 1) copied += 1;
    }
    return { copied, complete: true };
  } catch {
    return { copied, complete: false };
  }
}

/** Never throws: a file that cannot even be opened gives `{ complete: false }` and nothing copied. */
export function salvageInto(damagedFile: string, to: Database.Database, log: Logger): SalvageResult {
  const result: SalvageResult = { reports: 0, checklists: 0, complete: true };
  let from: Database.Database;
  try {
    from = new Database(damagedFile, { readonly: true, fileMustExist: true });
  } catch (error) {
    log.error('store: damaged database could not be read for salvage', { file: damagedFile, error: String(error) });
    return { ...result, complete: false };
  }
  try {
    // Items reference runs: both are copied with foreign keys off, then checked, so an orphan is dropped, not fatal.
    to.pragma('foreign_keys = OFF');
    for (const { table, where, counts } of TABLES) {
      const { copied, complete } = copyTable(from, to, table, where);
      if (counts) result[counts] += copied;
      if (!complete) result.complete = false;
    }
    to.exec('DELETE FROM checklist_items WHERE run_id NOT IN (SELECT id FROM checklist_runs)');
  } finally {
    to.pragma('foreign_keys = ON');
    from.close();
  }
  log.warn('store: salvaged from the damaged database', { ...result });
  return result;
}
