/** Every sync attempt and its outcome: the status shows the current failure streak from it, IT reads the rest. */
import type Database from 'better-sqlite3';
import type { DateTime } from 'luxon';
import type { WriteRetry } from '../retry';
import { toStoreTime } from '../time';

export type SyncLogOutcome = 'ok' | 'unchanged' | 'offline' | 'invalid' | 'rejected';

export interface SyncLogEntry {
  id: number;
  at: string;
  source: string;
  outcome: SyncLogOutcome;
  message: string | null;
}

/** The latest attempt and, when it failed, the first failure of the uninterrupted run of failures. */
export interface SyncStreak {
  last: SyncLogEntry | null;
  lastSuccess: SyncLogEntry | null;
  firstFailure: SyncLogEntry | null;
}

/** A poll every 5 minutes writes ~290 rows a day; keep about a week. */
const KEEP_ROWS = 2000;
const SUCCESS = "outcome IN ('ok', 'unchanged')";

export class SyncLogRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly writer: WriteRetry,
  ) {}

  add(entry: { at: DateTime; source: string; outcome: SyncLogOutcome; message: string | null }): void {
    this.writer.run('syncLog.add', () =>
      this.db.transaction(() => {
        this.db
          .prepare('INSERT INTO sync_log (at, source, outcome, message) VALUES (?, ?, ?, ?)')
          .run(toStoreTime(entry.at), entry.source, entry.outcome, entry.message);
        this.db.prepare('DELETE FROM sync_log WHERE id <= (SELECT MAX(id) FROM sync_log) - ?').run(KEEP_ROWS);
      })(),
    );
  }

  /** Newest first. */
  recent(limit = 50): SyncLogEntry[] {
    return this.db
      .prepare('SELECT id, at, source, outcome, message FROM sync_log ORDER BY id DESC LIMIT ?')
      .all(limit) as SyncLogEntry[];
  }

  streak(): SyncStreak {
    const last =
      (this.db.prepare('SELECT id, at, source, outcome, message FROM sync_log ORDER BY id DESC LIMIT 1').get() as
        SyncLogEntry | undefined) ?? null;
    const lastSuccess =
      (this.db
        .prepare(`SELECT id, at, source, outcome, message FROM sync_log WHERE ${SUCCESS} ORDER BY id DESC LIMIT 1`)
        .get() as SyncLogEntry | undefined) ?? null;
    const firstFailure =
      last && last.outcome !== 'ok' && last.outcome !== 'unchanged'
        ? ((this.db
            .prepare('SELECT id, at, source, outcome, message FROM sync_log WHERE id > ? ORDER BY id LIMIT 1')
            .get(lastSuccess?.id ?? 0) as SyncLogEntry | undefined) ?? null)
        : null;
    return { last, lastSuccess, firstFailure };
  }
}
