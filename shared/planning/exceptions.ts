/**
 * The Exceptions table applied to an application's windows (issue 13; docs/inventory-format.md §5, "Exceptions"):
 * `annulée` removes the occurrences that START within Du..Au (local days, both inclusive), `reportée` removes them
 * and adds its new window for the same applications, `ajoutée` adds its window. Rows only ever touch the windows of
 * the recurring rules: a window a row adds is never cancelled by another row (the contradiction is a warning in
 * `check-inventory`, exceptions-check.ts).
 */
import { DateTime } from 'luxon';
import type { Application, CalendarException } from '../inventory/model';
import { addDays } from '../schedule/calendar';
import { localMillis, occurrenceSpans, type Span } from '../schedule/occurrences';
import { sameName } from '../text/fold';

/** An exception with its days as instants in the planning zone: [from, to) = Du 00:00 to the day after Au. */
export interface PlacedException {
  exception: CalendarException;
  from: number;
  to: number;
}

const MIDNIGHT = { hour: 0, minute: 0 };

function dateOf(iso: string): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split('-').map(Number);
  return { year: year ?? 0, month: month ?? 0, day: day ?? 0 };
}

/** Du at 00:00 to the day after Au at 00:00, local time (midnight always exists in America/Toronto). */
export function placeException(exception: CalendarException, zone: string): PlacedException {
  return {
    exception,
    from: localMillis(dateOf(exception.from), MIDNIGHT, zone),
    to: localMillis(addDays(dateOf(exception.to), 1), MIDNIGHT, zone),
  };
}

const matches = (condition: string | null, name: string): boolean => condition === null || sameName(condition, name);

/** The rows that concern one application of the profile (site: the workstation's; service: as the profile spells it). */
export function exceptionsFor(
  placed: readonly PlacedException[],
  site: string,
  service: string,
  application: string,
): PlacedException[] {
  return placed.filter(
    ({ exception: e }) => matches(e.site, site) && matches(e.service, service) && matches(e.application, application),
  );
}

/** The row that removes an occurrence starting at `startMs`, or null (the first row in file order wins). */
export function removalOf(rows: readonly PlacedException[], startMs: number): PlacedException | null {
  for (const r of rows) {
    if (r.exception.action === 'added') continue;
    if (r.from <= startMs && startMs < r.to) return r;
  }
  return null;
}

/** Whether the application's rule has an occurrence starting within the row's days (what `reportée` moves). */
export function hasOccurrenceWithin(app: Application, row: PlacedException, zone: string): boolean {
  if (app.schedule.status !== 'scheduled') return false;
  // Stryker disable next-line ObjectLiteral: equivalent, occurrenceSpans re-zones the range's instants (localDate).
  const inZone = { zone };
  const range = { from: DateTime.fromMillis(row.from, inZone), to: DateTime.fromMillis(row.to, inZone) };
  // The spans overlap [from, to), so each starts before `to`; one started the evening before Du may still be running.
  return occurrenceSpans(app.schedule.rule, range, zone).some((s) => s.start >= row.from);
}

/**
 * The windows the rows add for one application over the range: its `ajoutée` rows (an application "pas touchée"
 * by the updates gets none), and its `reportée` rows that moved one of its occurrences.
 */
export function addedSpans(
  app: Application,
  rows: readonly PlacedException[],
  range: { from: DateTime; to: DateTime },
  zone: string,
): { span: Span; row: PlacedException }[] {
  const found: { span: Span; row: PlacedException }[] = [];
  for (const row of rows) {
    const { action, newWindow } = row.exception;
    // Only `reportée` and `ajoutée` rows have one: the importer drops a cancellation's (shared/inventory/exceptions.ts).
    if (newWindow === null) continue;
    if (action === 'added' ? app.schedule.status === 'not-affected' : !hasOccurrenceWithin(app, row, zone)) continue;
    for (const span of occurrenceSpans(newWindow.rule, range, zone)) found.push({ span, row });
  }
  return found;
}

/** The start of a row's new window (`reportée`, `ajoutée`): where a `reportée` row moved an occurrence. */
export function newWindowStart(newWindow: NonNullable<CalendarException['newWindow']>, zone: string): DateTime {
  const { date, time, zone: own } = newWindow.rule;
  return DateTime.fromMillis(localMillis(date, time.start, own ?? zone), { zone });
}
