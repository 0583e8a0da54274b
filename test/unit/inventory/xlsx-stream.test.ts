/**
 * The streaming XLSX reader (electron/core/inventory/xlsx.ts and its helpers): what `workbook.xlsx.load` gave for
 * free and streaming must do itself — completeness, workbook order, merged cells, formula dates, characters split
 * between chunks — on workbooks as exceljs's own writer lays them out (worksheets before shared strings and styles).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importInventory } from '../../../electron/core/inventory/import';
import { readXlsx } from '../../../electron/core/inventory/xlsx';
import { utf8Chunks } from '../../../electron/core/inventory/xlsx-chunks';
import { blankMergedCells, watchMerges } from '../../../electron/core/inventory/xlsx-merges';
import { checkZip, reorderedRecords } from '../../../electron/core/inventory/zip';

const HEADER = ['Direction', 'Site', 'Service', 'Application', 'Plage de maintenance', 'Commentaire'];
const DAMAGED = /^Le fichier Excel est endommagé ou incomplet/;

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** An inventory of `rows` rows whose names carry accents everywhere, so some fall across inflate chunks. */
async function bigWorkbook(rows: number): Promise<{ bytes: Uint8Array; names: string[] }> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Liste des applications');
  sheet.addRow(['Mise à jour :', new Date(Date.UTC(2018, 8, 28))]);
  sheet.getCell('B1').numFmt = 'yyyy-mm-dd';
  sheet.addRow(HEADER);
  const names: string[] = [];
  for (let i = 0; i < rows; i += 1) {
    const name = `Élément ${i} — pédiatrie « €${'é'.repeat(i % 7)} »`;
    names.push(name);
    sheet.addRow(['DSP', 'IUSMM', 'Hémodialyse', name, '1er mercredi 2h-4h', `Commentaire ${i} : réseau œ`]);
  }
  return { bytes: await bytesOf(workbook), names };
}

/** The same workbook re-zipped with its parts in the order `rank` gives (lower first). */
async function rezipped(bytes: Uint8Array, rank: (name: string) => number): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new JSZip();
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]?.dir);
  for (const name of names.sort((a, b) => rank(a) - rank(b))) {
    out.file(name, (await zip.files[name]?.async('uint8array')) ?? new Uint8Array());
  }
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const chunk of source) out.push(Buffer.from(chunk));
  return out;
}

async function* chunksOf(parts: readonly Buffer[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

describe('readXlsx (streaming)', () => {
  it('reads every character of a big workbook laid out worksheet-first, with its date cell', async () => {
    const { bytes, names } = await bigWorkbook(3000);
    const entries = checkZip(bytes);
    // exceljs's writer puts the worksheet before the shared strings and the styles, as Excel does.
    const order = entries.ok && entries.layout ? entries.layout.records.map((r) => r.name) : [];
    expect(order.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(order.indexOf('xl/sharedStrings.xml'));
    const result = await importInventory(bytes, 'inventaire.xlsx');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.inventory.publishedAt).toBe('2018-09-28');
    expect(result.inventory.applications.map((a) => a.application)).toEqual(names);
    expect(result.inventory.applications.every((a) => a.service === 'Hémodialyse')).toBe(true);
    expect(JSON.stringify(result.inventory)).not.toContain('\uFFFD');
  });

  it('refuses a workbook cut exactly between two zip records, as a damaged file', async () => {
    const { bytes } = await bigWorkbook(50);
    const zip = checkZip(bytes);
    if (!zip.ok || !zip.layout) throw new Error('expected a plain zip');
    // Every record is whole, only the central directory is missing: the streaming reader alone would accept it.
    const cut = bytes.subarray(0, zip.layout.centralOffset);
    expect(checkZip(cut).ok).toBe(false);
    const result = await importInventory(cut, 'inventaire.xlsx');
    expect(result).toMatchObject({ ok: false, format: 'xlsx' });
    expect(result.problems[0]?.message).toMatch(DAMAGED);
    const last = zip.layout.records.at(-1)?.offset ?? 0;
    expect((await importInventory(bytes.subarray(0, last), 'x.xlsx')).problems[0]?.message).toMatch(DAMAGED);
  });

  it('returns the sheets in workbook order whatever the zip order', async () => {
    const workbook = new ExcelJS.Workbook();
    for (const name of ['Lisez-moi', 'Applications', 'Services']) workbook.addWorksheet(name).addRow([name]);
    const lastFirst = (name: string) => -Number(/sheet(\d+)\.xml$/.exec(name)?.[1] ?? 0);
    const sheets = await readXlsx(await rezipped(await bytesOf(workbook), lastFirst));
    expect(sheets.map((s) => s.name)).toEqual(['Lisez-moi', 'Applications', 'Services']);
    expect(sheets.map((s) => s.rows)).toEqual([[['Lisez-moi']], [['Applications']], [['Services']]]);
  });

  it('reads dates with their formats when the styles come after the worksheet in the zip', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Applications');
    sheet.addRow(['Mise à jour :', new Date(Date.UTC(2018, 8, 28))]);
    sheet.getCell('B1').numFmt = 'yyyy-mm-dd';
    // Strings before the worksheet (so it is read straight from the zip), styles after it.
    const order = ['xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'];
    const rank = (name: string) => (order.includes(name) ? order.indexOf(name) : order.length);
    const [read] = await readXlsx(await rezipped(await bytesOf(workbook), rank));
    expect(read?.rows).toEqual([['Mise à jour :', '2018-09-28']]);
  });

  it('keeps a merged range on its master cell, even when the file keeps the covered cells’ values', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Applications');
    sheet.addRow(['Liste', 'Liste', 'Liste']);
    sheet.addRow([]);
    sheet.addRow(['a', 'b', 'c']);
    const zip = await JSZip.loadAsync(await bytesOf(workbook));
    const xml = (await zip.file('xl/worksheets/sheet1.xml')?.async('string')) ?? '';
    // As LibreOffice writes "keep the contents of the hidden cells": values under the merge, and a prefix.
    const merged = xml.replace(
      '</sheetData>',
      '</sheetData><mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>',
    );
    expect(merged).not.toBe(xml);
    zip.file('xl/worksheets/sheet1.xml', merged);
    const [read] = await readXlsx(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    expect(read?.rows).toEqual([['Liste', '', ''], [], ['a', 'b', 'c']]);
  });

  it('reads a formula’s date result as a date and an error result as empty', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Applications');
    sheet.getCell('A1').value = { formula: 'DATE(2018,9,28)', result: new Date(Date.UTC(2018, 8, 28)) };
    sheet.getCell('A1').numFmt = 'dd/mm/yyyy';
    sheet.getCell('B1').value = { formula: 'NA()', result: { error: '#N/A' } };
    sheet.getCell('C1').value = { formula: '1+1', result: 2 };
    const [read] = await readXlsx(await bytesOf(workbook));
    expect(read?.rows).toEqual([['2018-09-28', '', '2']]);
  });

  it('refuses a zip that holds no workbook', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect((await importInventory(bytes, 'x.xlsx')).problems[0]?.message).toMatch(DAMAGED);
  });
});

