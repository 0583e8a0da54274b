import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/core/clock';
import {
  isNetworkPath,
  MIGRATIONS,
  openStore,
  STORE_FILE,
  StoreLocationError,
  WriteRetry,
  isTransientSqliteError,
  type Logger,
} from '../../../electron/core/store';
import { tempDir } from './tmp';

const clock = () => new ManualClock('2026-03-05T10:15:30');

function recordingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const push = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}

/** A real database with some content, closed cleanly (a plausible vigie.sqlite of a few hundred KB). */
function writeRealDb(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE filler (n INTEGER, text TEXT); CREATE INDEX filler_text ON filler (text)');
  const insert = db.prepare('INSERT INTO filler VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(i, `ligne ${i} `.repeat(10));
  })();
  db.close();
}

describe('openStore', () => {
  it('creates vigie.sqlite in WAL mode with foreign keys and the latest schema', () => {
    const dir = path.join(tempDir(), 'nested', 'Vigie');
    const store = openStore({ dir, clock: clock() });
    expect(store.file).toBe(path.join(dir, STORE_FILE));
    expect(fs.existsSync(store.file)).toBe(true);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(store.db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(store.recovered).toBeNull();
    expect(store.inMemory).toBe(false);
    store.close();
  });

  it('keeps data across restarts', () => {
    const dir = tempDir();
    const first = openStore({ dir, clock: clock() });
    first.settings.set('language', 'en');
    first.close();
    const second = openStore({ dir, clock: clock() });
    expect(second.settings.get('language')).toBe('en');
    expect(second.recovered).toBeNull();
    second.close();
  });

  it('recovers from a file of random bytes: moved aside, fresh store, reason given', () => {
    const dir = tempDir();
    const garbage = randomBytes(64 * 1024);
    fs.writeFileSync(path.join(dir, STORE_FILE), garbage);
    const log = recordingLog();
    const store = openStore({ dir, clock: clock(), log });
    expect(store.recovered).toEqual({
      movedTo: path.join(dir, 'vigie.corrupt-20260305T101530.sqlite'),
      reason: "Le fichier n'est pas une base de données valide.",
      // Nothing could be read back from random bytes, and the store says so rather than claiming all is well.
      salvaged: { reports: 0, checklists: 0, complete: false },
    });
    expect(fs.readFileSync(store.recovered?.movedTo as string).equals(garbage)).toBe(true);
    // The fresh store is fully usable.
    store.settings.set('site', 'IUSMM');
    expect(store.settings.get('site')).toBe('IUSMM');
    expect(store.db.pragma('quick_check', { simple: true })).toBe('ok');
    expect(log.lines.some((l) => l.startsWith('error store: unusable database'))).toBe(true);
    store.close();
  });

  it('recovers from a truncated real database and moves its -wal and -shm along', () => {
    const dir = tempDir();
    const file = path.join(dir, STORE_FILE);
    writeRealDb(file);
    const size = fs.statSync(file).size;
    fs.truncateSync(file, Math.floor(size / 2));
    // A crash leaves the journal files behind; replaying them into a fresh file would be wrong.
    fs.writeFileSync(`${file}-wal`, randomBytes(4096));
    fs.writeFileSync(`${file}-shm`, randomBytes(32768));

    const store = openStore({ dir, clock: clock() });
    const movedTo = path.join(dir, 'vigie.corrupt-20260305T101530.sqlite');
    expect(store.recovered?.movedTo).toBe(movedTo);
    expect(store.recovered?.reason).toMatch(/endommagée|intégrité/);
    expect(fs.statSync(movedTo).size).toBe(Math.floor(size / 2));
    expect(fs.existsSync(`${movedTo}-wal`)).toBe(true);
    expect(fs.statSync(`${movedTo}-shm`).size).toBe(32768);
    expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(store.db.prepare("SELECT name FROM sqlite_master WHERE name = 'filler'").get()).toBeUndefined();
    store.close();
  });

  it('recovers when quick_check finds damage inside an openable file', () => {
    const dir = tempDir();
    const file = path.join(dir, STORE_FILE);
    writeRealDb(file);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0xab), 0, 4096, 4096 * 8); // scribble over one table leaf page
    fs.closeSync(fd);
    const store = openStore({ dir, clock: clock() });
    expect(store.recovered?.reason).toMatch(/^Vérification d'intégrité échouée/);
    expect(store.db.pragma('quick_check', { simple: true })).toBe('ok');
    store.close();
  });

  it('treats a database from a newer Vigie as an unusable cache (moved aside, logged)', () => {
    const dir = tempDir();
    const newer = new Database(path.join(dir, STORE_FILE));
    newer.pragma(`user_version = ${MIGRATIONS.length + 5}`);
    newer.close();
    const log = recordingLog();
    const store = openStore({ dir, clock: clock(), log });
    expect(store.recovered?.reason).toMatch(/version plus récente/);
    expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(new Database(store.recovered?.movedTo as string).pragma('user_version', { simple: true })).toBe(
      MIGRATIONS.length + 5,
    );
    expect(log.lines.some((l) => l.includes('unusable database'))).toBe(true);
    store.close();
  });

  it('never overwrites an earlier corrupt copy', () => {
    const dir = tempDir();
    const c = clock();
    fs.writeFileSync(path.join(dir, STORE_FILE), randomBytes(2048));
    openStore({ dir, clock: c }).close();
    fs.writeFileSync(path.join(dir, STORE_FILE), randomBytes(2048));
    const second = openStore({ dir, clock: c });
    expect(second.recovered?.movedTo).toBe(path.join(dir, 'vigie.corrupt-20260305T101530-1.sqlite'));
    expect(fs.existsSync(path.join(dir, 'vigie.corrupt-20260305T101530.sqlite'))).toBe(true);
    second.close();
  });

  it('falls back to an in-memory store rather than refusing to start', () => {
    const parent = tempDir();
    const notADir = path.join(parent, 'occupied');
    fs.writeFileSync(notADir, 'a file where the folder should be');
    const store = openStore({ dir: notADir, clock: clock() });
    expect(store.inMemory).toBe(true);
    expect(store.recovered?.movedTo).toBeNull();
    store.announced.mark({ key: 'k', kind: 'start', at: clock().now(), announcedAt: clock().now() });
    expect(store.announced.has('k')).toBe(true);
    store.close();
  });

  it('a database locked by another process is left alone, not moved aside', () => {
    const dir = tempDir();
    openStore({ dir, clock: clock() }).close();
    const other = new Database(path.join(dir, STORE_FILE));
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    const pauses: number[] = [];
    const store = openStore({ dir, clock: clock(), busyTimeoutMs: 0, retry: { pause: (ms) => void pauses.push(ms) } });
    expect(pauses).toEqual([50, 200, 500]);
    expect(store.inMemory).toBe(true);
    expect(store.recovered?.movedTo).toBeNull();
    expect(fs.readdirSync(dir).filter((f) => f.includes('corrupt'))).toEqual([]);
    store.close();
    other.exec('COMMIT');
    other.close();
    const again = openStore({ dir, clock: clock() });
    expect(again.recovered).toBeNull();
    again.close();
  });

  it.each([
    '\\\\serveur\\partage\\Vigie',
    '//serveur/partage/Vigie',
    '\\\\?\\UNC\\serveur\\partage\\Vigie',
    ' \\\\serveur\\partage',
  ])('refuses the network folder %s with a clear French message', (dir) => {
    expect(isNetworkPath(dir)).toBe(true);
    expect(() => openStore({ dir, clock: clock() })).toThrow(StoreLocationError);
    expect(() => openStore({ dir, clock: clock() })).toThrow(/disque local/);
  });

  it.each(['C:\\Users\\inf01\\AppData\\Local\\Vigie', '\\\\?\\C:\\Vigie', '/home/inf01/.config/Vigie', 'Vigie'])(
    'accepts the local folder %s',
    (dir) => {
      expect(isNetworkPath(dir)).toBe(false);
    },
  );
});

