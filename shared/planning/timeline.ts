/**
 * The planner: the profile's windows over a range → the events the scheduler announces
 * (reminders, start, end, checklist), each with a key stable across runs and ranges.
 */
import { DateTime } from 'luxon';
import type { Inventory } from '../inventory/model';
import { localMillis } from '../schedule/occurrences';
import { formatHhmm, parseTimeOfDay } from '../text/hhmm';
import { calendarDate, checklistTime, hoursFor } from './hours';
import { sortedUnique } from './names';
import type { EventKind, PlanOptions, Profile, ReminderSpec, ServiceHours, TimelineEvent } from './types';
import type { PlannedWindow } from './windows';
import { windowsFor } from './windows';

export { currentWindow, serviceInfoFor, windowsFor } from './windows';

/** A checklist at the next shift start is at most ~1 day after the end; windows ending earlier cannot matter. */
const CHECKLIST_REACH_DAYS = 3;

const KIND_ORDER: Record<EventKind, number> = { reminder: 0, start: 1, end: 2, checklist: 3 };

/** Years whose ISO text Date and luxon write alike (4 digits); luxon writes the others (±YYYYYY) its own way. */
const ISO_FAST_FROM = Date.UTC(1000, 0, 1);
const ISO_FAST_TO = Date.UTC(10000, 0, 1);

/**
 * luxon's `dt.toUTC().toISO({ suppressMilliseconds: true })` ("2026-11-01T05:00:00Z"), from the instant alone:
 * the key of every event needs two, and building a UTC DateTime for each was a tenth of the planner's time.
 */
function utcIso(dt: DateTime): string {
  const ms = dt.toMillis();
  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator,BlockStatement: equivalent, a fast path to the same text (test/unit/planning/fast-paths.test.ts).
  if (ms >= ISO_FAST_FROM && ms < ISO_FAST_TO) {
    const iso = new Date(ms).toISOString();
    // Stryker disable next-line StringLiteral: equivalent, windows fall on whole minutes.
    return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
  }
  // Stryker disable next-line LogicalOperator,ObjectLiteral,BooleanLiteral: unreachable for the parser's years (2000–2099).
  return dt.toUTC().toISO({ suppressMilliseconds: true }) ?? String(ms);
}

/** Upper bound of how long before a window's start a reminder can fire, in minutes. */
export function maxLeadMinutes(reminders: readonly ReminderSpec[]): number {
  let lead = 0;
  for (const r of reminders) {
    // "The day before at HH:MM" is at most 2 local days (+ a DST hour) before the start.
    // Stryker disable next-line ConditionalExpression: equivalent when true, a longer lead only widens the expansion.
    const minutes = r.kind === 'day-before' ? 3 * 24 * 60 : r.minutes;
    if (Number.isFinite(minutes)) lead = Math.max(lead, minutes);
  }
  return lead;
}

/**
 * The reminder's instant (epoch ms) and its key suffix, or null when the spec is invalid. An instant, not a
 * DateTime: most are compared and kept, but building one costs a time-zone lookup, so only kept ones are built.
 */
function reminderAt(spec: ReminderSpec, start: DateTime, zone: string): { ms: number; id: string } | null {
  if (spec.kind === 'day-before') {
    const time = parseTimeOfDay(spec.at);
    if (!time) return null;
    // RFC 5545 local time on the previous calendar day (a non-existent 02:30 moves forward, ambiguous → first).
    return { ms: localMillis(calendarDate(start, zone, -1), time, zone), id: `day-before@${formatHhmm(time)}` };
  }
  // Stryker disable next-line ConditionalExpression: equivalent, an infinite lead gives a NaN instant, dropped by the caller.
  if (!Number.isFinite(spec.minutes)) return null;
  // "N minutes before" is elapsed time: exactly what luxon's minus({ minutes }) computes for whole minutes.
  const ms = Number.isInteger(spec.minutes)
    ? start.toMillis() - spec.minutes * 60_000
    : start.minus({ minutes: spec.minutes }).toMillis();
  return { ms, id: `before@${spec.minutes}` };
}

