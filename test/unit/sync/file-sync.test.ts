import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLL_MINUTES, RETRY_SOON_MS } from '../../../electron/core/sync';
import { ALL_ROWS, csvWithRows, harness, writeFile, xlsxWithRows, type Harness } from './helpers';

/** A configured share file holding `rows` applications, synced once successfully. */
async function withGoodShareFile(rows = ALL_ROWS - 1): Promise<Harness & { file: string }> {
  const h = harness();
  const file = path.join(h.dir, 'partage', 'inventaire.csv');
  fs.mkdirSync(path.dirname(file));
  writeFile(file, csvWithRows(rows));
  h.source.value = file;
  const first = await h.sync.syncNow();
  expect(first).toMatchObject({ outcome: 'ok', changed: true });
  expect(h.sync.current().applications).toHaveLength(rows);
  return { ...h, file };
}

function expectLastGoodKept(h: Harness, file: string, rows: number): void {
  expect(h.sync.current().applications).toHaveLength(rows);
  expect(h.store.inventory.currentVersion()?.source).toBe(file);
  expect(h.sync.state().applications).toBe(rows);
}

describe('first start', () => {
  it('loads the embedded inventory when no source is configured, and does not re-read it', async () => {
    const h = harness();
    expect(h.sync.current().applications).toEqual([]); // nothing yet, but never undefined
    expect(h.sync.dueAt().equals(h.clock.now())).toBe(true);
    const outcome = await h.sync.syncNow();
    expect(outcome).toMatchObject({ outcome: 'ok', message: null, changed: true });
    expect(outcome.state).toEqual({
      state: 'ok',
      source: 'embedded',
      publishedAt: '2018-09-28',
      syncedAt: '2026-03-05T10:05:00-05:00',
      since: null,
      message: null,
      applications: 18,
    });
    expect(h.fs.reads).toHaveLength(1);
    h.clock.advance({ minutes: 6 });
    expect(await h.sync.syncNow()).toMatchObject({ outcome: 'unchanged', changed: false });
    expect(h.fs.reads).toHaveLength(1);
    expect(h.sync.state().syncedAt).toBe('2026-03-05T10:11:00-05:00'); // no stability wait for the app's own file
  });

  it('share unreachable at start: keeps the embedded inventory and says the source is offline', async () => {
    const h = harness();
    h.source.value = '\\\\serveur\\partage\\inventaire.xlsx';
    h.fs.failing.set('\\\\serveur', 'ETIMEDOUT');
    const outcome = await h.sync.syncNow();
    expect(outcome.outcome).toBe('offline');
    expect(outcome.message).toBe("Partage de l'inventaire inaccessible : \\\\serveur\\partage\\inventaire.xlsx.");
    expect(outcome.state).toMatchObject({
      state: 'offline',
      source: 'embedded',
      applications: 18,
      since: '2026-03-05T10:05:00-05:00', // the embedded file needs no stability look
    });
    expect(h.sync.current().applications).toHaveLength(18);
  });

  it('a missing file (ENOENT) is offline too, with the path named', async () => {
    const h = harness();
    h.source.value = path.join(h.dir, 'absent.xlsx');
    const outcome = await h.sync.syncNow();
    expect(outcome).toMatchObject({
      outcome: 'offline',
      message: `Fichier d'inventaire introuvable : ${h.source.value}.`,
    });
    expect(h.sync.current().applications).toHaveLength(18);
  });
});

