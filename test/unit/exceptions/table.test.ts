/**
 * The Exceptions table read from real files (issue 13): a sheet of the workbook, a CSV or XLSX side file, the JSON
 * format; rows refused or warned about with their row and column.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importInventory, importSideTable } from '../../../electron/core/inventory/import';
import { inventoryFromJson, inventoryToJson } from '../../../shared/inventory/json';
import type { ImportResult, Inventory } from '../../../shared/inventory/model';
import { MAX_EXCEPTIONS } from '../../../shared/inventory/exceptions';
import { PARSE_ENTRY } from '../../../electron/cli/parse-entry';
import { csvWithRows, xlsxWithRows } from '../sync/helpers';
import { trackedParser } from '../sync/isolation/helpers';

const HEADER = ['Site', 'Service', 'Application', 'Du', 'Au', 'Action', 'Nouvelle plage', 'Motif'];
const ROWS = [
  HEADER,
  ['IUSMM', '', '', '2027-01-04', '2027-01-08', 'Annulée', '', 'gel des Fêtes'],
  ['IUSMM', 'Laboratoire', 'GestLab', '3 février 2027', '', 'REPORTÉE', '17 février 2027 2h-4h', 'inventaire annuel'],
  ['', 'Pharmacie', '', '2027-03-10', '', 'ajoutée', '2027-03-10 22h-1h', 'mise à jour urgente'],
];

const bytes = (text: string) => new TextEncoder().encode(text);
const csv = (rows: string[][]) => rows.map((r) => r.join(';')).join('\r\n') + '\r\n';

function inventoryOf(result: ImportResult): Inventory {
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.inventory;
}

const EXPECTED = [
  {
    row: 2,
    site: 'IUSMM',
    service: null,
    application: null,
    from: '2027-01-04',
    to: '2027-01-08',
    action: 'cancelled',
    newWindow: null,
    reason: 'gel des Fêtes',
  },
  {
    row: 3,
    site: 'IUSMM',
    service: 'Laboratoire',
    application: 'GestLab',
    from: '2027-02-03',
    to: '2027-02-03',
    action: 'moved',
    newWindow: {
      text: '17 février 2027 2h-4h',
      rule: {
        kind: 'once',
        date: { year: 2027, month: 2, day: 17 },
        time: { start: { hour: 2, minute: 0 }, end: { hour: 4, minute: 0 } },
      },
    },
    reason: 'inventaire annuel',
  },
  {
    row: 4,
    site: null,
    service: 'Pharmacie',
    application: null,
    from: '2027-03-10',
    to: '2027-03-10',
    action: 'added',
    newWindow: {
      text: '2027-03-10 22h-1h',
      rule: {
        kind: 'once',
        date: { year: 2027, month: 3, day: 10 },
        time: { start: { hour: 22, minute: 0 }, end: { hour: 1, minute: 0 } },
      },
    },
    reason: 'mise à jour urgente',
  },
];

describe('Exceptions table', () => {
  it('a sheet "Exceptions" of the workbook is read with the list', async () => {
    const inventory = inventoryOf(await importInventory(await xlsxWithRows(17, { Exceptions: ROWS }), 'inv.xlsx'));
    expect(inventory.applications).toHaveLength(17);
    expect(inventory.exceptions).toEqual(EXPECTED);
  });

  it('a CSV inventory has none; an exceptions.csv side file is recognised as the Exceptions table', async () => {
    expect(inventoryOf(await importInventory(bytes(csvWithRows(17)), 'inv.csv')).exceptions).toBeUndefined();
    const side = await importSideTable(bytes(csv(ROWS)), 'exceptions.csv');
    expect(side).toMatchObject({ ok: true, format: 'csv', table: { kind: 'exceptions', rows: EXPECTED } });
  });

  it('an exceptions.xlsx side file (one sheet, any name) is recognised by its header', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Feuil1');
    sheet.addRows([['Calendrier 2027'], [], ...ROWS]);
    // A real Excel date cell in "Du" reads as the same day.
    sheet.getCell('D4').value = new Date(Date.UTC(2027, 0, 4));
    const file = new Uint8Array(await workbook.xlsx.writeBuffer());
    const side = await importSideTable(file, 'exceptions.xlsx');
    if (!side.ok || side.table.kind !== 'exceptions') throw new Error(JSON.stringify(side));
    expect(side.table.rows.map((r) => ({ ...r, row: r.row === null ? null : r.row - 2 }))).toEqual(EXPECTED);
  });

  it('the JSON format carries the same rows, and inventoryToJson writes them back', async () => {
    const doc = JSON.parse(await readFile(path.resolve('test/fixtures/inventory/inventaire.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    doc.exceptions = EXPECTED.map((e) => ({
      site: e.site,
      service: e.service,
      application: e.application,
      from: e.from,
      to: e.row === 2 ? e.to : null,
      action: { cancelled: 'annulée', moved: 'Reportée', added: 'ajoute' }[e.action],
      newWindow: e.newWindow?.text ?? null,
      reason: e.reason,
    }));
    const inventory = inventoryOf(inventoryFromJson(doc));
    expect(inventory.exceptions).toEqual(EXPECTED.map((e) => ({ ...e, row: e.row - 1 })));
    const again = inventoryOf(inventoryFromJson(JSON.parse(JSON.stringify(inventoryToJson(inventory)))));
    expect(again.exceptions).toEqual(inventory.exceptions);
  });

  it('bad rows are left out with a warning naming their row and column, the others are kept', async () => {
    const side = await importSideTable(
      bytes(
        csv([
          HEADER,
          ['IUSMM', '', '', '06/01/2027', '', 'annulée', '', 'date ambiguë'],
          ['IUSMM', '', '', '2027-01-06', '2027-01-02', 'annulée', '', 'Au avant Du'],
          ['IUSMM', '', '', '2027-01-06', '', 'supprimée', '', 'action inconnue'],
          ['IUSMM', '', '', '2027-01-06', '', 'reportée', '1er mercredi 2h-4h', 'pas une date précise'],
          ['IUSMM', '', '', '2027-01-06', '', 'ajoutée', '', 'sans nouvelle plage'],
          ['IUSMM', '', '', '2026-01-01', '2027-06-01', 'annulée', '', 'trop long'],
          ['IUSMM', '', '', '2027-01-06', '', 'annulée', '2027-01-07 2h-4h', 'gardée, texte ignoré'],
        ]),
      ),
      'exceptions.csv',
    );
    if (!side.ok || side.table.kind !== 'exceptions') throw new Error(JSON.stringify(side));
    expect(side.table.rows.map((r) => r.reason)).toEqual(['gardée, texte ignoré']);
    expect(side.problems.map((p) => [p.row, p.column, p.severity])).toEqual([
      [2, 'Du', 'warning'],
      [3, 'Au', 'warning'],
      [4, 'Action', 'warning'],
      [5, 'Nouvelle plage', 'warning'],
      [6, 'Nouvelle plage', 'warning'],
      [7, 'Au', 'warning'],
      [8, 'Nouvelle plage', 'warning'],
    ]);
    expect(side.problems[0]?.message).toContain('Date « 06/01/2027 » non comprise');
    expect(side.problems[3]?.message).toContain('une date précise est attendue');
  });

  it('bounded: at most MAX_EXCEPTIONS rows, long texts shortened with a warning', async () => {
    const many = Array.from({ length: MAX_EXCEPTIONS + 5 }, () => ['', '', '', '2027-01-06', '', 'annulée', '', 'x']);
    many[0] = ['', '', 'A'.repeat(400), '2027-01-06', '', 'annulée', '', 'M'.repeat(900)];
    const side = await importSideTable(bytes(csv([HEADER, ...many])), 'exceptions.csv');
    if (!side.ok || side.table.kind !== 'exceptions') throw new Error(JSON.stringify(side));
    expect(side.table.rows).toHaveLength(MAX_EXCEPTIONS);
    expect(side.table.rows[0]?.application).toHaveLength(300);
    expect(side.table.rows[0]?.reason).toHaveLength(500);
    expect(side.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'Application'],
      [2, 'Motif'],
      [MAX_EXCEPTIONS + 2, null],
    ]);
  });
});

describe('Exceptions through the parsing process', () => {
  it('a workbook sheet and a side file come back whole from the real child (its answer is schema-checked)', async () => {
    const { parser, exits } = trackedParser(PARSE_ENTRY);
    const inventory = await parser.inventory(await xlsxWithRows(17, { Exceptions: ROWS }), 'inv.xlsx');
    expect(inventory.ok && inventory.inventory.exceptions).toEqual(EXPECTED);
    const side = await parser.sideTable(bytes(csv(ROWS)), 'exceptions.csv');
    expect(side.ok && side.table).toEqual({ kind: 'exceptions', rows: EXPECTED });
    await Promise.all(exits);
  }, 60_000);
});
