/** The last signed publication this workstation accepted (migration 002): its sequence only grows. */
import type Database from 'better-sqlite3';
import type { DateTime } from 'luxon';
import type { WriteRetry } from '../retry';
import { toStoreTime } from '../time';

export class TrustRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly writer: WriteRetry,
  ) {}

  lastSequence(): number | null {
    const row = this.db.prepare('SELECT sequence FROM publication_trust WHERE id = 1').get() as
      { sequence: number } | undefined;
    return row?.sequence ?? null;
  }

  /** Records an accepted publication; never lowers the stored sequence. */
  accept(sequence: number, keyId: string, at: DateTime): void {
    this.writer.run('trust.accept', () =>
      this.db
        .prepare(
          `INSERT INTO publication_trust (id, sequence, key_id, accepted_at) VALUES (1, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET sequence = MAX(sequence, excluded.sequence),
             key_id = excluded.key_id, accepted_at = excluded.accepted_at`,
        )
        .run(sequence, keyId, toStoreTime(at)),
    );
  }
}
