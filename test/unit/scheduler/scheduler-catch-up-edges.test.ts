/**
 * The scheduler's catch-up and persistence at their edges, on a real SQLite store (test/unit/scheduler/harness.ts):
 * waking exactly at a start or an end, the order of several missed windows, a window whose services verify at
 * different moments, when the last tick must reach the disk, and a flag another agent set first.
 */
import { DateTime } from 'luxon';
import { describe, expect, it, vi } from 'vitest';
import type { ChecklistWindow } from '../../../electron/core/checklist/service';
import type { Logger } from '../../../electron/core/store';
import { LAST_TICK_KEY } from '../../../electron/core/scheduler/scheduler';
import { app, sampleInventory } from '../planning/sample';
import { Harness, ZONE } from './harness';

const SPAN = '2026-12-02T07:00:00Z|2026-12-02T09:00:00Z';
const KEYS = {
  soon: `reminder|${SPAN}|before@30`,
  start: `start|${SPAN}`,
  end: `end|${SPAN}`,
  checklist: `checklist|${SPAN}`,
};
const LAB_AT_8 = { serviceHours: { Laboratoire: { twentyFourSeven: false, shiftStarts: ['08:00'] } } };

function withApps(...extra: [service: string, application: string, schedule: string][]) {
  const base = sampleInventory();
  return { ...base, applications: [...base.applications, ...extra.map(([s, a, r]) => app('IUSMM', s, a, r))] };
}

function infoLogger(): Logger & { infos: [string, Record<string, unknown> | undefined][] } {
  const infos: [string, Record<string, unknown> | undefined][] = [];
  return { infos, info: (m, d) => infos.push([m, d]), warn: () => undefined, error: () => undefined };
}

