import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { assertWellFormed, migrate, MIGRATIONS, NewerSchemaError, schemaVersion } from '../../../electron/core/store';
import type { Migration } from '../../../electron/core/store';
import { m004ParseAttempts } from '../../../electron/core/store/migrations/004_parse_attempts';
import { m005Acknowledgements } from '../../../electron/core/store/migrations/005_acknowledgements';
import { tempDir } from './tmp';

/** The schema each version must produce: table → columns in order, plus index names. Append, never edit. */
const V1 = {
  tables: {
    inventory_versions: [
      'id',
      'fetched_at',
      'source',
      'hash',
      'published_at',
      'row_count',
      'json',
      'is_current',
      'source_meta',
      'confirmed_at',
    ],
    sync_log: ['id', 'at', 'source', 'outcome', 'message'],
    settings: ['key', 'value', 'updated_at'],
    announced: ['key', 'kind', 'at', 'announced_at'],
    checklist_runs: [
      'id',
      'window_start',
      'window_end',
      'site',
      'services',
      'created_at',
      'status',
      'submitted_at',
      'submitted_by',
      'updated_at',
    ],
    checklist_items: [
      'run_id',
      'application',
      'service',
      'check_id',
      'result',
      'comment',
      'restart',
      'contact_json',
      'updated_at',
    ],
    outbox: ['id', 'kind', 'payload', 'created_at', 'attempts', 'next_attempt_at', 'last_error', 'delivered_at'],
  },
  indexes: ['checklist_runs_window', 'inventory_versions_current', 'outbox_due'],
};

const EXPECTED: Record<number, { tables: Record<string, string[]>; indexes: string[] }> = { 1: V1 };
/** Each later version: the previous schema with its changes (append, never edit). */
function after(version: number, change: (tables: Record<string, string[]>) => void, indexes?: string[]) {
  const previous = EXPECTED[version - 1];
  if (!previous) throw new Error(`no expected schema for ${version - 1}`);
  const tables = structuredClone(previous.tables);
  change(tables);
  EXPECTED[version] = { tables, indexes: indexes ?? previous.indexes };
}
after(2, (t) => t.outbox?.push('set_aside_at'));
// 003_publication_trust: the highest signed publication accepted (no replay).
after(3, (t) => {
  t.publication_trust = ['id', 'sequence', 'key_id', 'accepted_at'];
});
// 004_parse_attempts: file versions whose parse started and did not succeed (no crash loop).
after(m004ParseAttempts.version, (t) => {
  t.parse_attempts = [
    'kind',
    'hash',
    'source',
    'file_name',
    'size',
    'mtime_ms',
    'status',
    'reason',
    'started_at',
    'finished_at',
  ];
});

// 005_acknowledgements: "J'ai pris connaissance" on the banner, one row per window (or notice) and site.
after(
  m005Acknowledgements.version,
  (t) => {
    t.acknowledgements = ['window_start', 'window_end', 'site', 'notice_id', 'at', 'workstation', 'initials'];
  },
  [...(EXPECTED[m005Acknowledgements.version - 1]?.indexes ?? []), 'acknowledgements_key'].sort(),
);

function freshDb(): Database.Database {
  return new Database(path.join(tempDir(), 'fresh.sqlite'));
}

function schemaOf(db: Database.Database) {
  const tables = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((t) => t.name);
  const columns = Object.fromEntries(
    tables.map((t) => [t, (db.pragma(`table_info(${t})`) as { name: string }[]).map((c) => c.name)]),
  );
  const indexes = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((i) => i.name);
  return { tables: columns, indexes };
}

