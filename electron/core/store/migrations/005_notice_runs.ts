/**
 * A checklist run may verify an unplanned outage notice rather than a planned window (issue 13, "Unplanned outage
 * notices"): the run remembers the notice's id, so its report says `"reason": "notice"` with that id, and the run is
 * found again by the notice (two notices may share a start and an end; a notice never merges into a window's run).
 */
import type { Migration } from './types';

export const m005NoticeRuns: Migration = {
  version: 5,
  name: 'notice-runs',
  up(db) {
    db.exec(`
      ALTER TABLE checklist_runs ADD COLUMN notice_id TEXT;
      CREATE INDEX checklist_runs_notice ON checklist_runs (notice_id) WHERE notice_id IS NOT NULL;
    `);
  },
};