describe('Scheduler — waking exactly at a window edge', () => {
  it('at its start: the window is in progress, one "en cours" toast', () => {
    const h = new Harness('2026-12-02T00:30').runTo('2026-12-02T01:00');
    const result = h.at('2026-12-02T02:00').tick();
    expect(result.caughtUp).toBe(true);
    expect(h.summary()).toEqual(['start@2026-12-02T02:00']);
    expect(h.notifier.shown[0]?.body).toMatch(/^La plage de maintenance est en cours jusqu'à 4 h/);
  });

  it('at its end: the end and the checklist due then are missed too, so it is the one catch-up', () => {
    const h = new Harness('2026-12-02T00:30').runTo('2026-12-02T01:00');
    h.at('2026-12-02T04:00').tick();
    expect(h.summary()).toEqual(['catch-up@2026-12-02T04:00']);
  });
});

describe('Scheduler — several windows missed in one sleep', () => {
  it('two windows with the same start: the one that ends first comes first', () => {
    const inventory = withApps(['Laboratoire', 'Labo Express', '1er mercredi 2h-3h']);
    const h = new Harness('2026-12-02T00:30', { inventory }).runTo('2026-12-02T01:00');
    h.at('2026-12-02T06:00').tick();
    expect(h.notifier.shown.map((n) => `${n.kind} ${n.windowStart}–${n.windowEnd}`)).toEqual([
      'catch-up 2026-12-02T02:00:00-05:00–2026-12-02T03:00:00-05:00',
      'catch-up 2026-12-02T02:00:00-05:00–2026-12-02T04:00:00-05:00',
    ]);
  });

  it('a window inside another: the one that starts first comes first, though it ends last', () => {
    const inventory = withApps(['Laboratoire', 'Labo Express', '1er mercredi 3h-3h30']);
    const h = new Harness('2026-12-02T00:30', { inventory }).runTo('2026-12-02T01:00');
    h.at('2026-12-02T06:00').tick();
    expect(h.notifier.shown.map((n) => `${n.kind} ${n.windowStart}–${n.windowEnd}`)).toEqual([
      'catch-up 2026-12-02T02:00:00-05:00–2026-12-02T04:00:00-05:00',
      'catch-up 2026-12-02T03:00:00-05:00–2026-12-02T03:30:00-05:00',
    ]);
  });

  it('a window whose reminder came due at another’s start still comes after that earlier window', () => {
    // Labo Express (2 h 30 – 3 h): its 30-minute reminder is at 2 h, the instant the 2 h – 4 h window starts.
    const inventory = withApps(['Laboratoire', 'Labo Express', '1er mercredi 2h30-3h']);
    const h = new Harness('2026-12-02T01:20', { inventory }).runTo('2026-12-02T01:35');
    h.at('2026-12-02T05:00').tick();
    expect(h.notifier.shown.map((n) => `${n.kind} ${n.windowStart}`)).toEqual([
      'reminder 2026-12-02T02:00:00-05:00',
      'catch-up 2026-12-02T02:00:00-05:00',
      'catch-up 2026-12-02T02:30:00-05:00',
    ]);
  });

  it('two catch-ups that fail are retried from the earliest missed event of both, and not before', () => {
    // 30-minute reminders only; a window on Sunday 13th, before this PC's first tick, must stay untouched.
    const inventory = withApps(
      ['Laboratoire', 'Labo Express', '3e mardi 22h-23h'],
      ['Laboratoire', 'Vieux', '2e dimanche 2h-4h'],
    );
    let failures = 2;
    const h = new Harness('2026-12-14T12:00', {
      inventory,
      options: { reminders: [{ kind: 'before', minutes: 30 }] },
      checklists: (real) => ({
        ensureRun: (w) => {
          if (failures-- > 0) throw new Error('SQLITE_BUSY');
          return real.ensureRun(w);
        },
      }),
    }).runTo('2026-12-14T12:05');
    expect(h.at('2026-12-16T05:00').tick().notifications).toEqual([]);
    h.at('2026-12-16T05:00:30').tick();
    expect(h.notifier.shown.map((n) => `${n.kind} ${n.windowStart}`)).toEqual([
      'catch-up 2026-12-15T22:00:00-05:00',
      'catch-up 2026-12-16T02:00:00-05:00',
    ]);
  });

  it('a missed end whose checklist comes at the next shift: dropped without a toast, flagged, and logged', () => {
    const log = infoLogger();
    const h = new Harness('2026-12-02T01:00', { options: LAB_AT_8, log }).runTo('2026-12-02T01:20');
    expect(h.at('2026-12-02T05:00').tick().notifications).toEqual([]);
    for (const key of [KEYS.soon, KEYS.start, KEYS.end]) expect(h.store.announced.has(key)).toBe(true);
    expect(log.infos).toEqual([['scheduler: missed end dropped, checklist comes later', { window: KEYS.soon }]]);
  });

  it('missed reminders of a window not started: dropped without a toast, flagged, and logged with their count', () => {
    const log = infoLogger();
    const h = new Harness('2026-12-02T01:00', { log }).runTo('2026-12-02T01:20');
    expect(h.at('2026-12-02T01:50').tick().notifications).toEqual([]);
    expect(h.store.announced.has(KEYS.soon)).toBe(true);
    expect(log.infos).toEqual([['scheduler: stale reminders dropped', { window: KEYS.soon, count: 1 }]]);
  });
});

describe('Scheduler — a window whose services verify at different moments', () => {
  const options = { serviceHours: { Pharmacie: { twentyFourSeven: false, shiftStarts: ['08:00'] } } };

  it('the run created at its first checklist covers the whole window: every service and application', () => {
    const runs: ChecklistWindow[] = [];
    const h = new Harness('2026-12-02T03:59:30', {
      services: ['Laboratoire', 'Pharmacie'],
      options,
      checklists: (real) => ({
        ensureRun: (w) => {
          runs.push(w);
          return real.ensureRun(w);
        },
      }),
    }).runTo('2026-12-02T04:00');
    expect(h.summary()).toEqual(['start@2026-12-02T03:59', 'checklist@2026-12-02T04:00']);
    // The Laboratoire's checklist (24/7, at the end) names its own applications only…
    expect(h.notifier.shown[1]?.body).not.toContain('GespharX');
    // …but its run is the window's.
    expect(runs).toHaveLength(1);
    expect(runs[0]?.services).toEqual(['Laboratoire', 'Pharmacie']);
    expect(runs[0]?.applications).toEqual(
      expect.arrayContaining([
        { service: 'Laboratoire', application: 'Cortex Omnitech' },
        { service: 'Laboratoire', application: 'GestLab' },
        { service: 'Laboratoire', application: 'Unity Real Time IUSMM' },
        { service: 'Pharmacie', application: 'GespharX IUSMM' },
      ]),
    );
    expect(runs[0]?.applications).toHaveLength(4);
  });

  it('another window ending at the same instant, verified later: its end still has its toast', () => {
    const inventory = withApps(['Pharmacie', 'Pyxis', '1er mercredi 3h-4h']);
    const h = new Harness('2026-12-02T03:59:30', { inventory, services: ['Laboratoire', 'Pharmacie'], options });
    h.runTo('2026-12-02T04:00');
    expect(h.notifier.shown.slice(-2).map((n) => `${n.kind} ${n.windowStart}`)).toEqual([
      'end 2026-12-02T03:00:00-05:00',
      // The 2 h – 4 h window: its Laboratoire checklist is due at its end, which is silent.
      'checklist 2026-12-02T02:00:00-05:00',
    ]);
  });
});

describe('Scheduler — when the last tick must reach the disk', () => {
  /** Every value written under LAST_TICK_KEY, in order. */
  function recordWrites(h: Harness): string[] {
    const written: string[] = [];
    const real = h.store.settings.set.bind(h.store.settings);
    vi.spyOn(h.store.settings, 'set').mockImplementation((key, value) => {
      if (key === LAST_TICK_KEY) written.push(String(value));
      real(key, value);
    });
    return written;
  }

  it('a restart a minute after a clean stop is no gap: the start is the ordinary toast', () => {
    const h = new Harness('2026-12-02T01:59');
    h.tick();
    h.restart();
    const result = h.at('2026-12-02T02:00').tick();
    expect(result.caughtUp).toBe(false);
    expect(result.notifications[0]?.body).toMatch(/^Applications .* indisponibles jusqu'à 4 h/);
  });

  it('a toast is saved with its tick at once: a crash a minute and a half later is no gap', () => {
    const h = new Harness('2026-12-02T01:58');
    const written = recordWrites(h);
    h.runTo('2026-12-02T02:00');
    expect(written).toEqual(['2026-12-02T06:58:00.000Z', '2026-12-02T07:00:00.000Z']);
    h.restart({ flush: false });
    expect(h.at('2026-12-02T02:01:30').tick().caughtUp).toBe(false);
  });

  it('a retry point is written once (not at every tick while the failure lasts), so a crash resumes from it', () => {
    let failing = true;
    const h = new Harness('2026-12-02T07:50', {
      options: LAB_AT_8,
      checklists: (real) => ({
        ensureRun: (w) => {
          if (failing) throw new Error('SQLITE_BUSY');
          return real.ensureRun(w);
        },
      }),
    });
    const written = recordWrites(h);
    h.runTo('2026-12-02T08:01');
    // The first tick, 5 minutes later, then just before the checklist that could not be announced at 8 h.
    expect(written).toEqual(['2026-12-02T12:50:00.000Z', '2026-12-02T12:55:00.000Z', '2026-12-02T12:59:59.999Z']);
    h.restart({ flush: false });
    failing = false;
    const result = h.at('2026-12-02T08:01:30').tick();
    // From 7 h 59 min 59.999 s, a minute and a half ago: no gap, the checklist as usual.
    expect(result.caughtUp).toBe(false);
    expect(h.summary()).toEqual(['checklist@2026-12-02T08:01']);
  });
});

describe('Scheduler — a flag another agent set between the read and the write', () => {
  /** The store says "not announced" for `keys` (a read made before another agent's write), which are flagged. */
  function flaggedBehindItsBack(h: Harness, kinds: Record<string, string>): void {
    const has = h.store.announced.has.bind(h.store.announced);
    vi.spyOn(h.store.announced, 'has').mockImplementation((key) => !(key in kinds) && has(key));
    const now = h.clock.now();
    h.store.announced.markAll(Object.entries(kinds).map(([key, kind]) => ({ key, kind, at: now, announcedAt: now })));
  }

  it('a start: no second toast, nothing changed', () => {
    const h = new Harness('2026-12-02T01:59:30');
    h.tick();
    flaggedBehindItsBack(h, { [KEYS.start]: 'start' });
    expect(h.at('2026-12-02T02:00').tick()).toEqual({ notifications: [], caughtUp: false, changed: false });
  });

  it('a checklist: its run is still there (the status window refreshes), no toast, no window opened', () => {
    const h = new Harness('2026-12-02T03:59:30');
    h.tick();
    flaggedBehindItsBack(h, { [KEYS.end]: 'end', [KEYS.checklist]: 'checklist' });
    expect(h.at('2026-12-02T04:00').tick()).toEqual({ notifications: [], caughtUp: false, changed: true });
    expect(h.checklists.pendingRun()?.windowStart).toBe('2026-12-02T02:00:00-05:00');
    expect(h.opened).toEqual([]);
  });

  it('a window caught up after a sleep: its run is there, no catch-up toast, no window opened', () => {
    const h = new Harness('2026-12-02T00:30').runTo('2026-12-02T01:00');
    h.at('2026-12-02T05:00');
    flaggedBehindItsBack(h, {
      [KEYS.soon]: 'reminder',
      [KEYS.start]: 'start',
      [KEYS.end]: 'end',
      [KEYS.checklist]: 'checklist',
    });
    expect(h.tick()).toEqual({ notifications: [], caughtUp: true, changed: true });
    expect(h.checklists.pendingRun()?.windowStart).toBe('2026-12-02T02:00:00-05:00');
    expect(h.opened).toEqual([]);
  });

  it('a window in progress at wake-up: no "en cours" toast', () => {
    const h = new Harness('2026-12-02T00:30').runTo('2026-12-02T01:00');
    h.at('2026-12-02T02:45');
    flaggedBehindItsBack(h, { [KEYS.soon]: 'reminder', [KEYS.start]: 'start' });
    expect(h.tick()).toEqual({ notifications: [], caughtUp: true, changed: false });
  });
});

describe('Scheduler — what a tick does not redo', () => {
  it('asleep for days past a week-ahead reminder: no "Plage ajoutée" at wake, the window was not new', () => {
    const week = { options: { reminders: [{ kind: 'before' as const, minutes: 7 * 24 * 60 }] } };
    const h = new Harness('2026-12-08T12:00', week);
    h.tick();
    // The Dec 16 window's reminder (Dec 9, 2 h) is beyond the catch-up's 4 days at wake, so it is never flagged.
    expect(h.at('2026-12-14T03:00').tick().notifications).toEqual([]);
    expect(h.at('2026-12-14T03:00:30').tick().notifications).toEqual([]);
  });

  it('the clock set back over a 24/7 window’s end: the ticks it replays change nothing', () => {
    const h = new Harness('2026-12-02T03:59:30').runTo('2026-12-02T04:05');
    const shown = h.notifier.shown.length;
    const back = DateTime.fromISO('2026-12-02T03:55', { zone: ZONE });
    for (let t = back; t <= back.plus({ minutes: 10 }); t = t.plus({ seconds: 30 })) {
      h.clock.set(t);
      expect(h.tick(), t.toISO() ?? '').toEqual({ notifications: [], caughtUp: false, changed: false });
    }
    expect(h.notifier.shown).toHaveLength(shown);
  });

  it('reads the last tick once, at its first tick, and flush before any tick neither writes nor complains', () => {
    const log = {
      lines: [] as string[],
      info: () => undefined,
      warn: (m: string) => log.lines.push(m),
      error: (m: string) => log.lines.push(m),
    };
    const h = new Harness('2026-12-02T01:00', { log });
    h.scheduler.flush();
    expect(log.lines).toEqual([]);
    expect(h.store.settings.get(LAST_TICK_KEY)).toBeUndefined();
    const get = vi.spyOn(h.store.settings, 'get');
    h.runTo('2026-12-02T01:10');
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('a window cancelled after its reminder went out: the change toast is shown at the tick that learns it', () => {
    const h = new Harness('2026-12-02T01:29:30').runTo('2026-12-02T01:31');
    if (!h.plan) throw new Error('the harness has a plan');
    const cancelled = {
      row: 2,
      site: 'IUSMM',
      service: 'Laboratoire',
      application: null,
      from: '2026-12-02',
      to: '2026-12-02',
      action: 'cancelled' as const,
      newWindow: null,
      reason: 'gel des Fêtes',
    };
    h.plan = { ...h.plan, inventory: { ...sampleInventory(), exceptions: [cancelled] } };
    const result = h.at('2026-12-02T01:40').tick();
    expect(result.notifications.map((n) => [n.kind, n.title])).toEqual([
      ['change', 'La plage du mercredi 2 décembre est annulée : gel des Fêtes'],
    ]);
    expect(h.summary()).toEqual(['reminder@2026-12-02T01:30', 'change@2026-12-02T01:40']);
  });
});
