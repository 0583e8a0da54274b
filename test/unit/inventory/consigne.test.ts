/**
 * Issue 12: the optional "Consigne pour l'unité" column is what wards read; IT's "Commentaire" reaches them only when
 * there is no consigne, and otherwise goes under "Détails pour les TI". Real files in a temp folder (CSV, XLSX,
 * JSON) through the real import entry point, then the ward's view (shared/inventory/ward-note.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { importInventoryFile } from '../../../electron/core/inventory/import';
import { inventoryToJson } from '../../../shared/inventory/json';
import type { ImportResult, Inventory } from '../../../shared/inventory/model';
import { TEXT_LIMITS } from '../../../shared/inventory/text-limits';
import { wardNote } from '../../../shared/inventory/ward-note';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-consigne-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function inventoryOf(result: ImportResult): Inventory {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.problems)}`);
  return result.inventory;
}

function app(inventory: Inventory, name: string) {
  const found = inventory.applications.find((a) => a.application === name);
  if (!found) throw new Error(`no application ${name}`);
  return found;
}

const ROWS = [
  ['DSP', 'IUSMM', 'Laboratoire', 'GestLab', '1er mercredi 2h-4h', 'Serveur SQL LAB-02.', 'Fermez GestLab  avant 2 h.'],
  ['DSP', 'IUSMM', 'Laboratoire', 'Cobas IT', '1er mercredi 2h-4h', 'Relancer l’interface HL7.', ''],
];

async function csvFile(header: string[], rows: string[][] = ROWS): Promise<ImportResult> {
  const file = path.join(dir, `inventaire-${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(file, [header, ...rows].map((r) => r.join(';')).join('\r\n') + '\r\n', 'utf8');
  return importInventoryFile(file);
}

async function xlsxFile(header: string[]): Promise<ImportResult> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Applications').addRows([['Liste des applications'], [], header, ...ROWS]);
  const file = path.join(dir, 'inventaire.xlsx');
  fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return importInventoryFile(file);
}

const BASE = ['Direction', 'Site', 'Service', 'Application', 'Plage de maintenance', 'Commentaire'];

describe('the "Consigne pour l’unité" column', () => {
  it.each([
    'Consigne pour l’unité',
    "CONSIGNE POUR L'UNITE",
    'consignes pour les unités',
    'Consigne',
    'Consigne pour l’unité (affichée aux unités)',
  ])('is read from a CSV whose header says « %s » (case, accents, plural folded)', async (title) => {
    const inventory = inventoryOf(await csvFile([...BASE, title]));
    expect(app(inventory, 'GestLab').consigne).toBe('Fermez GestLab avant 2 h.');
    expect(app(inventory, 'GestLab').comment).toBe('Serveur SQL LAB-02.');
    // An empty cell is no consigne at all: the row reads as it did before the column existed.
    expect(app(inventory, 'Cobas IT')).not.toHaveProperty('consigne');
  });

  it('is read from an XLSX workbook, in any column order', async () => {
    const header = ['Consigne pour l’unité', ...BASE];
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Applications').addRows([header, ...ROWS.map((r) => [r[6] ?? '', ...r.slice(0, 6)])]);
    const file = path.join(dir, 'ordre.xlsx');
    fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const result = await importInventoryFile(file);
    expect(result.format).toBe('xlsx');
    expect(app(inventoryOf(result), 'GestLab').consigne).toBe('Fermez GestLab avant 2 h.');
    expect(app(inventoryOf(await xlsxFile([...BASE, 'Consigne pour l’unité'])), 'GestLab').consigne).toBe(
      'Fermez GestLab avant 2 h.',
    );
  });

  it('is optional: without it, nothing changes and no warning is given', async () => {
    const result = await csvFile(
      BASE,
      ROWS.map((r) => r.slice(0, 6)),
    );
    expect(result.problems).toEqual([]);
    expect(inventoryOf(result).applications.every((a) => a.consigne === undefined)).toBe(true);
  });

  it('is shortened to its limit with one warning, like every inventory text', async () => {
    const long = 'Fermez GestLab. '.repeat(200).trim();
    const result = await csvFile(BASE.concat('Consigne'), [[...ROWS[0]!.slice(0, 6), long]]);
    const consigne = app(inventoryOf(result), 'GestLab').consigne ?? '';
    expect(consigne).toHaveLength(TEXT_LIMITS.consigne);
    expect(consigne.endsWith('…')).toBe(true);
    expect(result.problems.map((p) => p.message)).toEqual([
      `Consigne pour l’unité : texte de plus de ${TEXT_LIMITS.consigne} caractères, raccourci.`,
    ]);
  });

  it('travels through the JSON format both ways', async () => {
    const inventory = inventoryOf(await csvFile([...BASE, 'Consigne pour l’unité']));
    const json = inventoryToJson(inventory);
    expect(json.applications.find((a) => a.application === 'GestLab')?.consigne).toBe('Fermez GestLab avant 2 h.');
    expect(json.applications.find((a) => a.application === 'Cobas IT')).not.toHaveProperty('consigne');
    const file = path.join(dir, 'inventaire.json');
    fs.writeFileSync(file, JSON.stringify(json), 'utf8');
    const back = inventoryOf(await importInventoryFile(file));
    expect(app(back, 'GestLab').consigne).toBe('Fermez GestLab avant 2 h.');
    expect(app(back, 'Cobas IT').consigne).toBeUndefined();
  });
});

describe('wardNote: what the ward reads', () => {
  it('shows the consigne and sets IT’s comment apart', () => {
    expect(wardNote({ comment: ' Serveur SQL. ', consigne: ' Fermez GestLab. ' })).toEqual({
      instructions: 'Fermez GestLab.',
      itDetails: 'Serveur SQL.',
    });
  });
  it('shows the comment itself when there is no consigne (absent, empty or blank)', () => {
    for (const consigne of [undefined, '', '   ']) {
      expect(wardNote({ comment: 'Relancer HL7.', consigne })).toEqual({
        instructions: 'Relancer HL7.',
        itDetails: '',
      });
    }
  });
});