describe('write retry', () => {
  it('retries SQLITE_BUSY/SQLITE_IOERR with the injected pause, then succeeds', () => {
    const pauses: number[] = [];
    const retry = new WriteRetry({ pause: (ms) => void pauses.push(ms) });
    let calls = 0;
    const result = retry.run('test', () => {
      calls++;
      if (calls === 1) throw Object.assign(new Error('busy'), { code: 'SQLITE_BUSY' });
      if (calls === 2) throw Object.assign(new Error('io'), { code: 'SQLITE_IOERR_WRITE' });
      return 'written';
    });
    expect(result).toBe('written');
    expect(calls).toBe(3);
    expect(pauses).toEqual([50, 200]);
  });

  it('gives up after the last delay and does not retry other errors', () => {
    const pauses: number[] = [];
    const retry = new WriteRetry({ delaysMs: [1, 2], pause: (ms) => void pauses.push(ms) });
    expect(() =>
      retry.run('test', () => {
        throw Object.assign(new Error('still busy'), { code: 'SQLITE_BUSY' });
      }),
    ).toThrow('still busy');
    expect(pauses).toEqual([1, 2]);
    let calls = 0;
    expect(() =>
      retry.run('test', () => {
        calls++;
        throw Object.assign(new Error('constraint'), { code: 'SQLITE_CONSTRAINT_UNIQUE' });
      }),
    ).toThrow('constraint');
    expect(calls).toBe(1);
    expect(isTransientSqliteError({ code: 'SQLITE_LOCKED' })).toBe(true);
    expect(isTransientSqliteError(new Error('x'))).toBe(false);
  });

  it('a store write blocked by another connection succeeds once the lock is released', () => {
    const dir = tempDir();
    let other: Database.Database | null = null;
    const pauses: number[] = [];
    const store = openStore({
      dir,
      clock: clock(),
      retry: {
        pause: (ms) => {
          pauses.push(ms);
          other?.exec('COMMIT'); // the other writer finishes while we wait
        },
      },
    });
    store.db.pragma('busy_timeout = 0'); // fail at once instead of waiting 5 s in a test
    other = new Database(store.file);
    other.exec('BEGIN IMMEDIATE');
    store.settings.set('language', 'en');
    expect(pauses).toEqual([50]);
    expect(store.settings.get('language')).toBe('en');
    other.close();
    store.close();
  });
});
