/**
 * "Vérification faite par PC-LAB-1 (MT) à 4 h 30" (issue 12, docs/verified-elsewhere.md): a valid report another
 * workstation (or another user of this one) put on the share for a window this workstation had to verify. One row
 * per window and site: the first report found stands for the window. `override_at` is set when someone here chose
 * to verify again anyway (the local checklist is then due again).
 */
import type { Migration } from './types';

export const m006VerifiedElsewhere: Migration = {
  version: 6,
  name: 'verified-elsewhere',
  up(db) {
    db.exec(`
      CREATE TABLE verified_elsewhere (
        window_start TEXT NOT NULL,
        window_end   TEXT NOT NULL,
        site         TEXT NOT NULL,
        report_id    TEXT NOT NULL,
        workstation  TEXT NOT NULL,
        user_account TEXT NOT NULL,
        initials     TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        -- The report's items, trimmed (verified/record.ts): what the read-only summary shows.
        items_json   TEXT NOT NULL,
        recorded_at  TEXT NOT NULL,
        override_at  TEXT,
        PRIMARY KEY (window_start, window_end, site)
      );
    `);
  },
};
