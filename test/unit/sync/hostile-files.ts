/**
 * Hostile inventory files, generated (never committed): the workbook issue 9 describes, whose only row is numbered
 * 2,000,000,000 (1.7 KB; before the readers bound it, importing it allocated ~5 GB and killed the process).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export async function xlsxWithRowNumber(row: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Liste des applications').addRow(['x']);
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  const name = Object.keys(zip.files).find((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
  if (!name) throw new Error('no worksheet in the generated workbook');
  const xml = await zip.file(name)!.async('string');
  const hostile = xml
    .replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A${row}"/>`)
    .replace(
      /<sheetData>[\s\S]*<\/sheetData>/,
      `<sheetData><row r="${row}"><c r="A${row}" t="inlineStr"><is><t>Direction</t></is></c></row></sheetData>`,
    );
  zip.file(name, hostile);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