function eventsOf(w: PlannedWindow, options: PlanOptions, hoursOf: (service: string) => ServiceHours): TimelineEvent[] {
  const { zone } = options;
  const applications = sortedUnique(w.applications.map((a) => a.application));
  // A literal per event, not `{ ...base, kind, at, key }`: same properties in the same order, but measured with
  // --trace-gc-nvp on `npm run bench -- import`, the spread copies were promoted to V8's old generation (~10 % of
  // all that a year of timelines for 1,000 profiles allocates), which grew by ~100 MB between full collections.
  const event = (kind: EventKind, at: DateTime, key: string, apps = applications, services = w.services) => ({
    windowStart: w.start,
    windowEnd: w.end,
    applications: apps,
    services,
    kind,
    at,
    key,
  });
  const events: TimelineEvent[] = [];
  // Every key of this window shares its span.
  const span = `${utcIso(w.start)}|${utcIso(w.end)}`;
  const startMs = w.start.toMillis();

  const seen = new Set<number>();
  for (const spec of options.reminders) {
    const r = reminderAt(spec, w.start, zone);
    // A reminder at or after the start is no reminder; two specs landing on the same instant announce once.
    if (!r || !Number.isFinite(r.ms) || r.ms >= startMs || seen.has(r.ms)) continue;
    const at = DateTime.fromMillis(r.ms, { zone });
    // Stryker disable next-line ConditionalExpression: unreachable, a finite instant within a day of a window is a valid DateTime.
    if (!at.isValid) continue;
    seen.add(r.ms);
    events.push(event('reminder', at, `reminder|${span}|${r.id}`));
  }

  events.push(event('start', w.start, `start|${span}`));
  events.push(event('end', w.end, `end|${span}`));

  // Services of one window may have different hours (a 24/7 lab and a day clinic): one checklist per moment.
  const byTime = new Map<number, { at: DateTime; services: string[] }>();
  for (const service of w.services) {
    const at = checklistTime(w.end, hoursOf(service), zone);
    const slot = byTime.get(at.toMillis()) ?? { at, services: [] };
    slot.services.push(service);
    byTime.set(at.toMillis(), slot);
  }
  const split = byTime.size > 1;
  for (const { at, services } of byTime.values()) {
    const sorted = sortedUnique(services);
    const apps = split
      ? sortedUnique(w.applications.filter((a) => sorted.includes(a.service)).map((a) => a.application))
      : applications;
    events.push(
      event('checklist', at, split ? `checklist|${span}|${sorted.join(',')}` : `checklist|${span}`, apps, sorted),
    );
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
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, the filter below keeps nothing of an empty range.
  if (!(from < to)) return [];
  const expansion = {
    from: range.from.minus({ days: CHECKLIST_REACH_DAYS }),
    to: range.to.plus({ minutes: maxLeadMinutes(options.reminders) }),
  };
  // Hours depend on the service only (within one profile): looked up once per service, not once per window.
  const hours = new Map<string, ServiceHours>();
  const hoursOf = (service: string): ServiceHours => {
    let h = hours.get(service);
    // Stryker disable next-line ConditionalExpression: equivalent, a memo of a pure function.
    if (!h) hours.set(service, (h = hoursFor(inventory, profile.site, service, options.serviceHours)));
    return h;
  };
  return windowsFor(inventory, profile, expansion, options.zone)
    .flatMap((w) => eventsOf(w, options, hoursOf))
    .filter((e) => e.at.toMillis() >= from && e.at.toMillis() < to)
    .sort(
      (a, b) =>
        a.at.toMillis() - b.at.toMillis() ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        // Stryker disable next-line all: equivalent, windows come sorted by start then end and the sort is stable.
        a.windowStart.toMillis() - b.windowStart.toMillis() ||
        // Stryker disable next-line all: equivalent, as above (same instant, kind and start: keys follow the end).
        (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
}
