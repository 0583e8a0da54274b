import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLL_MINUTES, RETRY_SOON_MS } from '../../../electron/core/sync';
import { ALL_ROWS, csvWithRows, harness, writeFile } from './helpers';
import { fixture, readsSince, SERVICES_2, shareWith, workbookWith } from './side-helpers';

describe('side files follow the same stability rule as the inventory', () => {
  it('a locked side file keeps the last good inventory and is retried at the next poll', async () => {
    const h = await shareWith({ 'services.csv': fixture('services.csv') });
    writeFile(h.file, csvWithRows(ALL_ROWS));
    writeFile(h.side('services.csv'), SERVICES_2);
    h.fs.failing.set(h.side('services.csv'), 'EBUSY');
    const busy = await h.sync.syncNow();
    expect(busy).toMatchObject({ outcome: 'offline', changed: false });
    expect(busy.message).toBe(
      `Fichier d'inventaire verrouillé (ouvert dans Excel ?) ou accès refusé : ${h.side('services.csv')}. ` +
        'Nouvel essai à la prochaine vérification.',
    );
    expect(h.sync.dueAt().diff(h.clock.now(), 'minutes').minutes).toBeGreaterThanOrEqual(DEFAULT_POLL_MINUTES);
    expect(h.sync.current().applications).toHaveLength(ALL_ROWS - 1);
    expect(h.sync.current().services).toHaveLength(2);
    h.fs.failing.clear();
    h.clock.set(h.sync.dueAt());
    expect((await h.sync.syncNow()).outcome).toBe('ok');
    expect(h.sync.current().applications).toHaveLength(ALL_ROWS);
    expect(h.sync.current().services.map((s) => s.service)).toEqual(['Pharmacie']);
  });

  it('a side file still being copied is waited for until two looks agree', async () => {
    const waits: number[] = [];
    let during: (() => void) | null = null;
    const h = await shareWith(
      {},
      {
        deps: {
          wait: async (ms) => {
            waits.push(ms);
            during?.();
          },
        },
      },
    );
    const full = fixture('services.csv').toString('utf8').split('\n');
    const services = h.side('services.csv');
    writeFile(services, full[0] + '\n');
    let copied = 1;
    during = () => {
      if (copied < full.length) writeFile(services, full.slice(0, ++copied).join('\n'));
    };
    waits.length = 0;
    const reads = h.fs.reads.length;
    expect((await h.sync.syncNow()).outcome).toBe('ok');
    expect(waits).toEqual([1500, 1500, 1500, 1500]); // grew at the first three looks, still at the fourth
    expect(readsSince(h, reads)).toEqual([h.file, services]);
    expect(h.sync.current().services).toHaveLength(2);
  });

  it('a side file replaced while being read is not used; it is read again soon', async () => {
    const h = await shareWith({ 'services.csv': fixture('services.csv') });
    writeFile(h.side('services.csv'), SERVICES_2);
    h.fs.onRead = (file) => {
      if (file !== h.side('services.csv')) return;
      h.fs.onRead = null;
      writeFile(file, fixture('services.csv')); // IT saves again during our read
    };
    const outcome = await h.sync.syncNow();
    expect(outcome).toMatchObject({ outcome: 'offline', changed: false });
    expect(outcome.message).toMatch(/en cours de modification/);
    expect(h.sync.dueAt().diff(h.clock.now()).as('milliseconds')).toBe(RETRY_SOON_MS);
    writeFile(h.side('services.csv'), SERVICES_2);
    h.clock.set(h.sync.dueAt());
    expect((await h.sync.syncNow()).outcome).toBe('ok');
    expect(h.sync.current().services.map((s) => s.service)).toEqual(['Pharmacie']);
  });

  it('a folder that cannot be listed: no side files at first; once some were seen, an outage', async () => {
    const denied = Object.assign(new Error('EACCES'), { code: 'EACCES' });
    const h = await shareWith({});
    const blind = harness({
      dir: h.dir,
      clock: h.clock,
      store: h.store,
      fs: {
        ...h.fs,
        readdir: async () => {
          throw denied;
        },
      },
    });
    blind.source.value = h.file;
    writeFile(h.side('services.csv'), fixture('services.csv'));
    writeFile(h.file, csvWithRows(ALL_ROWS));
    expect((await blind.sync.syncNow()).outcome).toBe('ok'); // the file itself is readable
    expect(blind.sync.current().applications).toHaveLength(ALL_ROWS);
    expect(blind.sync.current().services).toEqual([]);

    expect((await h.sync.syncNow()).outcome).toBe('ok'); // listed: services.csv found
    expect(h.sync.current().services).toHaveLength(2);
    const down = await blind.sync.syncNow();
    expect(down.outcome).toBe('offline');
    expect(down.message).toMatch(/accès refusé/);
    expect(blind.sync.current().services).toHaveLength(2);
  });
});

describe('folder sources', () => {
  it('never take a side file or a lock file as the inventory, and merge the side files', async () => {
    const h = harness();
    const share = path.join(h.dir, 'partage');
    fs.mkdirSync(share);
    const at = (name: string) => path.join(share, name);
    writeFile(at('inventaire.csv'), csvWithRows(15));
    const postes = [
      ['Poste', 'Site', 'Services'],
      ['HMR-URG-*', 'HMR', 'Urgence'],
    ];
    writeFile(at('Postes.xlsx'), await workbookWith('Feuil1', postes));
    writeFile(at('services.csv'), fixture('services.csv')); // newer than the inventory
    writeFile(at('Services.json'), '{"pas": "un inventaire"}');
    writeFile(at('services (copie).csv'), fixture('services.csv'));
    writeFile(at('~$Postes.xlsx'), randomBytes(165)); // Excel's lock files, newest of all
    writeFile(at('~$inventaire.xlsx'), randomBytes(165));
    h.source.value = share;
    expect((await h.sync.syncNow()).outcome).toBe('ok');
    expect(h.store.inventory.currentVersion()?.meta.file).toBe(at('inventaire.csv'));
    expect(h.sync.current().applications).toHaveLength(15);
    expect(h.sync.current().services).toHaveLength(2);
    expect(h.sync.current().hosts).toEqual([{ pattern: 'HMR-URG-*', site: 'HMR', services: ['Urgence'] }]);
    expect(h.fs.reads.slice(1)).toEqual([at('inventaire.csv'), at('services.csv'), at('Postes.xlsx')]);

    writeFile(at('services.csv'), SERVICES_2);
    expect(await h.sync.syncNow()).toMatchObject({ outcome: 'ok', changed: true });
    expect(h.store.inventory.currentVersion()?.meta.file).toBe(at('inventaire.csv'));
    expect(h.sync.current().services.map((s) => s.service)).toEqual(['Pharmacie']);
  });

  it('a folder holding only side files has no inventory', async () => {
    const h = harness();
    const share = path.join(h.dir, 'partage');
    fs.mkdirSync(share);
    writeFile(path.join(share, 'services.csv'), fixture('services.csv'));
    h.source.value = share;
    const outcome = await h.sync.syncNow();
    expect(outcome.message).toMatch(/^Aucun fichier d'inventaire/);
    expect(h.sync.current().services).toEqual([]); // the embedded default, untouched
  });
});
