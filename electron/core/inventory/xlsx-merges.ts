/**
 * Merged cells for the streaming XLSX reader: exceljs's WorksheetReader skips `<mergeCells>`, which a worksheet's
 * XML lists after all its rows. watchMerges passes the XML bytes through untouched and picks the ranges up on the
 * way; blankMergedCells then empties the covered cells of the finished grid.
 */

const MARK = Buffer.from('mergeCells');
/** `<mergeCell ref="A1:G1"/>`, with or without a namespace prefix (`<x:mergeCell …>`). */
const MERGE_CELL = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\sref\s*=\s*["']([^"']*)["']/g;

/**
 * Yields the chunks unchanged, and pushes each merged range ("A1:G1") found in them onto `ranges` by the end.
 * Only the text from `<mergeCells>` on is kept (a few hundred bytes after the rows); the rows are not decoded here.
 */
export async function* watchMerges(
  source: AsyncIterable<Uint8Array>,
  ranges: string[],
): AsyncGenerator<Uint8Array, void, undefined> {
  let tail: Buffer = Buffer.alloc(0);
  let kept: Buffer[] | null = null;
  for await (const chunk of source) {
    yield chunk;
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (kept) {
      kept.push(bytes);
      continue;
    }
    // The mark may straddle two chunks: search the end of the previous one with this one.
    const joined = tail.length > 0 ? Buffer.concat([tail, bytes.subarray(0, MARK.length)]) : null;
    const inJoined = joined ? joined.indexOf(MARK) : -1;
    if (inJoined >= 0 && joined) kept = [joined.subarray(inJoined), bytes.subarray(MARK.length)];
    else {
      const at = bytes.indexOf(MARK);
      if (at >= 0) kept = [bytes.subarray(at)];
    }
    tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - MARK.length + 1)));
  }
  if (!kept) return;
  for (const m of Buffer.concat(kept).toString('utf8').matchAll(MERGE_CELL)) ranges.push(m[1] ?? '');
}

/** "AB12" → { row: 12, col: 28 }, null when not a cell reference. */
function cellRef(text: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(text.trim());
  if (!m) return null;
  let col = 0;
  for (const letter of (m[1] as string).toUpperCase()) col = col * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

/** Empties every cell a merged range covers, except its top-left (master) cell. `rows[i]` is sheet row i + 1. */
export function blankMergedCells(rows: string[][], ranges: readonly string[]): void {
  for (const range of ranges) {
    const [a, b = a] = range.split(':');
    const from = cellRef(a ?? '');
    const to = cellRef(b ?? '');
    if (!from || !to) continue;
    const top = Math.min(from.row, to.row);
    const left = Math.min(from.col, to.col);
    // Bounded by the grid: a range may span whole columns (A1:A1048576).
    for (let r = top; r <= Math.max(from.row, to.row) && r <= rows.length; r += 1) {
      const cells = rows[r - 1];
      if (!cells) continue;
      for (let c = left; c <= Math.max(from.col, to.col) && c <= cells.length; c += 1) {
        if (r !== top || c !== left) cells[c - 1] = '';
      }
    }
  }
}
