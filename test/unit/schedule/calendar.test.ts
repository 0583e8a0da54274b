import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysInMonth,
  fromEpochDay,
  isValidDate,
  nthWeekday,
  toEpochDay,
  weekdayOf,
} from '../../../shared/schedule/calendar';

describe('calendar arithmetic (pure integer maths, checked against luxon)', () => {
  it('day numbers round-trip and agree with luxon on every day from 1900 to 2100', () => {
    const mismatches: string[] = [];
    const seen = new Set<string>();
    let days = 0;
    const end = DateTime.utc(2101, 1, 1).toMillis();
    for (let ms = DateTime.utc(1900, 1, 1).toMillis(); ms < end; ms += 86_400_000, days++) {
      const dt = DateTime.fromMillis(ms, { zone: 'utc' });
      const date = { year: dt.year, month: dt.month, day: dt.day };
      const epochDay = toEpochDay(date);
      const back = fromEpochDay(epochDay);
      if (
        epochDay !== Math.round(dt.toMillis() / 86_400_000) ||
        back.year !== date.year ||
        back.month !== date.month ||
        back.day !== date.day ||
        weekdayOf(date) !== dt.weekday
      ) {
        mismatches.push(dt.toISODate() ?? '');
      }
      if (date.month === 2 && date.day >= 28) seen.add(`${date.year}-02-${date.day}`);
    }
    expect(mismatches).toEqual([]);
    // Every day was visited: 201 years, the leap days of 2000 (a 400-year leap) included, not those of 1900 and 2100.
    expect(days).toBe(73_414);
    expect(seen.has('2000-02-29')).toBe(true);
    expect(seen.has('1900-02-29') || seen.has('2100-02-29')).toBe(false);
  });

  it('knows the anchors of the brief', () => {
    expect(weekdayOf({ year: 2026, month: 12, day: 2 })).toBe(3);
    expect(weekdayOf({ year: 2026, month: 11, day: 1 })).toBe(7);
    expect(weekdayOf({ year: 2027, month: 3, day: 14 })).toBe(7);
  });

  it.each([
    [2027, 2, 28],
    [2028, 2, 29],
    [1900, 2, 28],
    [2000, 2, 29],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('daysInMonth(%i, %i) = %i', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });

  it('validates dates', () => {
    expect(isValidDate({ year: 2028, month: 2, day: 29 })).toBe(true);
    expect(isValidDate({ year: 2027, month: 2, day: 29 })).toBe(false);
    expect(isValidDate({ year: 2027, month: 13, day: 1 })).toBe(false);
    expect(isValidDate({ year: 2027, month: 0, day: 1 })).toBe(false);
    expect(isValidDate({ year: 2027, month: -1, day: 1 })).toBe(false);
    expect(isValidDate({ year: 2027, month: 12, day: 31 })).toBe(true);
    expect(isValidDate({ year: 2027, month: 1, day: 1 })).toBe(true);
    expect(isValidDate({ year: 2027, month: 1, day: 0 })).toBe(false);
    expect(isValidDate({ year: 2027, month: 1.5, day: 1 })).toBe(false);
  });

  it('adds days across month and year ends, and months across years', () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2027, month: 2, day: 1 }, -3)).toEqual({ year: 2027, month: 1, day: 29 });
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(addMonths(2026, 11, 2)).toEqual({ year: 2027, month: 1 });
    expect(addMonths(2027, 1, -2)).toEqual({ year: 2026, month: 11 });
  });

  it.each([
    [2026, 12, 3, 1, 2],
    [2026, 12, 3, 5, 30],
    [2027, 2, 3, 5, null],
    [2027, 2, 1, -1, 22],
    [2027, 3, 1, -1, 29],
    [2026, 11, 7, 1, 1],
    [2027, 3, 7, 2, 14],
  ] as const)('nthWeekday(%i-%i, weekday %i, ordinal %i) → day %s', (year, month, weekday, ordinal, day) => {
    const found = nthWeekday(year, month, weekday, ordinal);
    expect(found === null ? null : found.day).toBe(day);
  });
});
