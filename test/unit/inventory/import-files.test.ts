/**
 * Every fixture variant through the real entry point (bytes of real files → ImportResult).
 * Fixtures come from test/fixtures/make-fixtures.ts.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABORATOIRE_SERVICE, URGENCE_SERVICE } from '../../fixtures/expected';
import { importInventory, importInventoryFile } from '../../../electron/core/inventory/import';
import type { ImportResult, Inventory } from '../../../shared/inventory/model';
import { inventoryStats } from '../../../shared/inventory/stats';

const FIXTURES = join(import.meta.dirname, '../../fixtures/inventory');
const DEFAULT_ASSET = join(import.meta.dirname, '../../../assets/inventaire-par-defaut.csv');

async function importFixture(name: string): Promise<ImportResult> {
  return importInventory(new Uint8Array(await readFile(join(FIXTURES, name))), name);
}

function inventoryOf(result: ImportResult): Inventory {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.problems)}`);
  return result.inventory;
}

const app = (inventory: Inventory, name: string) => {
  const found = inventory.applications.find((a) => a.application === name);
  if (!found) throw new Error(`no application ${name}`);
  return found;
};

/** The guide's Annexe 2: 18 rows; 7 scheduled, 8 not affected, 3 to be determined. */
const ANNEXE2_STATS = {
  applications: 18,
  byStatus: { scheduled: 7, 'not-affected': 8, 'to-be-determined': 3, unrecognized: 0 },
};

describe('default asset (assets/inventaire-par-defaut.csv)', () => {
  it('gives the 18 applications of the guide with their statuses and the publication date', async () => {
    const result = await importInventoryFile(DEFAULT_ASSET);
    const inventory = inventoryOf(result);
    expect(result.format).toBe('csv');
    expect(result.problems).toEqual([]);
    expect(inventoryStats(inventory)).toMatchObject(ANNEXE2_STATS);
    expect(inventory.publishedAt).toBe('2018-09-28');
    // The title block takes rows 1–3, the header row 4: data starts at row 5 as Excel numbers it.
    expect(app(inventory, 'SIURGE IUSMM').row).toBe(5);
    expect(app(inventory, 'WinVision IUSMM').row).toBe(22);
    // "Aucune application avec un serveur Windows" / "Pas touché" is an application row like the others.
    expect(app(inventory, 'Aucune application avec un serveur Windows').schedule.status).toBe('not-affected');
    expect(app(inventory, 'Cobas IT').schedule).toMatchObject({
      status: 'scheduled',
      rule: { kind: 'monthly', ordinals: [3], weekday: 3 },
    });
    expect(app(inventory, 'Sites web (Pharmaclick, clozapine, etc.)').service).toBe('Pharmacie');
  });
});

