/**
 * The highest publication sequence this workstation accepted from a signed inventory (docs/deployment.md,
 * "Publication signée"): an older signed publication put back on the share is refused (no replay).
 */
import type { Migration } from './types';

export const m003PublicationTrust: Migration = {
  version: 3,
  name: 'publication_trust',
  up(db) {
    db.exec(`
      CREATE TABLE publication_trust (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        sequence    INTEGER NOT NULL,
        key_id      TEXT    NOT NULL,
        accepted_at TEXT    NOT NULL
      );
    `);
  },
};
