/**
 * The planner builds instants in epoch milliseconds and event keys from Date (timeline.ts, windows.ts, hours.ts)
 * instead of through luxon arithmetic; these pin the results to what luxon itself gives.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checklistTime } from '../../../shared/planning/hours';
import { timeline } from '../../../shared/planning/timeline';
import type { PlanOptions } from '../../../shared/planning/types';
import { app, sampleInventory } from './sample';

const zone = 'America/Toronto';
const lab = { site: 'IUSMM', services: ['Laboratoire'] };
const inventory = (schedule: string) =>
  sampleInventory({ applications: [app('IUSMM', 'Laboratoire', 'LIS', schedule)] });
const range = { from: DateTime.fromISO('2026-10-25', { zone }), to: DateTime.fromISO('2027-04-01', { zone }) };

describe('planner fast paths', () => {
  it('"N minutes before" is luxon’s minus, for whole and fractional minutes, across DST', () => {
    for (const minutes of [30, 90, 2.5, 1440, 0.1]) {
      const options: PlanOptions = { zone, reminders: [{ kind: 'before', minutes }] };
      const events = timeline(inventory('1er dimanche 2h-4h'), lab, range, options);
      const reminders = events.filter((e) => e.kind === 'reminder');
      expect(reminders.length).toBeGreaterThan(3);
      for (const r of reminders) {
        expect(r.at.toISO()).toBe(r.windowStart.minus({ minutes }).toISO());
        expect(r.at.zoneName).toBe(zone);
      }
    }
  });

  it('keys are luxon’s UTC ISO text of the window', () => {
    const events = timeline(inventory('1er dimanche 1h-3h'), lab, range, { zone, reminders: [] });
    // Five 1st Sundays (November to March), three events each: the loop below is not over an empty list.
    expect(events).toHaveLength(15);
    for (const e of events) {
      const utc = (dt: DateTime) => dt.toUTC().toISO({ suppressMilliseconds: true });
      expect(e.key.startsWith(`${e.kind}|${utc(e.windowStart)}|${utc(e.windowEnd)}`)).toBe(true);
    }
  });

  it('the checklist at the next shift start is the DateTime luxon builds for that wall time', () => {
    const end = DateTime.fromISO('2026-11-01T01:30:00-04:00', { setZone: true });
    const at = checklistTime(end, { twentyFourSeven: false, shiftStarts: ['01:00', '07:30'] }, zone);
    expect(at.toISO()).toBe('2026-11-01T07:30:00.000-05:00');
    expect(at.zoneName).toBe(zone);
    // The repeated 01:00 (fall back) is its first occurrence, before the end: the next shift is the day's 07:30.
    const early = checklistTime(end.minus({ hours: 1 }), { twentyFourSeven: false, shiftStarts: ['01:00'] }, zone);
    expect(early.toISO()).toBe('2026-11-01T01:00:00.000-04:00');
  });
});
