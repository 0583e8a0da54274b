/**
 * "J'ai pris connaissance" on the banner (issue 12, "An alert nobody misses"): one row per window (or notice) and
 * site acknowledged on this workstation, with when and by whom. It closes the banner and travels with the
 * verification report of that window (docs/architecture.md, "The banner").
 */
import type { Migration } from './types';

export const m005Acknowledgements: Migration = {
  version: 5,
  name: 'acknowledgements',
  up(db) {
    db.exec(`
      CREATE TABLE acknowledgements (
        window_start TEXT NOT NULL,
        window_end   TEXT NOT NULL,
        site         TEXT NOT NULL,
        -- null for a planned window; the id of an unplanned-outage notice otherwise.
        notice_id    TEXT,
        at           TEXT NOT NULL,
        workstation  TEXT NOT NULL,
        initials     TEXT NOT NULL
      );
      -- One acknowledgement per key (a second click changes nothing). NULLs are distinct in a UNIQUE constraint,
      -- hence the expression: a window's row (notice_id null) must be unique too.
      CREATE UNIQUE INDEX acknowledgements_key
        ON acknowledgements (window_start, window_end, site, COALESCE(notice_id, ''));
    `);
  },
};
