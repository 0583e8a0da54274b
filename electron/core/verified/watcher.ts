/**
 * Looks on the reports share for a verification another workstation (or another user of this one) already made
 * (issue 12, docs/verified-elsewhere.md). Cheap by construction: only while a verification is due on this
 * workstation (`due`), only the folder of that window (window-folder.ts), at most once per `minIntervalMs` per
 * window (the agent calls `refresh` once per tick), and a file is judged once. What it finds is recorded in the
 * store (VerifiedRepository); the scheduler and the checklist service read it from there.
 */
import { DateTime } from 'luxon';
import type { Clock } from '../clock';
import type { Logger, Store } from '../store';
import { claimOf, firstStanding, toRecord, type Me, type WindowToVerify } from './match';
import { nodeWindowFolderFs, readWindowFolder, type Verdict, type WindowFolderFs } from './window-folder';

export interface VerifiedWatcherDeps {
  store: Pick<Store, 'verified'>;
  clock: Clock;
  /** The reports share (settings.effective().reportsFolder); empty = nothing to read. */
  folder: () => string;
  me: Me;
  /** The windows whose verification is due on this workstation now (Scheduler.dueVerifications). */
  due: (now: DateTime) => WindowToVerify[];
  fs?: WindowFolderFs;
  log: Logger;
  /** Never more often than the tick (30 s). */
  minIntervalMs?: number;
}

const DEFAULT_MIN_INTERVAL_MS = 30_000;

const keyOf = (w: WindowToVerify) => `${w.start.toMillis()}|${w.end.toMillis()}|${w.site}`;

export class VerifiedWatcher {
  /** Per due window: the verdicts of the files already judged, and when its folder was last read. */
  private readonly seen = new Map<string, { verdicts: Map<string, Verdict>; readAtMs: number }>();

  constructor(private readonly deps: VerifiedWatcherDeps) {}

  /**
   * The due windows whose folder may be read now (nothing recorded for them yet, not read within the interval).
   * Synchronous and free of I/O beyond the local store: a tick with nothing to read does not wait for anything.
   */
  toRead(): WindowToVerify[] {
    const { store, clock, log } = this.deps;
    if (!this.deps.folder().trim()) return [];
    const now = clock.now();
    let windows: WindowToVerify[];
    try {
      windows = this.deps.due(now).filter((w) => store.verified.find(w.site, w.start, w.end) === null);
    } catch (error) {
      log.warn('verified: due windows unavailable', { error: String(error) });
      return [];
    }
    const dueKeys = new Set(windows.map(keyOf));
    for (const key of this.seen.keys()) if (!dueKeys.has(key)) this.seen.delete(key);
    const every = this.deps.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS;
    return windows.filter((w) => now.toMillis() - (this.seen.get(keyOf(w))?.readAtMs ?? -Infinity) >= every);
  }

  /** Reads the folders of `windows` and records what it finds; the number of windows newly verified. Never throws. */
  async refresh(windows: WindowToVerify[] = this.toRead()): Promise<number> {
    const { store, clock, log } = this.deps;
    const folder = this.deps.folder().trim();
    const now = clock.now();
    let recorded = 0;
    for (const w of windows) {
      const key = keyOf(w);
      const entry = this.seen.get(key) ?? { verdicts: new Map<string, Verdict>(), readAtMs: -Infinity };
      entry.readAtMs = now.toMillis();
      this.seen.set(key, entry);
      try {
        const read = await readWindowFolder(
          folder,
          w.start,
          clock.zone,
          this.deps.fs ?? nodeWindowFolderFs,
          entry.verdicts,
        );
        for (const name of read.fresh) {
          const verdict = read.verdicts.get(name);
          if (verdict && 'reason' in verdict)
            log.warn('verified: report file ignored', { file: name, reason: verdict.reason });
        }
        for (const u of read.unreadable)
          log.warn('verified: report file unreadable', { file: u.name, reason: u.reason });
        // A report dated after now comes from a PC with a wrong clock: it counts once its time has come.
        const claims = [...read.verdicts.values()]
          .flatMap((v) => ('report' in v ? [claimOf(v.report)] : []))
          .filter((c) => DateTime.fromISO(c.submittedAt).toMillis() <= now.toMillis());
        const standing = firstStanding(claims, w, this.deps.me);
        if (standing && store.verified.record(toRecord(standing, w, now))) {
          recorded++;
          this.seen.delete(key);
          log.info('verified: window verified elsewhere', {
            windowStart: w.start.toISO(),
            workstation: standing.workstation,
            submittedAt: standing.submittedAt,
          });
        }
      } catch (error) {
        const code = (error as { code?: unknown } | null)?.code;
        log.warn('verified: reports folder not read', {
          folder,
          code: typeof code === 'string' ? code : String(error),
        });
      }
    }
    return recorded;
  }
}
