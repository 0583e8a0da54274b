/**
 * The fleet report (issue 5): from the report files on the share, per window and service — who verified, when,
 * what failed, what is still unverified (with the inventory: services that had a window and sent nothing) — and
 * per application, the problems across the fleet; and which reports do not add up (issue 11, fleet-suspect.ts).
 * Pure over the digests fleet-read.ts made; renderers in fleet-html.ts and fleet-csv.ts.
 */
import { DateTime } from 'luxon';
import type { Inventory } from '../../../shared/inventory/model';
import { compareNames, sortedUnique, windowsFor } from '../../../shared/planning';
import { nameKeys, type ReportDigest } from './fleet-digest';
import type { ResultsRead } from './fleet-read';
import { reportChecker, resolveSuperseded, type SuspectFlag } from './fleet-suspect';
import type {
  ApplicationSummary,
  FleetOptions,
  FleetSummary,
  ServiceCompletion,
  ServiceWindow,
  SuspectReport,
  VerifiedBy,
} from './fleet-types';
import { DEFAULT_ZONE } from '../../../shared/schedule/zone';

export type * from './fleet-types';

/** How far back missing reports are looked for when no --from is given. */
export const DEFAULT_EXPECTATION_DAYS = 31;

const isoIn = (dt: DateTime, zone: string) => dt.setZone(zone).toISO({ suppressMilliseconds: true }) as string;

function inPeriod(startMs: number, from: DateTime | null | undefined, to: DateTime | null | undefined): boolean {
  return (!from || startMs >= from.toMillis()) && (!to || startMs < to.toMillis());
}

interface Group {
  window: ServiceWindow;
  startMs: number;
  endMs: number;
  apps: Set<string>;
}

type KeyOf = (text: string) => string;
type GroupOf = (startMs: number, endMs: number, site: string, service: string) => Group;

export function summarizeFleet(read: ResultsRead, options: FleetOptions): FleetSummary {
  const zone = options.zone ?? DEFAULT_ZONE;
  const now = options.now.setZone(zone);
  const keyOf = nameKeys();
  const groups = new Map<string, Group>();
  const group = groupOf(groups, zone, keyOf);

  // 1. What the inventory planned (so that silence shows).
  const expectationsPeriod = options.inventory
    ? addExpected({ ...options, inventory: options.inventory }, now, zone, group, keyOf)
    : null;

  // 2. What the workstations reported, and what does not add up in it.
  const inRange = read.reports.filter((r) => inPeriod(r.startMs, options.from, options.to));
  const { kept, superseded } = resolveSuperseded(inRange);
  const check = reportChecker(options.inventory, keyOf);
  const flags = new Map<ReportDigest, SuspectFlag[]>();
  for (const d of inRange) flags.set(d, check(d));
  for (const { report, by } of superseded) {
    flags.get(report)?.push({
      kind: 'superseded',
      reason: `Remplacé par le rapport plus récent du même poste pour la même plage : ${by.file}.`,
    });
  }
  kept.sort((a, b) => a.submittedMs - b.submittedMs || compareNames(a.file, b.file));
  for (const d of kept) addReport(d, flags.get(d) ?? [], group, keyOf);

  // 3. Each service window's verdict, the suspect reports, the totals.
  const windows = finishWindows(groups);
  const suspects = suspectReports(inRange, flags, zone);
  const problems = windows.flatMap((w) => w.problems);
  const workstations = new Set(kept.map((r) => `${keyOf(r.site)}|${r.workstation.toLowerCase()}`));
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
      workstations: workstations.size,
      serviceWindows: windows.length,
      verified: windows.filter((w) => w.status === 'ok' || w.status === 'problems').length,
      unverified: windows.filter((w) => w.status === 'unverified').length,
      suspectWindows: windows.filter((w) => w.status === 'suspect').length,
      problems: problems.length,
      notFixed: problems.filter((p) => p.restart !== 'fixed').length,
      skipped: read.skipped.length,
      suspectReports: suspects.length,
      superseded: superseded.length,
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
    applications: applicationSummaries(kept, keyOf),
    completion: completionOf(windows, keyOf),
    suspects,
    skipped: read.skipped,
  };
}

