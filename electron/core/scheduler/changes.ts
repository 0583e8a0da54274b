/**
 * A window cancelled or moved by the Exceptions table after its reminders went out (issue 13): the ward was told
 * to get ready, so it is told once that it need not ("La plage du 6 janvier est annulée : gel des Fêtes"). Whether
 * a reminder went out is read from the announced table, under the keys the planner gave the window's events before
 * the row existed (shared/planning/timeline.ts); the announcement is flagged there too, so it comes once, across
 * restarts included. A window nobody was reminded of is cancelled silently: the status window shows it, and its
 * flag is set at once, so the reminders of the applications a partial cancellation leaves in the window (under the
 * same keys) are never taken for reminders of the cancelled ones.
 */
import type { DateTime } from 'luxon';
import { formatDate, formatWindow, type Lang } from '../../../shared/i18n/format';
import { sortedUnique, timeline, windowsFor, type PlannedWindow } from '../../../shared/planning';
import type { Inventory } from '../../../shared/inventory/model';
import type { Notification } from '../agent-types';
import type { AnnouncedRepository } from '../store';
import { listNames } from './messages';
import type { PlanInput } from './plan-cache';

const DAY_MS = 24 * 3600_000;
/** How far ahead cancelled windows are looked for; reminders go out at most ~2 days before a start. */
const LOOKAHEAD_MS = 7 * DAY_MS;
/** The list of cancelled windows is reused this long (it still covers 6 days ahead). */
const REUSE_MS = DAY_MS;

/** A window the Exceptions table cancelled or moved away (windowsFor's `withCancelled`). */
type CancelledWindow = PlannedWindow & { cancelled: NonNullable<PlannedWindow['cancelled']> };

interface Cached {
  plan: PlanInput;
  computedAt: number;
  windows: CancelledWindow[];
  /** The inventory without its Exceptions table (one object per computation: the planner indexes it once). */
  before: Inventory;
}

function iso(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true }) as string;
}

function changeKey(w: CancelledWindow): string {
  const apps = JSON.stringify(w.applications.map((a) => [a.service, a.application]));
  return `change|${w.cancelled.action}|${iso(w.start.toUTC())}|${iso(w.end.toUTC())}|${apps}`;
}

/** "La plage du 6 janvier est annulée : gel des Fêtes" and the applications it concerned. */
function changeNotification(w: CancelledWindow, zone: string, lang: Lang): Notification {
  const { cancelled } = w;
  const start = w.start.setZone(zone);
  const apps = listNames(sortedUnique(w.applications.map((a) => a.application)), lang);
  const reason = cancelled.reason === '' ? '' : ` : ${cancelled.reason}`;
  const to = cancelled.movedTo?.setZone(zone);
  const day = formatDate(start, lang);
  const fr = to
    ? `La plage du ${day} est reportée au ${formatDate(to, lang)}${reason}`
    : `La plage du ${day} est annulée${reason}`;
  const en = to
    ? `The ${day} window is moved to ${formatDate(to, lang)}${reason.replace(' : ', ': ')}`
    : `The ${day} window is cancelled${reason.replace(' : ', ': ')}`;
  const body =
    lang === 'fr'
      ? `${apps} : ${to ? 'la plage n’a pas lieu à cette date' : 'pas d’interruption prévue'} (${formatWindow(start, w.end.setZone(zone), lang)}).`
      : `${apps}: ${to ? 'no window on that date' : 'no interruption planned'} (${formatWindow(start, w.end.setZone(zone), lang)}).`;
  return {
    kind: 'change',
    title: lang === 'fr' ? fr : en,
    body,
    opens: 'status',
    windowStart: iso(start),
    windowEnd: iso(w.end.setZone(zone)),
  };
}

export class ChangeAnnouncer {
  private cached: Cached | null = null;

  constructor(private readonly announced: Pick<AnnouncedRepository, 'has' | 'markAll'>) {}

  /** The announcements due at `now`, each flagged before it is returned (so a failing toast is not retried). */
  due(plan: PlanInput, now: DateTime): Notification[] {
    const out: Notification[] = [];
    const { windows, before } = this.cancelledAround(plan, now);
    // Each window is flagged at its first look, which is before its end (windowsFor's range starts at `now`).
    // Stryker disable next-line MethodExpression: a fast path, markAll below finds an existing flag too (and nothing is announced)
    for (const w of windows.filter((x) => !this.announced.has(changeKey(x)))) {
      const key = changeKey(w);
      // Flagged even when nobody was told (nothing to take back, now or later), announced only when someone was.
      const told = this.wasAnnounced(plan, before, w);
      if (this.announced.markAll([{ key, kind: 'change', at: now, announcedAt: now }]) === 0 || !told) continue;
      out.push(changeNotification(w, plan.options.zone, plan.language));
    }
    return out;
  }

  private cancelledAround(plan: PlanInput, now: DateTime): Cached {
    const c = this.cached;
    // The same plan object while nothing changed (agent.ts); after the clock goes back, the windows that had ended
    // by the old tick stay handled, as the scheduler's own range does.
    const samePlan = c?.plan === plan;
    // Stryker disable next-line EqualityOperator,ArithmeticOperator: a memo, reused a moment less long it is recomputed with the same windows
    const reusable = samePlan && now.toMillis() < c.computedAt + REUSE_MS;
    // Stryker disable next-line ConditionalExpression: `false` recomputes the same windows at every call (`true` fails at the first call: no memo yet)
    if (reusable) return c;
    const range = { from: now, to: now.plus({ milliseconds: LOOKAHEAD_MS }) };
    const windows = windowsFor(plan.inventory, plan.profile, range, plan.options.zone, { withCancelled: true }).filter(
      (w): w is CancelledWindow => w.cancelled !== undefined,
    );
    this.cached = { plan, computedAt: now.toMillis(), windows, before: { ...plan.inventory, exceptions: [] } };
    return this.cached;
  }

  /**
   * Whether a reminder or the start of the window, as planned without the Exceptions table, went out: the events
   * of the window from 3 days before its start up to its start are its reminders and its start.
   */
  private wasAnnounced(plan: PlanInput, before: Inventory, w: PlannedWindow): boolean {
    const range = { from: w.start.minus({ days: 3 }), to: w.start.plus({ milliseconds: 1 }) };
    return timeline(before, plan.profile, range, plan.options).some(
      (e) =>
        e.windowStart.toMillis() === w.start.toMillis() &&
        e.windowEnd.toMillis() === w.end.toMillis() &&
        this.announced.has(e.key),
    );
  }
}
