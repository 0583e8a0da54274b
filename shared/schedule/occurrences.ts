/**
 * Rule → concrete windows, with RFC 5545 §3.3.5 wall-clock semantics (https://www.rfc-editor.org/rfc/rfc5545#section-3.3.5):
 * a local time that does not exist (spring-forward gap) is read with the offset in force before the gap, so it
 * moves forward by the gap; an ambiguous local time (fall-back) means its first occurrence. luxon alone picks the
 * later offset for ambiguous times (docs/architecture.md, "Known pitfalls"), hence localDateTime below.
 *
 * A window on a spring-forward night can come out shorter, or even empty ("2h-3h" → 03:00–03:00): that is what
 * the wall clock says, and we report it as is rather than invent a time IT did not write. When the gap pushes the
 * start past an end just after the gap ("2h30-3h" → start 03:30, end 03:00), the window is empty at the shifted
 * start (03:30–03:30): never an end before its start (docs/inventory-format.md, "Changement d'heure";
 * `check-inventory` lists these nights, see emptyWindows).
 */
import { DateTime, IANAZone } from 'luxon';
import { addDays, addMonths, DAY_MS, fromEpochDay, nthWeekday, toEpochDay, weekdayOfEpochDay } from './calendar';
import { offsetAt, PROBE_MS } from './offsets';
import { DEFAULT_ZONE } from './zone';
import type { CalendarDate, Occurrence, Rule, TimeOfDay, TimeRange } from './types';

/** nextOccurrences gives up after this many months (a valid monthly rule matches at least every 3 months). */
const MAX_MONTHS = 1200;
/** Months scanned before/after a range: an offset (≤ 31 days) plus a night crossing can move a window one month. */
const MONTH_MARGIN = 2;
/** A sanity bound on `count`, so a bad argument (Infinity) cannot spin forever. */
const MAX_COUNT = 100_000;

function zoneFor(name: string): IANAZone {
  const zone = IANAZone.create(name);
  // Programming/config error, not user text (the parser only produces valid zones): fail loudly.
  if (!zone.isValid) throw new RangeError(`Fuseau horaire invalide : ${name}`);
  return zone;
}

function resolveZone(rule: Rule, zone: string | undefined): IANAZone {
  return zoneFor(rule.zone ?? zone ?? DEFAULT_ZONE);
}

function wallTimeToMillis(date: CalendarDate, time: TimeOfDay, zone: IANAZone): number {
  // The wall time read as if it were UTC; the real instant is this minus the zone's offset at that instant.
  // Transitions are never closer than PROBE_MS: offsets on each side of the wall time are sampled this far away.
  const wall = toEpochDay(date) * DAY_MS + (time.hour * 60 + time.minute) * 60_000;
  const before = offsetAt(zone, wall - PROBE_MS);
  const after = offsetAt(zone, wall + PROBE_MS);
  // Stryker disable next-line ConditionalExpression: `false` only skips the cheap case, and the general case below gives the same instant when the offsets agree; `true`, disabled with it (a mark covers the line), fails the DST tests of test/unit/schedule/occurrences.test.ts
  if (before === after) return wall - before * 60_000; // no transition nearby: the common, cheap case
  // Each candidate instant is valid when the zone's offset at that instant is the one we assumed.
  const valid = [before, after]
    .map((offset) => ({ offset, ms: wall - offset * 60_000 }))
    .filter((c) => offsetAt(zone, c.ms) === c.offset)
    .map((c) => c.ms);
  // Ambiguous (two valid): the first occurrence. Gap (none valid): the offset before the gap.
  return valid.length > 0 ? Math.min(...valid) : wall - before * 60_000;
}

/** A wall-clock date and time in a zone, resolved as RFC 5545 says (see the top of this file). */
export function localDateTime(date: CalendarDate, time: TimeOfDay, zone: string): DateTime {
  const z = zoneFor(zone);
  return DateTime.fromMillis(wallTimeToMillis(date, time, z), { zone: z });
}

