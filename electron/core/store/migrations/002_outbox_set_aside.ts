/**
 * Outbox entries that can never be delivered (a payload that is not JSON, or not a report any more) are set aside
 * instead of being retried forever: kept for IT, counted in the status, never blocking the others (issue 9).
 */
import type { Migration } from './types';

export const m002OutboxSetAside: Migration = {
  version: 2,
  name: 'outbox-set-aside',
  up(db) {
    db.exec(`
      ALTER TABLE outbox ADD COLUMN set_aside_at TEXT;
      DROP INDEX outbox_due;
      CREATE INDEX outbox_due ON outbox (delivered_at, set_aside_at, next_attempt_at);
    `);
  },
};
