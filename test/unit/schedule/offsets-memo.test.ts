/**
 * offsetAt (shared/schedule/offsets.ts) exists to ask Intl less often: each 60-day stretch of a zone is read once
 * (one Intl read per 36-hour sample, a bisection per change), and at most MAX_PERIODS stretches are kept per zone. The zone's Intl reads (IANAZone.offset) are counted on a
 * zone object of the test's own (IANAZone.create shares one object per name, and the memo is keyed by the object).
 */
import { IANAZone } from 'luxon';
import { describe, expect, it, vi } from 'vitest';
import { MAX_PERIODS, offsetAt, PERIOD_MS, PROBE_MS } from '../../../shared/schedule/offsets';

const HOUR = 3_600_000;
const reference = IANAZone.create('America/Toronto');

function countedZone() {
  const zone = new IANAZone('America/Toronto');
  const reads = vi.spyOn(zone, 'offset');
  return { zone, reads };
}

describe('offsetAt — the memo', () => {
  it('reads a stretch once, then answers every instant of it without asking Intl again', () => {
    const { zone, reads } = countedZone();
    // The stretch holding 14 March 2027 (spring forward), so the memo holds a transition.
    const start = Math.floor(Date.UTC(2027, 2, 14) / PERIOD_MS) * PERIOD_MS;
    expect(offsetAt(zone, start + HOUR)).toBe(reference.offset(start + HOUR));
    expect(reads).toHaveBeenCalled();
    reads.mockClear();
    for (let t = start; t < start + PERIOD_MS; t += 7 * HOUR) expect(offsetAt(zone, t)).toBe(reference.offset(t));
    expect(offsetAt(zone, start + PERIOD_MS - 1)).toBe(reference.offset(start + PERIOD_MS - 1));
    expect(reads).not.toHaveBeenCalled();
  });

  it('reads a stretch with one Intl call per 36-hour sample, and a change with a bisection to the second', () => {
    // The stretch's start, then every PROBE_MS up to its end: 41 samples.
    const samples = PERIOD_MS / PROBE_MS + 1;
    const quiet = Math.floor(Date.UTC(2027, 5, 15) / PERIOD_MS) * PERIOD_MS;
    expect(reference.offset(quiet)).toBe(reference.offset(quiet + PERIOD_MS));
    const a = countedZone();
    expect(offsetAt(a.zone, quiet)).toBe(reference.offset(quiet));
    expect(a.reads).toHaveBeenCalledTimes(samples);
    // 14 March 2027: one change, found within 36 h by halving to the second (log2(129,600) < 17 steps).
    const spring = Math.floor(Date.UTC(2027, 2, 14) / PERIOD_MS) * PERIOD_MS;
    expect(reference.offset(spring)).not.toBe(reference.offset(spring + PERIOD_MS));
    const b = countedZone();
    expect(offsetAt(b.zone, spring)).toBe(reference.offset(spring));
    expect(b.reads.mock.calls.length).toBeGreaterThan(samples);
    expect(b.reads.mock.calls.length).toBeLessThanOrEqual(samples + 17);
  });

  it(`keeps up to MAX_PERIODS (${MAX_PERIODS}) stretches of a zone, and forgets them all on reading one more`, () => {
    const { zone, reads } = countedZone();
    const instant = (index: number) => index * PERIOD_MS + 12 * HOUR;
    for (let index = 0; index < MAX_PERIODS; index++) offsetAt(zone, instant(index));
    reads.mockClear();
    // All of them are still held: reading them again asks Intl nothing.
    for (let index = 0; index < MAX_PERIODS; index++) {
      expect(offsetAt(zone, instant(index))).toBe(reference.offset(instant(index)));
    }
    expect(reads).not.toHaveBeenCalled();
    // One more stretch: the memo starts over, so the first one is read again.
    offsetAt(zone, instant(MAX_PERIODS));
    reads.mockClear();
    expect(offsetAt(zone, instant(0))).toBe(reference.offset(instant(0)));
    expect(reads).toHaveBeenCalled();
  });
});
