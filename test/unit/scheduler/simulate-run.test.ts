/**
 * The simulator's own edges (electron/core/scheduler/simulate.ts): which instants tick around a sleep, what a run
 * counts, its language, and its clock.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { simulate, SimulationClock, tickInstants } from '../../../electron/core/scheduler/simulate';
import { DEFAULT_REMINDERS } from '../../../shared/planning/types';
import { sampleInventory } from '../planning/sample';
import { ZONE } from './harness';

const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

describe('tickInstants', () => {
  it('ticks the grid from `from` to `to`, both included', () => {
    expect(tickInstants(0, 90, [], 30)).toEqual([0, 30, 60, 90]);
    expect(tickInstants(0, 89, [], 30)).toEqual([0, 30, 60]);
  });

  it('asleep from its start (no tick there) to just before its end (a tick there, the wake-up)', () => {
    expect(tickInstants(0, 120, [[30, 90]], 30)).toEqual([0, 90, 120]);
  });

  it('a wake-up on the grid ticks once', () => {
    const ticks = tickInstants(0, 120, [[30, 60]], 30);
    expect(ticks).toEqual([0, 60, 90, 120]);
  });

  it('an extra instant (an --ack) ticks when in the period and awake, `to` included even off the grid', () => {
    expect(tickInstants(0, 100, [[40, 70]], 30, [100, 15, 50, 101, -1])).toEqual([0, 15, 30, 70, 90, 100]);
  });

  it('a wake-up off the grid ticks at its instant, in time order', () => {
    expect(tickInstants(0, 120, [[40, 70]], 30)).toEqual([0, 30, 70, 90, 120]);
  });

  it('no wake-up tick before `from`, after `to`, or inside another sleep; one exactly at `to`', () => {
    expect(tickInstants(100, 200, [[0, 50]], 50)).toEqual([100, 150, 200]);
    expect(tickInstants(0, 100, [[80, 130]], 50)).toEqual([0, 50]);
    expect(
      tickInstants(
        0,
        200,
        [
          [20, 60],
          [50, 120],
        ],
        50,
      ),
    ).toEqual([0, 120, 150, 200]);
    expect(tickInstants(0, 100, [[60, 100]], 50)).toEqual([0, 50, 100]);
    expect(tickInstants(0, 110, [[60, 110]], 50)).toEqual([0, 50, 110]);
  });
});

describe('simulate', () => {
  const base = {
    inventory: sampleInventory(),
    profile: { site: 'IUSMM', services: ['Laboratoire'] },
    options: { zone: ZONE, reminders: DEFAULT_REMINDERS },
  };

  it('ticks every 30 s by default and counts the ticks, the plans and the checklist opened', () => {
    const result = simulate({ ...base, from: at('2026-12-02T00:00'), to: at('2026-12-02T06:00') });
    expect(result.stats.ticks).toBe(6 * 120 + 1);
    expect(result.stats.windowsOpened).toBe(1);
    // Two stretches for six hours: the first tick's, then the heads-up's look-back over the longest reminder lead
    // before it (heads-up.ts, once per plan), which covers every later tick.
    expect(result.stats.recomputations).toBe(2);
    expect(result.notifications.map((n) => n.kind)).toEqual(['reminder', 'start', 'checklist']);
    expect(Object.keys(result.notifications[0] ?? {})).toEqual([
      'at',
      'kind',
      'windowStart',
      'windowEnd',
      'title',
      'body',
    ]);
    expect(result.notifications[2]).toMatchObject({
      at: '2026-12-02T04:00:00-05:00',
      windowStart: '2026-12-02T02:00:00-05:00',
      windowEnd: '2026-12-02T04:00:00-05:00',
      title: 'Vérification à faire',
    });
  });

  it('reports the time it took, within the time the call took', () => {
    const before = performance.now();
    const result = simulate({ ...base, from: at('2026-12-02T00:00'), to: at('2026-12-02T00:10') });
    const took = performance.now() - before;
    expect(result.stats.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(result.stats.elapsedMs).toBeLessThanOrEqual(Math.ceil(took));
  });

  it('takes another tick length and no tick while asleep', () => {
    const result = simulate({
      ...base,
      from: at('2026-12-02T00:00'),
      to: at('2026-12-02T06:00'),
      tickMs: 3_600_000,
      asleep: [{ start: at('2026-12-02T01:30'), end: at('2026-12-02T05:00') }],
    });
    // 0 h and 1 h, the wake-up at 5 h, then 6 h.
    expect(result.stats.ticks).toBe(4);
    expect(result.notifications.map((n) => `${n.kind}@${n.at}`)).toEqual(['catch-up@2026-12-02T05:00:00-05:00']);
  });

  it('speaks the language it is given, French by default', () => {
    const range = { from: at('2026-12-02T01:59'), to: at('2026-12-02T02:01') };
    expect(simulate({ ...base, ...range }).notifications[0]?.title).toBe('Plage de maintenance en cours');
    expect(simulate({ ...base, ...range, language: 'en' }).notifications[0]?.title).toBe(
      'Maintenance window in progress',
    );
  });
});

describe('SimulationClock', () => {
  it('keeps its zone and gives the same instant until moved', () => {
    const clock = new SimulationClock(at('2026-12-02T00:00'), ZONE);
    expect(clock.zone).toBe(ZONE);
    const first = clock.now();
    expect(clock.now()).toBe(first);
    expect(first.toISO()).toBe('2026-12-02T00:00:00.000-05:00');
    clock.setMillis(at('2026-12-02T00:00').toMillis() + 1);
    expect(clock.now()).not.toBe(first);
    expect(clock.now().toMillis()).toBe(first.toMillis() + 1);
  });

  it('changes offset at the very instant of a DST change, not a quarter hour late', () => {
    const clock = new SimulationClock(at('2026-11-01T00:00'), ZONE);
    const change = DateTime.fromISO('2026-11-01T06:00:00Z').toMillis();
    clock.setMillis(change - 1);
    expect(clock.now().offset).toBe(-240);
    clock.setMillis(change);
    expect(clock.now().offset).toBe(-300);
    expect(clock.now().toISO()).toBe('2026-11-01T01:00:00.000-05:00');
  });
});
