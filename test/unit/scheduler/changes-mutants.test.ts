/**
 * The cancellation announcements (electron/core/scheduler/changes.ts) at their edges, on the real scheduler and
 * SQLite store with a ManualClock (harness.ts): which cancellation is news, once per what, and the list of
 * cancelled windows it keeps (a new plan is looked at at once; a plan kept for weeks is still looked at daily).
 */
import { describe, expect, it } from 'vitest';
import type { Inventory } from '../../../shared/inventory/model';
import { app, sampleInventory, withExceptions } from '../planning/sample';
import { Harness } from './harness';

/** The lab's own windows only (no sample rows): `rows` as [application, schedule]. */
function lab(...rows: [string, string][]): Inventory {
  return { ...sampleInventory(), applications: rows.map(([a, s]) => app('IUSMM', 'Laboratoire', a, s)) };
}

const MOVE_TO_9 = {
  text: '2026-12-09 2h-4h',
  rule: {
    kind: 'once' as const,
    date: { year: 2026, month: 12, day: 9 },
    time: { start: { hour: 2, minute: 0 }, end: { hour: 4, minute: 0 } },
  },
};
const ONE_HOUR = { reminders: [{ kind: 'before' as const, minutes: 60 }] };
const changes = (h: Harness) => h.notifier.shown.filter((n) => n.kind === 'change');

describe('a cancellation known before any reminder stays silent', () => {
  it('one application of a window: no change toast when the rest of the window is reminded', () => {
    // Was a bug: the reminders of Cortex and Unity (the same keys as the whole window's) were taken for GestLab's,
    // so "La plage … est annulée : GestLab" followed the first reminder, which never named GestLab.
    const h = new Harness('2026-11-30T12:00:00', { inventory: withExceptions([{ application: 'GestLab' }]) });
    h.tick();
    h.at('2026-12-01T09:59:00').runTo('2026-12-01T10:01:00');
    h.at('2026-12-02T01:29:00').runTo('2026-12-02T02:01:00');
    expect(h.summary()).toEqual(['reminder@2026-12-01T10:00', 'reminder@2026-12-02T01:30', 'start@2026-12-02T02:00']);
    expect(h.notifier.shown[0]?.body).toBe(
      'Cortex Omnitech et Unity Real Time IUSMM seront indisponibles de 2 h à 4 h. Préparez votre plan de continuité.',
    );
  });

  it('weeks ahead, the plan unchanged: looked at again daily, so still silent after its reminder and a restart', () => {
    // 6 January 2027 (a first Wednesday), GestLab cancelled; the same plan object from 20 December on.
    const inventory = withExceptions([{ application: 'GestLab', from: '2027-01-06', to: '2027-01-06' }]);
    const h = new Harness('2026-12-20T12:00:00', { inventory });
    h.tick();
    h.at('2026-12-31T12:00:00').tick();
    h.at('2027-01-05T09:59:00').runTo('2027-01-05T10:00:00');
    h.restart();
    h.at('2027-01-05T10:00:30').tick();
    expect(h.summary()).toEqual(['reminder@2027-01-05T10:00']);
  });

  it('a window added and cancelled at once, beside a reminded window of the same start: silent', () => {
    const h = new Harness('2026-12-02T00:00:00', {
      inventory: lab(['GestLab', '2026-12-02 2h-3h']),
      options: ONE_HOUR,
    });
    h.runTo('2026-12-02T01:01:00');
    h.publish(
      withExceptions(
        [{ application: 'Softlab' }],
        lab(['GestLab', '2026-12-02 2h-3h'], ['Softlab', '2026-12-02 2h-4h']),
      ),
    );
    h.runTo('2026-12-02T01:03:00');
    expect(h.summary()).toEqual(['reminder@2026-12-02T01:00']);
  });

  it('a window cancelled before its reminder, beside a reminded window of the same end: silent', () => {
    const h = new Harness('2026-12-02T00:00:00', {
      inventory: lab(['GestLab', '2026-12-02 2h-4h'], ['Softlab', '2026-12-02 3h-4h']),
      options: ONE_HOUR,
    });
    h.runTo('2026-12-02T01:01:00');
    h.publish(
      withExceptions(
        [{ application: 'Softlab' }],
        lab(['GestLab', '2026-12-02 2h-4h'], ['Softlab', '2026-12-02 3h-4h']),
      ),
    );
    h.runTo('2026-12-02T03:01:00');
    expect(h.summary()).toEqual(['reminder@2026-12-02T01:00', 'start@2026-12-02T02:00']);
  });
});

