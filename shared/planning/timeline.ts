/**
 * The planner: the profile's windows over a range → the events the scheduler announces
 * (reminders, start, end, checklist), each with a key stable across runs and ranges.
 */
import type { DateTime } from 'luxon';
import type { Inventory } from '../inventory/model';
import { localDateTime } from '../schedule';
import { calendarDate, checklistTime, formatHhmm, hoursFor, parseHhmm } from './hours';
import { sortedUnique } from './names';
import type { EventKind, PlanOptions, Profile, ReminderSpec, TimelineEvent } from './types';
import type { PlannedWindow } from './windows';
import { windowsFor } from './windows';

export { nameKey, sameName } from './names';
export { currentWindow, serviceInfoFor, windowsFor } from './windows';
export type { PlannedWindow } from './windows';

/** A checklist at the next shift start is at most ~1 day after the end; windows ending earlier cannot matter. */
const CHECKLIST_REACH_DAYS = 3;

const KIND_ORDER: Record<EventKind, number> = { reminder: 0, start: 1, end: 2, checklist: 3 };

function utcIso(dt: DateTime): string {
  return dt.toUTC().toISO({ suppressMilliseconds: true }) ?? String(dt.toMillis());
}

function windowKey(kind: EventKind, w: PlannedWindow): string {
  return `${kind}|${utcIso(w.start)}|${utcIso(w.end)}`;
}

/** Upper bound of how long before a window's start a reminder can fire, in minutes. */
function maxLeadMinutes(reminders: readonly ReminderSpec[]): number {
  let lead = 0;
  for (const r of reminders) {
    // "The day before at HH:MM" is at most 2 local days (+ a DST hour) before the start.
    const minutes = r.kind === 'day-before' ? 3 * 24 * 60 : r.minutes;
    if (Number.isFinite(minutes)) lead = Math.max(lead, minutes);
  }
  return lead;
}

/** The reminder's instant and its key suffix, or null when the spec is invalid. */
function reminderAt(spec: ReminderSpec, start: DateTime, zone: string): { at: DateTime; id: string } | null {
  if (spec.kind === 'day-before') {
    const time = parseHhmm(spec.at);
    if (!time) return null;
    // RFC 5545 local time on the previous calendar day (a non-existent 02:30 moves forward, ambiguous → first).
    return { at: localDateTime(calendarDate(start, zone, -1), time, zone), id: `day-before@${formatHhmm(time)}` };
  }
  if (!Number.isFinite(spec.minutes)) return null;
  return { at: start.minus({ minutes: spec.minutes }), id: `before@${spec.minutes}` };
}

function eventsOf(w: PlannedWindow, inventory: Inventory, profile: Profile, options: PlanOptions): TimelineEvent[] {
  const { zone } = options;
  const base = {
    windowStart: w.start,
    windowEnd: w.end,
    applications: sortedUnique(w.applications.map((a) => a.application)),
    services: w.services,
  };
  const events: TimelineEvent[] = [];

  const seen = new Set<number>();
  for (const spec of options.reminders) {
    const r = reminderAt(spec, w.start, zone);
    // A reminder at or after the start is no reminder; two specs landing on the same instant announce once.
    if (!r || !r.at.isValid || r.at.toMillis() >= w.start.toMillis() || seen.has(r.at.toMillis())) continue;
    seen.add(r.at.toMillis());
    events.push({ ...base, kind: 'reminder', at: r.at.setZone(zone), key: `${windowKey('reminder', w)}|${r.id}` });
  }

  events.push({ ...base, kind: 'start', at: w.start, key: windowKey('start', w) });
  events.push({ ...base, kind: 'end', at: w.end, key: windowKey('end', w) });

  // Services of one window may have different hours (a 24/7 lab and a day clinic): one checklist per moment.
  const byTime = new Map<number, { at: DateTime; services: string[] }>();
  for (const service of w.services) {
    const at = checklistTime(w.end, hoursFor(inventory, profile.site, service, options.serviceHours), zone);
    const slot = byTime.get(at.toMillis()) ?? { at, services: [] };
    slot.services.push(service);
    byTime.set(at.toMillis(), slot);
  }
  const split = byTime.size > 1;
  for (const { at, services } of byTime.values()) {
    const sorted = sortedUnique(services);
    events.push({
      ...base,
      kind: 'checklist',
      at,
      applications: split
        ? sortedUnique(w.applications.filter((a) => sorted.includes(a.service)).map((a) => a.application))
        : base.applications,
      services: sorted,
      key: split ? `${windowKey('checklist', w)}|${sorted.join(',')}` : windowKey('checklist', w),
    });
  }
  return events;
}

/**
 * Events of the profile whose `at` is in [from, to), sorted by `at`, then reminder < start < end < checklist,
 * then window start. Windows are expanded over a wider range so a reminder before `from`'s windows or a checklist
 * after an earlier window's end is still found.
 */
export function timeline(
  inventory: Inventory,
  profile: Profile,
  range: { from: DateTime; to: DateTime },
  options: PlanOptions,
): TimelineEvent[] {
  const from = range.from.toMillis();
  const to = range.to.toMillis();
  if (!(from < to)) return [];
  const expansion = {
    from: range.from.minus({ days: CHECKLIST_REACH_DAYS }),
    to: range.to.plus({ minutes: maxLeadMinutes(options.reminders) }),
  };
  return windowsFor(inventory, profile, expansion, options.zone)
    .flatMap((w) => eventsOf(w, inventory, profile, options))
    .filter((e) => e.at.toMillis() >= from && e.at.toMillis() < to)
    .sort(
      (a, b) =>
        a.at.toMillis() - b.at.toMillis() ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        a.windowStart.toMillis() - b.windowStart.toMillis() ||
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
}