describe('a configured file', () => {
  it('is imported, then not read again while its size and mtime stay the same', async () => {
    const h = await withGoodShareFile();
    expect(h.fs.reads.filter((r) => r === h.file)).toHaveLength(1);
    expect(h.waits).toEqual([1500]); // one stability look for the share file; none for the app's own default
    for (let i = 0; i < 3; i++) {
      h.clock.advance({ minutes: 6 });
      expect((await h.sync.syncNow()).outcome).toBe('unchanged');
    }
    expect(h.fs.reads.filter((r) => r === h.file)).toHaveLength(1);
    expect(h.store.inventory.list()).toHaveLength(2);
  });

  it('a touched file with the same content is read once, recognised by its hash, and not stored again', async () => {
    const h = await withGoodShareFile();
    writeFile(h.file, csvWithRows(ALL_ROWS - 1));
    expect((await h.sync.syncNow()).outcome).toBe('unchanged');
    expect((await h.sync.syncNow()).outcome).toBe('unchanged');
    expect(h.fs.reads.filter((r) => r === h.file)).toHaveLength(2);
    expect(h.store.inventory.list()).toHaveLength(2);
  });

  it('a new version is swapped in and reported as changed', async () => {
    const h = await withGoodShareFile(17);
    writeFile(h.file, csvWithRows(ALL_ROWS));
    expect(await h.sync.syncNow()).toMatchObject({ outcome: 'ok', changed: true });
    expect(h.sync.current().applications).toHaveLength(18);
    expect(h.store.inventory.list().filter((v) => v.isCurrent)).toHaveLength(1);
  });

  it('an XLSX file is read the same way', async () => {
    const h = harness();
    const file = path.join(h.dir, 'inventaire.xlsx');
    writeFile(file, await xlsxWithRows(12));
    h.source.value = file;
    expect((await h.sync.syncNow()).outcome).toBe('ok');
    expect(h.sync.current().applications).toHaveLength(12);
    expect(h.sync.current().applications[0]?.application).toBe('SIURGE IUSMM');
  });

  it('a switch to another source is not judged against the old one (fewer rows allowed)', async () => {
    const h = harness();
    await h.sync.syncNow(); // embedded, 18 rows
    const file = path.join(h.dir, 'petit.csv');
    writeFile(file, csvWithRows(3));
    h.source.value = file;
    expect((await h.sync.syncNow()).outcome).toBe('ok');
    expect(h.sync.current().applications).toHaveLength(3);
  });
});

