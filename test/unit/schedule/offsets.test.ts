/**
 * offsetAt (shared/schedule/offsets.ts) answers from a table of the zone's transitions what luxon's
 * IANAZone.offset answers from Intl: it must agree everywhere, including the second around each transition.
 */
import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import { offsetAt } from '../../../shared/schedule/offsets';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Instants where the zone's offset changes in [from, to), found day by day then to the millisecond. */
function transitions(zone: IANAZone, from: number, to: number): number[] {
  const found: number[] = [];
  for (let t = from; t + DAY <= to; t += DAY) {
    if (zone.offset(t) === zone.offset(t + DAY)) continue;
    let lo = t;
    let hi = t + DAY;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (zone.offset(mid) === zone.offset(lo)) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}

describe('offsetAt', () => {
  // Toronto; a 30-minute DST (Lord Howe); a +05:45 zone; winter "negative DST" (Dublin); a zone that skipped a
  // day (Apia, 2011-12-30) and one that changed its standard offset twice (Moscow, 2011 and 2014).
  const zones = [
    'America/Toronto',
    'Australia/Lord_Howe',
    'Asia/Kathmandu',
    'Europe/Dublin',
    'Pacific/Apia',
    'Europe/Moscow',
  ];

  it.each(zones)('agrees with luxon every 29 hours and around every transition (%s)', (name) => {
    const zone = IANAZone.create(name);
    // Kathmandu's only change since 1970 is 1986-01-01 (+05:30 → +05:45).
    const from = Date.UTC(1985, 6, 1);
    const to = Date.UTC(2029, 0, 1);
    for (let t = from; t < to; t += 29 * HOUR) expect(offsetAt(zone, t)).toBe(zone.offset(t));
    const changes = transitions(zone, from, to);
    expect(changes.length).toBeGreaterThan(0);
    for (const at of changes) {
      for (const delta of [-HOUR, -1001, -1000, -999, -1, 0, 1, 999, 1000, HOUR]) {
        expect(offsetAt(zone, at + delta)).toBe(zone.offset(at + delta));
      }
    }
  });

  it('answers for instants before 1970 and for non-finite ones as luxon does', () => {
    const zone = IANAZone.create('America/Toronto');
    for (const t of [Date.UTC(1918, 3, 14, 7), Date.UTC(1969, 11, 31, 23, 59, 59, 999), -1, 0]) {
      expect(offsetAt(zone, t)).toBe(zone.offset(t));
    }
    expect(offsetAt(zone, Number.NaN)).toBeNaN();
    // Never taken for a stretch: one at ±Infinity would never end.
    expect(offsetAt(zone, Number.POSITIVE_INFINITY)).toBeNaN();
    expect(offsetAt(zone, Number.NEGATIVE_INFINITY)).toBeNaN();
  });
});