/** One group per window and service (site and service compared folded), created empty and unverified. */
function groupOf(groups: Map<string, Group>, zone: string, keyOf: KeyOf): GroupOf {
  return (startMs, endMs, site, service) => {
    const key = `${startMs}|${endMs}|${keyOf(site)}|${keyOf(service)}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        startMs,
        endMs,
        apps: new Set(),
        window: {
          windowStart: isoIn(DateTime.fromMillis(startMs), zone),
          windowEnd: isoIn(DateTime.fromMillis(endMs), zone),
          site: site.trim(),
          service: service.trim(),
          expected: false,
          status: 'unverified',
          applications: [],
          verifiedBy: [],
          problems: [],
          acknowledged: [],
        },
      };
      groups.set(key, g);
    }
    return g;
  };
}

/** Marks the windows the inventory planned in the period and that are over; returns the period looked at. */
function addExpected(
  options: FleetOptions & { inventory: Inventory },
  now: DateTime,
  zone: string,
  group: GroupOf,
  keyOf: KeyOf,
): FleetSummary['expectationsPeriod'] {
  const from = options.from ?? now.minus({ days: DEFAULT_EXPECTATION_DAYS });
  const to = options.to && options.to < now ? options.to : now;
  for (const [site, services] of scheduledServicesBySite(options.inventory, keyOf)) {
    if (!(from < to)) break;
    for (const w of windowsFor(options.inventory, { site, services }, { from, to }, zone)) {
      // Only windows of the period that are over: one still running cannot have been verified yet.
      if (!inPeriod(w.start.toMillis(), from, to) || w.end > now) continue;
      for (const service of w.services) {
        const g = group(w.start.toMillis(), w.end.toMillis(), site, service);
        g.window.expected = true;
        for (const a of w.applications) if (a.service === service) g.apps.add(a.application);
      }
    }
  }
  return { from: isoIn(from, zone), to: isoIn(to, zone) };
}

/** In time order, each with its applications and its verdict: unverified, suspect, problems or ok. */
function finishWindows(groups: Map<string, Group>): ServiceWindow[] {
  return [...groups.values()]
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
      w.status =
        w.verifiedBy.length === 0
          ? 'unverified'
          : w.verifiedBy.every((v) => v.suspect.length > 0)
            ? 'suspect'
            : w.problems.length > 0
              ? 'problems'
              : 'ok';
      return w;
    });
}

function suspectReports(
  inRange: readonly ReportDigest[],
  flags: ReadonlyMap<ReportDigest, SuspectFlag[]>,
  zone: string,
): SuspectReport[] {
  return inRange
    .filter((d) => (flags.get(d)?.length ?? 0) > 0)
    .sort((a, b) => compareNames(a.file, b.file))
    .map((d) => ({
      file: d.file,
      workstation: d.workstation,
      site: d.site,
      windowStart: isoIn(DateTime.fromMillis(d.startMs), zone),
      windowEnd: isoIn(DateTime.fromMillis(d.endMs), zone),
      submittedAt: d.submittedAt,
      flags: flags.get(d) ?? [],
    }));
}

function scheduledServicesBySite(inventory: Inventory, keyOf: KeyOf): Map<string, string[]> {
  const bySite = new Map<string, { site: string; services: Map<string, string> }>();
  for (const app of inventory.applications) {
    if (app.schedule.status !== 'scheduled' || !app.site.trim() || !app.service.trim()) continue;
    const entry = bySite.get(keyOf(app.site)) ?? { site: app.site.trim(), services: new Map<string, string>() };
    if (!entry.services.has(keyOf(app.service))) entry.services.set(keyOf(app.service), app.service.trim());
    bySite.set(keyOf(app.site), entry);
  }
  return new Map([...bySite.values()].map((e) => [e.site, [...e.services.values()]]));
}

function addReport(d: ReportDigest, flags: readonly SuspectFlag[], group: GroupOf, keyOf: KeyOf): void {
  const suspect = flags.map((f) => f.kind);
  for (const service of d.services) {
    const key = keyOf(service);
    const g = group(d.startMs, d.endMs, d.site, service);
    // An outage notice's verification is listed like a window's, marked with its notice (issue 13).
    if (d.noticeId !== undefined) g.window.noticeId ??= d.noticeId;
    const by: VerifiedBy = {
      workstation: d.workstation,
      userAccount: d.userAccount,
      initials: d.initials,
      submittedAt: d.submittedAt,
      appVersion: d.appVersion,
      file: d.file,
      problems: 0,
      unanswered: 0,
      suspect,
    };
    for (const t of d.tallies) {
      if (keyOf(t.service) !== key) continue;
      g.apps.add(t.application);
      by.problems += t.problems;
      by.unanswered += t.unanswered;
    }
    for (const c of d.problems) {
      if (keyOf(c.service) !== key) continue;
      g.window.problems.push({
        windowStart: g.window.windowStart,
        windowEnd: g.window.windowEnd,
        site: d.site,
        service,
        application: c.application,
        check: c.id,
        comment: c.comment,
        restart: c.restart,
        contact: c.contact,
        workstation: d.workstation,
        initials: d.initials,
        submittedAt: d.submittedAt,
        file: d.file,
      });
    }
    g.window.verifiedBy.push(by);
    addAcknowledgement(g.window, d);
  }
}

/** One acknowledgement per workstation (its first), earliest first: several reports of one PC say it once. */
function addAcknowledgement(w: ServiceWindow, d: ReportDigest): void {
  const ack = d.acknowledgement;
  if (!ack) return;
  const at = Date.parse(ack.at);
  const ws = ack.workstation.toLowerCase();
  const same = w.acknowledged.findIndex((a) => a.workstation.toLowerCase() === ws);
  if (same >= 0) {
    if (Date.parse((w.acknowledged[same] as { at: string }).at) <= at) return;
    w.acknowledged.splice(same, 1);
  }
  w.acknowledged.push({ ...ack });
  w.acknowledged.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

type AppAccumulator = ApplicationSummary & { siteSet: Set<string>; serviceSet: Set<string>; ws: Set<string> };

function applicationSummaries(reports: readonly ReportDigest[], keyOf: KeyOf): ApplicationSummary[] {
  const byApp = new Map<string, AppAccumulator>();
  for (const d of reports) {
    const counted = new Set<string>();
    for (const t of d.tallies) {
      const key = keyOf(t.application);
      let a = byApp.get(key);
      if (!a) {
        a = {
          application: t.application,
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
        };
        byApp.set(key, a);
      }
      a.siteSet.add(d.site.trim());
      if (t.service) a.serviceSet.add(t.service);
      if (!counted.has(key)) a.reports++;
      counted.add(key);
      a.ok += t.ok;
      a.unanswered += t.unanswered;
      a.problems += t.problems;
      a.fixedByRestart += t.fixedByRestart;
      a.notFixed += t.notFixed;
      if (t.problems > 0) a.ws.add(`${d.site.trim()} / ${d.workstation}`);
    }
  }
  return [...byApp.values()]
    .map(({ siteSet, serviceSet, ws, ...a }) => ({
      ...a,
      sites: sortedUnique(siteSet),
      services: sortedUnique(serviceSet),
      workstationsWithProblems: sortedUnique(ws),
    }))
    .sort((a, b) => b.notFixed - a.notFixed || b.problems - a.problems || compareNames(a.application, b.application));
}

function completionOf(windows: readonly ServiceWindow[], keyOf: KeyOf): ServiceCompletion[] {
  const by = new Map<string, ServiceCompletion>();
  for (const w of windows) {
    const key = `${keyOf(w.site)}|${keyOf(w.service)}`;
    const c = by.get(key) ?? { site: w.site, service: w.service, windows: 0, verified: 0, withProblems: 0, suspect: 0 };
    c.windows++;
    if (w.status === 'ok' || w.status === 'problems') c.verified++;
    if (w.status === 'problems') c.withProblems++;
    if (w.status === 'suspect') c.suspect++;
    by.set(key, c);
  }
  return [...by.values()].sort((a, b) => compareNames(a.site, b.site) || compareNames(a.service, b.service));
}
