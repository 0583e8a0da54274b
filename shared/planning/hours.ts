/**
 * When the verification checklist is due. The guide: "Après la plage de maintenance ou au début du quart de
 * travail suivant (pour les services qui ne sont pas 24/7)".
 */
import { DateTime } from 'luxon';
import type { Inventory } from '../inventory/model';
import type { CalendarDate, TimeOfDay } from '../schedule';
import { addDays } from '../schedule/calendar';
import { localMillis } from '../schedule/occurrences';
import { foldText } from '../text/fold';
import { parseTimeOfDay } from '../text/hhmm';
import type { ServiceHours } from './types';
import { serviceInfoFor } from './windows';

/** Unknown service → 24/7: the checklist right after the window is the safe default (never later than needed). */
// Stryker disable next-line BooleanLiteral,ArrayDeclaration: equivalent, without a valid shift start a non-24/7 service also gets the checklist at the end.
export const TWENTY_FOUR_SEVEN: ServiceHours = { twentyFourSeven: true, shiftStarts: [] };

/** The calendar date of `dt` in `zone`, shifted by `days` (pure calendar arithmetic, no DST involved). */
export function calendarDate(dt: DateTime, zone: string, days = 0): CalendarDate {
  const local = dt.setZone(zone);
  // Day numbers, not a UTC DateTime and its plus(): the planner asks for one per reminder and per checklist.
  // Stryker disable next-line ConditionalExpression: equivalent when false (luxon's arithmetic gives the same date; this is a fast path).
  if (Number.isInteger(days) && local.isValid)
    return addDays({ year: local.year, month: local.month, day: local.day }, days);
  const d = DateTime.utc(local.year, local.month, local.day).plus({ days });
  return { year: d.year, month: d.month, day: d.day };
}

/**
 * Hours of a service for this workstation: the workstation's own setting wins (exact name, then foldText), then the
 * inventory's Services row (site-specific, then any site), else 24/7.
 */
export function hoursFor(
  inventory: Inventory,
  site: string,
  service: string,
  overrides?: Readonly<Record<string, ServiceHours>>,
): ServiceHours {
  if (overrides) {
    const exact = Object.prototype.hasOwnProperty.call(overrides, service) ? overrides[service] : undefined;
    if (exact) return exact;
    const key = foldText(service);
    for (const [name, hours] of Object.entries(overrides)) if (foldText(name) === key) return hours;
  }
  const info = serviceInfoFor(inventory, site, service);
  return info ? { twentyFourSeven: info.twentyFourSeven, shiftStarts: info.shiftStarts } : TWENTY_FOUR_SEVEN;
}

/**
 * The checklist moment for a window ending at `end`: the end itself for a 24/7 service, otherwise the first shift
 * start at or after the end, in `zone`. A non-24/7 service with no valid shift start falls back to the end — better
 * early than never.
 */
export function checklistTime(end: DateTime, hours: ServiceHours, zone: string): DateTime {
  const shifts = hours.shiftStarts.map((s) => parseTimeOfDay(s)).filter((t): t is TimeOfDay => t !== null);
  if (hours.twentyFourSeven) return end.setZone(zone);
  // Shift starts repeat daily, so the answer is on the end's local day or the next; one more day absorbs DST.
  // Candidates are compared as instants; only the chosen one becomes a DateTime (each costs a zone lookup).
  const endMs = end.toMillis();
  // Stryker disable next-line EqualityOperator: the third day is a safety margin; a daily shift start on the end's day or the next always exists.
  for (let days = 0; days <= 2; days++) {
    const date = calendarDate(end, zone, days);
    let best: number | null = null;
    for (const shift of shifts) {
      const at = localMillis(date, shift, zone);
      // Stryker disable next-line EqualityOperator: equivalent, at == best replaces best by the same instant.
      if (at >= endMs && (best === null || at < best)) best = at;
    }
    if (best !== null) return DateTime.fromMillis(best, { zone });
  }
  return end.setZone(zone);
}
