/**
 * First schema. Instants are UTC ISO strings (see ../time.ts); JSON columns hold plain data.
 */
import type { Migration } from './types';

export const m001Initial: Migration = {
  version: 1,
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE inventory_versions (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        fetched_at   TEXT    NOT NULL,
        source       TEXT    NOT NULL,
        hash         TEXT    NOT NULL,
        published_at TEXT,
        row_count    INTEGER NOT NULL,
        json         TEXT    NOT NULL,
        is_current   INTEGER NOT NULL DEFAULT 0 CHECK (is_current IN (0, 1)),
        -- size/mtime (file) or ETag/Last-Modified (https) of what was imported: lets the next poll skip the read.
        source_meta  TEXT    NOT NULL DEFAULT '{}',
        -- last time the source was seen and still held this version ("synced at" in the status).
        confirmed_at TEXT    NOT NULL
      );
      -- At most one current version, enforced by the database rather than by care.
      CREATE UNIQUE INDEX inventory_versions_current ON inventory_versions (is_current) WHERE is_current = 1;

      CREATE TABLE sync_log (
        id      INTEGER PRIMARY KEY AUTOINCREMENT,
        at      TEXT NOT NULL,
        source  TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'unchanged', 'offline', 'invalid', 'rejected')),
        message TEXT
      );

      CREATE TABLE settings (
        key        TEXT PRIMARY KEY,
        value      TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );

      CREATE TABLE announced (
        key          TEXT PRIMARY KEY,
        kind         TEXT NOT NULL,
        at           TEXT NOT NULL,
        announced_at TEXT NOT NULL
      );

      CREATE TABLE checklist_runs (
        id           TEXT PRIMARY KEY,
        window_start TEXT NOT NULL,
        window_end   TEXT NOT NULL,
        site         TEXT NOT NULL,
        services     TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        status       TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'submitted')),
        submitted_at TEXT,
        submitted_by TEXT,
        updated_at   TEXT NOT NULL
      );
      CREATE INDEX checklist_runs_window ON checklist_runs (window_start, window_end);

      CREATE TABLE checklist_items (
        run_id       TEXT NOT NULL REFERENCES checklist_runs (id) ON DELETE CASCADE,
        application  TEXT NOT NULL,
        service      TEXT NOT NULL,
        check_id     TEXT NOT NULL,
        result       TEXT CHECK (result IS NULL OR result IN ('ok', 'problem', 'na')),
        comment      TEXT NOT NULL DEFAULT '',
        restart      TEXT CHECK (restart IS NULL OR restart IN ('fixed', 'not-fixed')),
        contact_json TEXT,
        updated_at   TEXT NOT NULL,
        PRIMARY KEY (run_id, application, check_id)
      );

      CREATE TABLE outbox (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        kind            TEXT    NOT NULL,
        payload         TEXT    NOT NULL,
        created_at      TEXT    NOT NULL,
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT    NOT NULL,
        last_error      TEXT,
        delivered_at    TEXT
      );
      CREATE INDEX outbox_due ON outbox (delivered_at, next_attempt_at);
    `);
  },
};
