/**
 * A window cancelled or moved by the Exceptions table after its reminders went out (issue 13): the ward was told
 * to get ready, so it is told once that it need not ("La plage du 6 janvier est annulée : gel des Fêtes"). Whether
 * a reminder went out is read from the announced table, under the keys the planner gave the window's events before
 * the row existed (shared/planning/timeline.ts); the announcement is flagged there too, so it comes once, across
 * restarts included. A window nobody was reminded of is cancelled silently: the status window shows it.
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

interface Cached {
  plan: PlanInput;
  computedAt: number;
  windows: PlannedWindow[];
  /** The inventory without its Exceptions table, kept so the planner's per-inventory index is built once. */
  before: Inventory;
}

function iso(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true }) as string;
}

function changeKey(w: PlannedWindow): string {
  const apps = w.applications.map((a) => `${a.service}/${a.application}`).join(',');
  return `change|${w.cancelled?.action ?? ''}|${iso(w.start.toUTC())}|${iso(w.end.toUTC())}|${apps}`;
}

/** "La plage du 6 janvier est annulée : gel des Fêtes" and the applications it concerned. */
function changeNotification(w: PlannedWindow, zone: string, lang: Lang): Notification {
  const cancelled = w.cancelled as NonNullable<PlannedWindow['cancelled']>;
  const start = w.start.setZone(zone);
  const apps = listNames(sortedUnique(w.applications.map((a) => a.application)), lang);
  const reason = cancelled.reason === '' ? '' : ` : ${cancelled.reason}`;
  const to = cancelled.movedTo?.setZone(zone);
  const day = formatDate(start, lang);
  const fr = to
    ? `La plage du ${day} est reportée au ${formatDate(to, 'fr')}${reason}`
    : `La plage du ${day} est annulée${reason}`;
  const en = to
    ? `The ${day} window is moved to ${formatDate(to, 'en')}${reason.replace(' : ', ': ')}`
    : `The ${day} window is cancelled${reason.replace(' : ', ': ')}`;
  const body =
    lang === 'fr'
      ? `${apps} : ${to ? 'la plage n’a pas lieu à cette date' : 'pas d’interruption prévue'} (${formatWindow(start, w.end.setZone(zone), 'fr')}).`
      : `${apps}: ${to ? 'no window on that date' : 'no interruption planned'} (${formatWindow(start, w.end.setZone(zone), 'en')}).`;
  return {
    kind: 'change',
    title: lang === 'fr' ? fr : en,
    body,
    opens: 'status',
    windowStart: iso(start),
    windowEnd: iso(w.end.setZone(zone)),
  };
}

function samePlan(a: PlanInput, b: PlanInput): boolean {
  if (a === b) return true;
  return (
    a.inventory === b.inventory &&
    a.language === b.language &&
    JSON.stringify([a.profile, a.options]) === JSON.stringify([b.profile, b.options])
  );
}

export class ChangeAnnouncer {
  private cached: Cached | null = null;

  constructor(private readonly announced: Pick<AnnouncedRepository, 'has' | 'markAll'>) {}

  /** The announcements due at `now`, each flagged before it is returned (so a failing toast is not retried). */
  due(plan: PlanInput, now: DateTime): Notification[] {
    if ((plan.inventory.exceptions ?? []).length === 0) return [];
    const nowMs = now.toMillis();
    const out: Notification[] = [];
    const { windows, before } = this.cancelledAround(plan, now);
    for (const w of windows) {
      if (w.end.toMillis() <= nowMs) continue;
      const key = changeKey(w);
      if (this.announced.has(key) || !this.wasAnnounced(plan, before, w)) continue;
      if (this.announced.markAll([{ key, kind: 'change', at: now, announcedAt: now }]) === 0) continue;
      out.push(changeNotification(w, plan.options.zone, plan.language));
    }
    return out;
  }

  private cancelledAround(plan: PlanInput, now: DateTime): Cached {
    const nowMs = now.toMillis();
    const c = this.cached;
    if (c && samePlan(c.plan, plan) && c.computedAt <= nowMs && nowMs < c.computedAt + REUSE_MS) return c;
    const range = { from: now, to: now.plus({ milliseconds: LOOKAHEAD_MS }) };
    const windows = windowsFor(plan.inventory, plan.profile, range, plan.options.zone, { withCancelled: true }).filter(
      (w) => w.cancelled !== undefined,
    );
    const before = c && c.plan.inventory === plan.inventory ? c.before : { ...plan.inventory, exceptions: [] };
    this.cached = { plan, computedAt: nowMs, windows, before };
    return this.cached;
  }

  /** Whether a reminder or the start of the window, as planned without the Exceptions table, went out. */
  private wasAnnounced(plan: PlanInput, before: Inventory, w: PlannedWindow): boolean {
    const range = { from: w.start.minus({ days: 3 }), to: w.start.plus({ milliseconds: 1 }) };
    return timeline(before, plan.profile, range, plan.options).some(
      (e) =>
        (e.kind === 'reminder' || e.kind === 'start') &&
        e.windowStart.toMillis() === w.start.toMillis() &&
        e.windowEnd.toMillis() === w.end.toMillis() &&
        this.announced.has(e.key),
    );
  }
}
