import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LABORATOIRE_SERVICE, URGENCE_SERVICE } from '../../fixtures/expected';
import { detectDelimiter, parseCsvText } from '../../../electron/core/inventory/csv';
import { decodeText, decodeWindows1252 } from '../../../electron/core/inventory/encoding';
import { importInventory, importInventoryFile, importSideTable } from '../../../electron/core/inventory/import';
import { cellValueText } from '../../../electron/core/inventory/xlsx';

const FIXTURES = join(import.meta.dirname, '../../fixtures/inventory');
const bytes = (text: string) => new TextEncoder().encode(text);
const GUIDE_HEADER = 'Direction;Site;Service;Application;Plage de maintenance;Commentaire';

describe('decodeText', () => {
  it('reads strict UTF-8 and drops the BOM', () => {
    expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes('Opératoire')]))).toBe('Opératoire');
  });

  it('falls back to Windows-1252, including the 0x80–0x9F block Node decodes as Latin-1', () => {
    // "Opératoire – l’équipe, cœur, 5 €" in Windows-1252.
    const cp1252 = Uint8Array.from([
      0x4f, 0x70, 0xe9, 0x72, 0x61, 0x74, 0x6f, 0x69, 0x72, 0x65, 0x20, 0x96, 0x20, 0x6c, 0x92, 0xe9, 0x71, 0x75, 0x69,
      0x70, 0x65, 0x2c, 0x20, 0x63, 0x9c, 0x75, 0x72, 0x2c, 0x20, 0x35, 0x20, 0x80,
    ]);
    expect(decodeText(cp1252)).toBe('Opératoire – l’équipe, cœur, 5 €');
    expect(decodeWindows1252(Uint8Array.from([0x81, 0xff, 0x41]))).toBe('\u0081ÿA');
  });

  it('reads UTF-16 with a BOM', () => {
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00]))).toBe('Aé');
    expect(decodeText(Uint8Array.from([0xfe, 0xff, 0x00, 0x41, 0x00, 0xe9]))).toBe('Aé');
  });
});

describe('detectDelimiter', () => {
  it('reads the separator from the header line, not from data or title lines', () => {
    const text = `Liste des applications, version 2\r\nMise à jour : 2018-09-28\r\n\r\n${GUIDE_HEADER}\r\nDSP;IUSMM;Imagerie;PACS;Pas touché, serveur externe, etc.;Oui, non, peut-être\r\n`;
    expect(detectDelimiter(text)).toBe(';');
    expect(
      detectDelimiter('Direction,Site,Service,Application,Plage,Commentaire\nDSP,IUSMM,"Labo; Pharmacie",X,Y,Z'),
    ).toBe(',');
    expect(detectDelimiter('Service\tApplication\tPlage de maintenance\nLabo\tX\tPas touché')).toBe('\t');
  });

  it('ignores separators inside quoted cells, even across lines', () => {
    expect(detectDelimiter('"Application;\nService;Site;Plage",Plage,Service\n')).toBe(',');
  });

  it('without a header, uses the most frequent separator, and ";" when there is none', () => {
    expect(detectDelimiter('a,b,c\nd,e,f')).toBe(',');
    expect(detectDelimiter('rien\nici')).toBe(';');
  });
});

