/**
 * Occurrences at their edges: a window ending exactly at `from` is over, the month margin reaches an offset of
 * -31 days, bad arguments give nothing (and never spin), rules built in code (not by the parser) with unsorted
 * ranks or out-of-range weekdays, the spring-forward windows emptyWindows reports, and localMillis.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  emptyWindows,
  localDateTime,
  localMillis,
  nextOccurrences,
  occurrences,
} from '../../../shared/schedule/occurrences';
import type { Rule, Weekday } from '../../../shared/schedule';
import { at, rule, TORONTO, windows } from './helpers';

const TWO_TO_FOUR = { start: { hour: 2, minute: 0 }, end: { hour: 4, minute: 0 } };

describe('nextOccurrences — a window ending exactly at `from` is over', () => {
  it('weekly: the next one is a week later', () => {
    expect(windows(nextOccurrences(rule('tous les mercredis 2h-4h'), at('2026-12-02T04:00'), 1))).toEqual([
      ['2026-12-09T02:00:00-05:00', '2026-12-09T04:00:00-05:00'],
    ]);
    expect(windows(nextOccurrences(rule('tous les mercredis 2h-4h'), at('2026-12-02T03:59'), 1))).toEqual([
      ['2026-12-02T02:00:00-05:00', '2026-12-02T04:00:00-05:00'],
    ]);
  });

  it('monthly: the next one is the next month’s', () => {
    expect(windows(nextOccurrences(rule('1er mercredi 2h-4h'), at('2026-12-02T04:00'), 1))).toEqual([
      ['2027-01-06T02:00:00-05:00', '2027-01-06T04:00:00-05:00'],
    ]);
  });

  it('monthly with two windows a month: exactly `count` of them', () => {
    expect(windows(nextOccurrences(rule('1er et 3e mercredi 2h-4h'), at('2026-11-25T00:00'), 1))).toEqual([
      ['2026-12-02T02:00:00-05:00', '2026-12-02T04:00:00-05:00'],
    ]);
  });
});

describe('bad arguments give nothing', () => {
  const once = rule('13 janvier 2027 2h-4h');
  it.each([0, -1, Number.NaN])('nextOccurrences with count %s', (count) => {
    expect(nextOccurrences(once, at('2026-12-01T00:00'), count)).toEqual([]);
  });

  it('nextOccurrences from an invalid instant', () => {
    expect(nextOccurrences(once, DateTime.invalid('test'), 1)).toEqual([]);
    expect(nextOccurrences(rule('tous les lundis 2h-4h'), DateTime.invalid('test'), 1)).toEqual([]);
  });

  it.each(['tous les lundis 2h-4h', '1er mercredi 2h-4h', '2 décembre 2026 2h-4h'])(
    'occurrences over a range with an invalid end or start (%s)',
    (text) => {
      const r = rule(text);
      expect(occurrences(r, { from: at('2026-12-01T00:00'), to: DateTime.invalid('test') })).toEqual([]);
      expect(occurrences(r, { from: DateTime.invalid('test'), to: at('2026-12-31T00:00') })).toEqual([]);
      // The same rule does have a window in that month.
      expect(occurrences(r, { from: at('2026-12-01T00:00'), to: at('2026-12-31T00:00') }).length).toBeGreaterThan(0);
    },
  );

  it('an unknown zone is a programming error, named in the message', () => {
    expect(() => occurrences(once, { from: at('2027-01-01T00:00'), to: at('2027-02-01T00:00') }, 'Nulle/Part')).toThrow(
      new RangeError('Fuseau horaire invalide : Nulle/Part'),
    );
  });

  it('a rule with no weekday or no rank has no window, and the search ends', () => {
    const noWeekday: Rule = { kind: 'weekly', weekdays: [], time: TWO_TO_FOUR };
    const noRank: Rule = { kind: 'monthly', ordinals: [], weekday: 3, offsetDays: 0, time: TWO_TO_FOUR };
    expect(nextOccurrences(noWeekday, at('2026-12-01T00:00'), 3)).toEqual([]);
    expect(nextOccurrences(noRank, at('2026-12-01T00:00'), 3)).toEqual([]);
  });
});

describe('rules built in code', () => {
  it('ranks in any order still give the windows in time order', () => {
    const unsorted: Rule = { kind: 'monthly', ordinals: [3, 1], weekday: 3, offsetDays: 0, time: TWO_TO_FOUR };
    expect(windows(nextOccurrences(unsorted, at('2026-11-25T00:00'), 2))).toEqual([
      ['2026-12-02T02:00:00-05:00', '2026-12-02T04:00:00-05:00'],
      ['2026-12-16T02:00:00-05:00', '2026-12-16T04:00:00-05:00'],
    ]);
  });

  it('weekdays outside 1–7 or not whole are ignored', () => {
    const odd: Rule = { kind: 'weekly', weekdays: [0, 8, 2.5, -1, 3] as Weekday[], time: TWO_TO_FOUR };
    const range = { from: at('2026-11-30T00:00'), to: at('2026-12-07T00:00') };
    expect(windows(occurrences(odd, range))).toEqual([['2026-12-02T02:00:00-05:00', '2026-12-02T04:00:00-05:00']]);
    expect(windows(nextOccurrences(odd, at('2026-11-30T00:00'), 1))).toEqual([
      ['2026-12-02T02:00:00-05:00', '2026-12-02T04:00:00-05:00'],
    ]);
  });
});

describe('the month margin', () => {
  it('finds a window moved back 31 days into the range from two months after it', () => {
    // 1st Tuesday of December 2026 = 1 December; 31 days earlier = 31 October.
    const r = rule('1er mardi - 31 jours 2h-4h');
    expect(windows(occurrences(r, { from: at('2026-10-31T00:00'), to: at('2026-10-31T12:00') }))).toEqual([
      ['2026-10-31T02:00:00-04:00', '2026-10-31T04:00:00-04:00'],
    ]);
  });

  it('spans a year end', () => {
    const r = rule('1er mercredi 2h-4h');
    expect(windows(occurrences(r, { from: at('2026-12-15T00:00'), to: at('2027-01-10T00:00') }))).toEqual([
      ['2027-01-06T02:00:00-05:00', '2027-01-06T04:00:00-05:00'],
    ]);
  });
});

describe('emptyWindows', () => {
  it('lists the windows a spring-forward gap empties, and only those', () => {
    const r = rule('2e dimanche 2h-3h');
    expect(windows(emptyWindows(r, { from: at('2027-03-01T00:00'), to: at('2027-04-01T00:00') }))).toEqual([
      ['2027-03-14T03:00:00-04:00', '2027-03-14T03:00:00-04:00'],
    ]);
    expect(emptyWindows(r, { from: at('2027-01-01T00:00'), to: at('2027-03-01T00:00') })).toEqual([]);
  });
});

describe('localMillis', () => {
  it('is localDateTime’s instant, in a gap and outside one', () => {
    const gap = { year: 2027, month: 3, day: 14 };
    const half = { hour: 2, minute: 30 };
    expect(localMillis(gap, half, TORONTO)).toBe(DateTime.fromISO('2027-03-14T07:30:00Z').toMillis());
    expect(localMillis(gap, half, TORONTO)).toBe(localDateTime(gap, half, TORONTO).toMillis());
    const plain = { year: 2026, month: 12, day: 2 };
    expect(localMillis(plain, { hour: 2, minute: 0 }, TORONTO)).toBe(
      DateTime.fromISO('2026-12-02T07:00:00Z').toMillis(),
    );
  });
});

describe('nextOccurrences — how far it looks', () => {
  it('gives up after 1,200 months however many windows are asked', () => {
    // From 25 November 2026 the months scanned are September 2026 (two before) to August 2126: 1,197 first
    // Wednesdays end after `from`.
    const list = nextOccurrences(rule('1er mercredi 2h-4h'), at('2026-11-25T00:00'), 5000);
    expect(list).toHaveLength(1197);
    expect(list.at(-1)?.start.toISODate()).toBe('2126-08-07');
  });
});
