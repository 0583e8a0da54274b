/**
 * Remembers each untrusted file version whose parsing was started and did not succeed (docs/deployment.md,
 * "Fichier refusé"): written BEFORE the parse starts, so a version that took the whole process down is still known
 * at the next start and not parsed again until the file changes (no crash loop).
 */
import type { Migration } from './types';

export const m004ParseAttempts: Migration = {
  version: 4,
  name: 'parse-attempts',
  up(db) {
    db.exec(`
      CREATE TABLE parse_attempts (
        kind        TEXT    NOT NULL CHECK (kind IN ('inventory', 'side')),
        -- SHA-256 of the file's bytes: the version's identity (a new mtime alone does not make it parse again).
        hash        TEXT    NOT NULL,
        source      TEXT    NOT NULL,
        file_name   TEXT    NOT NULL,
        size        INTEGER NOT NULL,
        mtime_ms    REAL,
        status      TEXT    NOT NULL CHECK (status IN ('in-progress', 'failed')),
        reason      TEXT,
        started_at  TEXT    NOT NULL,
        finished_at TEXT,
        PRIMARY KEY (kind, hash)
      );
    `);
  },
};
