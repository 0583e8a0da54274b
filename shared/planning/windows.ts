/**
 * The profile's concrete maintenance windows, grouped: applications whose windows have the same start AND end
 * form one window (one notification, one checklist), whatever their service.
 */
import { DateTime } from 'luxon';
import type { Application, Inventory, ServiceInfo } from '../inventory/model';
import { occurrenceSpans, type Span } from '../schedule/occurrences';
import type { Rule } from '../schedule/types';
import { foldText, sameName } from '../text/fold';
import { addedSpans, exceptionsFor, newWindowStart, placeException, removalOf } from './exceptions';
import { compareNames, sortedUnique } from './names';
import type { Profile } from './types';

export interface PlannedWindow {
  start: DateTime;
  end: DateTime;
  /** Sorted by service then application, unique. `service` is spelled as in the profile. */
  applications: { service: string; application: string }[];
  /** Sorted, unique, spelled as in the profile. */
  services: string[];
  /** A window an Exceptions row added or moved here (docs/inventory-format.md §5), with its motif for the wards. */
  exception?: { action: 'moved' | 'added'; reason: string };
  /**
   * Only with `withCancelled`: an occurrence of the rules that an Exceptions row cancelled (or moved away, with
   * where to). Shown in the calendar with its motif, never announced.
   */
  cancelled?: { action: 'cancelled' | 'moved'; reason: string; movedTo: DateTime | null };
}

export interface WindowsOptions {
  /** Also return the cancelled occurrences (status window, .ics, fleet report), as `cancelled` windows. */
  withCancelled?: boolean;
}

interface Group {
  start: number;
  end: number;
  pairs: Map<string, { service: string; application: string }>;
  exception?: PlannedWindow['exception'];
  cancelled?: PlannedWindow['cancelled'];
}

/** Applications grouped by foldText(site) then foldText(service): built once per inventory, see indexOf. */
type InventoryIndex = Map<string, Map<string, { app: Application; row: number }[]>>;

/**
 * A memo, not state: an imported Inventory is never mutated (sync swaps in a new object), so its index is a pure
 * function of it. Without it every planning call re-normalised every row's names — 57 % of a year of timelines for
 * 1,000 profiles of a 20,000-row inventory (`npm run bench -- import`).
 */
const INDEXES = new WeakMap<Inventory, InventoryIndex>();

function indexOf(inventory: Inventory): InventoryIndex {
  let index = INDEXES.get(inventory);
  // Stryker disable next-line ConditionalExpression: equivalent, a memo of a pure function.
  if (index) return index;
  index = new Map();
  for (const [row, app] of inventory.applications.entries()) {
    const siteKey = foldText(app.site);
    let services = index.get(siteKey);
    if (!services) index.set(siteKey, (services = new Map<string, { app: Application; row: number }[]>()));
    const serviceKey = foldText(app.service);
    const apps = services.get(serviceKey);
    if (apps) apps.push({ app, row });
    else services.set(serviceKey, [{ app, row }]);
  }
  // Stryker disable next-line CallExpression: equivalent, a memo of a pure function (each call rebuilds the same index).
  INDEXES.set(inventory, index);
  return index;
}

/**
 * The profile's applications: same site, service among the profile's, compared on foldText. An empty site concerns
 * every site. Returns each with the profile's spelling of its service, so one service never appears under two
 * spellings; in inventory order.
 */
export function applicationsOf(inventory: Inventory, profile: Profile): { service: string; app: Application }[] {
  const byKey = new Map<string, string>();
  for (const s of profile.services) if (!byKey.has(foldText(s))) byKey.set(foldText(s), s.trim());
  const index = indexOf(inventory);
  const siteKey = foldText(profile.site);
  const found: { service: string; app: Application; row: number }[] = [];
  for (const key of siteKey === '' ? [''] : [siteKey, '']) {
    const services = index.get(key);
    if (!services) continue;
    for (const [serviceKey, service] of byKey) {
      for (const { app, row } of services.get(serviceKey) ?? []) found.push({ service, app, row });
    }
  }
  // Inventory order, whatever the index's grouping.
  return found.sort((a, b) => a.row - b.row).map(({ service, app }) => ({ service, app }));
}

/**
 * Grouped windows of the profile that overlap [from, to) (end > from and start < to), sorted by start then end.
 * Start/end are expressed in `zone`.
 */
