import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { nextOccurrences, occurrences } from '../../../shared/schedule';
import { at, iso, rule, windows } from './helpers';

const minutesLong = (o: { start: DateTime; end: DateTime }) => o.end.diff(o.start, 'minutes').minutes;

describe('nextOccurrences — concrete anchors', () => {
  it('1er mercredi 2h-4h from 2026-11-25: 2 Dec, 6 Jan, 3 Feb', () => {
    expect(windows(nextOccurrences(rule('1er mercredi 2h-4h'), at('2026-11-25T00:00'), 3))).toEqual([
      ['2026-12-02T02:00:00-05:00', '2026-12-02T04:00:00-05:00'],
      ['2027-01-06T02:00:00-05:00', '2027-01-06T04:00:00-05:00'],
      ['2027-02-03T02:00:00-05:00', '2027-02-03T04:00:00-05:00'],
    ]);
  });

  it('3e mercredi 2h-4h from 2026-11-25', () => {
    expect(windows(nextOccurrences(rule('3e mercredi 2h-4h'), at('2026-11-25T00:00'), 2))).toEqual([
      ['2026-12-16T02:00:00-05:00', '2026-12-16T04:00:00-05:00'],
      ['2027-01-20T02:00:00-05:00', '2027-01-20T04:00:00-05:00'],
    ]);
  });
});

describe('daylight saving time in America/Toronto', () => {
  it('fall back 2026-11-01: 1er dimanche 1h30-3h starts in EDT and ends in EST (2 h 30 long)', () => {
    const [w] = nextOccurrences(rule('1er dimanche 1h30-3h'), at('2026-10-15T00:00'), 1);
    expect(w && [iso(w.start), iso(w.end)]).toEqual(['2026-11-01T01:30:00-04:00', '2026-11-01T03:00:00-05:00']);
    expect(w && minutesLong(w)).toBe(150);
  });

  it('spring forward 2027-03-14: 2e dimanche 2h-4h starts at 03:00 EDT (1 h long)', () => {
    const [w] = nextOccurrences(rule('2e dimanche 2h-4h'), at('2027-03-01T00:00'), 1);
    expect(w && [iso(w.start), iso(w.end)]).toEqual(['2027-03-14T03:00:00-04:00', '2027-03-14T04:00:00-04:00']);
    expect(w && minutesLong(w)).toBe(60);
  });

  it('spring forward: a window starting before the gap loses the missing hour', () => {
    const [w] = nextOccurrences(rule('2e dimanche 1h-3h'), at('2027-03-01T00:00'), 1);
    expect(w && [iso(w.start), iso(w.end)]).toEqual(['2027-03-14T01:00:00-05:00', '2027-03-14T03:00:00-04:00']);
  });

  it('spring forward: a window entirely inside the gap is reported as it is (empty), not invented', () => {
    const [w] = nextOccurrences(rule('2e dimanche 2h-3h'), at('2027-03-01T00:00'), 1);
    expect(w && [iso(w.start), iso(w.end)]).toEqual(['2027-03-14T03:00:00-04:00', '2027-03-14T03:00:00-04:00']);
  });

  it('a night window crossing the fall-back is 5 h long', () => {
    const list = occurrences(rule('tous les samedis 23h-3h'), {
      from: at('2026-10-31T12:00'),
      to: at('2026-11-01T12:00'),
    });
    expect(windows(list)).toEqual([['2026-10-31T23:00:00-04:00', '2026-11-01T03:00:00-05:00']]);
    expect(minutesLong(list[0] as (typeof list)[0])).toBe(300);
  });

  it('a 0h-24h day lasts 25 h on fall-back day and 23 h on spring-forward day', () => {
    const every = rule('tous les jours 0h-24h');
    const fall = occurrences(every, { from: at('2026-11-01T12:00'), to: at('2026-11-01T12:01') });
    expect(windows(fall)).toEqual([['2026-11-01T00:00:00-04:00', '2026-11-02T00:00:00-05:00']]);
    expect(fall[0] && minutesLong(fall[0])).toBe(25 * 60);
    const spring = occurrences(every, { from: at('2027-03-14T12:00'), to: at('2027-03-14T12:01') });
    expect(spring[0] && minutesLong(spring[0])).toBe(23 * 60);
  });

  it('a weekly rule keeps its wall-clock time across both transitions', () => {
    const list = nextOccurrences(rule('tous les dimanches 1h30-3h'), at('2026-10-20T00:00'), 3);
    expect(windows(list)).toEqual([
      ['2026-10-25T01:30:00-04:00', '2026-10-25T03:00:00-04:00'],
      ['2026-11-01T01:30:00-04:00', '2026-11-01T03:00:00-05:00'],
      ['2026-11-08T01:30:00-05:00', '2026-11-08T03:00:00-05:00'],
    ]);
  });
});

