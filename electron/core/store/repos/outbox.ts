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
  payload: unknown;
  createdAt: string;
  attempts: number;
  nextAttemptAt: string;
  lastError: string | null;
  deliveredAt: string | null;
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
}

/** Delay before the next attempt after `attempts` failures: 1, 2, 4 … minutes, at most one hour. */
export function defaultBackoff(attempts: number): { minutes: number } {
  return { minutes: Math.min(60, 2 ** Math.max(0, attempts - 1)) };
}

function toEntry(r: Row): OutboxEntry {
  return {
    id: r.id,
    kind: r.kind,
    payload: JSON.parse(r.payload) as unknown,
    createdAt: r.created_at,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastError: r.last_error,
    deliveredAt: r.delivered_at,
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
        'SELECT * FROM outbox WHERE delivered_at IS NULL AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?',
      )
      .all(toStoreTime(now), limit) as Row[];
    return rows.map(toEntry);
  }

  pendingCount(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM outbox WHERE delivered_at IS NULL').get() as { n: number }).n;
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
