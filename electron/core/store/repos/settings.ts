/**
 * The user's own choices, key → JSON value; plus the last valid IT policy (key `it.policy.lastValid`,
 * settings/service.ts), never the live policy (re-read from the registry and config.json).
 */
import type Database from 'better-sqlite3';
import type { Clock } from '../../clock';
import type { WriteRetry } from '../retry';
import { toStoreTime } from '../time';

export class SettingsRepository {
  constructor(
    private readonly db: Database.Database,
    private readonly writer: WriteRetry,
    private readonly clock: Clock,
  ) {}

  get(key: string): unknown {
    const row = this.db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as unknown) : undefined;
  }

  all(): Record<string, unknown> {
    const rows = this.db.prepare('SELECT key, value FROM settings ORDER BY key').all() as {
      key: string;
      value: string;
    }[];
    return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  }

  /** Writes all entries in one transaction; `undefined` deletes the key. */
  setMany(entries: Record<string, unknown>): void {
    const at = toStoreTime(this.clock.now());
    this.writer.run('settings.setMany', () =>
      this.db.transaction(() => {
        for (const [key, value] of Object.entries(entries)) {
          if (value === undefined) {
            this.db.prepare('DELETE FROM settings WHERE key = ?').run(key);
          } else {
            this.db
              .prepare(
                `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
              )
              .run(key, JSON.stringify(value), at);
          }
        }
      })(),
    );
  }

  set(key: string, value: unknown): void {
    this.setMany({ [key]: value });
  }

  delete(key: string): void {
    this.setMany({ [key]: undefined });
  }
}