describe('a cancellation after the ward was told is news', () => {
  it('told by the start alone (no reminders): the window under way is called off', () => {
    const h = new Harness('2026-12-02T01:59:00', { options: { reminders: [] } }).runTo('2026-12-02T02:30:00');
    expect(h.summary()).toEqual(['start@2026-12-02T02:00']);
    h.publish(withExceptions([{ reason: 'panne réglée' }]));
    h.tick();
    expect(changes(h).map((n) => n.title)).toEqual(['La plage du mercredi 2 décembre est annulée : panne réglée']);
  });

  it('a new plan is looked at at once, whatever was kept of the previous one', () => {
    // The first plan already has an Exceptions row (Cobas IT, 16 December): its cancelled windows are kept.
    const h = new Harness('2026-11-30T12:00:00', {
      inventory: withExceptions([{ application: 'Cobas IT', from: '2026-12-16', to: '2026-12-16' }]),
    });
    h.tick();
    h.at('2026-12-01T09:59:30').runTo('2026-12-01T10:01:00');
    h.publish(withExceptions([{}]));
    h.at('2026-12-01T10:01:30').tick();
    expect(h.summary()).toEqual(['reminder@2026-12-01T10:00', 'change@2026-12-01T10:01']);
  });

  it('in English with a motif: "The … window is cancelled: motif"', () => {
    const h = new Harness('2026-12-01T09:59:30', { language: 'en' }).runTo('2026-12-01T10:00:00');
    h.publish(withExceptions([{ application: 'GestLab' }]));
    h.at('2026-12-01T10:00:30').tick();
    expect(changes(h).map((n) => [n.title, n.body])).toEqual([
      [
        'The Wednesday, December 2 window is cancelled: gel des Fêtes',
        'GestLab: no interruption planned (Wednesday, December 2, 2:00 – 4:00 a.m.).',
      ],
    ]);
  });
});

describe('once per what', () => {
  it('the same window cancelled, then moved instead: each is news once', () => {
    const h = new Harness('2026-12-01T09:59:30').runTo('2026-12-01T10:00:00');
    h.publish(withExceptions([{}]));
    h.runTo('2026-12-01T10:02:00');
    h.publish(withExceptions([{ action: 'moved', newWindow: MOVE_TO_9, reason: '' }]));
    h.runTo('2026-12-01T10:04:00');
    expect(changes(h).map((n) => n.title)).toEqual([
      'La plage du mercredi 2 décembre est annulée : gel des Fêtes',
      'La plage du mercredi 2 décembre est reportée au mercredi 9 décembre',
    ]);
  });

  it('one application cancelled, then another one instead: each is news once', () => {
    const h = new Harness('2026-12-01T09:59:30').runTo('2026-12-01T10:00:00');
    h.publish(withExceptions([{ application: 'GestLab' }]));
    h.runTo('2026-12-01T10:02:00');
    h.publish(withExceptions([{ application: 'Cortex Omnitech' }]));
    h.runTo('2026-12-01T10:04:00');
    expect(changes(h).map((n) => n.body)).toEqual([
      'GestLab : pas d’interruption prévue (mercredi 2 décembre, 2 h – 4 h).',
      'Cortex Omnitech : pas d’interruption prévue (mercredi 2 décembre, 2 h – 4 h).',
    ]);
  });

  it('two windows of the same application, both reminded, cancelled by one row: one toast each', () => {
    const two = lab(['Softlab', '2026-12-02 2h-4h'], ['Softlab', '2026-12-02 5h-6h']);
    const h = new Harness('2026-12-01T09:59:30', { inventory: two }).runTo('2026-12-01T10:00:00');
    expect(h.summary()).toEqual(['reminder@2026-12-01T10:00', 'reminder@2026-12-01T10:00']);
    h.publish(withExceptions([{ reason: '' }], two));
    h.at('2026-12-01T10:00:30').tick();
    expect(changes(h).map((n) => [n.windowStart, n.body])).toEqual([
      ['2026-12-02T02:00:00-05:00', 'Softlab : pas d’interruption prévue (mercredi 2 décembre, 2 h – 4 h).'],
      ['2026-12-02T05:00:00-05:00', 'Softlab : pas d’interruption prévue (mercredi 2 décembre, 5 h – 6 h).'],
    ]);
  });
});
