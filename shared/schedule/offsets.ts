/**
 * A zone's UTC offset at an instant, without asking Intl every time. luxon's IANAZone.offset formats the instant
 * with Intl.DateTimeFormat (~5–15 µs); resolving one wall-clock time takes two or three of them, and a year of
 * timeline for 1,000 profiles did ~1.6 million (44 % of `npm run bench -- import`). Offsets only change at the
 * zone's transitions, so each stretch of PERIOD_MS is read once: its offsets sampled every PROBE_MS and each change
 * located to the second by bisection. Results are those of zone.offset, under the assumption occurrences.ts already
 * makes: two transitions are never closer than PROBE_MS (real zones change at most a few times a year).
 */
import type { IANAZone } from 'luxon';

const SECOND_MS = 1000;
/** Sampling step: the same bound occurrences.ts probes with around a wall time. */
export const PROBE_MS = 36 * 3_600_000;
/** One stretch = 40 samples (60 days): a year of planning reads ~7 of them. */
export const PERIOD_MS = 40 * PROBE_MS;
/** Stretches kept per zone: planning looks at a few years; far more than that is a caller walking time. */
export const MAX_PERIODS = 512;

/** A stretch's offsets: `offsets[i]` holds from `starts[i]` (inclusive) on; starts[0] is the stretch's start. */
interface Stretch {
  starts: number[];
  offsets: number[];
}

/**
 * A memo, not state: offset(zone, t) is a pure function of the zone's rules, which do not change while the
 * process runs (the tz database ships with the runtime). Keyed by the zone object, which luxon caches per name.
 */
const MEMO = new WeakMap<IANAZone, Map<number, Stretch>>();

/**
 * The first whole second in (lo, hi] whose offset differs from offset(lo) (offset(hi) does). Whole seconds: Intl
 * reads an instant to the second, so zone.offset(t) is that of t's second.
 */
function transitionBetween(zone: IANAZone, lo: number, hi: number, before: number): number {
  let a = lo;
  let b = hi;
  while (b - a > SECOND_MS) {
    const mid = a + Math.floor((b - a) / 2 / SECOND_MS) * SECOND_MS;
    if (zone.offset(mid) === before) a = mid;
    else b = mid;
  }
  return b;
}

function readStretch(zone: IANAZone, index: number): Stretch {
  const start = index * PERIOD_MS;
  const stretch: Stretch = { starts: [start], offsets: [zone.offset(start)] };
  const end = start + PERIOD_MS;
  let previous = start;
  let offset = stretch.offsets[0] as number;
  for (let t = start + PROBE_MS; t <= end; t += PROBE_MS) {
    const next = zone.offset(t);
    if (next !== offset) {
      // A change found exactly at `end` is recorded too: no instant of this stretch reaches it, and the next
      // stretch reads its own.
      stretch.starts.push(transitionBetween(zone, previous, t, offset));
      stretch.offsets.push(next);
      offset = next;
    }
    previous = t;
  }
  return stretch;
}

/** The zone's offset at `ms`, in minutes (as IANAZone.offset). */
export function offsetAt(zone: IANAZone, ms: number): number {
  if (!Number.isFinite(ms)) return zone.offset(ms);
  const index = Math.floor(ms / PERIOD_MS);
  let stretches = MEMO.get(zone);
  if (!stretches) MEMO.set(zone, (stretches = new Map<number, Stretch>()));
  let stretch = stretches.get(index);
  if (!stretch) {
    if (stretches.size >= MAX_PERIODS) stretches.clear();
    stretch = readStretch(zone, index);
    stretches.set(index, stretch);
  }
  const { starts, offsets } = stretch;
  // starts[0] = index * PERIOD_MS is never after ms (index = floor(ms / PERIOD_MS); floating-point division does not
  // round up to the next index for any instant luxon can represent), so the scan ends at 0 at the latest.
  let i = starts.length - 1;
  while (ms < (starts[i] as number)) i -= 1;
  return offsets[i] as number;
}