describe('crossing midnight', () => {
  it('ends the next day, across a year end', () => {
    const list = nextOccurrences(rule('dernier jeudi 23h-1h'), at('2026-12-15T00:00'), 1);
    expect(windows(list)).toEqual([['2026-12-31T23:00:00-05:00', '2027-01-01T01:00:00-05:00']]);
  });

  it('a one-off night window', () => {
    expect(windows(nextOccurrences(rule('2027-02-10 22h-1h'), at('2027-01-01T00:00'), 5))).toEqual([
      ['2027-02-10T22:00:00-05:00', '2027-02-11T01:00:00-05:00'],
    ]);
  });

  it('22h-24h ends at midnight', () => {
    expect(windows(nextOccurrences(rule('1er mercredi 22h-24h'), at('2026-11-25T00:00'), 1))).toEqual([
      ['2026-12-02T22:00:00-05:00', '2026-12-03T00:00:00-05:00'],
    ]);
  });
});

describe('5th weekday, dernier, offsets', () => {
  it('5e mercredi only in months that have one', () => {
    const list = nextOccurrences(rule('5e mercredi 2h-4h'), at('2026-01-01T00:00'), 4);
    expect(list.map((o) => o.start.toISODate())).toEqual(['2026-04-29', '2026-07-29', '2026-09-30', '2026-12-30']);
  });

  it('5e mercredi: nothing in a month without one', () => {
    expect(
      occurrences(rule('5e mercredi 2h-4h'), { from: at('2026-05-01T00:00'), to: at('2026-06-01T00:00') }),
    ).toEqual([]);
  });

  it('dernier lundi', () => {
    const list = nextOccurrences(rule('dernier lundi 2h-4h'), at('2027-02-01T00:00'), 2);
    expect(list.map((o) => o.start.toISODate())).toEqual(['2027-02-22', '2027-03-29']);
  });

  it('4e et dernier lundi: one window when they are the same day', () => {
    const list = nextOccurrences(rule('4e et dernier lundi 2h-4h'), at('2027-02-01T00:00'), 3);
    expect(list.map((o) => o.start.toISODate())).toEqual(['2027-02-22', '2027-03-22', '2027-03-29']);
  });

  it('several ordinals come out in date order', () => {
    const list = occurrences(rule('1er, 3e et dernier lundi 2h-4h'), {
      from: at('2026-11-01T00:00'),
      to: at('2027-01-01T00:00'),
    });
    expect(list.map((o) => o.start.toISODate())).toEqual([
      '2026-11-02',
      '2026-11-16',
      '2026-11-30',
      '2026-12-07',
      '2026-12-21',
      '2026-12-28',
    ]);
  });

  it('2e mardi +1 jour (the day after Patch Tuesday)', () => {
    const list = nextOccurrences(rule('2e mardi +1 jour 2h-4h'), at('2026-11-25T00:00'), 2);
    expect(list.map((o) => o.start.toISODate())).toEqual(['2026-12-09', '2027-01-13']);
  });

  it('an offset that crosses a month end is found from the next month', () => {
    // 4th Tuesday of November 2026 is the 24th; + 8 days = 2 December.
    const list = nextOccurrences(rule('4e mardi + 8 jours 2h-4h'), at('2026-11-30T00:00'), 2);
    expect(windows(list)).toEqual([
      ['2026-12-02T02:00:00-05:00', '2026-12-02T04:00:00-05:00'],
      ['2026-12-30T02:00:00-05:00', '2026-12-30T04:00:00-05:00'],
    ]);
  });

  it('a negative offset can land in the previous month', () => {
    // 1st Monday of February 2027 is the 1st; - 3 days = Friday 29 January.
    const list = nextOccurrences(rule('1er lundi -3 jours 2h-4h'), at('2027-01-20T00:00'), 1);
    expect(list.map((o) => o.start.toISODate())).toEqual(['2027-01-29']);
  });
});

