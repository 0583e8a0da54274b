import { DateTime } from 'luxon';
import { expect } from 'vitest';
import { parseSchedule, type Occurrence, type Rule } from '../../../shared/schedule';

export const TORONTO = 'America/Toronto';

/** The ISO form the brief asks for: 2026-12-02T02:00:00-05:00 (offset kept, no milliseconds). */
export function iso(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true }) ?? `invalid: ${dt.invalidReason}`;
}

/** A local Toronto time, e.g. at('2026-11-25T00:00'). An explicit offset in the text is honoured. */
export function at(text: string, zone = TORONTO): DateTime {
  return DateTime.fromISO(text, { zone });
}

export function windows(list: Occurrence[]): Array<[string, string]> {
  return list.map((o) => [iso(o.start), iso(o.end)]);
}

/** Parses text that must be a valid rule; fails the test with the parser's message otherwise. */
export function rule(text: string): Rule {
  const parsed = parseSchedule(text);
  if (parsed.status !== 'scheduled') {
    expect.fail(`"${text}" → ${parsed.status}${parsed.status === 'unrecognized' ? `: ${parsed.message}` : ''}`);
  }
  return parsed.rule;
}

export function messageOf(text: string): string {
  const parsed = parseSchedule(text);
  expect(parsed.status, `"${text}" should be unrecognized`).toBe('unrecognized');
  expect(parsed.raw).toBe(text);
  return parsed.status === 'unrecognized' ? parsed.message : '';
}
