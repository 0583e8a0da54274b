/**
 * The fleet report (issue 5): from the report files on the share, per window and service — who verified, when,
 * what failed, what is still unverified (with the inventory: services that had a window and sent nothing) — and
 * per application, the problems across the fleet. Pure over what fleet-read.ts loaded; renderers in
 * fleet-html.ts and fleet-csv.ts.
 */
import { DateTime } from 'luxon';
import type { Inventory } from '../../../shared/inventory/model';
import { compareNames, sortedUnique, windowsFor } from '../../../shared/planning';
import { foldText } from '../../../shared/text/fold';
import type { VerificationReport } from '../../../shared/reports/types';
import type { ReadReport, ResultsRead, SkippedFile } from './fleet-read';
import { DEFAULT_ZONE } from '../../../shared/schedule/zone';

export interface FleetOptions {
  /** When the report is made: windows that have not ended yet are not "unverified". */
  now: DateTime;
  zone?: string;
  /** Only windows starting at or after this instant. */
  from?: DateTime | null;
  /** Only windows starting before this instant. */
  to?: DateTime | null;
  /** With it, (site, service) pairs that had a window in the period and sent no report are listed. */
  inventory?: Inventory | null;
  /** Shown in the report header. */
  folder?: string;
}

export interface VerifiedBy {
  workstation: string;
  userAccount: string;
  initials: string;
  submittedAt: string;
  appVersion: string;
  file: string;
  /** Checks of this service answered "problem" / left unanswered in this report. */
  problems: number;
  unanswered: number;
}

export interface ProblemRow {
  windowStart: string;
  windowEnd: string;
  site: string;
  service: string;
  application: string;
  check: 'starts' | 'transfers';
  comment: string;
  restart: 'fixed' | 'not-fixed' | null;
  /** "CDA — 3050", or null when no contact was advised. */
  contact: string | null;
  workstation: string;
  initials: string;
  submittedAt: string;
  file: string;
}

export type ServiceWindowStatus = 'ok' | 'problems' | 'unverified';

export interface ServiceWindow {
  windowStart: string;
  windowEnd: string;
  site: string;
  service: string;
  /** The inventory planned this window for this service (always false without an inventory). */
  expected: boolean;
  status: ServiceWindowStatus;
  /** Applications of the service in this window (inventory and reports), sorted. */
  applications: string[];
  verifiedBy: VerifiedBy[];
  problems: ProblemRow[];
}

export interface ApplicationSummary {
  application: string;
  sites: string[];
  services: string[];
  /** Reports that checked this application. */
  reports: number;
  ok: number;
  problems: number;
  fixedByRestart: number;
  notFixed: number;
  unanswered: number;
  /** Workstations that reported a problem with it ("site / poste"). */
  workstationsWithProblems: string[];
}

export interface ServiceCompletion {
  site: string;
  service: string;
  windows: number;
  verified: number;
  withProblems: number;
}

export interface FleetSummary {
  format: 'vigie-fleet-summary';
  version: 1;
  generatedAt: string;
  folder: string | null;
  period: { from: string | null; to: string | null };
  /** With an inventory: the span over which missing reports are looked for. */
  expectationsPeriod: { from: string; to: string } | null;
  totals: {
    files: number;
    reports: number;
    workstations: number;
    serviceWindows: number;
    verified: number;
    unverified: number;
    problems: number;
    notFixed: number;
    skipped: number;
  };
  serviceWindows: ServiceWindow[];
  unverified: { windowStart: string; windowEnd: string; site: string; service: string; applications: string[] }[];
  applications: ApplicationSummary[];
  completion: ServiceCompletion[];
  skipped: SkippedFile[];
}

/** How far back missing reports are looked for when no --from is given. */
export const DEFAULT_EXPECTATION_DAYS = 31;

const isoIn = (dt: DateTime, zone: string) => dt.setZone(zone).toISO({ suppressMilliseconds: true }) as string;

function instant(text: string): DateTime {
  return DateTime.fromISO(text, { setZone: true });
}

export function contactText(c: VerificationReport['items'][number]['checks'][number]['contactAdvised']): string | null {
  if (!c) return null;
  return [c.name, c.phone, c.url].filter((x): x is string => !!x && x.trim() !== '').join(' — ');
}

function inPeriod(start: DateTime, from: DateTime | null | undefined, to: DateTime | null | undefined): boolean {
  const t = start.toMillis();
  return (!from || t >= from.toMillis()) && (!to || t < to.toMillis());
}