describe('one-off dates', () => {
  const once = () => rule('13 janvier 2027 2h-4h');

  it('in the future: exactly one window whatever the count', () => {
    expect(windows(nextOccurrences(once(), at('2026-01-01T00:00'), 5))).toEqual([
      ['2027-01-13T02:00:00-05:00', '2027-01-13T04:00:00-05:00'],
    ]);
  });

  it('in progress at from: included', () => {
    expect(nextOccurrences(once(), at('2027-01-13T03:00'), 1)).toHaveLength(1);
  });

  it('ended exactly at from, or in the past: nothing, and it terminates', () => {
    expect(nextOccurrences(once(), at('2027-01-13T04:00'), 1)).toEqual([]);
    expect(nextOccurrences(once(), at('2030-01-01T00:00'), 100)).toEqual([]);
    expect(occurrences(once(), { from: at('2027-01-14T00:00'), to: at('2028-01-01T00:00') })).toEqual([]);
  });
});

describe('occurrences — range semantics', () => {
  const first = () => rule('1er mercredi 2h-4h');

  it('includes a window in progress at from, excludes one starting exactly at to', () => {
    const list = occurrences(first(), { from: at('2026-12-02T03:00'), to: at('2027-01-06T02:00') });
    expect(windows(list)).toEqual([['2026-12-02T02:00:00-05:00', '2026-12-02T04:00:00-05:00']]);
  });

  it('excludes a window that ended exactly at from, includes one starting just before to', () => {
    const list = occurrences(first(), { from: at('2026-12-02T04:00'), to: at('2027-01-06T02:01') });
    expect(list.map((o) => o.start.toISODate())).toEqual(['2027-01-06']);
  });

  it('an instant range (from = to) inside a window returns that window', () => {
    const instant = at('2026-12-02T02:30');
    expect(occurrences(first(), { from: instant, to: instant })).toHaveLength(1);
  });

  it('a full year has twelve windows, each on a Wednesday in the first week', () => {
    const list = occurrences(first(), { from: at('2027-01-01T00:00'), to: at('2028-01-01T00:00') });
    expect(list).toHaveLength(12);
    for (const o of list) {
      expect(o.start.weekday).toBe(3);
      expect(o.start.day).toBeLessThanOrEqual(7);
    }
  });

  it('weekly: every window of two weeks, in order (Monday 30 Nov 22h-2h is still running at from)', () => {
    const list = occurrences(rule('tous les lundis et jeudis 22h-2h'), {
      from: at('2026-12-01T00:00'),
      to: at('2026-12-15T00:00'),
    });
    expect(list.map((o) => o.start.toISODate())).toEqual([
      '2026-11-30',
      '2026-12-03',
      '2026-12-07',
      '2026-12-10',
      '2026-12-14',
    ]);
  });

  it('weekly: a night window started the evening before from is included', () => {
    // Monday 30 November 22:00 → Tuesday 1 December 02:00.
    const list = occurrences(rule('tous les lundis 22h-2h'), {
      from: at('2026-12-01T01:00'),
      to: at('2026-12-02T00:00'),
    });
    expect(windows(list)).toEqual([['2026-11-30T22:00:00-05:00', '2026-12-01T02:00:00-05:00']]);
  });

  it('agrees with nextOccurrences over two years for every kind of rule', () => {
    const texts = [
      '1er mercredi 2h-4h',
      '1er, 3e et dernier lundi 22h-2h',
      '5e vendredi 1h-5h',
      '2e mardi + 8 jours 2h-4h',
      '1er lundi -3 jours 2h-4h',
      'tous les lundis et jeudis 22h-2h',
      'tous les jours 0h-24h',
      '2027-02-10 22h-1h',
    ];
    const from = at('2026-06-15T12:00');
    const to = at('2028-06-15T12:00');
    for (const text of texts) {
      const r = rule(text);
      const inRange = occurrences(r, { from, to });
      const next = nextOccurrences(r, from, inRange.length + 1);
      expect(windows(next.slice(0, inRange.length)), text).toEqual(windows(inRange));
      const after = next[inRange.length];
      if (after) expect(after.start.toMillis(), text).toBeGreaterThanOrEqual(to.toMillis());
    }
  });
});

