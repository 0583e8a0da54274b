/**
 * Reports still to deliver (to the shared reports folder). Delivery is retried with a growing delay so a share
 * that is down for hours is not hammered, and nothing is lost across restarts.
 */
import type Database from 'better-sqlite3';
import type { DateTime } from 'luxon';
import type { Clock } from '../../clock';
import type { WriteRetry } from '../retry';
import { toStoreTime } from '../time';

export interface OutboxEntry {
  id: number;
  kind: string;
  /** The parsed payload; null when the stored text is not JSON (see `unreadable`). */
  payload: unknown;
  /** The stored text could not be parsed: the entry can never be delivered and is set aside (issue 9). */
  unreadable: boolean;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  deliveredAt: string | null;
  /** When the entry was set aside as undeliverable (kept for IT, never retried), or null. */
  setAsideAt: string | null;
}

interface Row {
  id: number;
  kind: string;
  payload: string;
  created_at: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  delivered_at: string | null;
  set_aside_at?: string | null;
}

/** Delay before the next attempt after `attempts` failures: 1, 2, 4 … minutes, at most one hour. */
export function defaultBackoff(attempts: number): { minutes: number } {
  return { minutes: Math.min(60, 2 ** Math.max(0, attempts - 1)) };
}

/** A damaged row must not throw out of a query: one bad payload would block every later delivery (issue 9). */
function parsePayload(text: string): { payload: unknown; unreadable: boolean } {
  try {
    return { payload: JSON.parse(text) as unknown, unreadable: false };
  } catch {
    return { payload: null, unreadable: true };
  }
}

function toEntry(r: Row): OutboxEntry {
  return {
    id: r.id,
    kind: r.kind,
    ...parsePayload(r.payload),
    createdAt: r.created_at,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    deliveredAt: r.delivered_at,
    setAsideAt: r.set_aside_at ?? null,
  };
}

export class OutboxRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly writer: WriteRetry,
    private readonly clock: Clock,
  ) {}

  /** Queued for immediate delivery. */
  enqueue(kind: string, payload: unknown): OutboxEntry {
    const now = toStoreTime(this.clock.now());
    const id = this.writer.run('outbox.enqueue', () =>
      Number(
        this.db
          .prepare('INSERT INTO outbox (kind, payload, created_at, next_attempt_at) VALUES (?, ?, ?, ?)')
          .run(kind, JSON.stringify(payload), now, now).lastInsertRowid,
      ),
    );
    return this.get(id) as OutboxEntry;
  }

  get(id: number): OutboxEntry | null {
    const row = this.db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as Row | undefined;
    return row ? toEntry(row) : null;
  }

  /** Undelivered entries whose next attempt is at or before `now`, oldest first. */
  due(now: DateTime, limit = 50): OutboxEntry[] {
    const rows = this.db
      .prepare(
        `SELECT * FROM outbox WHERE delivered_at IS NULL AND set_aside_at IS NULL AND next_attempt_at <= ?
         ORDER BY next_attempt_at, id LIMIT ?`,
      )
      .all(toStoreTime(now), limit) as Row[];
    return rows.map(toEntry);
  }

  /** Entries still to deliver (set-aside ones are not: they never will be). */
  pendingCount(): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE delivered_at IS NULL AND set_aside_at IS NULL').get() as {
        n: number;
      }
    ).n;
  }

  /** Entries set aside as undeliverable: shown to IT in the status window. */
  setAsideCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE set_aside_at IS NOT NULL').get() as { n: number })
      .n;
  }

  /** Keeps the entry (payload untouched, for IT) but takes it out of every later round. */
  setAside(id: number, reason: string, at: DateTime = this.clock.now()): boolean {
    return this.writer.run(
      'outbox.setAside',
      () =>
        this.db
          .prepare(
            'UPDATE outbox SET set_aside_at = ?, last_error = ? WHERE id = ? AND delivered_at IS NULL AND set_aside_at IS NULL',
          )
          .run(toStoreTime(at), reason, id).changes === 1,
    );
  }

  /**
   * The entry of `kind` whose payload has this `reportId`, delivered or not (the journal of reports asks, see
   * reports/journal.ts). Rows whose payload is not JSON are skipped, not an error.
   */
  findByReportId(kind: string, reportId: string): OutboxEntry | null {
    const row = this.db
      .prepare(
        `SELECT * FROM outbox WHERE kind = ?
           AND (CASE WHEN json_valid(payload) THEN json_extract(payload, '$.reportId') END) = ?
         ORDER BY id LIMIT 1`,
      )
      .get(kind, reportId) as Row | undefined;
    return row ? toEntry(row) : null;
  }

  /** Copies an entry from a damaged database as it was (payload text untouched, even when it is not JSON). */
  restore(entry: {
    kind: string;
    payload: string;
    createdAt: string;
    attempts: number;
    lastError: string | null;
  }): number {
    const now = toStoreTime(this.clock.now());
    return this.writer.run('outbox.restore', () =>
      Number(
        this.db
          .prepare(
            `INSERT INTO outbox (kind, payload, created_at, attempts, next_attempt_at, last_error)
             VALUES (?, ?, ?, ?, ?, ?)`,
          )
          .run(entry.kind, entry.payload, entry.createdAt, entry.attempts, now, entry.lastError).lastInsertRowid,
      ),
    );
  }

  markDelivered(id: number, at: DateTime = this.clock.now()): boolean {
    return this.writer.run(
      'outbox.markDelivered',
      () =>
        this.db
          .prepare('UPDATE outbox SET delivered_at = ?, last_error = NULL WHERE id = ? AND delivered_at IS NULL')
          .run(toStoreTime(at), id).changes === 1,
    );
  }

  /** Counts the failure and schedules the next attempt after `backoff(attempts)`. */
  markFailed(
    id: number,
    error: string,
    now: DateTime = this.clock.now(),
    backoff: (attempts: number) => { minutes?: number; seconds?: number } = defaultBackoff,
  ): OutboxEntry | null {
    const entry = this.get(id);
    if (!entry || entry.deliveredAt !== null) return entry;
    const attempts = entry.attempts + 1;
    const next = toStoreTime(now.plus(backoff(attempts)));
    this.writer.run('outbox.markFailed', () =>
      this.db
        .prepare('UPDATE outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?')
        .run(attempts, next, error, id),
    );
    return this.get(id);
  }
}
