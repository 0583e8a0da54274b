/**
 * The optional Exceptions table (issue 13; docs/inventory-format.md §5, "Exceptions"): one row cancels, moves or adds
 * maintenance windows over a range of days, for a site, a service and an application (each empty = all). Shared by
 * the sheet reader and the JSON reader, so both accept and refuse the same rows with the same sentences. What a row
 * matches in the inventory (nothing, contradictory rows) is checked once the tables are merged
 * (shared/planning/exceptions-check.ts): a side file may bring the rows after the list is read.
 */
import { toEpochDay } from '../schedule/calendar';
import { parseSchedule } from '../schedule/parse';
import { collapseSpaces, foldText } from '../text/fold';
import type { CalendarException, ExceptionAction, ImportProblem } from './model';
import { parseCalendarDate } from './text';
import { shorten, TEXT_LIMITS } from './text-limits';

/** Far above any real calendar (a few rows a year); a table past it is somebody's mistake, not a calendar. */
export const MAX_EXCEPTIONS = 1000;
/** A row spans at most a year: a longer freeze is a change of the rule, not an exception. */
export const MAX_EXCEPTION_DAYS = 366;

/** One row as read from a sheet or a JSON entry, cells trimmed; `row` numbers it for the problems. */
export interface RawException {
  row: number;
  site: string;
  service: string;
  application: string;
  from: string;
  to: string;
  action: string;
  newWindow: string;
  reason: string;
}

export type ExceptionField = Exclude<keyof RawException, 'row'>;

type Report = (row: number | null, column: string | null, severity: ImportProblem['severity'], text: string) => void;

/** `annulée`, `Annulé`, `ANNULEES`, `reportée`, `ajoutée`… folded (foldText), gender and number ignored. */
export function parseExceptionAction(text: string): ExceptionAction | null {
  const m = /^(annule|reporte|ajoute)e?s?$/.exec(foldText(text).replace(/[.!]+$/, ''));
  if (!m) return null;
  return m[1] === 'annule' ? 'cancelled' : m[1] === 'reporte' ? 'moved' : 'added';
}

export const ACTION_LABELS: Record<ExceptionAction, string> = {
  cancelled: 'annulée',
  moved: 'reportée',
  added: 'ajoutée',
};

function dayNumber(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number);
  return toEpochDay({ year: year ?? 0, month: month ?? 0, day: day ?? 0 });
}

const orNull = (text: string): string | null => (collapseSpaces(text) === '' ? null : collapseSpaces(text));

/** One row → a CalendarException, or null (an error was reported: the row is ignored). */
function buildOne(
  raw: RawException,
  name: (field: ExceptionField) => string,
  report: Report,
): CalendarException | null {
  let ok = true;
  // A warning, as the issue asks: the row is left out and said so; the application list is never refused for it.
  const fail = (field: ExceptionField, text: string) => {
    report(raw.row, name(field), 'warning', `${text} : la ligne est ignorée.`);
    ok = false;
  };
  const action = parseExceptionAction(raw.action);
  if (action === null) {
    const what = raw.action === '' ? 'Action manquante' : `Action « ${raw.action} » non comprise`;
    fail('action', `${what} (attendu : annulée, reportée ou ajoutée)`);
  }
  const from = parseCalendarDate(raw.from);
  if (from === null) {
    const what = raw.from === '' ? 'Date « Du » manquante' : `Date « ${raw.from} » non comprise`;
    fail('from', `${what} (attendu : 2027-01-06 ou 6 janvier 2027)`);
  }
  const to = raw.to === '' ? from : parseCalendarDate(raw.to);
  if (to === null && raw.to !== '')
    fail('to', `Date « ${raw.to} » non comprise (attendu : 2027-01-06 ou 6 janvier 2027)`);
  if (from !== null && to !== null) {
    const days = dayNumber(to) - dayNumber(from);
    if (days < 0) fail('to', `La date « Au » (${to}) précède la date « Du » (${from})`);
    else if (days >= MAX_EXCEPTION_DAYS) fail('to', `Période de plus de ${MAX_EXCEPTION_DAYS} jours`);
  }
  let newWindow: CalendarException['newWindow'] = null;
  if (action === 'moved' || action === 'added') {
    const text = collapseSpaces(raw.newWindow);
    const parsed = parseSchedule(text);
    if (text === '') fail('newWindow', `« Nouvelle plage » manquante pour une plage ${ACTION_LABELS[action]}`);
    else if (parsed.status !== 'scheduled') {
      const why = parsed.status === 'unrecognized' ? ` (${parsed.message})` : '';
      fail('newWindow', `Nouvelle plage « ${text} » non comprise${why} ; attendu : 17 décembre 2026 2h-4h`);
    } else if (parsed.rule.kind !== 'once') {
      fail('newWindow', `Nouvelle plage « ${text} » : une date précise est attendue (ex. 17 décembre 2026 2h-4h)`);
    } else newWindow = { text, rule: parsed.rule };
  } else if (action === 'cancelled' && raw.newWindow !== '') {
    report(raw.row, name('newWindow'), 'warning', 'Une plage annulée n’a pas de nouvelle plage : texte ignoré.');
  }
  if (!ok || action === null || from === null || to === null) return null;
  const reason = collapseSpaces(raw.reason);
  const site = orNull(raw.site);
  const service = orNull(raw.service);
  const application = orNull(raw.application);
  // The one length policy (shared/inventory/text-limits.ts): shortened with a warning, never refused.
  const fit = (text: string | null, max: number, field: ExceptionField): string | null => {
    if (text === null) return null;
    const short = shorten(text, max);
    if (short !== text) report(raw.row, name(field), 'warning', `Texte de plus de ${max} caractères, raccourci.`);
    return short;
  };
  return {
    row: raw.row,
    site: fit(site, TEXT_LIMITS.place, 'site'),
    service: fit(service, TEXT_LIMITS.place, 'service'),
    application: fit(application, TEXT_LIMITS.application, 'application'),
    from,
    to,
    action,
    newWindow,
    reason: fit(reason, TEXT_LIMITS.reason, 'reason') ?? '',
  };
}

/** Rows → exceptions, at most MAX_EXCEPTIONS (the rest are counted in one warning). */
export function buildExceptions(
  raws: Iterable<RawException>,
  name: (field: ExceptionField) => string,
  report: Report,
): CalendarException[] {
  const result: CalendarException[] = [];
  let dropped = 0;
  let firstDropped: number | null = null;
  for (const raw of raws) {
    if (result.length >= MAX_EXCEPTIONS) {
      dropped += 1;
      firstDropped ??= raw.row;
      continue;
    }
    const built = buildOne(raw, name, report);
    if (built) result.push(built);
  }
  if (dropped > 0) {
    report(
      firstDropped,
      null,
      'warning',
      `Plus de ${MAX_EXCEPTIONS} exceptions : les ${dropped} dernières lignes sont ignorées.`,
    );
  }
  return result;
}
