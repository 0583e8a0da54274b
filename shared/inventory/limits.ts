/**
 * The one set of limits every inventory or side file (CSV, XLSX, JSON) is held to, by the sync on the
 * workstations and by `check-inventory` alike (issue 9; docs/inventory-format.md, "Limites"). A real inventory is a
 * few hundred rows and well under a megabyte; these are far above it (the 20,000-row benchmark workbook: 0.6 MB,
 * 6 MB uncompressed) and far below what would let one file on the share stall or crash every ward PC.
 * Each is checked before the memory it guards is allocated.
 */
import type { ImportProblem } from './model';

const MIB = 1024 * 1024;

export const INVENTORY_LIMITS = {
  /** Size of the file as found on the share. */
  fileBytes: 50 * MIB,
  /** XLSX: sum of the uncompressed sizes of the zip entries read (worksheets, shared strings, styles…). */
  unzippedBytes: 100 * MIB,
  /** XLSX: uncompressed size of the shared strings table, which is held whole in memory while sheets are read. */
  sharedStringsBytes: 32 * MIB,
  /** XLSX: uncompressed / compressed size of an entry larger than `ratioFloorBytes` (a real workbook: ~10). */
  compressionRatio: 100,
  ratioFloorBytes: 1 * MIB,
  /** XLSX: entries in the zip. */
  zipEntries: 10_000,
  /** Excel's own worksheet limits. */
  excelRows: 1_048_576,
  excelColumns: 16_384,
  /**
   * Rows read, over all the sheets of a file (a CSV line counts even when blank). Also what bounds the time of a
   * CSV whose lines have uneven cell counts: csv-parse builds an error object for each (~0.15 ms a line).
   */
  rows: 50_000,
  /** Cells kept in memory, over all the sheets (a row is as long as its last non-empty cell). */
  cells: 2_000_000,
  /** Characters in one cell, as Excel allows. */
  cellChars: 32_767,
  /** JSON: size of the file and nesting depth of its arrays and objects (the format needs 4). */
  jsonBytes: 16 * MIB,
  jsonDepth: 32,
  /** Problems listed for one file; the rest are counted in a last line ("… et 1 234 autres"). */
  problems: 500,
} as const;

/** "1 048 576": the French way, with a narrow no-break space. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
}

/**
 * At most `INVENTORY_LIMITS.problems` row problems, in order, then one line counting the others; problems about the
 * whole file (no row: the reason a file is refused) are always kept. Never spreads the list into a call
 * (`push(...list)` overflows the stack on a huge list).
 */
export function capProblems(
  problems: readonly ImportProblem[],
  max: number = INVENTORY_LIMITS.problems,
): ImportProblem[] {
  if (problems.length <= max) return [...problems];
  const kept: ImportProblem[] = [];
  const fileLevel: ImportProblem[] = [];
  let listed = 0;
  let dropped = 0;
  for (const p of problems) {
    if (p.row === null && p.severity === 'error') fileLevel.push(p);
    else if (listed < max) {
      kept.push(p);
      listed += 1;
    } else dropped += 1;
  }
  if (dropped > 0) {
    kept.push({
      row: null,
      column: null,
      severity: 'warning',
      message: `… et ${formatCount(dropped)} autres problèmes (les ${formatCount(max)} premiers sont listés).`,
    });
  }
  for (const p of fileLevel) kept.push(p);
  return kept;
}

/** Appends `more` to `into` one by one (never `into.push(...more)`: a huge list overflows the call stack). */
export function appendProblems(into: ImportProblem[], more: readonly ImportProblem[]): void {
  for (const p of more) into.push(p);
}