describe('failures keep the last good inventory and say why', () => {
  it('share unreachable mid-run: offline since the first failure, back to ok when it returns', async () => {
    const h = await withGoodShareFile();
    h.clock.set('2026-03-05T10:12:00');
    h.fs.failing.set(path.dirname(h.file), 'EHOSTUNREACH');
    const down = await h.sync.syncNow();
    expect(down.state).toMatchObject({ state: 'offline', since: '2026-03-05T10:12:00-05:00', applications: 17 });
    h.clock.advance({ minutes: 6 });
    expect((await h.sync.syncNow()).state.since).toBe('2026-03-05T10:12:00-05:00');
    expectLastGoodKept(h, h.file, 17);
    h.fs.failing.clear();
    h.clock.advance({ minutes: 6 });
    const back = await h.sync.syncNow();
    expect(back).toMatchObject({ outcome: 'unchanged', changed: false });
    expect(back.state).toMatchObject({ state: 'ok', since: null, message: null });
  });

  it('EBUSY while Excel holds the file: offline "verrouillé", retried at the next regular poll', async () => {
    const h = await withGoodShareFile();
    writeFile(h.file, csvWithRows(ALL_ROWS));
    h.fs.failing.set(h.file, 'EBUSY');
    const busy = await h.sync.syncNow();
    expect(busy.outcome).toBe('offline');
    expect(busy.message).toMatch(/^Fichier d'inventaire verrouillé \(ouvert dans Excel \?\)/);
    expect(busy.message).toMatch(/prochaine vérification/);
    expect(h.sync.dueAt().diff(h.clock.now(), 'minutes').minutes).toBeGreaterThanOrEqual(DEFAULT_POLL_MINUTES);
    expectLastGoodKept(h, h.file, 17);
    h.fs.failing.clear();
    h.clock.set(h.sync.dueAt());
    expect((await h.sync.syncNow()).outcome).toBe('ok');
    expect(h.sync.current().applications).toHaveLength(18);
  });

  it.each(['EPERM', 'EACCES'])('%s is reported as a locked file as well', async (code) => {
    const h = await withGoodShareFile();
    writeFile(h.file, csvWithRows(ALL_ROWS));
    h.fs.failing.set(h.file, code);
    expect((await h.sync.syncNow()).message).toMatch(/verrouillé/);
    expectLastGoodKept(h, h.file, 17);
  });

  it('a file replaced while being read is not used; it is read again soon and then accepted', async () => {
    const h = await withGoodShareFile();
    writeFile(h.file, csvWithRows(10));
    h.fs.onRead = (file) => {
      h.fs.onRead = null;
      writeFile(file, csvWithRows(ALL_ROWS)); // someone saves over it during our read
    };
    const outcome = await h.sync.syncNow();
    expect(outcome).toMatchObject({ outcome: 'offline', changed: false });
    expect(outcome.message).toMatch(/en cours de modification/);
    expect(h.sync.dueAt().diff(h.clock.now()).as('milliseconds')).toBe(RETRY_SOON_MS);
    expectLastGoodKept(h, h.file, 17);
    h.clock.set(h.sync.dueAt());
    expect((await h.sync.syncNow()).outcome).toBe('ok');
    expect(h.sync.current().applications).toHaveLength(18);
  });

  it('waits until size and mtime are stable across two looks before reading', async () => {
    const h = await withGoodShareFile();
    writeFile(h.file, csvWithRows(5));
    let copies = 0;
    const wait = async (ms: number) => {
      h.waits.push(ms);
      // A slow copy to the share: the file grows during the first two pauses.
      if (copies < 2) writeFile(h.file, csvWithRows(10 + 4 * ++copies));
    };
    const h2 = harness({ dir: h.dir, clock: h.clock, wait, store: h.store, fs: h.fs });
    h2.source.value = h.file;
    h.waits.length = 0;
    const readsBefore = h.fs.reads.length;
    expect((await h2.sync.syncNow()).outcome).toBe('ok');
    expect(h.waits).toEqual([1500, 1500, 1500]);
    expect(h.fs.reads.length - readsBefore).toBe(1);
    expect(h2.sync.current().applications).toHaveLength(18);
  });

  it('a file that keeps changing is left for a later try', async () => {
    const h = await withGoodShareFile();
    writeFile(h.file, csvWithRows(5));
    let n = 0;
    const h2 = harness({
      dir: h.dir,
      clock: h.clock,
      store: h.store,
      fs: h.fs,
      wait: async () => writeFile(h.file, csvWithRows(1 + (n++ % 17))),
    });
    h2.source.value = h.file;
    const outcome = await h2.sync.syncNow();
    expect(outcome).toMatchObject({ outcome: 'offline', changed: false });
    expect(outcome.message).toMatch(/en cours de modification/);
    expectLastGoodKept(h, h.file, 17);
  });

  const broken: [string, () => Promise<Uint8Array | string>, RegExp][] = [
    [
      'a truncated XLSX (interrupted copy)',
      async () => (await xlsxWithRows(18)).subarray(0, 3000),
      /endommagé ou incomplet/,
    ],
    ['garbage bytes', async () => randomBytes(20_000), /n’est pas un tableur reconnu|endommagé/],
    ['an empty file', async () => '', /Le fichier est vide/],
    [
      'a missing column',
      async () => 'Direction,Site,Service,Application,Commentaire\r\nDSP,IUSMM,Laboratoire,GestLab,\r\n',
      /Plage de maintenance/,
    ],
  ];

  it.each(broken)('%s: invalid since the first failure, message from the importer', async (_, make, why) => {
    const h = await withGoodShareFile();
    h.clock.set('2026-03-05T11:30:00');
    writeFile(h.file, await make());
    const outcome = await h.sync.syncNow();
    expect(outcome.outcome).toBe('invalid');
    expect(outcome.message).toMatch(/^Inventaire non valide \(inventaire\.csv\)/);
    expect(outcome.message).toMatch(why);
    expect(outcome.state).toMatchObject({ state: 'invalid', since: '2026-03-05T11:30:00-05:00', source: h.file });
    expectLastGoodKept(h, h.file, 17);
    // The same bad file is not read again at the next poll, and the failure keeps its start time.
    const reads = h.fs.reads.length;
    h.clock.advance({ minutes: 6 });
    expect(await h.sync.syncNow()).toMatchObject({ outcome: 'invalid', message: outcome.message });
    expect(h.fs.reads.length).toBe(reads);
    expect(h.sync.state().since).toBe('2026-03-05T11:30:00-05:00');
    // Fixed by IT: accepted at the next poll.
    writeFile(h.file, csvWithRows(ALL_ROWS));
    expect(await h.sync.syncNow()).toMatchObject({ outcome: 'ok', changed: true });
    expect(h.sync.state()).toMatchObject({ state: 'ok', since: null, applications: 18 });
  });

  it('a much smaller new version is rejected (3 rows instead of 18)', async () => {
    const h = await withGoodShareFile(ALL_ROWS);
    writeFile(h.file, csvWithRows(3));
    const outcome = await h.sync.syncNow();
    expect(outcome).toMatchObject({ outcome: 'rejected', changed: false });
    expect(outcome.message).toBe(
      "Nouvel inventaire refusé : 3 lignes au lieu de 18 (baisse suspecte). L'inventaire précédent reste en usage.",
    );
    expect(outcome.state.state).toBe('invalid');
    expectLastGoodKept(h, h.file, 18);
    expect(h.store.syncLog.recent(1)[0]?.outcome).toBe('rejected');
  });

  it('a moderately smaller version is accepted (a few applications removed)', async () => {
    const h = await withGoodShareFile(ALL_ROWS);
    writeFile(h.file, csvWithRows(10));
    expect((await h.sync.syncNow()).outcome).toBe('ok');
    expect(h.sync.current().applications).toHaveLength(10);
  });

  it('nothing is lost across a restart: same inventory, same failure and since', async () => {
    const h = await withGoodShareFile();
    h.fs.failing.set(h.file, 'ETIMEDOUT');
    const before = await h.sync.syncNow();
    const versions = h.store.inventory.list();
    const after = h.restart();
    expect(after.sync.current().applications).toHaveLength(17);
    expect(after.sync.state()).toEqual(before.state);
    expect(after.store.inventory.list()).toEqual(versions);
  });
});

describe('lock files and folders', () => {
  it('a folder source uses its newest inventory and ignores Excel lock files', async () => {
    const h = harness();
    const share = path.join(h.dir, 'partage');
    fs.mkdirSync(share);
    writeFile(path.join(share, 'inventaire.csv'), csvWithRows(15));
    writeFile(path.join(share, 'notes.txt'), 'pas un inventaire');
    writeFile(path.join(share, '~$inventaire.xlsx'), randomBytes(165)); // newest, but only Excel's lock
    h.source.value = share;
    expect((await h.sync.syncNow()).outcome).toBe('ok');
    expect(h.sync.current().applications).toHaveLength(15);
    expect(h.fs.reads.some((r) => r.includes('~$'))).toBe(false);
    expect(h.store.inventory.currentVersion()?.meta.file).toBe(path.join(share, 'inventaire.csv'));
    // A newer real file in the folder wins.
    writeFile(path.join(share, 'inventaire-2026-03.csv'), csvWithRows(16));
    expect((await h.sync.syncNow()).outcome).toBe('ok');
    expect(h.sync.current().applications).toHaveLength(16);
  });

  it('a source pointing at a lock file is refused without reading it', async () => {
    const h = harness();
    const lock = path.join(h.dir, '~$inventaire.xlsx');
    writeFile(lock, randomBytes(165));
    h.source.value = lock;
    const outcome = await h.sync.syncNow();
    expect(outcome).toMatchObject({ outcome: 'invalid' });
    expect(outcome.message).toMatch(/fichier de verrou Excel/);
    expect(h.fs.reads).not.toContain(lock);
    expect(h.sync.current().applications).toHaveLength(18);
  });

  it('an empty folder is reported', async () => {
    const h = harness();
    h.source.value = h.dir;
    fs.mkdirSync(path.join(h.dir, 'vide'));
    h.source.value = path.join(h.dir, 'vide');
    expect((await h.sync.syncNow()).message).toMatch(/^Aucun fichier d'inventaire/);
  });
});
