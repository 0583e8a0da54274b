/**
 * Banner acknowledgements (migration 005; docs/architecture.md, "The banner"): keyed by window start and end, site
 * and, for an unplanned-outage notice, its id. The first acknowledgement of a key is kept; later ones change nothing.
 */
import type Database from 'better-sqlite3';
import type { DateTime } from 'luxon';
import type { WriteRetry } from '../retry';
import { toStoreTime } from '../time';

export interface AcknowledgementKey {
  windowStart: DateTime | string;
  windowEnd: DateTime | string;
  site: string;
  /** null for a planned window. */
  noticeId: string | null;
}

export interface Acknowledgement {
  /** Store times (UTC ISO). */
  windowStart: string;
  windowEnd: string;
  site: string;
  noticeId: string | null;
  at: string;
  workstation: string;
  initials: string;
}

export class AcknowledgementRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly writer: WriteRetry,
  ) {}

  /** Records the acknowledgement; false when this key was already acknowledged (the first one stays). */
  record(key: AcknowledgementKey, ack: { at: DateTime; workstation: string; initials: string }): boolean {
    return this.writer.run('acknowledgements.record', () => {
      const info = this.db
        .prepare(
          `INSERT OR IGNORE INTO acknowledgements (window_start, window_end, site, notice_id, at, workstation, initials)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          toStoreTime(key.windowStart),
          toStoreTime(key.windowEnd),
          key.site,
          key.noticeId,
          toStoreTime(ack.at),
          ack.workstation,
          ack.initials,
        );
      return info.changes === 1;
    });
  }

  find(key: AcknowledgementKey): Acknowledgement | null {
    const row = this.db
      .prepare(
        `SELECT window_start AS windowStart, window_end AS windowEnd, site, notice_id AS noticeId, at, workstation,
                initials
         FROM acknowledgements
         WHERE window_start = ? AND window_end = ? AND site = ? AND COALESCE(notice_id, '') = COALESCE(?, '')`,
      )
      .get(toStoreTime(key.windowStart), toStoreTime(key.windowEnd), key.site, key.noticeId) as
      Acknowledgement | undefined;
    return row ?? null;
  }
}