describe('nextOccurrences — counts, order, efficiency', () => {
  it('returns nothing for a count of 0, a negative or a NaN count; floors fractions', () => {
    const r = rule('1er mercredi 2h-4h');
    const from = at('2026-11-25T00:00');
    expect(nextOccurrences(r, from, 0)).toEqual([]);
    expect(nextOccurrences(r, from, -3)).toEqual([]);
    expect(nextOccurrences(r, from, Number.NaN)).toEqual([]);
    expect(nextOccurrences(r, from, 2.7)).toHaveLength(2);
  });

  it('twelve monthly windows, strictly increasing, one per month', () => {
    const list = nextOccurrences(rule('1er mercredi 2h-4h'), at('2026-11-25T00:00'), 12);
    expect(list).toHaveLength(12);
    expect(new Set(list.map((o) => o.start.toFormat('yyyy-MM'))).size).toBe(12);
    for (let i = 1; i < list.length; i++) {
      expect((list[i] as (typeof list)[0]).start > (list[i - 1] as (typeof list)[0]).start).toBe(true);
    }
  });

  it('a weekly window in progress at from comes first', () => {
    // Thursday 26 November 22:00 → Friday 27 November 02:00 is running at 01:00.
    const list = nextOccurrences(rule('tous les lundis et jeudis 22h-2h'), at('2026-11-27T01:00'), 10);
    expect(iso((list[0] as (typeof list)[0]).start)).toBe('2026-11-26T22:00:00-05:00');
    expect(list.map((o) => o.start.weekday)).toEqual([4, 1, 4, 1, 4, 1, 4, 1, 4, 1]);
  });

  it('starts from a far-away from without walking the years in between', () => {
    const [w] = nextOccurrences(rule('1er mercredi 2h-4h'), at('2090-06-15T00:00'), 1);
    expect(w?.start.toISODate()).toBe('2090-07-05');
    const many = nextOccurrences(rule('tous les mercredis 2h-4h'), at('2026-11-25T00:00'), 1000);
    expect(many).toHaveLength(1000);
    expect(many[999]?.start.diff((many[0] as (typeof many)[0]).start, 'days').days).toBeCloseTo(999 * 7, 0);
  });
});

describe('zones', () => {
  it("the rule's own zone wins over the caller's", () => {
    // America/Regina (Saskatchewan: UTC-6 all year since 1960) keeps this independent of the runtime's tz data;
    // America/Vancouver moved to permanent UTC-7 in tzdata 2026 (Node 24.22 has it, Node 20.20 did not).
    const list = nextOccurrences(
      rule('1er mercredi 2h-4h (America/Regina)'),
      at('2026-11-25T00:00'),
      1,
      'Europe/Paris',
    );
    expect(windows(list)).toEqual([['2026-12-02T02:00:00-06:00', '2026-12-02T04:00:00-06:00']]);
  });

  it("the caller's zone applies to a rule without one", () => {
    const list = nextOccurrences(rule('1er mercredi 2h-4h'), at('2026-11-25T00:00'), 1, 'Europe/Paris');
    expect(windows(list)).toEqual([['2026-12-02T02:00:00+01:00', '2026-12-02T04:00:00+01:00']]);
  });

  it('defaults to America/Toronto, whatever zone from is expressed in', () => {
    const from = DateTime.fromISO('2026-11-25T05:00:00Z', { zone: 'utc' });
    const [w] = nextOccurrences(rule('1er mercredi 2h-4h'), from, 1);
    expect(w?.start.zoneName).toBe('America/Toronto');
    expect(w && iso(w.start)).toBe('2026-12-02T02:00:00-05:00');
  });

  it('throws on an unknown caller zone (configuration error)', () => {
    expect(() => nextOccurrences(rule('1er mercredi 2h-4h'), at('2026-11-25T00:00'), 1, 'Nowhere/City')).toThrow(
      RangeError,
    );
  });
});
