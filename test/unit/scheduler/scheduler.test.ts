import { describe, expect, it } from 'vitest';
import { LAST_TICK_KEY, MAX_CATCH_UP_MS } from '../../../electron/core/scheduler/scheduler';
import { app, sampleInventory } from '../planning/sample';
import { Harness } from './harness';

const WINDOW = { start: '2026-12-02T02:00:00-05:00', end: '2026-12-02T04:00:00-05:00' };

describe('Scheduler — ordinary ticking', () => {
  it('announces each event of the window once, at its time, and opens the checklist', () => {
    const h = new Harness('2026-11-30T12:00:00').runTo('2026-12-03T12:00:00');
    expect(h.summary()).toEqual([
      'reminder@2026-12-01T10:00',
      'reminder@2026-12-02T01:30',
      'start@2026-12-02T02:00',
      // One toast at the end (issue 12): the 24/7 Laboratoire's checklist is due then, and its toast says it all.
      'checklist@2026-12-02T04:00',
    ]);
    for (const n of h.notifier.shown) expect([n.windowStart, n.windowEnd]).toEqual([WINDOW.start, WINDOW.end]);
    expect(h.opened).toEqual(['checklist']);
    const pending = h.checklists.pendingRun();
    expect(pending).toMatchObject({ windowStart: WINDOW.start, windowEnd: WINDOW.end, status: 'open' });
    // Every announced key is in SQLite exactly once.
    const flags = h.store.announced.since(h.clock.now().minus({ days: 10 }));
    // The end is still flagged (announced once), without a toast of its own.
    expect(flags.map((f) => f.kind).sort()).toEqual(['checklist', 'end', 'reminder', 'reminder', 'start']);
    expect(new Set(flags.map((f) => f.key)).size).toBe(5);
  });

  it('says what is down, until when, and what to do (French)', () => {
    const h = new Harness('2026-12-01T09:59:30').runTo('2026-12-02T04:00:00');
    // At the end, one toast (issue 12): the checklist's, which names what to verify and opens the list.
    const [dayBefore, soon, start, checklist, extra] = h.notifier.shown;
    expect(extra).toBeUndefined();
    expect(dayBefore?.title).toBe('Plage de maintenance demain');
    expect(dayBefore?.body).toBe(
      'Cortex Omnitech, GestLab et Unity Real Time IUSMM seront indisponibles de 2 h à 4 h. ' +
        'Préparez votre plan de continuité.',
    );
    expect(soon?.title).toBe('Plage de maintenance à 2 h');
    expect(start?.body).toBe(
      "Applications Cortex Omnitech, GestLab et Unity Real Time IUSMM indisponibles jusqu'à 4 h — déployez votre " +
        'plan de continuité ; les autres applications restent disponibles.',
    );
    expect(checklist).toMatchObject({ title: 'Vérification à faire', opens: 'checklist' });
    expect(checklist?.body).toBe(
      'Vérifiez Cortex Omnitech, GestLab et Unity Real Time IUSMM après la plage de 2 h – 4 h. ' +
        'La liste de vérification est ouverte.',
    );
    expect(start?.opens).toBe('status');
  });

  it('speaks English when the workstation is set to English', () => {
    const h = new Harness('2026-12-02T01:59:30', { language: 'en' }).runTo('2026-12-02T02:00:00');
    expect(h.notifier.shown.at(-1)).toMatchObject({
      kind: 'start',
      title: 'Maintenance window in progress',
      body:
        'Cortex Omnitech, GestLab and Unity Real Time IUSMM unavailable until 4:00 a.m. — deploy your continuity ' +
        'plan; other applications remain available.',
    });
  });

  it('a click on a toast opens the window it is about', () => {
    const h = new Harness('2026-12-02T01:59:30').runTo('2026-12-02T02:00:00');
    h.notifier.click(h.notifier.shown.length - 1);
    expect(h.opened).toEqual(['status']);
  });

  it('never announces twice when the clock goes back (time change)', () => {
    const h = new Harness('2026-12-02T01:59:30').runTo('2026-12-02T02:01:00');
    expect(h.summary()).toEqual(['start@2026-12-02T02:00']);
    h.at('2026-12-02T01:58:00').runTo('2026-12-02T02:05:00');
    expect(h.summary()).toEqual(['start@2026-12-02T02:00']);
  });

  it('waits for a plan: no profile means no toast, and the first plan still sees the window under way', () => {
    const h = new Harness('2026-12-02T02:10:00');
    const plan = h.plan;
    h.plan = null;
    h.runTo('2026-12-02T02:20:00');
    expect(h.notifier.shown).toEqual([]);
    expect(h.store.settings.get(LAST_TICK_KEY)).toBeUndefined();
    h.plan = plan;
    h.tick();
    expect(h.summary()).toEqual(['start@2026-12-02T02:20']);
    expect(h.notifier.shown[0]?.body).toContain("La plage de maintenance est en cours jusqu'à 4 h");
  });

  it('retries an announcement whose checklist could not be created', () => {
    let failures = 1;
    const h = new Harness('2026-12-02T01:00:00', {
      checklists: (real) => ({
        ensureRun: (w) => {
          if (failures-- > 0) throw new Error('SQLITE_BUSY');
          return real.ensureRun(w);
        },
      }),
    });
    h.runTo('2026-12-02T04:00:00');
    expect(h.summary().slice(-1)).toEqual(['end@2026-12-02T04:00']);
    expect(h.checklists.pendingRun()).toBeNull();
    h.runTo('2026-12-02T04:00:30');
    expect(h.summary().slice(-2)).toEqual(['end@2026-12-02T04:00', 'checklist@2026-12-02T04:00']);
    expect(h.checklists.pendingRun()).not.toBeNull();
  });

  it('an announcement that failed just before a crash still comes after the restart', () => {
    let failing = true;
    const h = new Harness('2026-12-02T03:55:00', {
      checklists: (real) => ({
        ensureRun: (w) => {
          if (failing) throw new Error('disk full');
          return real.ensureRun(w);
        },
      }),
    }).runTo('2026-12-02T04:02:00');
    h.restart({ flush: false });
    failing = false;
    h.at('2026-12-02T04:03:00').tick();
    expect(h.summary().filter((s) => !s.startsWith('start'))).toEqual([
      'end@2026-12-02T04:00',
      'checklist@2026-12-02T04:03',
    ]);
  });

  it('a service that verifies at its next shift start gets the checklist then, not at the end', () => {
    const h = new Harness('2026-12-02T02:30:00', {
      options: { serviceHours: { Laboratoire: { twentyFourSeven: false, shiftStarts: ['08:00'] } } },
    }).runTo('2026-12-02T08:00:00');
    expect(h.summary()).toEqual(['start@2026-12-02T02:30', 'end@2026-12-02T04:00', 'checklist@2026-12-02T08:00']);
  });
});

