/**
 * XLSX reader (exceljs; not the npm `xlsx` package, see docs/architecture.md): every worksheet → Sheet of cell texts, as a
 * person sees them in Excel.
 *
 * It uses exceljs's streaming reader, row by row, rather than `workbook.xlsx.load`: loading builds the whole
 * workbook model (a Cell object with its style per cell) next to the unzipped XML, ~120 MB for a 20,000-row
 * inventory against ~50 MB streamed (`npm run bench -- import`), and the agent imports on ward PCs. What loading
 * did for us is done here: completeness (zip.ts), sheets in workbook order, merged cells, formula results.
 */
import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Sheet } from '../../../shared/inventory/model';
import { INVENTORY_LIMITS } from '../../../shared/inventory/limits';
import { InventoryReadError } from './errors';
import { utf8Chunks } from './xlsx-chunks';
import { checkDeclaredSizes, GridBudget, InflateBudget, isReadPart, refuse, refuseLongText } from './xlsx-limits';
import { blankMergedCells, watchMerges } from './xlsx-merges';
import { checkZip, reorderedRecords } from './zip';

const DAMAGED =
  'Le fichier Excel est endommagé ou incomplet (copie interrompue ?). Ouvrez-le dans Excel, enregistrez-le ' +
  'de nouveau en .xlsx, puis réessayez.';

/** Shared strings kept in memory (cell → text), styles read (or a date cell would come out as a day count). */
export const XLSX_STREAM_OPTIONS = {
  worksheets: 'emit',
  sharedStrings: 'cache',
  hyperlinks: 'ignore',
  styles: 'cache',
  entries: 'ignore',
} as const;

/** What Vigie uses of exceljs's streaming reader at run time (its typings omit these members). */
interface StreamedWorksheet extends AsyncIterable<ExcelJS.Row> {
  id: number | string;
  name: string;
  /** The worksheet's XML bytes, which WorksheetReader.parse() reads from. */
  iterator: AsyncIterable<Uint8Array>;
}
interface StreamedWorkbook extends AsyncIterable<StreamedWorksheet> {
  model?: { sheets?: { id: number }[] };
  properties?: { model?: { date1904?: boolean } };
  /** Set once read; until both are set, the reader copies each worksheet it meets to a temporary file. */
  sharedStrings?: unknown[];
  workbookRels?: unknown[];
  /** Read xl/sharedStrings.xml, workbook.xml.rels, workbook.xml, styles.xml from their zip entry (a stream). */
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseStyles(entry: Readable): Promise<void>;
  /** Makes the reader of xl/worksheets/sheet<sheetNo>.xml from its inflated bytes. */
  _parseWorksheet(iterator: AsyncIterable<Uint8Array>, sheetNo: string): Generator<unknown>;
}

/**
 * exceljs's streaming reader on its own, imported on first use only (the module loader caches it). Not the
 * package's entry point: that loads all of exceljs (writers, archiver, jszip, fast-csv… 660 modules against 370),
 * which costs ~8 MB and ~0.1 s more for what we never use, and 1.2 MB more of bundled code. The path
 * is exceljs 4.4's (pinned ~4.4.0 in package.json; the XLSX fixture tests fail loudly if it moves). Lazy, so the
 * CLI and the agent pay nothing when the inventory is a CSV — IT scripts run `npm run cli` many times in a row.
 */
export async function loadWorkbookReader(): Promise<typeof ExcelJS.stream.xlsx.WorkbookReader> {
  // @ts-expect-error -- no typings for this path: it is the class typed as ExcelJS.stream.xlsx.WorkbookReader.
  const m = (await import('exceljs/lib/stream/xlsx/workbook-reader.js')) as {
    default: typeof ExcelJS.stream.xlsx.WorkbookReader;
  };
  return m.default;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Excel stores dates as day counts without a zone; exceljs hands them over as UTC instants, so the UTC fields
 * are the wall-clock fields. A time alone (08:00 in a "Début de quart" cell) is day 0 = 1899-12-30.
 */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
  if (date.getUTCFullYear() < 1900) return time;
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return time === '00:00' ? day : `${day} ${time}`;
}

