/**
 * Opens the local store. The database is a cache of things we can rebuild (inventory, flags) plus a few we would
 * rather keep (checklists, outbox): so a damaged file is moved aside — never deleted — and replaced by a fresh one,
 * and the app starts anyway (issue 3: "never refuses to start because of its cache").
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { Logger } from './log';
import { silentLogger } from './log';
import { migrate, NewerSchemaError } from './migrate';
import { MIGRATIONS } from './migrations';
import type { Migration } from './migrations/types';
import { assertLocalDirectory } from './paths';
import { salvageInto } from './salvage';
import { WriteRetry, type WriteRetryOptions } from './retry';
import { Store, type StoreRecovery } from './store';

export const STORE_FILE = 'vigie.sqlite';
const SIDE_FILES = ['', '-wal', '-shm'] as const;
/** How long a connection waits for a lock held by someone else before SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

export interface OpenStoreOptions {
  /** A local folder (the shell passes LocalAppData\Vigie). A network path is refused. */
  dir: string;
  clock: Clock;
  log?: Logger;
  retry?: Omit<WriteRetryOptions, 'log'>;
  /** How long a connection waits for another process's lock (default 5 s); tests use 0. */
  busyTimeoutMs?: number;
  /** For tests of future migrations; defaults to the app's list. */
  migrations?: readonly Migration[];
}

/** The file cannot serve as our store; `reason` is French. */
class UnusableStoreError extends Error {}

/**
 * Looks at an existing file through a read-only connection first: SQLite deletes or checkpoints the -wal when the
 * last read-write connection closes, which would destroy exactly what we want to move aside with a damaged file.
 */
function inspect(file: string, known: number, timeout: number): void {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return;
  const db = new Database(file, { readonly: true, fileMustExist: true, timeout });
  try {
    const problems = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
    if (problems.length !== 1 || problems[0] !== 'ok') {
      throw new UnusableStoreError(`Vérification d'intégrité échouée : ${problems.slice(0, 3).join(' ; ')}`);
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > known) throw new NewerSchemaError(version, known);
  } finally {
    db.close();
  }
}

function open(file: string, migrations: readonly Migration[], log: Logger, timeout: number): Database.Database {
  if (file !== ':memory:') inspect(file, migrations.length, timeout);
  const db = new Database(file, { timeout });
  try {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal' && file !== ':memory:') log.warn('store: WAL mode unavailable', { mode });
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${timeout}`);
    migrate(db, migrations, log);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function isLockedByOther(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

function describe(error: unknown): string {
  if (error instanceof UnusableStoreError || error instanceof NewerSchemaError) return error.message;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_NOTADB') return "Le fichier n'est pas une base de données valide.";
  if (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT')) return 'La base de données est endommagée.';
  return `La base de données n'a pas pu être ouverte (${error instanceof Error ? error.message : String(error)}).`;
}

/**
 * Renames vigie.sqlite(-wal/-shm) to vigie.corrupt-<stamp>.sqlite(-wal/-shm); returns the new main path, or null
 * when there was nothing to move.
 */
function moveAside(file: string, clock: Clock): string | null {
  if (!SIDE_FILES.some((s) => fs.existsSync(file + s))) return null;
  const dir = path.dirname(file);
  const stamp = clock.now().toFormat("yyyyLLdd'T'HHmmss");
  let target = path.join(dir, `vigie.corrupt-${stamp}.sqlite`);
  for (let n = 1; SIDE_FILES.some((s) => fs.existsSync(target + s)); n++) {
    target = path.join(dir, `vigie.corrupt-${stamp}-${n}.sqlite`);
  }
  // The -wal must go too: left behind, SQLite would replay a stale journal into the fresh database.
  for (const suffix of SIDE_FILES) {
    if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, target + suffix);
  }
  return target;
}

/**
 * Never throws for a bad cache; throws StoreLocationError for a network folder (a configuration mistake the
 * caller must fix by passing a local folder).
 */
export function openStore(options: OpenStoreOptions): Store {
  const { dir, clock } = options;
  const log = options.log ?? silentLogger;
  const migrations = options.migrations ?? MIGRATIONS;
  const timeout = options.busyTimeoutMs ?? BUSY_TIMEOUT_MS;
  const writer = new WriteRetry({ ...options.retry, log });
  assertLocalDirectory(dir);
  const file = path.join(dir, STORE_FILE);

  let firstError: unknown;
  try {
    fs.mkdirSync(dir, { recursive: true });
    // A lock held by another process (a second agent, a backup tool) is not damage: retry, never move it aside.
    return new Store(
      writer.run('store.open', () => open(file, migrations, log, timeout)),
      file,
      null,
      writer,
      clock,
    );
  } catch (error) {
    firstError = error;
  }

  const reason = describe(firstError);
  log.error('store: unusable database, starting a fresh one', { file, reason });
  let recovered: StoreRecovery = { movedTo: null, reason, salvaged: null };
  try {
    // Still locked after the retries: someone else is using a healthy file; leave it alone this session.
    if (isLockedByOther(firstError)) throw firstError;
    recovered = { movedTo: moveAside(file, clock), reason, salvaged: null };
    log.warn('store: old database moved aside', { movedTo: recovered.movedTo });
    const db = open(file, migrations, log, timeout);
    // Reports and checklists the share cannot give back are copied before anything else writes (issue 9).
    if (recovered.movedTo) recovered.salvaged = salvageInto(recovered.movedTo, db, log);
    return new Store(db, file, recovered, writer, clock);
  } catch (error) {
    // Last resort: a cache in memory for this session, so alerts still work; rebuilt from the source on sync.
    log.error('store: no usable file, running on an in-memory database', {
      file,
      error: error instanceof Error ? error.message : String(error),
    });
    return new Store(open(':memory:', migrations, log, timeout), ':memory:', recovered, writer, clock);
  }
}