describe('parseCsvText', () => {
  it('keeps blank lines as rows so row numbers match Excel', () => {
    const sheet = parseCsvText(`Titre\r\n\r\n${GUIDE_HEADER}\r\n`, 'inventaire');
    expect(sheet.name).toBe('inventaire');
    expect(sheet.rows.map((r) => r.length)).toEqual([1, 1, 6]);
  });

  it('accepts ragged rows and stray quotes', () => {
    const sheet = parseCsvText('a;b;c\nécran 5";x\n', 's');
    expect(sheet.rows).toEqual([
      ['a', 'b', 'c'],
      ['écran 5"', 'x'],
    ]);
  });

  it('fails in French on an unclosed quote', () => {
    expect(() => parseCsvText(`${GUIDE_HEADER}\n"DSP;IUSMM\n`, 's')).toThrow(
      /guillemet \("\) ouvert n’est jamais refermé/,
    );
  });
});

describe('cellValueText (XLSX cells)', () => {
  it('flattens the kinds of value exceljs returns', () => {
    expect(cellValueText(null)).toBe('');
    expect(cellValueText(42)).toBe('42');
    expect(cellValueText(true)).toBe('VRAI');
    expect(cellValueText({ richText: [{ text: 'Cortex ' }, { text: 'Omnitech' }] })).toBe('Cortex Omnitech');
    expect(cellValueText({ text: 'Plan', hyperlink: 'https://x' })).toBe('Plan');
    expect(
      cellValueText({ text: { richText: [{ text: 'Plan ' }, { text: 'PCS' }] } as never, hyperlink: 'https://x' }),
    ).toBe('Plan PCS');
    expect(cellValueText({ formula: 'A1', result: 'IUSMM' })).toBe('IUSMM');
    expect(cellValueText({ sharedFormula: 'A1', result: 3 })).toBe('3');
    expect(cellValueText({ formula: 'A1', result: { error: '#N/A' } })).toBe('');
    expect(cellValueText({ error: '#REF!' })).toBe('');
    expect(cellValueText(new Date(Date.UTC(2018, 8, 28)))).toBe('2018-09-28');
    expect(cellValueText(new Date(Date.UTC(2027, 1, 10, 22, 0)))).toBe('2027-02-10 22:00');
    expect(cellValueText(new Date(Date.UTC(1899, 11, 30, 16, 30)))).toBe('16:30');
  });
});

describe('importInventory: format by content, never throws', () => {
  it('reads JSON by content (leading spaces, BOM), whatever the name', async () => {
    const json = JSON.stringify({
      format: 'vigie-inventory',
      version: 1,
      applications: [{ service: 'Labo', application: 'X', schedule: 'Pas touché' }],
    });
    const result = await importInventory(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes(`\n  ${json}`)]), 'liste.csv');
    expect(result).toMatchObject({ ok: true, format: 'json' });
  });

  it('reads "[" as JSON only in a .json file', async () => {
    const array = bytes('[{"application": "X"}]');
    expect((await importInventory(array, 'liste.json')).problems[0]?.message).toMatch(/n’est pas un inventaire Vigie/);
    expect((await importInventory(array, 'liste.csv')).problems[0]?.message).toMatch(/^Ligne d’en-tête introuvable/);
  });

  it('says where a JSON file is malformed', async () => {
    const result = await importInventory(bytes('{\n  "format": "vigie-inventory",\n  "version": 1,,\n}'), 'x.json');
    expect(result).toMatchObject({ ok: false, format: 'json' });
    expect(result.problems[0]?.message).toMatch(/^Le fichier JSON est mal formé \(vers la ligne 3\)/);
  });

  it('treats a whitespace-only file as empty', async () => {
    expect((await importInventory(bytes(' \r\n\t\n'), 'x.csv')).problems[0]?.message).toBe('Le fichier est vide.');
  });

  it('names the old Excel and OpenDocument formats', async () => {
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect((await importInventory(xls, 'x.xlsx')).problems[0]?.message).toMatch(/Excel 97-2003 \(\.xls\)/);
    const ods = Uint8Array.from([
      0x50,
      0x4b,
      0x03,
      0x04,
      ...bytes('\0\0mimetypeapplication/vnd.oasis.opendocument.spreadsheet'),
    ]);
    expect((await importInventory(ods, 'x.ods')).problems[0]?.message).toMatch(/OpenDocument \(\.ods\)/);
  });

  it('refuses a zip that is not a workbook as a damaged Excel file', async () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new Uint8Array(200)]);
    const result = await importInventory(zip, 'x.xlsx');
    expect(result).toMatchObject({ ok: false, format: 'xlsx' });
    expect(result.problems[0]?.message).toMatch(/^Le fichier Excel est endommagé ou incomplet/);
  });

  it('reports a malformed CSV as a failure, not an exception', async () => {
    const result = await importInventory(bytes(`${GUIDE_HEADER}\n"DSP;IUSMM\n`), 'x.csv');
    expect(result).toMatchObject({ ok: false, format: 'csv' });
    expect(result.problems[0]?.message).toMatch(/^Le fichier CSV est mal formé/);
  });
});

describe('importInventoryFile', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vigie-inventory-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file from disk', async () => {
    const path = join(dir, 'inventaire.csv');
    await writeFile(path, `${GUIDE_HEADER}\r\nDSP;IUSMM;Labo;GestLab;1er mercredi 2h-4h;\r\n`);
    const result = await importInventoryFile(path);
    expect(result).toMatchObject({ ok: true, format: 'csv' });
  });

  it('explains a missing file and a folder in French', async () => {
    const missing = join(dir, 'absent.xlsx');
    expect((await importInventoryFile(missing)).problems).toEqual([
      {
        row: null,
        column: null,
        severity: 'error',
        message: `Le fichier « ${missing} » est introuvable. Vérifiez le chemin dans les paramètres.`,
      },
    ]);
    expect((await importInventoryFile(dir)).problems[0]?.message).toBe(`« ${dir} » est un dossier, pas un fichier.`);
  });
});

describe('importSideTable', () => {
  const side = async (name: string) => importSideTable(new Uint8Array(await readFile(join(FIXTURES, name))), name);

  it('reads Services, Contacts and Postes published as their own CSV files', async () => {
    const services = await side('services.csv');
    expect(services).toMatchObject({ ok: true, format: 'csv', problems: [] });
    if (!services.ok) return;
    expect(services.table).toEqual({
      kind: 'services',
      rows: [URGENCE_SERVICE, LABORATOIRE_SERVICE],
    });
    const contacts = await side('contacts.csv');
    expect(contacts.ok && contacts.table.kind === 'contacts' && contacts.table.rows.map((c) => c.contact.name)).toEqual(
      ['CDA', 'CSI'],
    );
    const hosts = await side('postes.csv');
    expect(hosts.ok && hosts.table).toEqual({
      kind: 'hosts',
      rows: [{ pattern: 'HMR-URG-*', site: 'HMR', services: ['Urgence'] }],
    });
  });

  it('finds a side sheet inside a workbook, and says when a file holds none', async () => {
    const workbook = await side('inventaire-complet.xlsx');
    expect(workbook.ok && workbook.table.kind).toBe('services');
    const none = await side('annexe2-windows-1252.csv');
    expect(none.ok).toBe(false);
    expect(none.problems.at(-1)?.message).toMatch(/^Aucune table Services, Contacts, Postes ou Exceptions reconnue/);
    expect((await side('vide.csv')).problems[0]?.message).toBe('Le fichier est vide.');
  });
});