describe('Scheduler — restarts', () => {
  it('restarting mid-window (even after a crash) announces nothing twice', () => {
    const h = new Harness('2026-12-01T09:00:00').runTo('2026-12-02T02:10:00');
    expect(h.summary()).toEqual(['reminder@2026-12-01T10:00', 'reminder@2026-12-02T01:30', 'start@2026-12-02T02:00']);
    // A crash: the last tick was saved up to 5 minutes ago; the flags still hold.
    h.restart({ flush: false });
    h.at('2026-12-02T02:10:30').runTo('2026-12-02T03:00:00');
    // A clean stop, then the PC stays off 20 minutes: a gap, but the start was already announced.
    h.restart();
    h.at('2026-12-02T03:20:00').runTo('2026-12-02T05:00:00');
    h.restart();
    h.at('2026-12-02T05:00:30').runTo('2026-12-02T06:00:00');
    expect(h.summary()).toEqual([
      'reminder@2026-12-01T10:00',
      'reminder@2026-12-02T01:30',
      'start@2026-12-02T02:00',
      'checklist@2026-12-02T04:00',
    ]);
  });

  it('a restart the first time a PC ever runs, mid-window, says once that the window is under way', () => {
    const h = new Harness('2026-12-02T02:30:00');
    h.tick();
    h.restart();
    h.at('2026-12-02T02:31:00').tick();
    expect(h.summary()).toEqual(['start@2026-12-02T02:30']);
  });
});

