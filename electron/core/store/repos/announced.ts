/**
 * "Already announced" flags: an event key is announced at most once, across restarts (docs/architecture.md,
 * rule 8).
 */
import type Database from 'better-sqlite3';
import type { DateTime } from 'luxon';
import type { WriteRetry } from '../retry';
import { toStoreTime } from '../time';

export interface AnnouncedEntry {
  key: string;
  kind: string;
  /** When the event was due. */
  at: string;
  announcedAt: string;
}

export class AnnouncedRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly writer: WriteRetry,
  ) {}

  has(key: string): boolean {
    return this.db.prepare('SELECT 1 FROM announced WHERE key = ?').get(key) !== undefined;
  }

  /** Records the flag; false when it was already there (someone announced it first). */
  mark(entry: { key: string; kind: string; at: DateTime; announcedAt: DateTime }): boolean {
    return this.writer.run('announced.mark', () => {
      const info = this.db
        .prepare('INSERT OR IGNORE INTO announced (key, kind, at, announced_at) VALUES (?, ?, ?, ?)')
        .run(entry.key, entry.kind, toStoreTime(entry.at), toStoreTime(entry.announcedAt));
      return info.changes === 1;
    });
  }

  /** Marks several flags atomically (e.g. a catch-up that stands for the start and end it replaces). */
  markAll(entries: { key: string; kind: string; at: DateTime; announcedAt: DateTime }[]): number {
    return this.writer.run('announced.markAll', () =>
      this.db.transaction(() => {
        const stmt = this.db.prepare(
          'INSERT OR IGNORE INTO announced (key, kind, at, announced_at) VALUES (?, ?, ?, ?)',
        );
        let added = 0;
        for (const e of entries) {
          added += stmt.run(e.key, e.kind, toStoreTime(e.at), toStoreTime(e.announcedAt)).changes;
        }
        return added;
      })(),
    );
  }

  /** Event keys due at or after `from` (newest last). */
  since(from: DateTime): AnnouncedEntry[] {
    return this.db
      .prepare('SELECT key, kind, at, announced_at AS announcedAt FROM announced WHERE at >= ? ORDER BY at, key')
      .all(toStoreTime(from)) as AnnouncedEntry[];
  }

  /** Forgets flags of events due before `before` (they can never be announced again anyway). */
  prune(before: DateTime): number {
    return this.writer.run(
      'announced.prune',
      () => this.db.prepare('DELETE FROM announced WHERE at < ?').run(toStoreTime(before)).changes,
    );
  }
}
