/**
 * The scheduler's side of "verified elsewhere" (docs/verified-elsewhere.md), on a real SQLite store with the
 * verification recorded straight into it (test/unit/verified/ covers the share reader that records it): one toast at
 * the first tick at or after the submission, the window's run created but never opened, its checklist silenced.
 */
import { DateTime } from 'luxon';
import { describe, expect, it, vi } from 'vitest';
import type { Logger } from '../../../electron/core/store';
import { Harness, ZONE } from './harness';

const LAB_AT_8 = { serviceHours: { Laboratoire: { twentyFourSeven: false, shiftStarts: ['08:00'] } } };
const CHECKLIST = 'checklist|2026-12-02T07:00:00Z|2026-12-02T09:00:00Z';
const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

/** PC-LAB-1's report (initials MT) for the window `start`–`end` of IUSMM, submitted at `submittedAt`. */
function recordVerified(h: Harness, start: string, end: string, submittedAt = '2026-12-02T04:30'): void {
  const recorded = h.store.verified.record({
    windowStart: local(start),
    windowEnd: local(end),
    site: 'IUSMM',
    reportId: 'rapport-1',
    workstation: 'PC-LAB-1',
    userAccount: 'labo',
    initials: 'MT',
    submittedAt: local(submittedAt),
    items: [],
    recordedAt: h.clock.now(),
  });
  expect(recorded).toBe(true);
}

function errorLogger(): Logger & { errors: [string, Record<string, unknown> | undefined][] } {
  const errors: [string, Record<string, unknown> | undefined][] = [];
  return { errors, info: () => undefined, warn: () => undefined, error: (m, d) => errors.push([m, d]) };
}