describe('CSV variants', () => {
  it('reads a Windows-1252 ";" CSV with the title rows and CRLF', async () => {
    const result = await importFixture('annexe2-windows-1252.csv');
    const inventory = inventoryOf(result);
    expect(result.problems).toEqual([]);
    expect(inventoryStats(inventory)).toMatchObject(ANNEXE2_STATS);
    expect(inventory.publishedAt).toBe('2018-09-28');
    expect(app(inventory, 'Aucune application avec un serveur Windows').service).toBe('Bloc opératoire');
    // 0x92 and 0x8C/0x9C: the Windows-1252 bytes a Latin-1 decoder turns into control characters.
    expect(app(inventory, 'Cortex Omnitech').comment).toBe(
      'L’interface pour le transfert des données doit être redémarrées manuellement.',
    );
    expect(app(inventory, 'GestLab').comment).toMatch(/^Œuvre : sera fait en novembre\./);
    // Unquoted commas inside a ";" file stay in their cell.
    expect(app(inventory, 'PACS partagé - CSR (IUSMM)').scheduleText).toBe(
      "Pas touché pour l'Instant, serveur à l'externe.",
    );
  });

  it('reads a UTF-8 BOM CSV whose header is shuffled, upper/lower case, plural, with an unknown column', async () => {
    const result = await importFixture('utf8-bom-entetes-melanges.csv');
    const inventory = inventoryOf(result);
    expect(result.problems).toEqual([]);
    expect(inventory.applications.map((a) => a.application)).toEqual([
      'Cortex Omnitech',
      'Cobas IT',
      'GestLab',
      'Nutritek',
    ]);
    const cortex = app(inventory, 'Cortex Omnitech');
    expect(cortex).toMatchObject({ row: 2, direction: 'DSP', site: 'IUSMM', service: 'Laboratoire', transfers: null });
    expect(cortex.comment).toBe("L'interface pour le transfert des données");
    expect(app(inventory, 'Cobas IT')).toMatchObject({
      transfers: true,
      schedule: { status: 'scheduled', rule: { kind: 'monthly', ordinals: [1, 3] } },
    });
    expect(app(inventory, 'GestLab').transfers).toBe(false);
    expect(app(inventory, 'Nutritek').transfers).toBe(true);
    expect(inventory.publishedAt).toBeNull();
  });

  it('reads quoted multi-line cells: names collapsed to one line, one record = one row', async () => {
    const inventory = inventoryOf(await importFixture('cellules-multilignes.csv'));
    expect(inventory.applications.map((a) => [a.row, a.application])).toEqual([
      [2, 'eClinibase'],
      [3, 'Sites web (Pharmaclick, clozapine, etc.)'],
      [4, 'SIURGE IUSMM'],
      [5, 'Cortex Omnitech'],
    ]);
    expect(app(inventory, 'eClinibase')).toMatchObject({
      scheduleText: "Pas touché pour l'instant (serveur de Logibec)",
      schedule: { status: 'not-affected' },
    });
    expect(app(inventory, 'SIURGE IUSMM').comment).toBe(
      'SIURGE ne sera pas touché le 1er jeudi du mois (pas du Windows). Sera touché par le redémarrage du serveur de fichiers du lecteur M.',
    );
    expect(app(inventory, 'Cortex Omnitech')).toMatchObject({
      scheduleText: '1er mercredi 2h-4h',
      schedule: { status: 'scheduled' },
      comment: 'Le module "Résultats" doit être vérifié.',
    });
  });

  it('reads a UTF-16 tab-separated "Texte Unicode" export', async () => {
    const inventory = inventoryOf(await importFixture('texte-unicode-utf16.txt'));
    expect(inventory.applications).toHaveLength(1);
    expect(inventory.applications[0]).toMatchObject({ application: 'Radimage IUSMM', comment: 'Serveur à l’externe.' });
  });

  it('keeps going on row problems and reports each with its row and column', async () => {
    const result = await importFixture('problemes-de-lignes.csv');
    const inventory = inventoryOf(result);
    expect(inventory.applications.map((a) => a.row)).toEqual([2, 4, 5, 8, 9, 10]);
    expect(inventoryStats(inventory).byStatus).toEqual({
      scheduled: 4,
      'not-affected': 0,
      'to-be-determined': 0,
      unrecognized: 2,
    });
    expect(result.problems.map((p) => [p.row, p.column, p.severity])).toEqual([
      [3, 'Application', 'error'],
      [4, 'Plage de maintenance', 'warning'],
      [5, 'Plage de maintenance', 'warning'],
      [7, 'Service', 'error'],
      [8, 'Application', 'warning'],
      [10, 'Site', 'warning'],
    ]);
    const messages = result.problems.map((p) => p.message);
    expect(messages[0]).toBe('Nom d’application manquant : la ligne est ignorée.');
    expect(messages[1]).toContain('25h');
    expect(messages[2]).toContain('8e');
    expect(messages[3]).toContain('Radimage IUSMM');
    expect(messages[4]).toBe('« gestlab » apparaît déjà à la ligne 2 pour le même site et le même service (doublon).');
    // The unrecognized row is kept, with the parser's reason.
    expect(app(inventory, 'Accudose').schedule).toMatchObject({
      status: 'unrecognized',
      message: expect.stringContaining('25h'),
    });
  });

  it('fails with a clear message when the Application column is missing', async () => {
    const result = await importFixture('sans-colonne-application.csv');
    expect(result).toMatchObject({ ok: false, format: 'csv' });
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.message).toMatch(/^Colonne « Application » introuvable/);
    expect(result.problems[0]?.message).toContain(
      "la ligne d'en-tête doit contenir Direction, Site, Service, Application, Plage de maintenance, Commentaire.",
    );
  });
});

