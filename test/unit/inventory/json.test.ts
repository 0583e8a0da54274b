import { describe, expect, it } from 'vitest';
import { inventoryFromSheets } from '../../../shared/inventory/from-sheets';
import { InventoryJsonSchema, inventoryFromJson, inventoryToJson } from '../../../shared/inventory/json';
import type { ImportResult, Inventory } from '../../../shared/inventory/model';

const APP = { site: 'IUSMM', service: 'Laboratoire', application: 'GestLab', schedule: '1er mercredi 2h-4h' };
const doc = (extra: Record<string, unknown> = {}) => ({
  format: 'vigie-inventory',
  version: 1,
  applications: [APP],
  ...extra,
});

function inventoryOf(result: ImportResult): Inventory {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.problems)}`);
  return result.inventory;
}

describe('inventoryFromJson', () => {
  it('fills defaults and re-parses schedules', () => {
    const result = inventoryFromJson(doc());
    expect(result.problems).toEqual([]);
    expect(inventoryOf(result)).toEqual({
      publishedAt: null,
      applications: [
        {
          row: null,
          direction: '',
          site: 'IUSMM',
          service: 'Laboratoire',
          application: 'GestLab',
          scheduleText: '1er mercredi 2h-4h',
          schedule: expect.objectContaining({
            status: 'scheduled',
            rule: expect.objectContaining({ kind: 'monthly' }),
          }),
          comment: '',
          transfers: null,
        },
      ],
      services: [],
      contacts: [],
      hosts: [],
    });
  });

  it.each([
    [null, /n’est pas un inventaire Vigie/],
    [[APP], /n’est pas un inventaire Vigie/],
    [{ format: 'autre', version: 1, applications: [APP] }, /n’est pas un inventaire Vigie/],
    [
      { format: 'vigie-inventory', version: 2, applications: [APP] },
      /^Version 2 du format d’inventaire non prise en charge/,
    ],
    [{ format: 'vigie-inventory', version: 1 }, /^Champ « applications » manquant/],
    [{ format: 'vigie-inventory', version: 1, applications: [] }, /^La liste « applications » est vide/],
  ])('fails on a document that is not a usable inventory (%#)', (value, message) => {
    const result = inventoryFromJson(value);
    expect(result).toMatchObject({ ok: false, format: 'json' });
    expect(result.problems.at(-1)?.message).toMatch(message);
  });

  it('maps entry errors to problems with row = index + 1 and column = field, and skips the entry', () => {
    const result = inventoryFromJson(
      doc({
        publishedAt: '28/09/2018',
        applications: [
          APP,
          { site: 'IUSMM', service: 'Labo', schedule: 'Pas touché' },
          { ...APP, application: 'Cobas', transfers: 'oui' },
          { ...APP, application: '', service: '  ' },
          { ...APP, application: 'X', schedule: '8e mercredi 2h-4h' },
        ],
        contacts: [
          { from: '4h', to: '07:00', contact: { name: '' } },
          { from: '04:00', to: '07:00', contact: { name: 'CDA', url: 'ftp://x' } },
        ],
        services: 'non',
        hosts: [{ pattern: 'A B', site: 'HMR' }],
      }),
    );
    const inventory = inventoryOf(result);
    expect(inventory.applications.map((a) => a.application)).toEqual(['GestLab', 'X']);
    expect(inventory.publishedAt).toBeNull();
    expect(result.problems.map((p) => [p.severity, p.row, p.column])).toEqual([
      ['warning', null, 'publishedAt'],
      ['error', 2, 'application'],
      ['error', 3, 'transfers'],
      ['error', 4, 'application'],
      ['error', 4, 'service'],
      ['warning', 5, 'schedule'],
      ['error', null, 'services'],
      ['error', 1, 'from'],
      ['error', 1, 'contact.name'],
      ['error', 2, 'contact.url'],
      ['error', 1, 'pattern'],
    ]);
    const messages = result.problems.map((p) => p.message);
    expect(messages[1]).toBe(
      '« applications », élément 2, champ « application » : champ obligatoire manquant. Élément ignoré.',
    );
    expect(messages[2]).toBe(
      '« applications », élément 3, champ « transfers » : true ou false attendu. Élément ignoré.',
    );
    expect(messages[7]).toBe(
      '« contacts », élément 1, champ « from » : heure attendue au format HH:MM (ex. 07:00). Élément ignoré.',
    );
    expect(messages[8]).toContain('ne doit pas être vide');
    expect(messages.join('\n')).not.toMatch(/Invalid|expected/);
  });

  it('warns about an application without a site', () => {
    const result = inventoryFromJson(
      doc({ applications: [{ service: 'Labo', application: 'X', schedule: 'Pas touché' }] }),
    );
    expect(inventoryOf(result).applications[0]?.site).toBe('');
    expect(result.problems.map((p) => [p.severity, p.row, p.column])).toEqual([['warning', 1, 'site']]);
  });

  it('names JSON duplicates by element', () => {
    const result = inventoryFromJson(doc({ applications: [APP, APP] }));
    expect(result.problems.map((p) => p.message)).toEqual([
      '« GestLab » apparaît déjà à l’élément 1 pour le même site et le même service (doublon).',
    ]);
  });
});

describe('inventoryToJson', () => {
  it('round-trips a spreadsheet inventory through the JSON format', () => {
    const sheets = [
      {
        name: 'Applications',
        rows: [
          ['Mise à jour : 2018-09-28'],
          ['Direction', 'Site', 'Service', 'Application', 'Plage de maintenance', 'Commentaire', 'Transferts'],
          ['DSP', 'IUSMM', 'Laboratoire', 'Cortex', '2e mardi +1 jour 2h-4h', 'Interface HL7', 'oui'],
          ['DSP', 'IUSMM', 'Pharmacie', 'Accudose', 'À venir', '', ''],
        ],
      },
      {
        name: 'Services',
        rows: [
          ['Service', '24/7', 'Début de quart'],
          ['Pharmacie', 'non', '08:00, 16:00'],
        ],
      },
      {
        name: 'Contacts',
        rows: [
          ['De', 'À', 'Contact', 'Urgence pilote'],
          ['04:00', '07:00', 'CDA', ''],
        ],
      },
      {
        name: 'Postes',
        rows: [
          ['Poste', 'Site'],
          ['P-*', 'IUSMM'],
        ],
      },
    ];
    const original = inventoryOf(inventoryFromSheets(sheets, 'xlsx'));
    const json = inventoryToJson(original);
    expect(InventoryJsonSchema.safeParse(json).success).toBe(true);
    expect(json.applications[0]).toEqual({
      direction: 'DSP',
      site: 'IUSMM',
      service: 'Laboratoire',
      application: 'Cortex',
      schedule: '2e mardi +1 jour 2h-4h',
      comment: 'Interface HL7',
      transfers: true,
    });
    expect(json.applications[1]).not.toHaveProperty('transfers');
    const back = inventoryOf(inventoryFromJson(JSON.parse(JSON.stringify(json))));
    expect(back).toEqual({ ...original, applications: original.applications.map((a) => ({ ...a, row: null })) });
  });
});
