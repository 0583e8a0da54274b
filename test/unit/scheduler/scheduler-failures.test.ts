/**
 * What the scheduler does when its store, its checklists or its toasts fail (real SQLite, test/unit/scheduler/
 * harness.ts; the failures are planted with spies on the real repositories): each failure is logged with what IT
 * needs to find it, nothing is lost, and the retry says what the ward would have been told, no more.
 */
import { DateTime } from 'luxon';
import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../electron/core/store';
import { ChangeAnnouncer } from '../../../electron/core/scheduler/changes';
import { LAST_TICK_KEY } from '../../../electron/core/scheduler/scheduler';
import { importInventory } from '../../../electron/core/inventory/import';
import { app, sampleInventory } from '../planning/sample';
import { Harness, ZONE, throwingNotifier } from './harness';

type Line = [level: string, message: string, data: Record<string, unknown> | undefined];

function recordingLogger(): Logger & { lines: Line[] } {
  const lines: Line[] = [];
  const level = (name: string) => (message: string, data?: Record<string, unknown>) => {
    lines.push([name, message, data]);
  };
  return { lines, info: level('info'), warn: level('warn'), error: level('error') };
}

const SPAN = '2026-12-02T07:00:00Z|2026-12-02T09:00:00Z';
const KEYS = {
  dayBefore: `reminder|${SPAN}|day-before@10:00`,
  soon: `reminder|${SPAN}|before@30`,
  start: `start|${SPAN}`,
  end: `end|${SPAN}`,
  checklist: `checklist|${SPAN}`,
};

/** Checklists whose ensureRun throws while `failing()` says so. */
function failingChecklists(failing: () => boolean) {
  return {
    checklists: (real: { ensureRun: Harness['checklists']['ensureRun'] }) => ({
      ensureRun: (w: Parameters<Harness['checklists']['ensureRun']>[0]) => {
        if (failing()) throw new Error('SQLITE_BUSY');
        return real.ensureRun(w);
      },
    }),
  };
}

describe('Scheduler — the last tick cannot be read or written', () => {
  it('unreadable: logged as a warning with the error, and the PC starts fresh (a window under way: one toast)', () => {
    const log = recordingLogger();
    const h = new Harness('2026-12-02T02:30', { log });
    vi.spyOn(h.store.settings, 'get').mockImplementation(() => {
      throw new Error('disk I/O error');
    });
    h.tick();
    expect(log.lines).toEqual([
      ['warn', 'scheduler: last tick unreadable, starting fresh', { error: 'Error: disk I/O error' }],
    ]);
    expect(h.summary()).toEqual(['start@2026-12-02T02:30']);
    h.close();
  });

  it('a stored last tick that is not an ISO text (a number, words) is ignored: nothing is caught up from it', () => {
    for (const stored of [2026, 'hier soir']) {
      const h = new Harness('2026-12-02T05:00');
      h.store.settings.set(LAST_TICK_KEY, stored);
      const result = h.tick();
      // Read as a last tick, 2026 would be New Year's Day 2026: the 2 h – 4 h window would get a catch-up.
      expect(result.notifications).toEqual([]);
      expect(h.store.settings.get(LAST_TICK_KEY)).toBe('2026-12-02T10:00:00.000Z');
      h.close();
    }
  });

  it('unwritable: each failed write logged with the error, the toasts still come, and it is saved once it can be', () => {
    const log = recordingLogger();
    const h = new Harness('2026-12-02T01:59:30', { log });
    let broken = true;
    const real = h.store.settings.set.bind(h.store.settings);
    vi.spyOn(h.store.settings, 'set').mockImplementation((key, value) => {
      if (broken) throw new Error('disk full');
      real(key, value);
    });
    h.tick();
    h.at('2026-12-02T02:00').tick();
    expect(h.summary()).toEqual(['start@2026-12-02T02:00']);
    expect(log.lines).toEqual([
      ['warn', 'scheduler: last tick not saved', { error: 'Error: disk full' }],
      ['warn', 'scheduler: last tick not saved', { error: 'Error: disk full' }],
    ]);
    expect(h.store.settings.get(LAST_TICK_KEY)).toBeUndefined();
    // Nothing was saved, so the next tick writes at once rather than 5 minutes after a save that never happened.
    broken = false;
    h.at('2026-12-02T02:00:30').tick();
    expect(h.store.settings.get(LAST_TICK_KEY)).toBe('2026-12-02T07:00:30.000Z');
    h.close();
  });
});

