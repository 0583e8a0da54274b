/**
 * The agent's share reader for "verified elsewhere" (docs/verified-elsewhere.md), wired from the agent's services:
 * due = the plan's windows waiting for their checklist + the runs still open; `me` = the identity this PC writes
 * into its own reports. `refreshWithin` bounds a tick's wait on a slow share.
 */
import { DateTime } from 'luxon';
import type { Clock } from '../clock';
import { defaultReportIdentity } from '../reports/build';
import type { Scheduler } from '../scheduler/scheduler';
import type { Logger, Store } from '../store';
import type { WindowToVerify } from './match';
import { VerifiedWatcher } from './watcher';

/** Due on this workstation: the plan's windows waiting for their checklist, and the runs still open. */
export function dueHere(
  store: Pick<Store, 'checklists'>,
  scheduler: Pick<Scheduler, 'dueVerifications'>,
  zone: string,
): (now: DateTime) => WindowToVerify[] {
  return (now) => {
    const open: WindowToVerify[] = store.checklists.listRuns({ status: 'open' }).map((r) => ({
      start: DateTime.fromISO(r.windowStart, { zone }),
      end: DateTime.fromISO(r.windowEnd, { zone }),
      site: r.site,
      services: r.services,
    }));
    return [...scheduler.dueVerifications(now), ...open];
  };
}

/** A tick waits at most this long for the share before announcing what it knows (the read goes on). */
const TICK_WAIT_MS = 5_000;

export function createVerifiedWatcher(deps: {
  store: Store;
  clock: Clock;
  scheduler: Pick<Scheduler, 'dueVerifications'>;
  reportsFolder: () => string;
  log: Logger;
  minIntervalMs: number;
}): VerifiedWatcher {
  const { store, scheduler } = deps;
  return new VerifiedWatcher({
    store,
    clock: deps.clock,
    folder: deps.reportsFolder,
    me: defaultReportIdentity(),
    due: dueHere(store, scheduler, deps.clock.zone),
    log: deps.log,
    minIntervalMs: deps.minIntervalMs,
  });
}

/**
 * The watcher's refresh, but a tick never waits more than TICK_WAIT_MS for it; false when it found nothing new, ran
 * late or failed. With nothing to read it returns at once, without yielding (the tick's announcements stay
 * synchronous then).
 */
export function refreshWithin(
  watcher: VerifiedWatcher,
  track: (p: Promise<number>) => void,
): boolean | Promise<boolean> {
  const windows = watcher.toRead();
  return windows.length === 0 ? false : waitFor(watcher.refresh(windows), track);
}

async function waitFor(read: Promise<number>, track: (p: Promise<number>) => void): Promise<boolean> {
  track(read);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<number>((resolve) => {
    timer = setTimeout(() => resolve(0), TICK_WAIT_MS);
    timer.unref?.();
  });
  try {
    return (await Promise.race([read, late])) > 0;
  } finally {
    clearTimeout(timer);
  }
}