describe('Scheduler — a window verified elsewhere', () => {
  it('one toast at the submission itself, the run created and not opened, the 8 h checklist flagged silently', () => {
    const h = new Harness('2026-12-02T03:50', { options: LAB_AT_8 });
    h.tick();
    // Recorded after the first tick: the heads read then must be read again.
    recordVerified(h, '2026-12-02T02:00', '2026-12-02T04:00');
    h.runTo('2026-12-02T04:30');
    expect(h.summary()).toEqual([
      'start@2026-12-02T03:50',
      'end@2026-12-02T04:00',
      'verified-elsewhere@2026-12-02T04:30',
    ]);
    const toast = h.notifier.shown[2];
    expect(toast?.at).toBe('2026-12-02T04:30:00-05:00');
    expect(toast?.body).toBe(
      'Vérification faite par PC-LAB-1 (MT) à 4 h 30 : Cortex Omnitech, GestLab, Unity Real Time IUSMM. ' +
        'Rien à vérifier sur ce poste.',
    );
    expect(h.store.checklists.listRuns({ status: 'open' })).toHaveLength(1);
    expect(h.opened).toEqual([]);
    const flag = h.store.announced.since(local('2026-12-02T04:00')).find((f) => f.key.startsWith('verified-'));
    expect(flag).toMatchObject({ kind: 'verified-elsewhere' });

    h.runTo('2026-12-02T07:59:30');
    const atShift = h.at('2026-12-02T08:00').tick();
    expect(atShift).toEqual({ notifications: [], caughtUp: false, changed: true });
    expect(h.store.announced.has(CHECKLIST)).toBe(true);
    h.runTo('2026-12-02T09:00');
    expect(h.notifier.shown).toHaveLength(3);
    expect(h.opened).toEqual([]);
  });

  it('its toast is not repeated after a restart', () => {
    const h = new Harness('2026-12-02T04:29:30');
    recordVerified(h, '2026-12-02T02:00', '2026-12-02T04:00');
    h.runTo('2026-12-02T04:30');
    h.restart();
    h.runTo('2026-12-02T04:35');
    expect(h.summary()).toEqual(['verified-elsewhere@2026-12-02T04:30']);
  });

  it('a verification for a window no longer planned here: the toast names no application, and no run', () => {
    const h = new Harness('2026-12-02T04:29:30');
    recordVerified(h, '2026-12-02T05:00', '2026-12-02T06:00');
    h.runTo('2026-12-02T04:30');
    expect(h.notifier.shown.map((n) => n.body)).toEqual([
      'Vérification faite par PC-LAB-1 (MT) à 4 h 30. Rien à vérifier sur ce poste.',
    ]);
    expect(h.store.checklists.listRuns({ status: 'open' })).toEqual([]);
  });

  it('within catch-up reach up to 4 days after the window, not a millisecond more', () => {
    for (const [now, toasts] of [
      ['2026-12-06T04:00:00', 1],
      ['2026-12-06T04:00:00.001', 0],
    ] as const) {
      const h = new Harness(now);
      recordVerified(h, '2026-12-02T02:00', '2026-12-02T04:00');
      h.tick();
      expect(
        h.notifier.shown.filter((n) => n.kind === 'verified-elsewhere'),
        now,
      ).toHaveLength(toasts);
      h.close();
    }
  });

  it('off past the toast’s reach but not its checklist’s: no toast, yet the run exists and the checklist is silenced', () => {
    const h = new Harness('2026-12-02T00:30', { options: LAB_AT_8 }).runTo('2026-12-02T01:00');
    recordVerified(h, '2026-12-02T02:00', '2026-12-02T04:00');
    // Off until 5 h four days later: the window (ended 4 h) is out of reach, its 8 h checklist is not.
    h.at('2026-12-06T05:00').tick();
    expect(h.notifier.shown).toEqual([]);
    expect(h.store.announced.has(CHECKLIST)).toBe(true);
    expect(h.store.checklists.listRuns({ status: 'open' })).toHaveLength(1);
    expect(h.checklists.pendingRun()).toBeNull();
  });

  it('the site is read again when the profile moves to another site', () => {
    const h = new Harness('2026-12-02T04:29');
    recordVerified(h, '2026-12-02T02:00', '2026-12-02T04:00');
    const plan = h.plan;
    if (!plan) throw new Error('the harness has a plan');
    h.plan = { ...plan, profile: { ...plan.profile, site: 'Hôpital Santa Cabrini' } };
    h.tick();
    expect(h.notifier.shown).toEqual([]);
    h.plan = plan;
    h.at('2026-12-02T04:30').tick();
    expect(h.summary()).toEqual(['verified-elsewhere@2026-12-02T04:30']);
  });

  it('a verification toast another agent flagged between the read and the write: not shown twice', () => {
    const h = new Harness('2026-12-02T04:29:30');
    recordVerified(h, '2026-12-02T02:00', '2026-12-02T04:00');
    const key = 'verified-elsewhere|2026-12-02T07:00:00.000Z|2026-12-02T09:00:00.000Z';
    const has = h.store.announced.has.bind(h.store.announced);
    vi.spyOn(h.store.announced, 'has').mockImplementation((k) => k !== key && has(k));
    const now = h.clock.now();
    expect(h.store.announced.markAll([{ key, kind: 'verified-elsewhere', at: now, announcedAt: now }])).toBe(1);
    h.runTo('2026-12-02T04:30');
    expect(h.notifier.shown).toEqual([]);
  });

  it('a verification store that fails: logged with the error, and the events announced as usual', () => {
    const log = errorLogger();
    const h = new Harness('2026-12-02T03:59:30', { log });
    h.tick();
    vi.spyOn(h.store.verified, 'standing').mockImplementation(() => {
      throw new Error('SQLITE_CORRUPT');
    });
    h.at('2026-12-02T04:00').tick();
    expect(h.summary()).toEqual(['start@2026-12-02T03:59', 'checklist@2026-12-02T04:00']);
    expect(log.errors).toEqual([['scheduler: verified-elsewhere check failed', { error: 'Error: SQLITE_CORRUPT' }]]);
  });

  it('a store without verifications at all: the events announced as usual, nothing logged', () => {
    const h = new Harness('2026-12-02T02:00');
    const log = errorLogger();
    const scheduler = h.schedulerWith({ store: { announced: h.store.announced, settings: h.store.settings }, log });
    expect(scheduler.tick().notifications.map((n) => n.kind)).toEqual(['start']);
    expect(log.errors).toEqual([]);
    h.close();
  });
});

describe('Scheduler — dueVerifications', () => {
  it('the windows over whose checklist is not announced yet, with their services; none without a plan', () => {
    const h = new Harness('2026-12-02T04:00', { options: LAB_AT_8 });
    expect(h.scheduler.dueVerifications(h.clock.now())).toEqual([
      { start: local('2026-12-02T02:00'), end: local('2026-12-02T04:00'), site: 'IUSMM', services: ['Laboratoire'] },
    ]);
    h.plan = null;
    expect(h.scheduler.dueVerifications(h.clock.now())).toEqual([]);
    h.close();
  });
});