export function windowsFor(
  inventory: Inventory,
  profile: Profile,
  range: { from: DateTime; to: DateTime },
  zone: string,
  options: WindowsOptions = {},
): PlannedWindow[] {
  const from = range.from.toMillis();
  const to = range.to.toMillis();
  if (!(from < to)) return [];
  // Grouped by instants; the DateTimes are built once per group, after (each costs a time-zone lookup).
  const groups = new Map<string, Group>();
  const add = (id: string, span: Span, service: string, application: string): Group => {
    let group = groups.get(id);
    if (!group) {
      group = { start: span.start, end: span.end, pairs: new Map() };
      groups.set(id, group);
    }
    group.pairs.set(`${service}\u0000${application}`, { service, application });
    return group;
  };
  const placed = (inventory.exceptions ?? []).map((e) => placeException(e, zone));
  const byRule = new Map<Rule, Span[]>();
  for (const { service, app } of applicationsOf(inventory, profile)) {
    const application = app.application.trim();
    const rows = exceptionsFor(placed, profile.site, service, application);
    for (const { span, row } of addedSpans(app, rows, range, zone)) {
      const { action, reason } = row.exception;
      add(`${span.start}|${span.end}`, span, service, application).exception ??= {
        action: action === 'moved' ? 'moved' : 'added',
        reason,
      };
    }
    if (app.schedule.status !== 'scheduled') continue;
    // Many rows share one schedule text (the importer parses each distinct text once, so they share the Rule
    // object): expand each rule once per call.
    let expanded = byRule.get(app.schedule.rule);
    // Stryker disable next-line ConditionalExpression: equivalent, a memo of a pure function.
    if (!expanded) byRule.set(app.schedule.rule, (expanded = occurrenceSpans(app.schedule.rule, range, zone)));
    // occurrenceSpans returns exactly the windows that overlap the range, one that started before `from` and is
    // still running (22h–1h across midnight) included: it looks back itself (shared/schedule/occurrences.ts).
    for (const span of expanded) {
      const removal = removalOf(rows, span.start);
      if (removal === null) {
        add(`${span.start}|${span.end}`, span, service, application);
      } else if (options.withCancelled) {
        const { action, reason, newWindow } = removal.exception;
        add(`x|${span.start}|${span.end}`, span, service, application).cancelled ??= {
          action: action === 'moved' ? 'moved' : 'cancelled',
          reason,
          // null for `annulée`: a cancellation has no new window.
          movedTo: newWindow === null ? null : newWindowStart(newWindow, zone),
        };
      }
    }
  }
  return [...groups.values()]
    .map((g) => {
      const applications = [...g.pairs.values()].sort(
        (a, b) => compareNames(a.service, b.service) || compareNames(a.application, b.application),
      );
      const window: PlannedWindow = {
        start: DateTime.fromMillis(g.start, { zone }),
        end: DateTime.fromMillis(g.end, { zone }),
        applications,
        services: sortedUnique(applications.map((a) => a.service)),
      };
      if (g.exception) window.exception = g.exception;
      if (g.cancelled) window.cancelled = g.cancelled;
      return window;
    })
    .sort(
      (a, b) => a.start.toMillis() - b.start.toMillis() || a.end.toMillis() - b.end.toMillis() || cancelledLast(a, b),
    );
}

/** A cancelled entry after the window kept at the same times (a partial cancellation). */
function cancelledLast(a: PlannedWindow, b: PlannedWindow): number {
  const rank = (w: PlannedWindow) => (w.cancelled === undefined ? 0 : 1);
  return rank(a) - rank(b);
}

/**
 * The window in progress at `now` (start <= now < end), or null. If several groups overlap, the one that started
 * first (then the one ending first) — the same order as windowsFor.
 */
export function currentWindow(
  inventory: Inventory,
  profile: Profile,
  now: DateTime,
  zone: string,
): PlannedWindow | null {
  return windowsFor(inventory, profile, { from: now, to: now.plus({ milliseconds: 1 }) }, zone)[0] ?? null;
}

/**
 * The inventory's Services row for (site, service): a row naming the site wins over a row for any site ("").
 * Names compared on foldText. null when the inventory says nothing.
 */
export function serviceInfoFor(inventory: Inventory, site: string, service: string): ServiceInfo | null {
  let anySite: ServiceInfo | null = null;
  for (const info of inventory.services) {
    if (!sameName(info.service, service)) continue;
    if (info.site.trim() === '') anySite ??= info;
    else if (sameName(info.site, site)) return info;
  }
  return anySite;
}