/** localDateTime's instant, in epoch milliseconds: for callers that compare candidates before building one. */
export function localMillis(date: CalendarDate, time: TimeOfDay, zone: string): number {
  return wallTimeToMillis(date, time, zoneFor(zone));
}

function minutes(t: TimeOfDay): number {
  return t.hour * 60 + t.minute;
}

/** A window as instants; DateTimes are only built for the windows that are kept (they cost ~10 µs each). */
export interface Span {
  start: number;
  end: number;
}

function spanOn(date: CalendarDate, time: TimeRange, zone: IANAZone): Span {
  const endDate = minutes(time.end) <= minutes(time.start) ? addDays(date, 1) : date;
  const start = wallTimeToMillis(date, time.start, zone);
  // A start moved forward by a spring-forward gap can pass an end just after the gap: empty at the shifted start.
  return { start, end: Math.max(start, wallTimeToMillis(endDate, time.end, zone)) };
}

function toOccurrence(span: Span, zone: IANAZone): Occurrence {
  return { start: DateTime.fromMillis(span.start, { zone }), end: DateTime.fromMillis(span.end, { zone }) };
}

/** One rule's windows never share a start (a day is taken once), so the start alone orders them. */
function byStart(a: Span, b: Span): number {
  return a.start - b.start;
}

/** The windows of a monthly rule whose nth weekday falls in the given month (the offset may move them out). */
function monthlySpans(rule: Extract<Rule, { kind: 'monthly' }>, year: number, month: number, zone: IANAZone): Span[] {
  // Stryker disable next-line ArrayDeclaration: a stray element has no end, so every caller's "ends after" test drops it
  const spans: Span[] = [];
  for (const ordinal of rule.ordinals) {
    const day = nthWeekday(year, month, rule.weekday, ordinal);
    if (!day) continue; // no 5th such weekday this month
    const span = spanOn(addDays(day, rule.offsetDays), rule.time, zone);
    // "4e et dernier" can be the same day.
    if (!spans.some((s) => s.start === span.start)) spans.push(span);
  }
  return spans.sort(byStart);
}

function localDate(dt: DateTime, zone: IANAZone): CalendarDate {
  const local = dt.setZone(zone);
  return { year: local.year, month: local.month, day: local.day };
}

/**
 * Every window that overlaps [from, to): its end is after `from` and its start before `to`, in start order.
 * Zone: rule.zone, else `zone`, else America/Toronto.
 */
export function occurrences(rule: Rule, range: { from: DateTime; to: DateTime }, zone?: string): Occurrence[] {
  const z = resolveZone(rule, zone);
  return occurrenceSpans(rule, range, zone).map((span) => toOccurrence(span, z));
}

/**
 * occurrences as instants (epoch milliseconds), for a caller that builds DateTimes only for what it keeps: the
 * planner groups the windows of many rules and builds one pair per group (planning/windows.ts).
 */
export function occurrenceSpans(rule: Rule, range: { from: DateTime; to: DateTime }, zone?: string): Span[] {
  const z = resolveZone(rule, zone);
  // An invalid bound reads as NaN: no window overlaps it (the filter below drops them all), and its NaN dates end
  // the day and month loops at once.
  const fromMs = range.from.toMillis();
  const toMs = range.to.toMillis();
  const overlaps = (w: Span) => w.end > fromMs && w.start < toMs;
  const first = localDate(range.from, z);
  const last = localDate(range.to, z);
  // Stryker disable next-line ArrayDeclaration: a stray element has no end, so the overlap filter below drops it
  const found: Span[] = [];

  if (rule.kind === 'once') {
    found.push(spanOn(rule.date, rule.time, z));
  } else if (rule.kind === 'weekly') {
    // A weekday outside 1–7 (a rule built in code) never equals a day's, so it matches nothing.
    const weekdays = new Set<number>(rule.weekdays);
    const lastDay = toEpochDay(last);
    // A window starting the day before `from` can still be running (night crossing): start two days early.
    for (let day = toEpochDay(first) - 2; day <= lastDay; day++) {
      if (weekdays.has(weekdayOfEpochDay(day))) found.push(spanOn(fromEpochDay(day), rule.time, z));
    }
  } else {
    // The months of the range, with MONTH_MARGIN more on each side.
    // Stryker disable next-line ArithmeticOperator: firstMonth only counts the months to scan, and both replacements make it smaller: more months after the range, whose windows the overlap filter drops
    const firstMonth = first.year * 12 + first.month;
    const months = last.year * 12 + last.month - firstMonth + 2 * MONTH_MARGIN;
    let ym = addMonths(first.year, first.month, -MONTH_MARGIN);
    for (let i = 0; i <= months; i++) {
      found.push(...monthlySpans(rule, ym.year, ym.month, z));
      ym = addMonths(ym.year, ym.month, 1);
    }
  }
  // Already in start order: days ascend (weekly), months ascend and monthlySpans sorts each month's windows, and
  // the same wall time on a later date never starts earlier (nextOccurrences relies on the same order).
  return found.filter(overlaps);
}