describe('Scheduler — failures it logs and retries', () => {
  it('a plan that throws: logged as an error with the error text', () => {
    const h = new Harness('2026-12-02T02:00');
    const log = recordingLogger();
    const scheduler = h.schedulerWith({
      plan: () => {
        throw new Error('inventory unreadable');
      },
      log,
    });
    scheduler.tick();
    expect(log.lines).toEqual([['error', 'scheduler: plan unavailable', { error: 'Error: inventory unreadable' }]]);
    h.close();
  });

  it('a toast that throws: logged as a warning with its kind and the error', () => {
    const h = new Harness('2026-12-02T02:00');
    const log = recordingLogger();
    const scheduler = h.schedulerWith({ notifier: throwingNotifier, log });
    scheduler.tick();
    expect(log.lines).toEqual([
      ['warn', 'scheduler: toast failed', { kind: 'start', error: 'Error: no notification daemon' }],
    ]);
    h.close();
  });

  it('a checklist that cannot be created: logged with its key, the end toast instead, the checklist at the retry', () => {
    const log = recordingLogger();
    let failures = 1;
    const h = new Harness('2026-12-02T03:59:30', { log, ...failingChecklists(() => failures-- > 0) });
    h.tick();
    h.at('2026-12-02T04:00').tick();
    expect(log.lines).toEqual([
      ['error', 'scheduler: announcement failed, will retry', { key: KEYS.checklist, error: 'Error: SQLITE_BUSY' }],
    ]);
    h.at('2026-12-02T04:00:30').tick();
    expect(h.summary()).toEqual(['start@2026-12-02T03:59', 'end@2026-12-02T04:00', 'checklist@2026-12-02T04:00']);
  });

  it('the silent flag of an end that fails: logged with its key, retried, and still no end toast after the checklist', () => {
    const log = recordingLogger();
    const h = new Harness('2026-12-02T03:59:30', { log });
    let endFailures = 1;
    const markAll = h.store.announced.markAll.bind(h.store.announced);
    vi.spyOn(h.store.announced, 'markAll').mockImplementation((entries) => {
      if (entries.some((e) => e.kind === 'end') && endFailures-- > 0) throw new Error('SQLITE_BUSY');
      return markAll(entries);
    });
    h.tick();
    h.at('2026-12-02T04:00').tick();
    expect(log.lines).toEqual([
      ['error', 'scheduler: announcement failed, will retry', { key: KEYS.end, error: 'Error: SQLITE_BUSY' }],
    ]);
    expect(h.store.announced.has(KEYS.end)).toBe(false);
    // The retry starts just before the end: the end is flagged then, without a toast of its own.
    expect(h.at('2026-12-02T04:00:30').tick()).toEqual({ notifications: [], caughtUp: false, changed: true });
    expect(h.store.announced.has(KEYS.end)).toBe(true);
    // (The start toast: the first tick ever, mid-window.)
    expect(h.summary()).toEqual(['start@2026-12-02T03:59', 'checklist@2026-12-02T04:00']);
  });

  it('a start that cannot be flagged until the end: the end of the 24/7 window is still silent', () => {
    const h = new Harness('2026-12-02T01:59:30');
    let startBroken = true;
    const markAll = h.store.announced.markAll.bind(h.store.announced);
    vi.spyOn(h.store.announced, 'markAll').mockImplementation((entries) => {
      if (startBroken && entries.some((e) => e.kind === 'start')) throw new Error('SQLITE_BUSY');
      return markAll(entries);
    });
    // Ticks every 30 s: the failed start holds the range back to 2 h, so the end and its checklist come in a tick
    // that also retries the start (and fails again).
    h.runTo('2026-12-02T04:00');
    expect(h.summary()).toEqual(['checklist@2026-12-02T04:00']);
    startBroken = false;
    h.at('2026-12-02T04:00:30').tick();
    expect(h.summary()).toEqual(['checklist@2026-12-02T04:00', 'start@2026-12-02T04:00']);
  });
});

describe('Scheduler — a flag that fails for hours', () => {
  const LAB_AT_8 = { serviceHours: { Laboratoire: { twentyFourSeven: false, shiftStarts: ['08:00'] } } };

  /** markAll throws for events of `kind` until `until` (local time). */
  function failFlags(h: Harness, kind: string, until: string): void {
    const markAll = h.store.announced.markAll.bind(h.store.announced);
    const end = DateTime.fromISO(until, { zone: ZONE }).toMillis();
    vi.spyOn(h.store.announced, 'markAll').mockImplementation((entries) => {
      if (h.clock.now().toMillis() < end && entries.some((e) => e.kind === kind)) throw new Error('SQLITE_BUSY');
      return markAll(entries);
    });
  }

  it('an end that cannot be flagged until the 8 h checklist: both toasts then, the end not silenced by it', () => {
    const h = new Harness('2026-12-02T03:59:30', { options: LAB_AT_8 });
    failFlags(h, 'end', '2026-12-02T08:00');
    h.runTo('2026-12-02T08:00');
    expect(h.summary()).toEqual(['start@2026-12-02T03:59', 'end@2026-12-02T08:00', 'checklist@2026-12-02T08:00']);
  });

  it('a start that cannot be flagged, then asleep past the end: no "en cours" toast for a window that is over', () => {
    const h = new Harness('2026-12-02T01:59:30');
    failFlags(h, 'start', '2026-12-02T04:01');
    h.runTo('2026-12-02T04:00:30');
    expect(h.summary()).toEqual(['checklist@2026-12-02T04:00']);
    h.at('2026-12-02T05:00').tick();
    expect(h.summary()).toEqual(['checklist@2026-12-02T04:00']);
    expect(h.store.announced.has(KEYS.start)).toBe(true);
  });
});

