import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { PlanCache, type PlanInput } from '../../../electron/core/scheduler/plan-cache';
import { SimulationClock } from '../../../electron/core/scheduler/simulate';
import { currentWindow, timeline } from '../../../shared/planning';
import { DEFAULT_REMINDERS } from '../../../shared/planning/types';
import { sampleInventory } from '../planning/sample';
import { ZONE } from './harness';

const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

function plan(services = ['Laboratoire']): PlanInput {
  return {
    inventory: sampleInventory(),
    profile: { site: 'IUSMM', services },
    options: { zone: ZONE, reminders: DEFAULT_REMINDERS },
    language: 'fr',
  };
}

describe('PlanCache', () => {
  it('answers like the planner over (from, to], whatever the slicing', () => {
    const p = plan(['Laboratoire', 'Pharmacie']);
    const cache = new PlanCache();
    const from = at('2026-11-20T00:00');
    const keys: string[] = [];
    for (let h = 0; h < 24 * 40; h += 7) {
      keys.push(
        ...cache
          .eventsBetween(p, from.plus({ hours: h }).toMillis(), from.plus({ hours: h + 7 }).toMillis())
          .map((e) => e.key),
      );
    }
    const direct = timeline(
      p.inventory,
      p.profile,
      { from: from.plus({ milliseconds: 1 }), to: from.plus({ hours: 24 * 40 + 1 }) },
      p.options,
    );
    expect(keys).toEqual(direct.filter((e) => e.at <= from.plus({ hours: 24 * 40 })).map((e) => e.key));
    expect(keys).toHaveLength(10);
  });

  it('recomputes only when the stretch is left or the plan changes', () => {
    const p = plan();
    const cache = new PlanCache();
    const start = at('2026-12-01T00:00').toMillis();
    for (let t = start; t < start + 6 * 24 * 3600_000; t += 30_000) cache.eventsBetween(p, t - 30_000, t);
    expect(cache.recomputations).toBe(1);
    // The same plan content in a new object: no recomputation.
    cache.eventsBetween({ ...p, profile: { ...p.profile } }, start, start + 60_000);
    expect(cache.recomputations).toBe(1);
    // Leaving the stretch computed (a week ahead): one more.
    const later = start + 8 * 24 * 3600_000;
    cache.eventsBetween(p, later, later + 60_000);
    expect(cache.recomputations).toBe(2);
    // Each step below changes one thing from the call just before it, inside the stretch already computed.
    // Other options (reminders), same inventory and profile: one.
    const fewer = { ...p, options: { ...p.options, reminders: [] } };
    cache.eventsBetween(fewer, later, later + 60_000);
    expect(cache.recomputations).toBe(3);
    // Another profile, same inventory and options: one.
    cache.eventsBetween({ ...fewer, profile: { site: 'IUSMM', services: ['Pharmacie'] } }, later, later + 60_000);
    expect(cache.recomputations).toBe(4);
  });

  it('a new inventory with the same profile and options is planned afresh', () => {
    const p = plan();
    const cache = new PlanCache();
    const from = at('2026-12-01T00:00').toMillis();
    const to = at('2026-12-03T00:00').toMillis();
    expect(cache.eventsBetween(p, from, to).map((e) => e.kind)).toContain('start');
    // The new version of the inventory dropped every Laboratoire window; profile and options are the same objects.
    const emptier = { ...p, inventory: { ...p.inventory, applications: [] } };
    expect(cache.eventsBetween(emptier, from, to)).toEqual([]);
    expect(cache.recomputations).toBe(2);
    expect(cache.nextAfter(p, at('2026-12-01T00:00'))?.start.toISO()).toBe('2026-12-02T02:00:00.000-05:00');
    expect(cache.nextAfter(emptier, at('2026-12-01T00:00'))).toBeNull();
    expect(cache.currentAt(emptier, at('2026-12-02T03:00'))).toBeNull();
  });

  it('knows the window in progress and the next one, months ahead if need be', () => {
    const p = plan();
    const cache = new PlanCache();
    const during = at('2026-12-02T03:00');
    expect(cache.currentAt(p, during)?.start.toISO()).toBe(
      currentWindow(p.inventory, p.profile, during, ZONE)?.start.toISO(),
    );
    expect(cache.nextAfter(p, during)?.start.toISO()).toBe('2026-12-16T02:00:00.000-05:00');
    expect(cache.currentAt(p, at('2026-12-02T04:00'))).toBeNull();
    expect(cache.nextAfter(p, at('2026-12-20T00:00'))?.start.toISO()).toBe('2027-01-06T02:00:00.000-05:00');
    expect(cache.nextAfter(plan(['Urgence']), at('2026-12-20T00:00'))).toBeNull();
  });
});

describe('SimulationClock', () => {
  it('gives the same instants and offsets as the zone, across both DST changes', () => {
    const clock = new SimulationClock(at('2026-03-08T00:00'), ZONE);
    for (const day of ['2026-03-08T00:00', '2026-11-01T00:00']) {
      const start = at(day).toMillis();
      for (let t = start; t < start + 6 * 3600_000; t += 7 * 60_000) {
        clock.setMillis(t);
        expect(clock.now().toISO()).toBe(DateTime.fromMillis(t, { zone: ZONE }).toISO());
      }
    }
  });
});
