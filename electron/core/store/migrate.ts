/**
 * Applies the numbered migrations (docs/architecture.md, rule 9), each in its own transaction, and records progress in
 * `PRAGMA user_version` so a crash between two steps resumes where it stopped.
 */
import type Database from 'better-sqlite3';
import type { Logger } from './log';
import { silentLogger } from './log';
import type { Migration } from './migrations/types';

/** The file was written by a newer Vigie: we cannot know its schema, so it is treated as an unusable cache. */
export class NewerSchemaError extends Error {
  override readonly name = 'NewerSchemaError';
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`La base locale vient d'une version plus récente de Vigie (schéma ${found}, connu : ${known}).`);
  }
}

export function assertWellFormed(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migrations: expected version ${i + 1} at position ${i}, found ${m.version} (${m.name})`);
    }
  });
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Returns the versions before and after. Throws NewerSchemaError without touching a newer database. */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  log: Logger = silentLogger,
): { from: number; to: number } {
  assertWellFormed(migrations);
  const from = schemaVersion(db);
  const known = migrations.length;
  if (from > known) throw new NewerSchemaError(from, known);
  for (const m of migrations.slice(from)) {
    db.transaction(() => {
      m.up(db);
      // user_version cannot be bound as a parameter; the value is our own integer.
      db.pragma(`user_version = ${m.version}`);
    })();
    log.info('store: migration applied', { version: m.version, name: m.name });
  }
  return { from, to: known };
}
