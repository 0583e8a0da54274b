/**
 * A cancellation or a move that arrives after the reminders went out is announced once (issue 13), on the real
 * scheduler and SQLite store with a ManualClock; one that arrives before any reminder is silent.
 */
import { describe, expect, it } from 'vitest';
import { withExceptions } from '../planning/sample';
import { Harness } from '../scheduler/harness';

const MOVE_TO_9 = {
  text: '2026-12-09 2h-4h',
  rule: {
    kind: 'once' as const,
    date: { year: 2026, month: 12, day: 9 },
    time: { start: { hour: 2, minute: 0 }, end: { hour: 4, minute: 0 } },
  },
};

describe('cancellation announced after reminders', () => {
  it('after the day-before reminder: one toast saying so, then nothing for that window, even after a restart', () => {
    const h = new Harness('2026-11-30T12:00:00').runTo('2026-12-01T10:30:00');
    expect(h.summary()).toEqual(['reminder@2026-12-01T10:00']);
    h.publish(withExceptions([{ site: 'IUSMM', service: 'Laboratoire' }]));
    h.runTo('2026-12-01T12:00:00');
    h.restart();
    h.runTo('2026-12-03T12:00:00');
    expect(h.summary()).toEqual(['reminder@2026-12-01T10:00', 'change@2026-12-01T10:30']);
    const change = h.notifier.shown[1];
    expect(change?.title).toBe('La plage du mercredi 2 décembre est annulée : gel des Fêtes');
    expect(change?.body).toBe(
      'Cortex Omnitech, GestLab et Unity Real Time IUSMM : pas d’interruption prévue (mercredi 2 décembre, 2 h – 4 h).',
    );
    expect(change?.opens).toBe('status');
    expect(h.opened).toEqual([]);
    expect(h.checklists.pendingRun()).toBeNull();
  });

  it('before any reminder: cancelled silently (the status window shows it)', () => {
    const h = new Harness('2026-11-30T12:00:00');
    h.publish(withExceptions([{}]));
    h.runTo('2026-12-03T12:00:00');
    expect(h.summary()).toEqual([]);
  });

  it('a move after the reminders: "reportée au …" once, the rest of the window and the new window as usual', () => {
    const h = new Harness('2026-11-30T12:00:00').runTo('2026-12-02T01:45:00');
    expect(h.summary()).toEqual(['reminder@2026-12-01T10:00', 'reminder@2026-12-02T01:30']);
    h.publish(withExceptions([{ application: 'GestLab', action: 'moved', newWindow: MOVE_TO_9, reason: 'migration' }]));
    h.runTo('2026-12-09T05:00:00');
    expect(h.summary()).toEqual([
      'reminder@2026-12-01T10:00',
      'reminder@2026-12-02T01:30',
      'change@2026-12-02T01:45',
      'start@2026-12-02T02:00',
      'checklist@2026-12-02T04:00',
      'reminder@2026-12-08T10:00',
      'reminder@2026-12-09T01:30',
      'start@2026-12-09T02:00',
      'checklist@2026-12-09T04:00',
    ]);
    expect(h.notifier.shown[2]?.title).toBe(
      'La plage du mercredi 2 décembre est reportée au mercredi 9 décembre : migration',
    );
    expect(h.notifier.shown[2]?.body).toContain('GestLab : la plage n’a pas lieu à cette date');
    expect(h.notifier.shown[3]?.body).not.toContain('GestLab');
    expect(h.notifier.shown[7]?.body).toContain('GestLab');
  });
});

describe('cancellation and move announcements, word for word', () => {
  it('in English, without a motif: no dangling colon, and the applications with the window', () => {
    const h = new Harness('2026-11-30T12:00:00', { language: 'en' }).runTo('2026-12-01T10:30:00');
    h.publish(withExceptions([{ site: 'IUSMM', service: 'Laboratoire', reason: '' }]));
    h.runTo('2026-12-01T11:00:00');
    const change = h.notifier.shown.find((n) => n.kind === 'change');
    expect(change?.title).toBe('The Wednesday, December 2 window is cancelled');
    expect(change?.body).toBe(
      'Cortex Omnitech, GestLab and Unity Real Time IUSMM: no interruption planned (Wednesday, December 2, 2:00 – 4:00 a.m.).',
    );
    expect(change?.windowStart).toBe('2026-12-02T02:00:00-05:00');
    expect(change?.windowEnd).toBe('2026-12-02T04:00:00-05:00');
  });

  it('a move in English names the new date and says there is no window on the old one', () => {
    const h = new Harness('2026-11-30T12:00:00', { language: 'en' }).runTo('2026-12-01T10:30:00');
    h.publish(withExceptions([{ application: 'GestLab', action: 'moved', newWindow: MOVE_TO_9, reason: 'migration' }]));
    h.runTo('2026-12-01T11:00:00');
    const change = h.notifier.shown.find((n) => n.kind === 'change');
    expect(change?.title).toBe('The Wednesday, December 2 window is moved to Wednesday, December 9: migration');
    expect(change?.body).toBe('GestLab: no window on that date (Wednesday, December 2, 2:00 – 4:00 a.m.).');
  });

  it('a move in French without a motif: the whole body word for word', () => {
    const h = new Harness('2026-11-30T12:00:00').runTo('2026-12-01T10:30:00');
    h.publish(withExceptions([{ application: 'GestLab', action: 'moved', newWindow: MOVE_TO_9, reason: '' }]));
    h.runTo('2026-12-01T11:00:00');
    const change = h.notifier.shown.find((n) => n.kind === 'change');
    expect(change?.title).toBe('La plage du mercredi 2 décembre est reportée au mercredi 9 décembre');
    expect(change?.body).toBe('GestLab : la plage n’a pas lieu à cette date (mercredi 2 décembre, 2 h – 4 h).');
  });
});
