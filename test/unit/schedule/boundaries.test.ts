/**
 * Boundaries that single-line bugs cross, on every rule kind they apply to (issue 14): the night crossing decided
 * on minutes (not hours), one date per cell, day/month order, and the spring-forward gap (issue 9).
 */
import type { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { nextOccurrences, occurrences } from '../../../shared/schedule';
import { at, iso, messageOf, rule, windows } from './helpers';

const minutesLong = (o: { start: DateTime; end: DateTime }) => o.end.diff(o.start, 'minutes').minutes;

describe('night crossing is decided on minutes, for every rule kind', () => {
  const forms = [
    ['1er mercredi', '2026-12-02'],
    ['tous les mercredis', '2026-12-02'],
    ['2 décembre 2026', '2026-12-02'],
  ] as const;

  it.each(forms)('%s de 3h à 3h30 lasts 30 minutes, the same day', (day, date) => {
    const r = rule(`${day} de 3h à 3h30`);
    const [next] = nextOccurrences(r, at('2026-12-01T00:00'), 1);
    expect(next && windows([next])).toEqual([[`${date}T03:00:00-05:00`, `${date}T03:30:00-05:00`]]);
    const [inRange] = occurrences(r, { from: at('2026-12-01T00:00'), to: at('2026-12-03T00:00') });
    expect(inRange && minutesLong(inRange)).toBe(30);
  });

  it.each(forms)('%s 3h30-3h10 crosses midnight (23 h 40), and 23h-0h30 ends the next day', (day, date) => {
    const [late] = nextOccurrences(rule(`${day} 3h30-3h10`), at('2026-12-01T00:00'), 1);
    expect(late && iso(late.start)).toBe(`${date}T03:30:00-05:00`);
    expect(late && minutesLong(late)).toBe(23 * 60 + 40);
    const [night] = nextOccurrences(rule(`${day} 23h-0h30`), at('2026-12-01T00:00'), 1);
    expect(night && iso(night.end)).toBe('2026-12-03T00:30:00-05:00');
  });
});

describe('one date per cell, never guessed', () => {
  it.each([
    ['2027-01-13 et 2027-02-10 2h-4h'],
    ['13/01/2027 et 14/02/2027 2h-4h'],
    ['2027-01-13 2027-01-13 2h-4h'],
    ['2027-01-13 13 janvier 2027 2h-4h'],
  ])('refuses two dates in one cell: %s', (text) => {
    expect(messageOf(text)).toBe('Une seule date par plage');
  });

  it.each([['12/05/2027'], ['05/12/2027'], ['01/12/2027'], ['12/11/2027']])(
    'refuses %s as ambiguous (either number could be the month)',
    (date) => {
      expect(messageOf(`${date} 2h-4h`)).toBe(`Date ambiguë : ${date} (écrivez par ex. 2027-02-10 ou 10 février 2027)`);
    },
  );

  it('reads day/month when only one order is a date (13 and over is the day)', () => {
    expect(rule('13/05/2027 2h-4h')).toMatchObject({ kind: 'once', date: { year: 2027, month: 5, day: 13 } });
    expect(rule('05/13/2027 2h-4h')).toMatchObject({ kind: 'once', date: { year: 2027, month: 5, day: 13 } });
    expect(rule('12/12/2027 2h-4h')).toMatchObject({ kind: 'once', date: { year: 2027, month: 12, day: 12 } });
  });
});

describe('spring-forward gap (America/Toronto, 2027-03-14): never an end before the start', () => {
  const forms = [
    ['2e dimanche', 'monthly'],
    ['tous les dimanches', 'weekly'],
    ['14 mars 2027', 'once'],
  ] as const;
  const range = { from: at('2027-03-13T00:00'), to: at('2027-03-15T00:00') };

  it.each(forms)('%s 2h30-3h (%s): empty at the shifted start, 03:30 EDT', (day) => {
    const r = rule(`${day} 2h30-3h`);
    const gap = [
      ...occurrences(r, range).filter((o) => o.start.toISODate() === '2027-03-14'),
      ...nextOccurrences(r, at('2027-03-14T00:00'), 1),
    ];
    expect(windows(gap)).toEqual([
      ['2027-03-14T03:30:00-04:00', '2027-03-14T03:30:00-04:00'],
      ['2027-03-14T03:30:00-04:00', '2027-03-14T03:30:00-04:00'],
    ]);
  });

  it.each(forms)('%s 2h-3h (%s): empty at 03:00, as before', (day) => {
    const [w] = nextOccurrences(rule(`${day} 2h-3h`), at('2027-03-14T00:00'), 1);
    expect(w && windows([w])).toEqual([['2027-03-14T03:00:00-04:00', '2027-03-14T03:00:00-04:00']]);
  });

  it('an end past the gap keeps its time: 2h30-3h31 is 03:30–03:31', () => {
    const [w] = nextOccurrences(rule('2e dimanche 2h30-3h31'), at('2027-03-14T00:00'), 1);
    expect(w && windows([w])).toEqual([['2027-03-14T03:30:00-04:00', '2027-03-14T03:31:00-04:00']]);
  });

  it('over twenty years of second Sundays in March, no window of any gap rule ends before it starts', () => {
    for (const text of [
      '2e dimanche 2h30-3h',
      '2e dimanche 2h59-3h',
      '2e dimanche 2h-3h',
      'tous les dimanches 2h45-3h15',
    ]) {
      const found = occurrences(rule(text), { from: at('2027-01-01T00:00'), to: at('2047-01-01T00:00') });
      expect(found.length).toBeGreaterThan(200);
      for (const o of found)
        expect(o.end.toMillis(), `${text} ${iso(o.start)}`).toBeGreaterThanOrEqual(o.start.toMillis());
    }
  });
});