interface Group {
  window: ServiceWindow;
  startMs: number;
  endMs: number;
  apps: Set<string>;
}

export function summarizeFleet(read: ResultsRead, options: FleetOptions): FleetSummary {
  const zone = options.zone ?? DEFAULT_ZONE;
  const now = options.now.setZone(zone);
  const groups = new Map<string, Group>();
  const group = (start: DateTime, end: DateTime, site: string, service: string): Group => {
    const key = `${start.toMillis()}|${end.toMillis()}|${foldText(site)}|${foldText(service)}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        startMs: start.toMillis(),
        endMs: end.toMillis(),
        apps: new Set(),
        window: {
          windowStart: isoIn(start, zone),
          windowEnd: isoIn(end, zone),
          site: site.trim(),
          service: service.trim(),
          expected: false,
          status: 'unverified',
          applications: [],
          verifiedBy: [],
          problems: [],
        },
      };
      groups.set(key, g);
    }
    return g;
  };

  // 1. What the inventory planned (so that silence shows).
  let expectationsPeriod: FleetSummary['expectationsPeriod'] = null;
  if (options.inventory) {
    const from = options.from ?? now.minus({ days: DEFAULT_EXPECTATION_DAYS });
    const to = options.to && options.to < now ? options.to : now;
    expectationsPeriod = { from: isoIn(from, zone), to: isoIn(to, zone) };
    for (const [site, services] of scheduledServicesBySite(options.inventory)) {
      if (!(from < to)) break;
      for (const w of windowsFor(options.inventory, { site, services }, { from, to }, zone)) {
        // Only windows of the period that are over: one still running cannot have been verified yet.
        if (!inPeriod(w.start, from, to) || w.end > now) continue;
        for (const service of w.services) {
          const g = group(w.start, w.end, site, service);
          g.window.expected = true;
          for (const a of w.applications) if (a.service === service) g.apps.add(a.application);
        }
      }
    }
  }

  // 2. What the workstations reported.
  const kept = read.reports.filter((r) => inPeriod(instant(r.report.window.start), options.from, options.to));
  for (const { file, report } of kept) addReport(report, file, zone, group);

  const windows = [...groups.values()]
    .sort(
      (a, b) =>
        a.startMs - b.startMs ||
        a.endMs - b.endMs ||
        compareNames(a.window.site, b.window.site) ||
        compareNames(a.window.service, b.window.service),
    )
    .map((g) => {
      const w = g.window;
      w.applications = sortedUnique(g.apps);
      w.verifiedBy.sort((a, b) => instant(a.submittedAt).toMillis() - instant(b.submittedAt).toMillis());
      w.status = w.verifiedBy.length === 0 ? 'unverified' : w.problems.length > 0 ? 'problems' : 'ok';
      return w;
    });

  const problems = windows.flatMap((w) => w.problems);
  return {
    format: 'vigie-fleet-summary',
    version: 1,
    generatedAt: isoIn(now, zone),
    folder: options.folder ?? null,
    period: {
      from: options.from ? isoIn(options.from, zone) : null,
      to: options.to ? isoIn(options.to, zone) : null,
    },
    expectationsPeriod,
    totals: {
      files: read.files,
      reports: kept.length,
      workstations: new Set(kept.map((r) => `${foldText(r.report.site)}|${r.report.workstation.toLowerCase()}`)).size,
      serviceWindows: windows.length,
      verified: windows.filter((w) => w.status !== 'unverified').length,
      unverified: windows.filter((w) => w.status === 'unverified').length,
      problems: problems.length,
      notFixed: problems.filter((p) => p.restart !== 'fixed').length,
      skipped: read.skipped.length,
    },
    serviceWindows: windows,
    unverified: windows
      .filter((w) => w.status === 'unverified')
      .map(({ windowStart, windowEnd, site, service, applications }) => ({
        windowStart,
        windowEnd,
        site,
        service,
        applications,
      })),
    applications: applicationSummaries(kept),
    completion: completionOf(windows),
    skipped: read.skipped,
  };
}

function scheduledServicesBySite(inventory: Inventory): Map<string, string[]> {
  const bySite = new Map<string, { site: string; services: Map<string, string> }>();
  for (const app of inventory.applications) {
    if (app.schedule.status !== 'scheduled' || !app.site.trim() || !app.service.trim()) continue;
    const entry = bySite.get(foldText(app.site)) ?? { site: app.site.trim(), services: new Map<string, string>() };
    if (!entry.services.has(foldText(app.service))) entry.services.set(foldText(app.service), app.service.trim());
    bySite.set(foldText(app.site), entry);
  }
  return new Map([...bySite.values()].map((e) => [e.site, [...e.services.values()]]));
}

function addReport(
  report: VerificationReport,
  file: string,
  zone: string,
  group: (start: DateTime, end: DateTime, site: string, service: string) => Group,
): void {
  const start = instant(report.window.start);
  const end = instant(report.window.end);
  const services = new Map<string, string>();
  for (const s of [...report.services, ...report.items.map((i) => i.service)]) {
    if (s.trim() && !services.has(foldText(s))) services.set(foldText(s), s);
  }
  for (const [key, service] of services) {
    const g = group(start, end, report.site, service);
    const items = report.items.filter((i) => foldText(i.service) === key);
    const by: VerifiedBy = {
      workstation: report.workstation,
      userAccount: report.userAccount,
      initials: report.initials,
      submittedAt: isoIn(instant(report.submittedAt), zone),
      appVersion: report.appVersion,
      file,
      problems: 0,
      unanswered: 0,
    };
    for (const item of items) {
      g.apps.add(item.application.trim());
      for (const check of item.checks) {
        if (check.result === null) by.unanswered++;
        if (check.result !== 'problem') continue;
        by.problems++;
        g.window.problems.push({
          windowStart: g.window.windowStart,
          windowEnd: g.window.windowEnd,
          site: report.site,
          service,
          application: item.application,
          check: check.id,
          comment: check.comment,
          restart: check.restart,
          contact: contactText(check.contactAdvised),
          workstation: report.workstation,
          initials: report.initials,
          submittedAt: by.submittedAt,
          file,
        });
      }
    }
    g.window.verifiedBy.push(by);
  }
}

function applicationSummaries(reports: readonly ReadReport[]): ApplicationSummary[] {
  const byApp = new Map<
    string,
    ApplicationSummary & { siteSet: Set<string>; serviceSet: Set<string>; ws: Set<string>; reportIds: Set<string> }
  >();
  for (const { report } of reports) {
    for (const item of report.items) {
      const key = foldText(item.application);
      let a = byApp.get(key);
      if (!a) {
        a = {
          application: item.application.trim(),
          sites: [],
          services: [],
          reports: 0,
          ok: 0,
          problems: 0,
          fixedByRestart: 0,
          notFixed: 0,
          unanswered: 0,
          workstationsWithProblems: [],
          siteSet: new Set(),
          serviceSet: new Set(),
          ws: new Set(),
          reportIds: new Set(),
        };
        byApp.set(key, a);
      }
      a.siteSet.add(report.site.trim());
      if (item.service.trim()) a.serviceSet.add(item.service.trim());
      a.reportIds.add(report.reportId);
      for (const check of item.checks) {
        if (check.result === 'ok') a.ok++;
        else if (check.result === null) a.unanswered++;
        else if (check.result === 'problem') {
          a.problems++;
          if (check.restart === 'fixed') a.fixedByRestart++;
          else a.notFixed++;
          a.ws.add(`${report.site.trim()} / ${report.workstation}`);
        }
      }
    }
  }
  return [...byApp.values()]
    .map(({ siteSet, serviceSet, ws, reportIds, ...a }) => ({
      ...a,
      sites: sortedUnique(siteSet),
      services: sortedUnique(serviceSet),
      reports: reportIds.size,
      workstationsWithProblems: sortedUnique(ws),
    }))
    .sort((a, b) => b.notFixed - a.notFixed || b.problems - a.problems || compareNames(a.application, b.application));
}

function completionOf(windows: readonly ServiceWindow[]): ServiceCompletion[] {
  const by = new Map<string, ServiceCompletion>();
  for (const w of windows) {
    const key = `${foldText(w.site)}|${foldText(w.service)}`;
    const c = by.get(key) ?? { site: w.site, service: w.service, windows: 0, verified: 0, withProblems: 0 };
    c.windows++;
    if (w.status !== 'unverified') c.verified++;
    if (w.status === 'problems') c.withProblems++;
    by.set(key, c);
  }
  return [...by.values()].sort((a, b) => compareNames(a.site, b.site) || compareNames(a.service, b.service));
}