describe('migrations', () => {
  it('are numbered 1..n without gaps, and every version has an expected schema', () => {
    expect(() => assertWellFormed(MIGRATIONS)).not.toThrow();
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(Object.keys(EXPECTED).map(Number)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  for (const m of MIGRATIONS) {
    it(`${String(m.version).padStart(3, '0')}_${m.name} on a fresh database gives the expected schema`, () => {
      const db = freshDb();
      const result = migrate(db, MIGRATIONS.slice(0, m.version));
      expect(result).toEqual({ from: 0, to: m.version });
      expect(schemaVersion(db)).toBe(m.version);
      const expected = EXPECTED[m.version];
      expect(schemaOf(db)).toEqual({
        tables: Object.fromEntries(Object.entries(expected?.tables ?? {}).sort(([a], [b]) => a.localeCompare(b))),
        indexes: expected?.indexes,
      });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    });
  }

  it('is idempotent: a second run applies nothing', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS);
    expect(migrate(db, MIGRATIONS)).toEqual({ from: MIGRATIONS.length, to: MIGRATIONS.length });
    db.close();
  });

  it('enforces the schema rules it declares (one current inventory, valid outcomes, cascade delete)', () => {
    const db = freshDb();
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS);
    const insert = db.prepare(
      `INSERT INTO inventory_versions (fetched_at, source, hash, row_count, json, is_current, confirmed_at)
       VALUES ('t', 's', 'h', 1, '{}', ?, 't')`,
    );
    insert.run(1);
    expect(() => insert.run(1)).toThrow(/UNIQUE/);
    insert.run(0);
    expect(() => db.prepare("INSERT INTO sync_log (at, source, outcome) VALUES ('t', 's', 'weird')").run()).toThrow(
      /CHECK/,
    );
    db.prepare(
      `INSERT INTO checklist_runs (id, window_start, window_end, site, services, created_at, updated_at)
       VALUES ('r', 'a', 'b', 'IUSMM', '[]', 't', 't')`,
    ).run();
    db.prepare(
      "INSERT INTO checklist_items (run_id, application, service, check_id, updated_at) VALUES ('r', 'A', 'S', 'starts', 't')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO checklist_items (run_id, application, service, check_id, updated_at) VALUES ('nope', 'A', 'S', 'starts', 't')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.prepare("DELETE FROM checklist_runs WHERE id = 'r'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM checklist_items').get()).toEqual({ n: 0 });
    db.close();
  });

  it('keeps one acknowledgement per window, site and notice (a window has no notice id: still unique)', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS);
    const insert = db.prepare(
      `INSERT OR IGNORE INTO acknowledgements (window_start, window_end, site, notice_id, at, workstation, initials)
       VALUES ('s', 'e', 'IUSMM', ?, 't', 'PC', ?)`,
    );
    expect(insert.run(null, 'MT').changes).toBe(1);
    expect(insert.run(null, 'XX').changes).toBe(0);
    expect(insert.run('avis-1', 'XX').changes).toBe(1);
    expect(insert.run('avis-1', 'YY').changes).toBe(0);
    expect(db.prepare('SELECT initials FROM acknowledgements ORDER BY initials').all()).toEqual([
      { initials: 'MT' },
      { initials: 'XX' },
    ]);
    db.close();
  });

  it('refuses a database written by a newer version, without touching it', () => {
    const db = freshDb();
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    expect(() => migrate(db, MIGRATIONS)).toThrow(NewerSchemaError);
    expect(schemaVersion(db)).toBe(MIGRATIONS.length + 1);
    db.close();
  });

  it('rolls a failing migration back entirely and keeps the previous version', () => {
    const db = freshDb();
    const broken: Migration = {
      version: MIGRATIONS.length + 1,
      name: 'broken',
      up(d) {
        d.exec('CREATE TABLE half_done (x)');
        throw new Error('boom');
      },
    };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow('boom');
    expect(schemaVersion(db)).toBe(MIGRATIONS.length);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").get()).toBeUndefined();
    db.close();
  });

  it('rejects a list with a gap or out of order', () => {
    const m = (version: number): Migration => ({ version, name: `m${version}`, up: () => undefined });
    expect(() => assertWellFormed([m(1), m(3)])).toThrow(/expected version 2/);
    expect(() => assertWellFormed([m(2), m(1)])).toThrow(/expected version 1/);
  });
});