describe('XLSX', () => {
  it('reads the application sheet after a title block, with rich text, formulas, autofilter and side sheets', async () => {
    const result = await importFixture('inventaire-complet.xlsx');
    const inventory = inventoryOf(result);
    expect(result.format).toBe('xlsx');
    expect(inventoryStats(inventory)).toEqual({ ...ANNEXE2_STATS, services: 4, contacts: 4, hosts: 3 });
    // "Mise à jour :" in A2 and a real date cell in B2.
    expect(inventory.publishedAt).toBe('2018-09-28');
    const cortex = app(inventory, 'Cortex Omnitech');
    expect(cortex).toMatchObject({
      row: 12,
      site: 'IUSMM',
      transfers: true,
      comment: "L'interface pour le transfert des données doit être redémarrées manuellement.",
    });
    expect(app(inventory, 'GestLab').transfers).toBe(true);
    expect(app(inventory, 'Cobas IT').transfers).toBe(false);
    expect(app(inventory, 'Nutritek').transfers).toBeNull();
    // The only problem: a non-24/7 service without a shift start.
    expect(result.problems).toEqual([
      {
        row: 5,
        column: 'Début de quart',
        severity: 'warning',
        message:
          'Feuille « Services » : « Archives » n’est pas 24/7 mais n’a pas de début de quart : 08:00 est utilisé.',
      },
    ]);
  });

  it('reads the Services, Contacts and Postes sheets', async () => {
    const inventory = inventoryOf(await importFixture('inventaire-complet.xlsx'));
    expect(inventory.services).toEqual([
      URGENCE_SERVICE,
      LABORATOIRE_SERVICE,
      {
        site: 'IUSMM',
        service: 'Pharmacie',
        twentyFourSeven: false,
        shiftStarts: ['08:00', '16:00'],
        urgencePilote: false,
        continuityPlanUrl: '\\\\serveur\\pcs\\pharmacie.docx',
      },
      {
        site: 'IUSMM',
        service: 'Archives',
        twentyFourSeven: false,
        shiftStarts: ['08:00'],
        urgencePilote: false,
        continuityPlanUrl: null,
      },
    ]);
    expect(inventory.contacts[0]).toEqual({
      id: 'contact-ligne-2',
      date: '2018-10-17',
      site: 'HMR',
      service: null,
      from: '04:00',
      to: '17:00',
      urgencePilote: null,
      contact: {
        name: "Coordonnateur d'activité",
        phone: null,
        url: null,
        note: "Il communiquera avec l'équipe de veille de la DSP.",
      },
    });
    expect(inventory.contacts.map((c) => [c.from, c.to, c.urgencePilote, c.contact.name, c.contact.phone])).toEqual([
      ['04:00', '17:00', null, "Coordonnateur d'activité", null],
      ['04:00', '07:00', null, 'CDA', '3050'],
      ['07:00', '17:00', false, 'CSI', '5656'],
      ['07:00', '17:00', true, 'Formulaire Octopus', null],
    ]);
    expect(inventory.contacts[3]?.contact.url).toBe('https://octopus.example.local/formulaire');
    expect(inventory.hosts).toEqual([
      { pattern: 'HMR-URG-*', site: 'HMR', services: ['Urgence'] },
      { pattern: 'IUSMM-LAB-*', site: 'IUSMM', services: ['Laboratoire', 'Pharmacie'] },
      { pattern: 'IUSMM-NUT-01', site: 'IUSMM', services: ['Nutrition'] },
    ]);
  });

  it('fails clearly on a truncated workbook', async () => {
    const result = await importFixture('inventaire-tronque.xlsx');
    expect(result).toMatchObject({ ok: false, format: 'xlsx' });
    expect(result.problems[0]?.message).toMatch(/^Le fichier Excel est endommagé ou incomplet/);
  });
});

describe('JSON', () => {
  it('reads a vigie-inventory file', async () => {
    const result = await importFixture('inventaire.json');
    const inventory = inventoryOf(result);
    expect(result.format).toBe('json');
    expect(result.problems).toEqual([]);
    expect(inventoryStats(inventory)).toEqual({
      applications: 5,
      byStatus: { scheduled: 3, 'not-affected': 1, 'to-be-determined': 1, unrecognized: 0 },
      services: 1,
      contacts: 1,
      hosts: 1,
    });
    expect(app(inventory, 'Cortex Omnitech')).toMatchObject({ row: null, transfers: true });
    expect(app(inventory, 'Cobas IT').schedule).toMatchObject({ rule: { kind: 'monthly', offsetDays: 1 } });
    expect(inventory.contacts[0]).toMatchObject({
      id: 'contact-1',
      contact: { name: 'CDA', phone: '3050', url: null },
    });
  });
});

describe('files that are not inventories', () => {
  it('says an empty file is empty', async () => {
    const result = await importFixture('vide.csv');
    expect(result).toEqual({
      ok: false,
      format: null,
      problems: [{ row: null, column: null, severity: 'error', message: 'Le fichier est vide.' }],
    });
  });

  it('refuses random bytes even named .csv', async () => {
    const result = await importFixture('octets-aleatoires.csv');
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.message).toBe('Ce fichier n’est pas un tableur reconnu (CSV, XLSX ou JSON).');
  });

  it('explains that a side table alone is not the application list', async () => {
    for (const [name, label] of [
      ['services.csv', 'Services'],
      ['contacts.csv', 'Contacts'],
      ['postes.csv', 'Postes'],
    ]) {
      const result = await importFixture(name as string);
      expect(result.ok).toBe(false);
      expect(result.problems[0]?.message).toContain(`la table « ${label} », pas la liste des applications`);
    }
  });
});