/** A cell value as text: rich text runs joined, formulas → their cached result, hyperlinks → their text. */
export function cellValueText(value: ExcelJS.CellValue | ExcelJS.CellRichTextValue['richText']): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  // NaN: the streaming reader's reading of a formula whose cached result is an error (#N/A…).
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  // Excel shows booleans as VRAI/FAUX in French; parseYesNo understands both languages.
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if (value instanceof Date) return dateText(value);
  if (Array.isArray(value)) return value.map((run) => run.text ?? '').join('');
  if ('richText' in value) return cellValueText(value.richText);
  // A hyperlink's text may itself be rich text in files saved by Excel.
  if ('hyperlink' in value) return cellValueText(value.text);
  if ('formula' in value || 'sharedFormula' in value) {
    return cellValueText((value as ExcelJS.CellFormulaValue).result);
  }
  // Errors (#N/A, #REF!…) are not text a person typed.
  return '';
}

/** exceljs's test for a date number format: date/time letters outside quoted text and [colour] brackets. */
function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Day count (1900 or 1904 date system) → the UTC instant exceljs uses for dates. */
function excelDate(days: number, date1904: boolean): Date {
  return new Date(Math.round((days - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

/**
 * The text of a streamed cell. The streaming reader turns a plain number with a date format into a Date, but not
 * a formula's result (=AUJOURDHUI(), =B2+1): done here, as `xlsx.load` did.
 */
function streamedCellText(cell: ExcelJS.Cell, date1904: boolean): string {
  const value = cell.value;
  if (value !== null && typeof value === 'object' && 'formula' in value && typeof value.result === 'number') {
    if (!Number.isNaN(value.result) && isDateFormat(cell.numFmt)) return dateText(excelDate(value.result, date1904));
  }
  return cellValueText(value);
}

/**
 * Workbook parts first, so every worksheet is read straight from the zip with its strings and styles at hand;
 * parts Vigie does not read are left out (null).
 */
function partRank(name: string): number | null {
  if (!isReadPart(name)) return null;
  switch (name) {
    case 'xl/_rels/workbook.xml.rels':
    case 'xl/workbook.xml':
    case 'xl/styles.xml':
    case 'xl/sharedStrings.xml':
      return 0;
    default:
      return 1;
  }
}

/** The row of every sheet row the file leaves out: one shared array, so a gap costs a pointer, not a row. */
const EMPTY_ROW: string[] = Object.freeze([]) as unknown as string[];

async function readWorksheet(
  worksheet: StreamedWorksheet,
  book: StreamedWorkbook,
  budget: GridBudget,
): Promise<string[][]> {
  const merges: string[] = [];
  worksheet.iterator = watchMerges(utf8Chunks(worksheet.iterator), merges);
  const date1904 = book.properties?.model?.date1904 === true;
  const name = String(worksheet.name ?? worksheet.id);
  // rows[i] is sheet row i + 1: rows the file leaves out (never typed in) are empty, so row numbers match Excel.
  // Nothing is allocated from a coordinate before the budget has accepted it (issue 9: one row numbered
  // 2,000,000,000 used to cost 5 GB).
  const rows: string[][] = [];
  for await (const row of worksheet) {
    if (!Number.isInteger(row.number) || row.number < 1) throw new InventoryReadError(DAMAGED);
    const gap = Math.max(0, row.number - 1 - rows.length);
    budget.addRow(name, row.number, row.cellCount, gap);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) {
      const cell = row.findCell(c);
      const text = cell ? streamedCellText(cell, date1904) : '';
      if (text.length > INVENTORY_LIMITS.cellChars) refuseLongText(` (feuille « ${name} », ligne ${row.number})`);
      cells.push(text);
    }
    while (rows.length < row.number - 1) rows.push(EMPTY_ROW);
    rows[row.number - 1] = cells;
  }
  // A merged range keeps its value on the master cell only: a merged title must not look like a row of identical
  // headers, and a value left in a covered cell (LibreOffice can keep them) is not shown by Excel either.
  blankMergedCells(rows, merges);
  return rows;
}

/**
 * Every entry exceljs inflates goes through the budget (xlsx-limits.ts), on this reader only; exceljs 4.4's
 * methods, see loadWorkbookReader. The shared strings (most of an inventory's text) also go through the same
 * chunk-by-chunk decoding as worksheets (xlsx-chunks.ts).
 */
function guard(book: StreamedWorkbook, budget: InflateBudget): void {
  // Kept to be called with .call(this) below: unbound on purpose.
  // eslint-disable-next-line @typescript-eslint/unbound-method
  const { _parseSharedStrings, _parseRels, _parseWorkbook, _parseStyles, _parseWorksheet } = book;
  const watched = (name: string, entry: Readable) => Readable.from(budget.watch(name, entry));
  book._parseSharedStrings = function (this: StreamedWorkbook, entry: Readable) {
    return _parseSharedStrings.call(this, Readable.from(utf8Chunks(budget.watch('xl/sharedStrings.xml', entry))));
  };
  book._parseRels = function (this: StreamedWorkbook, entry: Readable) {
    return _parseRels.call(this, watched('xl/_rels/workbook.xml.rels', entry));
  };
  book._parseWorkbook = function (this: StreamedWorkbook, entry: Readable) {
    return _parseWorkbook.call(this, watched('xl/workbook.xml', entry));
  };
  book._parseStyles = function (this: StreamedWorkbook, entry: Readable) {
    return _parseStyles.call(this, watched('xl/styles.xml', entry));
  };
  book._parseWorksheet = function (this: StreamedWorkbook, iterator: AsyncIterable<Uint8Array>, sheetNo: string) {
    return _parseWorksheet.call(this, budget.watch(`xl/worksheets/sheet${sheetNo}.xml`, iterator), sheetNo);
  };
  // The parts are re-ordered so the relationships and shared strings come before any worksheet; a workbook may
  // still have none of them (inline strings only): said up front, so exceljs never copies a worksheet to a
  // temporary file waiting for them (issue 9: a 27 MB workbook made it write 463 MB).
  book.sharedStrings = [];
  book.workbookRels = [];
}

export async function readXlsx(bytes: Uint8Array): Promise<Sheet[]> {
  const zip = checkZip(bytes);
  if (!zip.ok && zip.zip64) {
    refuse(
      'Le fichier Excel est une archive ZIP64 ou fractionnée, que Vigie ne lit pas. Ouvrez-le dans Excel, ' +
        'enregistrez-le de nouveau en .xlsx, puis réessayez.',
    );
  }
  if (!zip.ok) throw new InventoryReadError(DAMAGED);
  checkDeclaredSizes(zip.layout);
  const WorkbookReader = await loadWorkbookReader();
  const input = Readable.from(reorderedRecords(bytes, zip.layout, partRank));
  const book = new WorkbookReader(input, XLSX_STREAM_OPTIONS) as unknown as StreamedWorkbook;
  guard(book, new InflateBudget(zip.layout));
  const grid = new GridBudget();
  const read: { id: number | string; name: string; rows: string[][] }[] = [];
  try {
    for await (const worksheet of book) {
      read.push({ id: worksheet.id, name: worksheet.name, rows: await readWorksheet(worksheet, book, grid) });
    }
  } catch (error) {
    // A refusal (a limit) keeps its own sentence; anything else from the reader means a damaged file.
    if (error instanceof InventoryReadError) throw error;
    throw new InventoryReadError(DAMAGED);
  }
  // A zip without a workbook in it (another Office file, a renamed archive).
  if (book.model === undefined || read.length === 0) throw new InventoryReadError(DAMAGED);
  // Workbook order (the tabs as Excel shows them), not the zip's: "the first sheet holding the header" depends on it.
  const order = (book.model.sheets ?? []).map((s) => s.id);
  const position = (id: number | string) => {
    const index = order.indexOf(Number(id));
    return index < 0 ? order.length : index;
  };
  return read
    .map((sheet, index) => ({ ...sheet, index }))
    .sort((a, b) => position(a.id) - position(b.id) || a.index - b.index)
    .map(({ name, rows }) => ({ name, rows }));
}
