/**
 * The plan cache's edges: which instants a query includes, when a computed stretch is reused, and when the
 * memo of the next window is looked up afresh. A cache with no horizon (`new PlanCache(0)`) computes exactly
 * what it is asked for, so an off-by-one in the range it computes shows in the answer.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { PlanCache, type PlanInput } from '../../../electron/core/scheduler/plan-cache';
import { DEFAULT_REMINDERS } from '../../../shared/planning/types';
import { sampleInventory } from '../planning/sample';
import { csvInventory, ZONE } from './harness';

const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const ms = (iso: string) => at(iso).toMillis();
const MINUTE = 60_000;

function plan(services = ['Laboratoire']): PlanInput {
  return {
    inventory: sampleInventory(),
    profile: { site: 'IUSMM', services },
    options: { zone: ZONE, reminders: DEFAULT_REMINDERS },
    language: 'fr',
  };
}

// Laboratoire (test/unit/planning/sample.ts): 1st Wednesday 2h-4h (4 applications), 3rd Wednesday 2h-4h (Cobas IT).
const DEC2_START = '2026-12-02T02:00';
const DEC2_END = '2026-12-02T04:00';

describe('PlanCache.eventsBetween — (from, to]', () => {
  it('includes an event exactly at `to` and leaves out one exactly at `from`, with or without a horizon', () => {
    for (const horizon of [0, undefined]) {
      const start = ms(DEC2_START);
      const upTo = new PlanCache(horizon).eventsBetween(plan(), start - MINUTE, start);
      expect(upTo.at(-1)).toMatchObject({ kind: 'start' });
      expect(upTo.at(-1)?.at.toMillis()).toBe(start);
      const after = new PlanCache(horizon).eventsBetween(plan(), start, start + MINUTE);
      expect(after).toEqual([]);
      // Also when the stretch already computed holds the event at `from`.
      const reused = new PlanCache(horizon);
      const p = plan();
      expect(reused.eventsBetween(p, start - MINUTE, start + 2 * MINUTE).map((e) => e.kind)).toContain('start');
      expect(reused.eventsBetween(p, start, start + MINUTE)).toEqual([]);
      expect(reused.recomputations).toBe(1);
    }
  });

  it('an empty or reversed interval is empty and plans nothing', () => {
    const cache = new PlanCache();
    const t = ms(DEC2_START);
    expect(cache.eventsBetween(plan(), t, t)).toEqual([]);
    expect(cache.eventsBetween(plan(), t, t - MINUTE)).toEqual([]);
    expect(cache.recomputations).toBe(0);
  });

  it('reuses the stretch for the same query and recomputes for one reaching before it', () => {
    const p = plan();
    const cache = new PlanCache(0);
    const from = ms('2026-12-02T03:00');
    const to = ms('2026-12-02T05:00');
    const first = cache.eventsBetween(p, from, to).map((e) => e.key);
    expect(first.length).toBeGreaterThan(0);
    expect(cache.eventsBetween(p, from, to).map((e) => e.key)).toEqual(first);
    expect(cache.recomputations).toBe(1);
    // One millisecond earlier: the stretch computed starts after it, so it is planned again, start included.
    const earlier = cache.eventsBetween(p, ms(DEC2_START) - 1, to);
    expect(cache.recomputations).toBe(2);
    expect(earlier.map((e) => e.kind)).toContain('start');
    // A query inside the default week-long stretch, but before where it began, still sees its events.
    const week = new PlanCache();
    expect(week.eventsBetween(p, ms('2026-12-03T00:00'), ms('2026-12-04T00:00'))).toEqual([]);
    expect(week.eventsBetween(p, ms('2026-12-01T00:00'), ms('2026-12-03T00:00')).map((e) => e.kind)).toContain('start');
    expect(week.recomputations).toBe(2);
  });
});

describe('PlanCache.currentAt and windowOf', () => {
  it('a window is current from its first instant to just before its end, never the day before', () => {
    for (const cache of [new PlanCache(0), new PlanCache()]) {
      const p = plan();
      expect(cache.currentAt(p, at(DEC2_START).minus({ milliseconds: 1 }))).toBeNull();
      expect(cache.currentAt(p, at(DEC2_START))?.start.toMillis()).toBe(ms(DEC2_START));
      expect(cache.currentAt(p, at(DEC2_END).minus({ milliseconds: 1 }))?.end.toMillis()).toBe(ms(DEC2_END));
      expect(cache.currentAt(p, at(DEC2_END))).toBeNull();
      expect(cache.currentAt(p, at('2026-12-01T12:00'))).toBeNull();
    }
  });

  it('finds the window with exactly that start and end, and no other', () => {
    for (const cache of [new PlanCache(0), new PlanCache()]) {
      const p = plan();
      const w = cache.windowOf(p, at(DEC2_START), at(DEC2_END));
      expect(w?.start.toMillis()).toBe(ms(DEC2_START));
      expect(w?.end.toMillis()).toBe(ms(DEC2_END));
      expect(w?.applications.map((a) => a.application).sort()).toEqual([
        'Cortex Omnitech',
        'GestLab',
        'Unity Real Time IUSMM',
      ]);
      expect(cache.windowOf(p, at('2026-12-02T02:30'), at(DEC2_END))).toBeNull();
      expect(cache.windowOf(p, at(DEC2_START), at('2026-12-02T03:30'))).toBeNull();
      expect(cache.windowOf(p, at('2026-12-09T02:00'), at('2026-12-09T04:00'))).toBeNull();
    }
  });
});

describe('PlanCache.nextAfter — strictly after now, and its memo', () => {
  it('a window starting exactly now is not the next one', () => {
    const cache = new PlanCache();
    expect(cache.nextAfter(plan(), at(DEC2_START))?.start.toISO()).toBe('2026-12-16T02:00:00.000-05:00');
    // Beyond a week ahead too: 6 January at 2 h → 20 January (the 3rd Wednesday).
    const fresh = new PlanCache();
    expect(fresh.nextAfter(plan(), at('2027-01-06T02:00'))?.start.toISO()).toBe('2027-01-20T02:00:00.000-05:00');
  });

  it('answers from its memo until the window it gave starts, then looks again', () => {
    const p = plan();
    const cache = new PlanCache();
    expect(cache.nextAfter(p, at('2026-12-01T00:00'))?.start.toMillis()).toBe(ms(DEC2_START));
    expect(cache.nextLookups).toBe(1);
    // The same instant and later ones before the start: the memo.
    expect(cache.nextAfter(p, at('2026-12-01T00:00'))?.start.toMillis()).toBe(ms(DEC2_START));
    expect(cache.nextAfter(p, at(DEC2_START).minus({ milliseconds: 1 }))?.start.toMillis()).toBe(ms(DEC2_START));
    expect(cache.nextLookups).toBe(1);
    // At the start, that window is no longer ahead.
    expect(cache.nextAfter(p, at(DEC2_START))?.start.toISO()).toBe('2026-12-16T02:00:00.000-05:00');
    expect(cache.nextLookups).toBe(2);
  });

  it('never answers an earlier instant from a memo made later', () => {
    const p = plan();
    const cache = new PlanCache();
    expect(cache.nextAfter(p, at('2026-12-10T00:00'))?.start.toISO()).toBe('2026-12-16T02:00:00.000-05:00');
    expect(cache.nextAfter(p, at('2026-12-01T00:00'))?.start.toMillis()).toBe(ms(DEC2_START));
    expect(cache.nextLookups).toBe(2);
  });

  it('another profile on the same inventory is looked up for itself', () => {
    const p = plan();
    const cache = new PlanCache();
    expect(cache.nextAfter(p, at('2026-12-01T00:00'))).not.toBeNull();
    expect(
      cache.nextAfter({ ...p, profile: { site: 'IUSMM', services: ['Urgence'] } }, at('2026-12-01T00:00')),
    ).toBeNull();
  });

  it('"no window" is remembered for a day, then looked up again', () => {
    const p = plan(['Urgence']);
    const cache = new PlanCache();
    const t = at('2026-12-01T00:00');
    expect(cache.nextAfter(p, t)).toBeNull();
    expect(cache.nextAfter(p, t.plus({ hours: 23, minutes: 59 }))).toBeNull();
    expect(cache.nextLookups).toBe(1);
    expect(cache.nextAfter(p, t.plus({ days: 1 }))).toBeNull();
    expect(cache.nextLookups).toBe(2);
  });
});

describe('PlanCache.windowsAt (the banner: every window in progress)', () => {
  it('lists each window in progress at that instant, start included and end left out, in start order', async () => {
    const inventory = await csvInventory(
      'DSP;IUSMM;Laboratoire;GestLab;2026-12-02 3h-5h;',
      'DSP;IUSMM;Laboratoire;Cobas IT;2026-12-02 2h-4h;',
      'DSP;IUSMM;Laboratoire;Softlab;2026-12-02 4h-6h;',
    );
    const p = { ...plan(), inventory };
    for (const cache of [new PlanCache(0), new PlanCache()]) {
      const startsAt = (iso: string) => cache.windowsAt(p, at(iso)).map((w) => w.start.toFormat('H'));
      expect(startsAt('2026-12-02T01:59:59.999')).toEqual([]);
      expect(startsAt('2026-12-02T02:00')).toEqual(['2']);
      expect(startsAt('2026-12-02T03:00')).toEqual(['2', '3']);
      // 4 h: the 2 h window has ended, the 4 h one has begun.
      expect(startsAt('2026-12-02T04:00')).toEqual(['3', '4']);
      expect(startsAt('2026-12-02T05:59:59.999')).toEqual(['4']);
      expect(startsAt('2026-12-02T06:00')).toEqual([]);
    }
  });
});
