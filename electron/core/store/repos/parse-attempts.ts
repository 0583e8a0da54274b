/**
 * Untrusted file versions whose parsing started and did not succeed (migration 002): "in progress" is written before
 * the parse starts; success forgets the row, failure keeps it with its reason. A row still "in progress" when the
 * store is next read means the process died while parsing: that version counts as failed (no crash loop).
 */
import type Database from 'better-sqlite3';
import type { DateTime } from 'luxon';
import type { WriteRetry } from '../retry';
import { toStoreTime } from '../time';

export type ParseAttemptKind = 'inventory' | 'side';

export interface ParseAttempt {
  kind: ParseAttemptKind;
  hash: string;
  source: string;
  fileName: string;
  size: number;
  mtimeMs: number | null;
  status: 'in-progress' | 'failed';
  reason: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export const INTERRUPTED_REASON =
  "Le fichier d'inventaire a été refusé : son analyse a interrompu Vigie (arrêt pendant la lecture du fichier). " +
  'Remplacez-le par un fichier corrigé.';

/** Failed versions kept: enough for any real share, small enough never to matter. */
const KEEP_ROWS = 200;

interface Row {
  kind: ParseAttemptKind;
  hash: string;
  source: string;
  file_name: string;
  size: number;
  mtime_ms: number | null;
  status: 'in-progress' | 'failed';
  reason: string | null;
  started_at: string;
  finished_at: string | null;
}

const toAttempt = (row: Row): ParseAttempt => ({
  kind: row.kind,
  hash: row.hash,
  source: row.source,
  fileName: row.file_name,
  size: row.size,
  mtimeMs: row.mtime_ms,
  status: row.status,
  reason: row.reason,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
});

export class ParseAttemptRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly writer: WriteRetry,
  ) {}

  /** The recorded attempt of this version, if any: failed, or in progress (= died during the parse). */
  find(kind: ParseAttemptKind, hash: string): ParseAttempt | null {
    const row = this.db.prepare('SELECT * FROM parse_attempts WHERE kind = ? AND hash = ?').get(kind, hash) as
      Row | undefined;
    return row ? toAttempt(row) : null;
  }

  /** Newest first. */
  list(): ParseAttempt[] {
    return (this.db.prepare('SELECT * FROM parse_attempts ORDER BY started_at DESC').all() as Row[]).map(toAttempt);
  }

  /** Written (and committed) before the parse starts. */
  begin(a: Pick<ParseAttempt, 'kind' | 'hash' | 'source' | 'fileName' | 'size' | 'mtimeMs'> & { at: DateTime }): void {
    this.writer.run('parseAttempts.begin', () =>
      this.db.transaction(() => {
        this.db
          .prepare(
            `INSERT OR REPLACE INTO parse_attempts
               (kind, hash, source, file_name, size, mtime_ms, status, reason, started_at, finished_at)
             VALUES (?, ?, ?, ?, ?, ?, 'in-progress', NULL, ?, NULL)`,
          )
          .run(a.kind, a.hash, a.source, a.fileName, a.size, a.mtimeMs, toStoreTime(a.at));
        this.db
          .prepare(
            `DELETE FROM parse_attempts WHERE rowid NOT IN
               (SELECT rowid FROM parse_attempts ORDER BY started_at DESC LIMIT ?)`,
          )
          .run(KEEP_ROWS);
      })(),
    );
  }

  fail(kind: ParseAttemptKind, hash: string, reason: string, at: DateTime): void {
    this.writer.run('parseAttempts.fail', () =>
      this.db
        .prepare("UPDATE parse_attempts SET status = 'failed', reason = ?, finished_at = ? WHERE kind = ? AND hash = ?")
        .run(reason, toStoreTime(at), kind, hash),
    );
  }

  /** The parse succeeded, or could not start for a reason unrelated to the file: nothing to remember. */
  forget(kind: ParseAttemptKind, hash: string): void {
    this.writer.run('parseAttempts.forget', () =>
      this.db.prepare('DELETE FROM parse_attempts WHERE kind = ? AND hash = ?').run(kind, hash),
    );
  }

  /** At start: what was still in progress when the process stopped counts as failed. Returns how many. */
  failInterrupted(at: DateTime): number {
    return this.writer.run('parseAttempts.failInterrupted', () =>
      this.db
        .prepare(
          "UPDATE parse_attempts SET status = 'failed', reason = ?, finished_at = ? WHERE status = 'in-progress'",
        )
        .run(INTERRUPTED_REASON, toStoreTime(at)),
    ).changes;
  }
}