describe('zip records', () => {
  it('puts the chosen parts first and keeps every byte', async () => {
    const { bytes } = await bigWorkbook(20);
    const zip = checkZip(bytes);
    if (!zip.ok || !zip.layout) throw new Error('expected a plain zip');
    const chunks = reorderedRecords(bytes, zip.layout, (name) => (name === 'xl/sharedStrings.xml' ? 0 : 1));
    expect(chunks.reduce((n, c) => n + c.length, 0)).toBe(bytes.length);
    const first = Buffer.from(chunks[0] ?? []);
    expect(first.readUInt32LE(0)).toBe(0x04034b50);
    expect(first.subarray(30, 30 + first.readUInt16LE(26)).toString()).toBe('xl/sharedStrings.xml');
  });
});

describe('utf8Chunks', () => {
  it('never ends a chunk inside a character, wherever the input is cut', async () => {
    const text = 'aé€𝄞z'.repeat(3);
    const bytes = Buffer.from(text);
    for (let a = 1; a < bytes.length - 1; a += 1) {
      for (let b = a + 1; b < bytes.length; b += 1) {
        const parts = [bytes.subarray(0, a), bytes.subarray(a, b), bytes.subarray(b)];
        const out = await collect(utf8Chunks(chunksOf(parts)));
        expect(out.map((c) => new TextDecoder('utf-8', { fatal: true }).decode(c)).join('')).toBe(text);
      }
    }
  });

  it('passes a truncated last character on', async () => {
    const bytes = Buffer.from('aé');
    expect(Buffer.concat(await collect(utf8Chunks(chunksOf([bytes.subarray(0, 2)]))))).toEqual(bytes.subarray(0, 2));
  });
});

describe('merged cells', () => {
  it('finds the ranges after the rows, even with the mark split between chunks', async () => {
    const xml = Buffer.from(
      '<sheetData><row r="1"/></sheetData><x:mergeCells count="2"><x:mergeCell ref="A1:G1"/>' +
        '<x:mergeCell  ref = "B3:B4" /></x:mergeCells>',
    );
    for (let cut = 1; cut < xml.length; cut += 1) {
      const ranges: string[] = [];
      const out = await collect(watchMerges(chunksOf([xml.subarray(0, cut), xml.subarray(cut)]), ranges));
      expect(Buffer.concat(out)).toEqual(xml);
      expect(ranges).toEqual(['A1:G1', 'B3:B4']);
    }
    const none: string[] = [];
    await collect(watchMerges(chunksOf([Buffer.from('<sheetData/>')]), none));
    expect(none).toEqual([]);
  });

  it('empties the covered cells only, within the grid', () => {
    const rows = [['T', 'x', 'y'], ['a', 'b'], [], ['c', 'd', 'e', 'f']];
    blankMergedCells(rows, ['A1:C1', 'B2:B1048576', 'Z9:Z10', 'nonsense']);
    expect(rows).toEqual([['T', '', ''], ['a', 'b'], [], ['c', '', 'e', 'f']]);
  });
});
