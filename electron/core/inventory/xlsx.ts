/**
 * XLSX reader (exceljs; not the npm `xlsx` package, see design.md): every worksheet → Sheet of cell texts, as a
 * person sees them in Excel.
 */
import type ExcelJS from 'exceljs';
import type { Sheet } from '../../../shared/inventory/model';
import { InventoryReadError } from './errors';

/**
 * exceljs takes ~0.5 s to load: imported on first use only (the module loader caches it), so the CLI and the
 * agent do not pay for it when the inventory is a CSV — IT scripts run `npm run cli` many times in a row.
 */
async function loadExcel(): Promise<typeof ExcelJS> {
  const m = (await import('exceljs')) as typeof ExcelJS & { default?: typeof ExcelJS };
  return m.default ?? m;
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
  if (typeof value === 'number') return String(value);
  // Excel shows booleans as VRAI/FAUX in French; parseYesNo understands both languages.
  if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
  if (value instanceof Date) return dateText(value);
  if (Array.isArray(value)) return value.map((run) => run.text ?? '').join('');
  if ('richText' in value) return cellValueText(value.richText);
  // A hyperlink's text may itself be rich text in files saved by Excel.
  if ('hyperlink' in value) return cellValueText(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) {
    return cellValueText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  }
  // Errors (#N/A, #REF!…) are not text a person typed.
  return '';
}

function sheetOf(worksheet: ExcelJS.Worksheet, merge: ExcelJS.ValueType): Sheet {
  const rows: string[][] = [];
  for (let r = 1; r <= worksheet.rowCount; r += 1) {
    const row = worksheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) {
      const cell = row.getCell(c);
      // A merged range keeps its value on the master cell only: a merged title must not look like a row of
      // identical headers.
      cells.push(cell.type === merge ? '' : cellValueText(cell.value));
    }
    rows.push(cells);
  }
  return { name: worksheet.name, rows };
}

export async function readXlsx(bytes: Uint8Array): Promise<Sheet[]> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw new InventoryReadError(
      'Le fichier Excel est endommagé ou incomplet (copie interrompue ?). Ouvrez-le dans Excel, enregistrez-le ' +
        'de nouveau en .xlsx, puis réessayez.',
    );
  }
  return workbook.worksheets.map((sheet) => sheetOf(sheet, ExcelJS.ValueType.Merge));
}