describe('Scheduler — a catch-up that fails', () => {
  it('is logged, then retried as the one catch-up: never a replay of its stale reminder and start', () => {
    const log = recordingLogger();
    let failures = 1;
    const h = new Harness('2026-12-02T00:30', { log, ...failingChecklists(() => failures-- > 0) });
    h.runTo('2026-12-02T01:00');
    // Asleep 1 h → 5 h: the 1 h 30 reminder, the start, the end and the checklist are all missed.
    const woke = h.at('2026-12-02T05:00').tick();
    expect(woke).toMatchObject({ notifications: [], caughtUp: true });
    expect(log.lines).toEqual([
      ['error', 'scheduler: catch-up failed, will retry', { key: KEYS.soon, error: 'Error: SQLITE_BUSY' }],
    ]);
    const retry = h.at('2026-12-02T05:00:30').tick();
    expect(retry.caughtUp).toBe(false);
    h.runTo('2026-12-02T05:05');
    expect(h.summary()).toEqual(['catch-up@2026-12-02T05:00']);
    expect(h.opened).toEqual(['checklist']);
    // Every missed event is flagged by the retry, the earliest (the reminder) included.
    for (const key of [KEYS.soon, KEYS.start, KEYS.end, KEYS.checklist]) expect(h.store.announced.has(key)).toBe(true);
  });

  it('an event that comes due while a catch-up is being retried is announced as usual, not dropped as stale', () => {
    const base = sampleInventory();
    const inventory = {
      ...base,
      applications: [...base.applications, app('IUSMM', 'Laboratoire', 'Labo Express', '1er mercredi 5h-6h')],
    };
    let broken = true;
    const h = new Harness('2026-12-02T00:30', { inventory, ...failingChecklists(() => broken) });
    h.runTo('2026-12-02T01:00');
    // Asleep 1 h → 4 h 10: the 2 h – 4 h window is missed, and its catch-up fails until the tick of 4 h 30 min 30 s
    // succeeds.
    // Labo Express's 30-minute reminder (4 h 30) comes due meanwhile.
    h.at('2026-12-02T04:10').runTo('2026-12-02T04:30:30');
    broken = false;
    h.runTo('2026-12-02T04:31');
    expect(h.summary()).toEqual(['reminder@2026-12-02T04:30', 'catch-up@2026-12-02T04:30']);
    expect(h.notifier.shown[1]?.at).toBe('2026-12-02T04:30:30-05:00');
    expect(h.notifier.shown[0]?.body).toContain('Labo Express');
  });
});

describe('Scheduler — heads-up and change announcements that fail', () => {
  async function csv(...rows: string[]) {
    const header = 'Direction;Site;Service;Application;Plage de maintenance;Commentaire';
    const result = await importInventory(new TextEncoder().encode([header, ...rows, ''].join('\r\n')), 'inv.csv');
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    return result.inventory;
  }

  it('a heads-up whose flag fails: logged with the error, and looked for again at the next tick', async () => {
    const log = recordingLogger();
    const cobas = 'DSP;IUSMM;Laboratoire;Cobas IT;3e mercredi 2h-4h;';
    const h = new Harness('2026-12-02T03:09:30', {
      inventory: await csv(cobas),
      options: { reminders: [{ kind: 'before', minutes: 60 }] },
      log,
    });
    h.tick();
    let failures = 1;
    const mark = h.store.announced.mark.bind(h.store.announced);
    vi.spyOn(h.store.announced, 'mark').mockImplementation((entry) => {
      if (failures-- > 0) throw new Error('SQLITE_BUSY');
      return mark(entry);
    });
    if (!h.plan) throw new Error('the harness has a plan');
    // IT publishes at 3 h 10 a window at 3 h 30, whose 60-minute reminder has passed.
    h.plan = { ...h.plan, inventory: await csv(cobas, 'DSP;IUSMM;Laboratoire;GestLab;2026-12-02 3h30-3h36;') };
    expect(h.at('2026-12-02T03:10').tick().notifications).toEqual([]);
    expect(log.lines).toEqual([['error', 'scheduler: heads-up failed, will retry', { error: 'Error: SQLITE_BUSY' }]]);
    const retry = h.at('2026-12-02T03:10:30').tick();
    expect(retry.notifications.map((n) => n.kind)).toEqual(['heads-up']);
  });

  it('change announcements that fail: logged with the error, the other toasts still come', () => {
    const log = recordingLogger();
    const h = new Harness('2026-12-02T01:59:30', { log });
    h.tick();
    const due = vi.spyOn(ChangeAnnouncer.prototype, 'due').mockImplementation(() => {
      throw new Error('SQLITE_BUSY');
    });
    try {
      const result = h.at('2026-12-02T02:00').tick();
      expect(result.notifications.map((n) => n.kind)).toEqual(['start']);
    } finally {
      due.mockRestore();
    }
    expect(log.lines).toEqual([['error', 'scheduler: change announcement failed', { error: 'Error: SQLITE_BUSY' }]]);
  });
});