describe('Scheduler — catch-up after sleep', () => {
  it('sleeping through the start and the end gives exactly one catch-up and opens the checklist', () => {
    const h = new Harness('2026-12-01T09:00:00').runTo('2026-12-02T01:00:00');
    expect(h.summary()).toEqual(['reminder@2026-12-01T10:00']);
    // Asleep 01:00 → 05:00: no ticks. Waking up ticks at once.
    const result = h.at('2026-12-02T05:00:00').tick();
    expect(result.caughtUp).toBe(true);
    h.runTo('2026-12-03T12:00:00');
    expect(h.summary()).toEqual(['reminder@2026-12-01T10:00', 'catch-up@2026-12-02T05:00']);
    const catchUp = h.notifier.shown[1];
    expect(catchUp).toMatchObject({ title: 'Plage de maintenance terminée', opens: 'checklist' });
    expect(catchUp?.body).toBe(
      'La plage de 2 h – 4 h est terminée : vérifiez maintenant les applications ' +
        '(Cortex Omnitech, GestLab et Unity Real Time IUSMM).',
    );
    expect(h.opened).toEqual(['checklist']);
    expect(h.checklists.pendingRun()?.windowStart).toBe(WINDOW.start);
    // And a restart afterwards brings none of the stale events back.
    h.restart();
    h.at('2026-12-03T12:30:00').runTo('2026-12-03T13:00:00');
    expect(h.notifier.shown).toHaveLength(2);
  });

  it('sleeping through a reminder only: no stale reminder, the start still comes', () => {
    const h = new Harness('2026-12-01T09:00:00').runTo('2026-12-02T01:00:00');
    h.at('2026-12-02T01:50:00').runTo('2026-12-02T02:00:30');
    expect(h.summary()).toEqual(['reminder@2026-12-01T10:00', 'start@2026-12-02T02:00']);
    expect(h.store.announced.has(h.store.announced.since(h.clock.now().minus({ hours: 1 }))[0]?.key ?? '')).toBe(true);
  });

  it('waking up during the window: one toast saying it is in progress until its end', () => {
    const h = new Harness('2026-12-02T01:00:00').runTo('2026-12-02T01:20:00');
    h.at('2026-12-02T02:45:00').runTo('2026-12-02T04:00:00');
    expect(h.summary()).toEqual(['start@2026-12-02T02:45', 'checklist@2026-12-02T04:00']);
    expect(h.notifier.shown[0]?.body).toBe(
      "La plage de maintenance est en cours jusqu'à 4 h : Cortex Omnitech, GestLab et Unity Real Time IUSMM sont " +
        'indisponibles — déployez votre plan de continuité ; les autres applications restent disponibles.',
    );
  });

  it('a missed end of a window verified at the next shift: nothing stale now, the checklist at the shift', () => {
    const hours = { serviceHours: { Laboratoire: { twentyFourSeven: false, shiftStarts: ['08:00'] } } };
    const h = new Harness('2026-12-02T01:00:00', { options: hours }).runTo('2026-12-02T01:20:00');
    h.at('2026-12-02T05:00:00').runTo('2026-12-02T08:00:00');
    expect(h.summary()).toEqual(['checklist@2026-12-02T08:00']);

    // Asleep through the shift start too: then it is the one catch-up.
    const late = new Harness('2026-12-02T01:00:00', { options: hours }).runTo('2026-12-02T01:20:00');
    late.at('2026-12-02T09:15:00').tick();
    expect(late.summary()).toEqual(['catch-up@2026-12-02T09:15']);
    expect(late.opened).toEqual(['checklist']);
  });

  it('only the checklist was missed (the end was seen): the ordinary checklist toast, late', () => {
    const hours = { serviceHours: { Laboratoire: { twentyFourSeven: false, shiftStarts: ['08:00'] } } };
    const h = new Harness('2026-12-02T01:00:00', { options: hours }).runTo('2026-12-02T04:10:00');
    h.at('2026-12-02T09:00:00').tick();
    expect(h.summary().slice(-2)).toEqual(['end@2026-12-02T04:00', 'checklist@2026-12-02T09:00']);
    expect(h.opened).toEqual(['checklist']);
  });

  it('a PC off for weeks gets no toast for windows older than the catch-up limit', () => {
    expect(MAX_CATCH_UP_MS).toBe(4 * 24 * 3600_000);
    const h = new Harness('2026-11-28T12:00:00').runTo('2026-11-28T12:10:00');
    h.at('2026-12-10T12:00:00').runTo('2026-12-10T12:05:00');
    expect(h.notifier.shown).toEqual([]);
    expect(h.checklists.pendingRun()).toBeNull();
  });

  it('several windows missed: one catch-up each, oldest first', () => {
    const base = sampleInventory();
    const inventory = {
      ...base,
      applications: [...base.applications, app('IUSMM', 'Laboratoire', 'Labo Express', '3e mardi 22h-23h')],
    };
    const h = new Harness('2026-12-14T12:00:00', { inventory }).runTo('2026-12-14T12:05:00');
    h.at('2026-12-16T05:00:00').tick();
    expect(h.summary()).toEqual(['catch-up@2026-12-16T05:00', 'catch-up@2026-12-16T05:00']);
    expect(h.notifier.shown.map((n) => n.body)).toEqual([
      'La plage du mardi 15 décembre, 22 h – 23 h est terminée : vérifiez maintenant les applications (Labo Express).',
      'La plage de 2 h – 4 h est terminée : vérifiez maintenant les applications (Cobas IT).',
    ]);
    expect(h.opened).toEqual(['checklist', 'checklist']);
  });
});

describe('Scheduler — a window the spring-forward gap empties (2e dimanche 2h30-3h, 2027-03-14)', () => {
  it('announces start, end and the checklist at the shifted start, in that order; never an end before the start', () => {
    const inventory = sampleInventory({ applications: [app('IUSMM', 'Laboratoire', 'LIS', '2e dimanche 2h30-3h')] });
    const h = new Harness('2027-03-13T12:00:00', { inventory }).runTo('2027-03-14T12:00:00');
    expect(h.summary()).toEqual([
      'reminder@2027-03-14T03:00',
      'start@2027-03-14T03:30',
      // The end is flagged without a toast: the checklist due at that instant says the window is over.
      'checklist@2027-03-14T03:30',
    ]);
    for (const n of h.notifier.shown) {
      expect([n.windowStart, n.windowEnd]).toEqual(['2027-03-14T03:30:00-04:00', '2027-03-14T03:30:00-04:00']);
    }
    expect(h.checklists.pendingRun()).toMatchObject({
      windowStart: '2027-03-14T03:30:00-04:00',
      windowEnd: '2027-03-14T03:30:00-04:00',
      status: 'open',
    });
    expect(h.opened).toEqual(['checklist']);
  });
});
