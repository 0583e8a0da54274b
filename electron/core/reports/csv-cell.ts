/**
 * CSV cells for French Excel (issue 5): ';' separators, CRLF, and cells a spreadsheet would run as a formula
 * neutralised with a leading quote — report text comes from thousands of PCs (OWASP "CSV injection"; issue 9 adds
 * the leading space and line feed, which some spreadsheets skip before reading a formula, and the full-width
 * ＝ ＋ － ＠ that some convert to their ASCII forms).
 */
const CRLF = '\r\n';
/** = + - @, tab, CR, LF, space, and the full-width ＝ ＋ － ＠. */
const FORMULA_START = /^[=+\-@\t\r\n \uFF1D\uFF0B\uFF0D\uFF20]/;

export function csvCell(value: string | number | null | undefined): string {
  let v = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(v)) v = `'${v}`;
  if (/[";\r\n]/.test(v) || /^\s|\s$/.test(v)) v = `"${v.replace(/"/g, '""')}"`;
  return v;
}

/** Cells joined by ';' (no line end): a piece of a line. */
export function csvCells(cells: readonly (string | number | null | undefined)[]): string {
  return cells.map(csvCell).join(';');
}

export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return csvCells(cells) + CRLF;
}
