import { describe, expect, it } from 'vitest';
import { inventoryFromSheets } from '../../../shared/inventory/from-sheets';
import type { ImportResult, Inventory, Sheet } from '../../../shared/inventory/model';
import { mergeSideTable, sideTableFromSheet } from '../../../shared/inventory/side-tables';

const HEADER = ['Direction', 'Site', 'Service', 'Application', 'Plage de maintenance', 'Commentaire'];
const ROW = ['DSP', 'IUSMM', 'Laboratoire', 'GestLab', '1er mercredi 2h-4h', ''];
const sheet = (name: string, rows: string[][]): Sheet => ({ name, rows });

function inventoryOf(result: ImportResult): Inventory {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.problems)}`);
  return result.inventory;
}
const only = (result: ImportResult) => {
  expect(result.ok).toBe(false);
  expect(result.problems).toHaveLength(1);
  return result.problems[0]?.message ?? '';
};

describe('inventoryFromSheets: the application list', () => {
  it('takes the first sheet holding the header, whatever its name or position', () => {
    const result = inventoryFromSheets(
      [sheet('Lisez-moi', [['Notes'], ['Rien ici']]), sheet('Feuil2', [HEADER, ROW])],
      'xlsx',
    );
    expect(inventoryOf(result).applications.map((a) => a.application)).toEqual(['GestLab']);
  });

  it('skips blank rows (also rows blank in every known column) without problems', () => {
    const result = inventoryFromSheets(
      [sheet('s', [[...HEADER, 'Inconnue'], ['', ' ', ''], ROW, [], ['', '', '', '', '', '', 'note hors colonnes']])],
      'csv',
    );
    expect(inventoryOf(result).applications.map((a) => a.row)).toEqual([3]);
    expect(result.problems).toEqual([]);
  });

  it('trims cells and collapses whitespace and newlines in names and comments', () => {
    const result = inventoryFromSheets(
      [
        sheet('s', [
          HEADER,
          [
            '  DSP ',
            'IUSMM',
            ' Bloc\nopératoire ',
            'Sites web (Pharmaclick,\n  clozapine)',
            'Pas\ntouché',
            'Ligne 1\r\nLigne 2',
          ],
        ]),
      ],
      'csv',
    );
    expect(inventoryOf(result).applications[0]).toMatchObject({
      direction: 'DSP',
      service: 'Bloc opératoire',
      application: 'Sites web (Pharmaclick, clozapine)',
      scheduleText: 'Pas touché',
      schedule: { status: 'not-affected' },
      comment: 'Ligne 1 Ligne 2',
    });
  });

  it('warns once when Site and Direction are missing, and leaves them empty', () => {
    const result = inventoryFromSheets(
      [
        sheet('s', [
          ['Service', 'Application', 'Plage'],
          ['Labo', 'GestLab', 'Pas touché'],
        ]),
      ],
      'csv',
    );
    expect(inventoryOf(result).applications[0]).toMatchObject({ direction: '', site: '' });
    expect(result.problems).toEqual([
      {
        row: null,
        column: null,
        severity: 'warning',
        message: 'Colonnes « Direction » et « Site » absentes (en-tête à la ligne 1) : valeurs laissées vides.',
      },
    ]);
  });

  it('treats an empty schedule as "À venir" with a warning, and an unclear Transferts value as unknown', () => {
    const result = inventoryFromSheets(
      [
        sheet('s', [
          [...HEADER, 'Transferts'],
          ['DSP', 'IUSMM', 'Labo', 'GestLab', '', '', 'peut-être'],
        ]),
      ],
      'csv',
    );
    expect(inventoryOf(result).applications[0]).toMatchObject({
      schedule: { status: 'to-be-determined', raw: '' },
      transfers: null,
    });
    expect(result.problems.map((p) => [p.row, p.column, p.severity])).toEqual([
      [2, 'Plage de maintenance', 'warning'],
      [2, 'Transferts', 'warning'],
    ]);
  });

  it('takes publishedAt from the "Mise à jour" line, past titles that mention updates', () => {
    const rows = [
      ['Guide de mise à jour Windows des serveurs'],
      ['', 'Mise à jour :', '28 septembre 2018'],
      HEADER,
      ROW,
    ];
    const result = inventoryFromSheets([sheet('s', rows)], 'csv');
    expect(inventoryOf(result).publishedAt).toBe('2018-09-28');
    expect(result.problems).toEqual([]);
  });

  it('warns when the "Mise à jour" date is not understood', () => {
    const result = inventoryFromSheets([sheet('s', [['Mise à jour : 28/09/2018'], HEADER, ROW])], 'csv');
    expect(inventoryOf(result).publishedAt).toBeNull();
    expect(result.problems).toEqual([
      {
        row: 1,
        column: null,
        severity: 'warning',
        message:
          'Date de mise à jour non comprise dans « Mise à jour : 28/09/2018 » (attendu : Mise à jour : 2018-09-28).',
      },
    ]);
  });

  it('fails without a header, naming the expected columns', () => {
    expect(only(inventoryFromSheets([sheet('s', [['Liste des applications'], ['GestLab', 'Labo']])], 'csv'))).toBe(
      'Ligne d’en-tête introuvable : la liste des applications doit avoir une ligne d’en-tête contenant ' +
        'Direction, Site, Service, Application, Plage de maintenance, Commentaire.',
    );
    expect(only(inventoryFromSheets([], 'xlsx'))).toMatch(/^Ligne d’en-tête introuvable/);
  });

  it('fails when required columns are missing, naming them', () => {
    const message = only(
      inventoryFromSheets([sheet('s', [['Direction', 'Site', 'Application', 'Commentaire']])], 'csv'),
    );
    expect(message).toMatch(/^Colonnes « Service » et « Plage de maintenance » introuvables/);
  });

  it('fails when there is no data row, or no valid one', () => {
    expect(only(inventoryFromSheets([sheet('s', [['Titre'], HEADER, [], ['']])], 'csv'))).toBe(
      'Aucune application sous la ligne d’en-tête (ligne 2) : la liste est vide.',
    );
    const result = inventoryFromSheets(
      [sheet('s', [HEADER, ['DSP', 'IUSMM', '', 'GestLab', 'Pas touché', '']])],
      'csv',
    );
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.severity)).toEqual(['error', 'error']);
    expect(result.problems[1]?.message).toMatch(/^Aucune ligne valide/);
  });

  it('does not mistake a sheet named "Services" for the application list when another sheet has it', () => {
    const services = sheet('Services', [['Site', 'Service', '24/7', 'Application']]);
    const result = inventoryFromSheets([services, sheet('Liste', [HEADER, ROW])], 'xlsx');
    expect(inventoryOf(result).applications).toHaveLength(1);
  });
});

describe('side tables', () => {
  const withSide = (...sides: Sheet[]) => inventoryFromSheets([sheet('Applications', [HEADER, ROW]), ...sides], 'xlsx');

  it('finds side sheets by name, accents and case ignored, and adds up sheets of the same kind', () => {
    const result = withSide(
      sheet('POSTES', [
        ['Poste', 'Site', 'Services'],
        ['A-*', 'HMR', 'Urgence, Imagerie'],
      ]),
      sheet('postes de travail', [
        ['Poste', 'Site'],
        ['B-01', 'IUSMM'],
      ]),
    );
    expect(inventoryOf(result).hosts).toEqual([
      { pattern: 'A-*', site: 'HMR', services: ['Urgence', 'Imagerie'] },
      { pattern: 'B-01', site: 'IUSMM', services: [] },
    ]);
  });

  it('also finds a side sheet by its header when its name says nothing', () => {
    const inventory = inventoryOf(
      withSide(
        sheet('Feuil3', [
          ['De', 'À', 'Contact'],
          ['04:00', '07:00', 'CDA'],
        ]),
      ),
    );
    expect(inventory.contacts).toHaveLength(1);
  });

  it('reports bad side rows with the sheet name and skips them, without failing the import', () => {
    const result = withSide(
      sheet('Services', [
        ['Site', 'Service', '24/7', 'Début de quart', 'Urgence pilote', 'Plan de continuité'],
        ['IUSMM', '', 'oui', '', '', ''],
        ['IUSMM', 'Labo', 'peut-être', '8h, midi', 'oui', 'javascript:alert(1)'],
        ['iusmm', 'LABO', 'oui', '', '', ''],
      ]),
      sheet('Contacts', [
        ['Date', 'De', 'À', 'Contact', 'Lien', 'Urgence pilote'],
        ['17/10/2018', '04:00', '07:00', 'CDA', '', ''],
        ['', '7h', '25h', 'CSI', '', ''],
        ['', '07:00', '17:00', '', '', ''],
        ['', '07:00', '17:00', 'Octopus', 'http://octopus', 'peut-être'],
        ['', '07:00', '17:00', 'Octopus', 'octopus.local', ''],
      ]),
      sheet('Postes', [
        ['Poste', 'Site', 'Services'],
        ['POSTE 1', 'HMR', ''],
        ['P-*', '', ''],
        ['p-*', 'HMR', ''],
        ['P-*', 'HMR', ''],
      ]),
    );
    const inventory = inventoryOf(result);
    // Empty 24/7 cell after a not-understood one: shift starts given → not 24/7.
    expect(inventory.services).toEqual([
      {
        site: 'IUSMM',
        service: 'Labo',
        twentyFourSeven: false,
        shiftStarts: ['08:00'],
        urgencePilote: true,
        continuityPlanUrl: null,
      },
    ]);
    expect(inventory.contacts.map((c) => [c.contact.name, c.contact.url, c.urgencePilote])).toEqual([
      ['Octopus', 'http://octopus', null],
      ['Octopus', null, null],
    ]);
    expect(inventory.hosts).toEqual([{ pattern: 'p-*', site: 'HMR', services: [] }]);
    const summary = result.problems.map((p) => `${p.severity} ${p.row} ${p.column} ${p.message.split(' : ')[0]}`);
    expect(summary).toEqual([
      'error 2 Service Feuille « Services »',
      'warning 3 Début de quart Feuille « Services »',
      'warning 3 24/7 Feuille « Services »',
      'warning 3 Plan de continuité Feuille « Services »',
      'warning 4 Service Feuille « Services »',
      'error 2 Date Feuille « Contacts »',
      'error 3 À Feuille « Contacts »',
      'error 4 Contact Feuille « Contacts »',
      'warning 5 Urgence pilote Feuille « Contacts »',
      'warning 6 Lien Feuille « Contacts »',
      'error 2 Poste Feuille « Postes »',
      'error 3 Site Feuille « Postes »',
      'warning 5 Poste Feuille « Postes »',
    ]);
  });

  it('ignores a side sheet whose header cannot be read, with a warning', () => {
    const result = withSide(sheet('Contacts', [['Qui', 'Quand']]), sheet('Services', [['Site', '24/7']]));
    expect(inventoryOf(result).contacts).toEqual([]);
    expect(result.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^Feuille « Contacts » : En-tête introuvable, table ignorée/),
      expect.stringMatching(/^Feuille « Services » : Colonne « Service » introuvable .* Table ignorée\.$/),
    ]);
  });

  it('reads a side table given alone and merges it (replacing that table)', () => {
    const base = inventoryOf(
      withSide(
        sheet('Postes', [
          ['Poste', 'Site'],
          ['OLD-*', 'HMR'],
        ]),
      ),
    );
    const alone = sideTableFromSheet(
      sheet('postes', [
        ['Nom du poste', 'Site', 'Services'],
        ['NEW-*', 'IUSMM', 'Labo; Pharmacie'],
      ]),
    );
    expect(alone.problems).toEqual([]);
    expect(alone.table?.kind).toBe('hosts');
    const merged = mergeSideTable(base, alone.table!);
    expect(merged.hosts).toEqual([{ pattern: 'NEW-*', site: 'IUSMM', services: ['Labo', 'Pharmacie'] }]);
    expect(merged.applications).toBe(base.applications);
    expect(sideTableFromSheet(sheet('x', [HEADER, ROW])).table).toBeNull();
  });
});
