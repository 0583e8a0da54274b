/**
 * Windows verified elsewhere (migration 005, docs/verified-elsewhere.md): the report another workstation or another
 * user of this one put on the share for a window this workstation had to verify. The first report recorded stands
 * for the window; it counts from its `submittedAt` on, until someone here chooses to verify again anyway.
 */
import type Database from 'better-sqlite3';
import type { DateTime } from 'luxon';
import type { WriteRetry } from '../retry';
import { toStoreTime } from '../time';

/** One application of the report, as the read-only summary shows it. */
export interface VerifiedItem {
  application: string;
  service: string;
  checks: {
    id: 'starts' | 'transfers';
    result: 'ok' | 'problem' | 'na' | null;
    restart: 'fixed' | 'not-fixed' | null;
    comment: string;
  }[];
}

export interface NewVerified {
  windowStart: DateTime;
  windowEnd: DateTime;
  /** This workstation's site, as its profile spells it (the checklist run's site). */
  site: string;
  reportId: string;
  workstation: string;
  userAccount: string;
  initials: string;
  submittedAt: DateTime;
  items: VerifiedItem[];
  recordedAt: DateTime;
}

/** A record without its items: what the scheduler reads at every tick. */
export type VerifiedHead = Omit<VerifiedRecord, 'items'>;

export interface VerifiedRecord {
  /** Store times (UTC ISO). */
  windowStart: string;
  windowEnd: string;
  site: string;
  reportId: string;
  workstation: string;
  userAccount: string;
  initials: string;
  submittedAt: string;
  items: VerifiedItem[];
  recordedAt: string;
  overrideAt: string | null;
}

interface Row {
  window_start: string;
  window_end: string;
  site: string;
  report_id: string;
  workstation: string;
  user_account: string;
  initials: string;
  submitted_at: string;
  items_json: string;
  recorded_at: string;
  override_at: string | null;
}

function parseItems(json: string): VerifiedItem[] {
  try {
    const items = JSON.parse(json) as unknown;
    return Array.isArray(items) ? (items as VerifiedItem[]) : [];
  } catch {
    return [];
  }
}

/** The store's time format (time.ts) without luxon: this runs at every tick of a simulated month. */
const fast = (at: DateTime | string): string =>
  typeof at === 'string' ? toStoreTime(at) : new Date(at.toMillis()).toISOString();

const HEAD = `window_start, window_end, site, report_id, workstation, user_account, initials, submitted_at,
  recorded_at, override_at`;

function toHead(r: Omit<Row, 'items_json'>): VerifiedHead {
  return {
    windowStart: r.window_start,
    windowEnd: r.window_end,
    site: r.site,
    reportId: r.report_id,
    workstation: r.workstation,
    userAccount: r.user_account,
    initials: r.initials,
    submittedAt: r.submitted_at,
    recordedAt: r.recorded_at,
    overrideAt: r.override_at,
  };
}

function toRecord(r: Row): VerifiedRecord {
  return { ...toHead(r), items: parseItems(r.items_json) };
}

export class VerifiedRepository {
  /**
   * Whether the table holds any row: the scheduler and the tray ask at every tick, and almost always nothing was
   * verified elsewhere — then no query runs (a simulated month is 86,400 ticks).
   */
  private any: boolean | null = null;
  private changes = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly writer: WriteRetry,
  ) {}

  private readonly statements = new Map<string, Database.Statement>();

  /** Prepared once: the scheduler and the tray ask at every tick. */
  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  private empty(): boolean {
    this.any ??= this.db.prepare('SELECT 1 FROM verified_elsewhere LIMIT 1').get() !== undefined;
    return !this.any;
  }

  /** Records the window's verification; false when one is already recorded (the first one stands). */
  record(entry: NewVerified): boolean {
    return this.writer.run('verified.record', () => {
      const info = this.db
        .prepare(
          `INSERT OR IGNORE INTO verified_elsewhere (window_start, window_end, site, report_id, workstation,
             user_account, initials, submitted_at, items_json, recorded_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          toStoreTime(entry.windowStart),
          toStoreTime(entry.windowEnd),
          entry.site,
          entry.reportId,
          entry.workstation,
          entry.userAccount,
          entry.initials,
          toStoreTime(entry.submittedAt),
          JSON.stringify(entry.items),
          toStoreTime(entry.recordedAt),
        );
      if (info.changes === 1) {
        this.any = true;
        this.changes++;
      }
      return info.changes === 1;
    });
  }

  find(site: string, start: DateTime, end: DateTime): VerifiedRecord | null {
    if (this.empty()) return null;
    const row = this.db
      .prepare('SELECT * FROM verified_elsewhere WHERE window_start = ? AND window_end = ? AND site = ?')
      .get(toStoreTime(start), toStoreTime(end), site) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  /**
   * The verification that stands for this window at `now` (submitted by then, nobody here chose to verify again),
   * or null: the window's checklist is then not this workstation's to do.
   */
  standing(site: string, start: DateTime | string, end: DateTime | string, now: DateTime): VerifiedRecord | null {
    if (this.empty()) return null;
    const row = this.stmt(
      `SELECT * FROM verified_elsewhere WHERE window_start = ? AND window_end = ? AND site = ?
         AND submitted_at <= ? AND override_at IS NULL`,
    ).get(fast(start), fast(end), site, fast(now)) as Row | undefined;
    return row ? toRecord(row) : null;
  }

  /** Changes whenever a verification is recorded or overridden: callers may keep `heads` until it moves. */
  get version(): number {
    return this.changes;
  }

  /** The site's verifications nobody here overrode (without their items), oldest window first. */
  heads(site: string): VerifiedHead[] {
    if (this.empty()) return [];
    return (
      this.stmt(
        `SELECT ${HEAD} FROM verified_elsewhere WHERE site = ? AND override_at IS NULL ORDER BY window_start, window_end`,
      ).all(site) as Omit<Row, 'items_json'>[]
    ).map(toHead);
  }

  /** "Vérifier quand même": the window's checklist is this workstation's again. False when nothing stood. */
  override(site: string, start: DateTime | string, end: DateTime | string, at: DateTime): boolean {
    return this.writer.run('verified.override', () => {
      const info = this.db
        .prepare(
          `UPDATE verified_elsewhere SET override_at = ?
             WHERE window_start = ? AND window_end = ? AND site = ? AND override_at IS NULL`,
        )
        .run(toStoreTime(at), toStoreTime(start), toStoreTime(end), site);
      if (info.changes === 1) this.changes++;
      return info.changes === 1;
    });
  }
}
