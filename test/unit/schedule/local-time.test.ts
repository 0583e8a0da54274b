import { describe, expect, it } from 'vitest';
import { localDateTime, type CalendarDate } from '../../../shared/schedule';
import { iso } from './helpers';

const d = (year: number, month: number, day: number): CalendarDate => ({ year, month, day });
const t = (hour: number, minute = 0) => ({ hour, minute });

describe('localDateTime — RFC 5545 §3.3.5 wall-clock resolution', () => {
  const cases: Array<[string, CalendarDate, number, number, string, string]> = [
    // Ordinary times keep their own offset.
    ['winter', d(2026, 12, 2), 2, 0, 'America/Toronto', '2026-12-02T02:00:00-05:00'],
    ['summer', d(2026, 7, 1), 2, 0, 'America/Toronto', '2026-07-01T02:00:00-04:00'],
    // Spring forward 2027-03-14 in Toronto: 02:00–02:59 do not exist; read with the offset before the gap (EST).
    ['just before the gap', d(2027, 3, 14), 1, 59, 'America/Toronto', '2027-03-14T01:59:00-05:00'],
    ['gap start', d(2027, 3, 14), 2, 0, 'America/Toronto', '2027-03-14T03:00:00-04:00'],
    ['inside the gap', d(2027, 3, 14), 2, 30, 'America/Toronto', '2027-03-14T03:30:00-04:00'],
    ['gap end', d(2027, 3, 14), 2, 59, 'America/Toronto', '2027-03-14T03:59:00-04:00'],
    ['after the gap', d(2027, 3, 14), 3, 0, 'America/Toronto', '2027-03-14T03:00:00-04:00'],
    // Fall back 2026-11-01 in Toronto: 01:00–01:59 happen twice; the first (EDT, -04:00) is meant.
    ['before the overlap', d(2026, 11, 1), 0, 59, 'America/Toronto', '2026-11-01T00:59:00-04:00'],
    ['overlap start', d(2026, 11, 1), 1, 0, 'America/Toronto', '2026-11-01T01:00:00-04:00'],
    ['inside the overlap', d(2026, 11, 1), 1, 30, 'America/Toronto', '2026-11-01T01:30:00-04:00'],
    ['overlap end', d(2026, 11, 1), 1, 59, 'America/Toronto', '2026-11-01T01:59:00-04:00'],
    ['after the overlap', d(2026, 11, 1), 2, 0, 'America/Toronto', '2026-11-01T02:00:00-05:00'],
    // Other zones, including the southern hemisphere (DST ends in April).
    ['Vancouver overlap', d(2026, 11, 1), 1, 30, 'America/Vancouver', '2026-11-01T01:30:00-07:00'],
    ['Paris gap', d(2027, 3, 28), 2, 30, 'Europe/Paris', '2027-03-28T03:30:00+02:00'],
    ['Paris overlap', d(2026, 10, 25), 2, 30, 'Europe/Paris', '2026-10-25T02:30:00+02:00'],
    ['Sydney gap', d(2026, 10, 4), 2, 30, 'Australia/Sydney', '2026-10-04T03:30:00+11:00'],
    ['Sydney overlap', d(2027, 4, 4), 2, 30, 'Australia/Sydney', '2027-04-04T02:30:00+11:00'],
    ['no DST', d(2027, 3, 14), 2, 30, 'America/Regina', '2027-03-14T02:30:00-06:00'],
    ['UTC', d(2027, 3, 14), 2, 30, 'UTC', '2027-03-14T02:30:00+00:00'],
  ];
  it.each(cases)('%s', (_name, date, hour, minute, zone, expected) => {
    const dt = localDateTime(date, t(hour, minute), zone);
    expect(iso(dt)).toBe(expected);
    expect(dt.zone.isValid).toBe(true);
  });

  it('differs from luxon on purpose for the ambiguous hour (luxon picks the later offset)', () => {
    expect(iso(localDateTime(d(2026, 11, 1), t(1, 30), 'America/Toronto'))).toBe('2026-11-01T01:30:00-04:00');
  });

  it('returns DateTimes in the requested zone', () => {
    expect(localDateTime(d(2026, 12, 2), t(2), 'America/Vancouver').zoneName).toBe('America/Vancouver');
  });

  it('fails loudly on an unknown zone (a configuration error, not user text)', () => {
    expect(() => localDateTime(d(2026, 12, 2), t(2), 'Mars/Olympus')).toThrow(RangeError);
  });
});
