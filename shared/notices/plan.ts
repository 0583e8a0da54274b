/**
 * What a notice means for one workstation (issue 13, "Unplanned outage notices"): which of its applications are
 * down, and the moments to announce — the outage at its start, the recovery at its end, then the verification
 * checklist at the same moment a planned window's would come (at the end for a 24/7 service, at the next shift start
 * otherwise: shared/planning/hours.ts). Pure; the watcher and `simulate --notices` both plan through here.
 */
import { DateTime } from 'luxon';
import type { Inventory } from '../inventory/model';
import { checklistTime, hoursFor } from '../planning/hours';
import { compareNames, sortedUnique } from '../planning/names';
import type { PlanOptions, Profile } from '../planning/types';
import { applicationsOf } from '../planning/windows';
import { foldText, sameName } from '../text/fold';
import { noticeEnd, noticeStart, type Notice } from './notice';

export interface NoticeTarget {
  notice: Notice;
  /** This workstation's applications that the notice takes down, with the profile's spelling of their service. */
  applications: { service: string; application: string }[];
  services: string[];
  /** When the wards are told (from, never before publication). */
  start: DateTime;
  /** The window a checklist run covers starts at `from` (or the publication). */
  windowStart: DateTime;
  /** null while open-ended. */
  end: DateTime | null;
}

export type NoticeEventKind = 'notice' | 'notice-end' | 'checklist';

export interface NoticeEvent {
  kind: NoticeEventKind;
  at: DateTime;
  /** Flag key in the announced table: one per notice and moment, stable across restarts. */
  key: string;
  /** For a checklist: the services (and their applications) verified at that moment. */
  services: string[];
  applications: { service: string; application: string }[];
}

/**
 * The applications of this workstation the notice targets, or null when none: another site, services this PC does
 * not have, or applications it does not use. A notice names the site; services and applications narrow it.
 */
export function noticeTarget(
  notice: Notice,
  inventory: Inventory,
  profile: Profile,
  zone: string,
): NoticeTarget | null {
  if (!sameName(notice.site, profile.site)) return null;
  const services =
    notice.services.length === 0
      ? profile.services
      : profile.services.filter((s) => notice.services.some((n) => sameName(n, s)));
  if (services.length === 0) return null;
  const wanted = new Set(notice.applications.map(foldText));
  const pairs = new Map<string, { service: string; application: string }>();
  for (const { service, app } of applicationsOf(inventory, { site: profile.site, services })) {
    const application = app.application.trim();
    if (wanted.size > 0 && !wanted.has(foldText(application))) continue;
    pairs.set(`${service}\u0000${application}`, { service, application });
  }
  if (pairs.size === 0) return null;
  const applications = [...pairs.values()].sort(
    (a, b) => compareNames(a.service, b.service) || compareNames(a.application, b.application),
  );
  const endMs = noticeEnd(notice);
  const start = DateTime.fromMillis(noticeStart(notice), { zone });
  // Ended before it ever began (published and withdrawn): nothing to tell anybody.
  if (endMs !== null && endMs <= start.toMillis()) return null;
  return {
    notice,
    applications,
    services: sortedUnique(applications.map((a) => a.service)),
    start,
    windowStart: DateTime.fromMillis(Date.parse(notice.from ?? notice.publishedAt), { zone }),
    end: endMs === null ? null : DateTime.fromMillis(endMs, { zone }),
  };
}

/**
 * True when the notice reaches at least one application of the inventory, on any workstation: its site, then its
 * services and applications when it names some. A notice that reaches nothing (a misspelt site or application)
 * is a mistake IT must hear about, not just a notice for other workstations.
 */
export function noticeReachesInventory(
  notice: Pick<Notice, 'site' | 'services' | 'applications'>,
  inventory: Pick<Inventory, 'applications'>,
): boolean {
  const services = notice.services.map(foldText);
  const wanted = notice.applications.map(foldText);
  return inventory.applications.some(
    (app) =>
      (app.site.trim() === '' || sameName(app.site, notice.site)) &&
      (services.length === 0 || services.includes(foldText(app.service))) &&
      (wanted.length === 0 || wanted.includes(foldText(app.application))),
  );
}

/** The moments of one targeted notice, in order: its start, its end, then one checklist per checklist moment. */
export function noticeEvents(
  target: NoticeTarget,
  inventory: Inventory,
  profile: Profile,
  options: PlanOptions,
): NoticeEvent[] {
  const id = target.notice.id;
  const events: NoticeEvent[] = [
    {
      kind: 'notice',
      at: target.start,
      key: `notice|${id}|start`,
      services: target.services,
      applications: target.applications,
    },
  ];
  if (target.end === null) return events;
  events.push({
    kind: 'notice-end',
    at: target.end,
    key: `notice|${id}|end`,
    services: target.services,
    applications: target.applications,
  });
  // Services of different hours (a 24/7 lab and a day clinic) verify at different moments, as windows do.
  const byTime = new Map<number, { at: DateTime; services: string[] }>();
  for (const service of target.services) {
    const at = checklistTime(
      target.end,
      hoursFor(inventory, profile.site, service, options.serviceHours),
      options.zone,
    );
    const slot = byTime.get(at.toMillis()) ?? { at, services: [] };
    slot.services.push(service);
    byTime.set(at.toMillis(), slot);
  }
  for (const { at, services } of [...byTime.values()].sort((a, b) => a.at.toMillis() - b.at.toMillis())) {
    const sorted = sortedUnique(services);
    events.push({
      kind: 'checklist',
      at,
      key: `notice|${id}|checklist|${sorted.join(',')}`,
      services: sorted,
      applications: target.applications.filter((a) => sorted.includes(a.service)),
    });
  }
  return events;
}
