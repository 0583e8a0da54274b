/**
 * The scheduler's edges on a real SQLite store (test/unit/scheduler/harness.ts): where and how often the last tick
 * is saved, the 2-minute line between a tick and a gap, the tray's windows, and the failures it survives (a plan
 * that throws, a toast that throws), each logged.
 */
import { describe, expect, it } from 'vitest';
import type { Logger } from '../../../electron/core/store';
import { LAST_TICK_KEY } from '../../../electron/core/scheduler/scheduler';
import { Harness, throwingNotifier } from './harness';

function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (message) => lines.push(`info ${message}`),
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  };
}

describe('Scheduler — the last tick on disk', () => {
  it('is saved in UTC under scheduler.lastTick at the first tick, then not before 5 minutes, then at 5 minutes', () => {
    expect(LAST_TICK_KEY).toBe('scheduler.lastTick');
    const h = new Harness('2026-11-25T09:00');
    h.tick();
    expect(h.store.settings.get(LAST_TICK_KEY)).toBe('2026-11-25T14:00:00.000Z');
    h.runTo('2026-11-25T09:04:30');
    expect(h.store.settings.get(LAST_TICK_KEY)).toBe('2026-11-25T14:00:00.000Z');
    h.at('2026-11-25T09:05').tick();
    expect(h.store.settings.get(LAST_TICK_KEY)).toBe('2026-11-25T14:05:00.000Z');
    h.close();
  });

  it('flush writes the last tick at once; with no tick yet it writes nothing', () => {
    const h = new Harness('2026-11-25T09:00');
    h.scheduler.flush();
    expect(h.store.settings.get(LAST_TICK_KEY)).toBeUndefined();
    h.tick();
    h.at('2026-11-25T09:01').tick();
    expect(h.store.settings.get(LAST_TICK_KEY)).toBe('2026-11-25T14:00:00.000Z');
    h.scheduler.flush();
    expect(h.store.settings.get(LAST_TICK_KEY)).toBe('2026-11-25T14:01:00.000Z');
    h.close();
  });
});

describe('Scheduler — tick or gap', () => {
  it('2 minutes since the last tick is still ticking; a millisecond more is a gap (catch-up)', () => {
    const normal = new Harness('2026-12-02T01:58');
    normal.tick();
    const atStart = normal.at('2026-12-02T02:00').tick();
    expect(atStart.caughtUp).toBe(false);
    expect(atStart.notifications.map((n) => n.kind)).toEqual(['start']);
    expect(atStart.notifications[0]?.body).toMatch(/^Applications .* indisponibles jusqu'à 4 h/);
    normal.close();

    const late = new Harness('2026-12-02T01:58');
    late.tick();
    const after = late.at('2026-12-02T02:00:00.001').tick();
    expect(after.caughtUp).toBe(true);
    expect(after.notifications[0]?.body).toMatch(/^La plage de maintenance est en cours jusqu'à 4 h/);
    late.close();
  });
});

describe('Scheduler — windowsAt', () => {
  it('gives the window in progress and the next one, or nothing without a plan', () => {
    const h = new Harness('2026-12-02T03:00');
    const { current, next } = h.scheduler.windowsAt(h.clock.now());
    expect(current?.start.toISO()).toBe('2026-12-02T02:00:00.000-05:00');
    expect(next?.start.toISO()).toBe('2026-12-16T02:00:00.000-05:00');
    h.plan = null;
    expect(h.scheduler.windowsAt(h.clock.now())).toEqual({ current: null, next: null });
    h.close();
  });
});

describe('Scheduler — failures it survives', () => {
  it('a plan that throws: nothing announced, the error logged, no throw', () => {
    const h = new Harness('2026-12-02T02:00');
    const log = recordingLogger();
    const scheduler = h.schedulerWith({
      plan: () => {
        throw new Error('inventory unreadable');
      },
      log,
    });
    expect(scheduler.tick()).toEqual({ notifications: [], caughtUp: false, changed: false });
    expect(log.lines).toEqual(['error scheduler: plan unavailable']);
    h.close();
  });

  it('a toast that throws: the announcement still counts (flagged, in the result), the failure logged', () => {
    const h = new Harness('2026-12-02T01:59');
    const log = recordingLogger();
    const scheduler = h.schedulerWith({ notifier: throwingNotifier, log });
    scheduler.tick();
    h.at('2026-12-02T02:00');
    const result = scheduler.tick();
    expect(result.notifications.map((n) => n.kind)).toEqual(['start']);
    expect(result.changed).toBe(true);
    expect(log.lines).toEqual(['warn scheduler: toast failed']);
    // Flagged: the next tick does not try again.
    h.at('2026-12-02T02:00:30');
    expect(scheduler.tick().notifications).toEqual([]);
    h.close();
  });
});
