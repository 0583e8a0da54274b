/**
 * What `check-inventory` says about the Exceptions rows once every table is merged (issue 13): a row that matches no
 * application, a cancellation or move that touches no window, two rows that contradict each other. Warnings only,
 * with the row and column: the calendar is still applied as docs/inventory-format.md §5 describes.
 */
import { ACTION_LABELS } from '../inventory/exceptions';
import type { Application, CalendarException, ImportProblem, Inventory } from '../inventory/model';
import { sameName } from '../text/fold';
import { hasOccurrenceWithin, newWindowStart, placeException, type PlacedException } from './exceptions';

/** Two conditions can hold together (empty = every one). */
const overlaps = (a: string | null, b: string | null): boolean => a === null || b === null || sameName(a, b);

const sameScope = (a: CalendarException, b: CalendarException): boolean =>
  overlaps(a.site, b.site) && overlaps(a.service, b.service) && overlaps(a.application, b.application);

function concerns(e: CalendarException, app: Application): boolean {
  // An application without a site concerns every site.
  const site = e.site === null || app.site.trim() === '' || sameName(e.site, app.site);
  return (
    site &&
    (e.service === null || sameName(e.service, app.service)) &&
    (e.application === null || sameName(e.application, app.application))
  );
}

function scopeText(e: CalendarException): string {
  const parts = [
    e.site === null ? null : `site « ${e.site} »`,
    e.service === null ? null : `service « ${e.service} »`,
    e.application === null ? null : `application « ${e.application} »`,
  ].filter((p) => p !== null);
  return parts.length === 0 ? 'toutes les applications' : parts.join(', ');
}

const mostSpecificColumn = (e: CalendarException): string =>
  e.application !== null ? 'Application' : e.service !== null ? 'Service' : 'Site';

function days(e: CalendarException): string {
  return e.from === e.to ? `le ${e.from}` : `du ${e.from} au ${e.to}`;
}

export function exceptionProblems(inventory: Inventory, zone: string): ImportProblem[] {
  const problems: ImportProblem[] = [];
  const placed = (inventory.exceptions ?? []).map((e) => placeException(e, zone));
  const warn = (row: number | null, column: string, message: string) =>
    problems.push({ row, column, severity: 'warning', message: `Table « Exceptions » : ${message}` });

  for (const p of placed) {
    const e = p.exception;
    const apps = inventory.applications.filter((app) => concerns(e, app));
    if (apps.length === 0) {
      warn(e.row, mostSpecificColumn(e), `aucune application ne correspond (${scopeText(e)}) : ligne sans effet.`);
      continue;
    }
    if (e.action !== 'added' && !apps.some((app) => hasOccurrenceWithin(app, p, zone))) {
      warn(
        e.row,
        'Du',
        `aucune plage de maintenance ne commence ${days(e)} pour ${scopeText(e)} : rien n’est ${ACTION_LABELS[e.action]}.`,
      );
    }
  }
  for (const [j, b] of placed.entries()) {
    for (const a of placed.slice(0, j)) {
      const message = contradiction(a, b, zone);
      if (message !== null) warn(b.exception.row, message.column, message.text);
    }
  }
  return problems;
}

function sameDaysMeet(a: PlacedException, b: PlacedException): boolean {
  return a.from < b.to && b.from < a.to;
}

function sameNewWindow(a: CalendarException, b: CalendarException): boolean {
  return JSON.stringify(a.newWindow?.rule) === JSON.stringify(b.newWindow?.rule);
}

/** Why row `b` contradicts the earlier row `a`, or null. */
function contradiction(a: PlacedException, b: PlacedException, zone: string): { column: string; text: string } | null {
  const x = a.exception;
  const y = b.exception;
  if (!sameScope(x, y)) return null;
  const line = `ligne ${x.row ?? '?'}`;
  const removes = (e: CalendarException) => e.action !== 'added';
  // Two removals of the same days disagree when their new windows differ: an `annulée` has none, a `reportée` its own.
  if (removes(x) && removes(y) && sameDaysMeet(a, b) && !sameNewWindow(x, y)) {
    return {
      column: 'Action',
      text: `contredit la ${line} (${ACTION_LABELS[x.action]} / ${ACTION_LABELS[y.action]} pour les mêmes plages) : la ${line} l’emporte.`,
    };
  }
  // A window added or moved into days another row cancels: it is kept (rows never cancel each other's windows).
  for (const [adding, removing] of [
    [b, a],
    [a, b],
  ] as const) {
    const { newWindow } = adding.exception;
    if (newWindow === null || removing.exception.action !== 'cancelled') continue;
    const at = newWindowStart(newWindow, zone).toMillis();
    if (removing.from <= at && at < removing.to) {
      return {
        column: 'Nouvelle plage',
        text: `la nouvelle plage « ${newWindow.text} » tombe dans une période annulée (ligne ${removing.exception.row ?? '?'}) : elle est tout de même maintenue.`,
      };
    }
  }
  return null;
}