/**
 * The first `count` windows whose end is after `from` (a window in progress at `from` is included), in order.
 * Walks forward from `from` (never from some epoch), so it is cheap however far `from` is.
 */
export function nextOccurrences(rule: Rule, from: DateTime, count: number, zone?: string): Occurrence[] {
  const z = resolveZone(rule, zone);
  const wanted = Math.min(Math.floor(count), MAX_COUNT);
  if (!(wanted > 0) || !from.isValid) return [];
  const fromMs = from.toMillis();
  const first = localDate(from, z);
  const found: Span[] = [];

  if (rule.kind === 'once') {
    const span = spanOn(rule.date, rule.time, z);
    if (span.end > fromMs) found.push(span);
  } else if (rule.kind === 'weekly') {
    const weekdays = new Set<number>(rule.weekdays);
    // Same time every day, so day order is start order; at most 7 days per window, so bounded by `count`.
    const startDay = toEpochDay(first) - 2;
    // A bound for a rule with no valid weekday; any other finds `wanted` windows well before it.
    const stopDay = startDay + wanted * 7 + 9;
    for (let day = startDay; found.length < wanted; day++) {
      // Stryker disable next-line EqualityOperator: `>` only looks one day past a bound never reached by a rule with weekdays; `<`, disabled with it (a mark covers the line), stops at once and fails every weekly test
      if (day >= stopDay) break;
      if (!weekdays.has(weekdayOfEpochDay(day))) continue;
      const span = spanOn(fromEpochDay(day), rule.time, z);
      if (span.end > fromMs) found.push(span);
    }
  } else {
    found.push(...nextMonthlySpans(rule, first, fromMs, wanted, z));
  }
  return found.map((span) => toOccurrence(span, z));
}

/**
 * nextOccurrences for a monthly rule: the first `wanted` windows that end after `fromMs`, from MONTH_MARGIN months
 * before `first`'s, giving up after MAX_MONTHS months.
 */
function nextMonthlySpans(
  rule: Extract<Rule, { kind: 'monthly' }>,
  first: CalendarDate,
  fromMs: number,
  wanted: number,
  zone: IANAZone,
): Span[] {
  // Every date of month m (plus the same offset) precedes every date of month m+1: month order is start order.
  const found: Span[] = [];
  let ym = addMonths(first.year, first.month, -MONTH_MARGIN);
  for (let i = 0; i < MAX_MONTHS; i++) {
    for (const span of monthlySpans(rule, ym.year, ym.month, zone)) {
      if (span.end <= fromMs) continue;
      found.push(span);
      if (found.length === wanted) return found;
    }
    ym = addMonths(ym.year, ym.month, 1);
  }
  return found;
}

/**
 * The windows of [from, to) that a spring-forward gap empties (start == end, see the top of this file): what
 * `check-inventory` warns about, so IT can move the window or accept it.
 */
export function emptyWindows(rule: Rule, range: { from: DateTime; to: DateTime }, zone?: string): Occurrence[] {
  return occurrences(rule, range, zone).filter((o) => o.end.toMillis() === o.start.toMillis());
}
