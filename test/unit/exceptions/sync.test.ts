/**
 * exceptions.csv / exceptions.xlsx beside the inventory: the same discovery, stability and last-good rules as the
 * other side files (docs/inventory-format.md §5), on a real share folder and a real store.
 */
import { describe, expect, it } from 'vitest';
import { sideKindOfFileName, hasSideName } from '../../../electron/core/sync/side-files';
import { ALL_ROWS, csvWithRows, writeFile, xlsxWithRows } from '../sync/helpers';
import { shareWith, sidesMeta, workbookWith } from '../sync/side-helpers';

const FREEZE = 'Site;Du;Au;Action;Motif\r\nIUSMM;2027-01-04;2027-01-08;annulée;gel des Fêtes\r\n';
const MOVE =
  'Service;Application;Du;Action;Nouvelle plage;Motif\r\nLaboratoire;GestLab;2027-02-03;reportée;17 février 2027 2h-4h;inventaire\r\n';

describe('exceptions side file', () => {
  it('named exceptions.csv / Exceptions.xlsx (never the inventory of a folder)', () => {
    expect(sideKindOfFileName('Exceptions.csv')).toBe('exceptions');
    expect(sideKindOfFileName('EXCEPTIONS.xlsx')).toBe('exceptions');
    expect(sideKindOfFileName('exceptions-2027.csv')).toBeNull();
    expect(hasSideName('exceptions (copie).csv')).toBe(true);
  });

  it('is merged, and re-imported when it alone changes', async () => {
    const h = await shareWith({ 'exceptions.csv': FREEZE });
    expect(h.sync.current().exceptions?.map((e) => [e.action, e.from, e.to, e.reason])).toEqual([
      ['cancelled', '2027-01-04', '2027-01-08', 'gel des Fêtes'],
    ]);
    expect(sidesMeta(h)?.exceptions?.table).toBe('file');
    // Saved with the inventory in SQLite: a restarted workstation has it before its first sync.
    expect(h.store.inventory.current()?.inventory.exceptions).toEqual(h.sync.current().exceptions);
    // A change to the side file alone is re-imported.
    writeFile(h.side('exceptions.csv'), MOVE);
    expect(await h.sync.syncNow()).toMatchObject({ outcome: 'ok', changed: true });
    expect(h.sync.current().exceptions?.map((e) => [e.action, e.application, e.newWindow?.text])).toEqual([
      ['moved', 'GestLab', '17 février 2027 2h-4h'],
    ]);
  });

  it('a half-written exceptions.csv keeps the exceptions of the last good import; the list is still updated', async () => {
    const h = await shareWith({ 'exceptions.csv': FREEZE });
    writeFile(h.file, csvWithRows(ALL_ROWS));
    writeFile(h.side('exceptions.csv'), 'Site;Du;A');
    expect(await h.sync.syncNow()).toMatchObject({ outcome: 'ok', changed: true });
    expect(h.sync.current().applications).toHaveLength(ALL_ROWS);
    expect(h.sync.current().exceptions?.map((e) => e.reason)).toEqual(['gel des Fêtes']);
    expect(sidesMeta(h)?.exceptions?.table).toBe('kept');
    expect(h.logged.filter((l) => l.message === 'sync: side table unusable')).toHaveLength(1);
  });

  it('replaces the workbook sheet "Exceptions"; removing it gives the sheet back', async () => {
    const sheet = [
      ['Site', 'Du', 'Action', 'Motif'],
      ['IUSMM', '2027-05-05', 'annulée', 'du classeur'],
    ];
    const h = await shareWith(
      {
        'exceptions.xlsx': await workbookWith('Exceptions', [
          ['Du', 'Action', 'Motif'],
          ['2027-01-06', 'annulée', 'du fichier'],
        ]),
      },
      { main: { name: 'inventaire.xlsx', content: await xlsxWithRows(ALL_ROWS, { Exceptions: sheet }) } },
    );
    expect(h.sync.current().exceptions?.map((e) => e.reason)).toEqual(['du fichier']);
    const { rmSync } = await import('node:fs');
    rmSync(h.side('exceptions.xlsx'));
    expect(await h.sync.syncNow()).toMatchObject({ outcome: 'ok', changed: true });
    expect(h.sync.current().exceptions?.map((e) => e.reason)).toEqual(['du classeur']);
  });
});
