/**
 * What the fleet report keeps of one report file: who, where, which window, per application the tallies, and the
 * check lines for the CSV — with comments and line counts capped, so that memory grows with the number of
 * reports and never with their bytes (issue 9: 200 files of 1.97 MB once took 3.6 GB). The full report object is
 * dropped as soon as its digest is made.
 */
import { nameKey } from '../../../shared/planning/names';
import type { VerificationReport } from '../../../shared/reports/types';
import { sanitizeSegment } from './sanitize';

/** Check lines kept per report for the CSV and the problem lists; the tallies still count every check. */
export const MAX_CHECK_ROWS = 200;
/** Characters of a comment kept (the file on the share keeps the full text). */
export const MAX_COMMENT_CHARS = 1000;

export interface CheckRow {
  application: string;
  service: string;
  id: 'starts' | 'transfers';
  result: 'ok' | 'problem' | 'na' | null;
  restart: 'fixed' | 'not-fixed' | null;
  comment: string;
  /** "CDA — 3050", or null when no contact was advised. */
  contact: string | null;
}

/** One application of one service in one report: how its checks came out (every check counted). */
export interface AppTally {
  application: string;
  service: string;
  ok: number;
  problems: number;
  fixedByRestart: number;
  notFixed: number;
  unanswered: number;
}

export interface ReportDigest {
  /** Relative to the results folder, '/'-separated. */
  file: string;
  reportId: string;
  workstation: string;
  userAccount: string;
  initials: string;
  site: string;
  /** The services the report covers (its list and its items'), first spelling kept, blanks dropped. */
  services: string[];
  windowStart: string;
  windowEnd: string;
  startMs: number;
  endMs: number;
  submittedAt: string;
  submittedMs: number;
  appVersion: string;
  checks: CheckRow[];
  /** Check lines not kept in `checks` (over MAX_CHECK_ROWS). */
  omittedChecks: number;
  tallies: AppTally[];
  /** The workstation the file name gives, when it is not the one inside the file; null when they agree. */
  fileNameWorkstation: string | null;
}

export function contactText(c: VerificationReport['items'][number]['checks'][number]['contactAdvised']): string | null {
  if (!c) return null;
  return [c.name, c.phone, c.url].filter((x): x is string => !!x && x.trim() !== '').join(' — ');
}

/** `<YYYYMMDD-HHMM>_<site>_<workstation>_<id8>[-n].json`, as names.ts writes it (segments are [A-Za-z0-9-]). */
const WRITTEN_NAME = /^\d{8}-\d{4}_[A-Za-z0-9-]+_([A-Za-z0-9-]+)_[A-Za-z0-9-]+?(?:-\d+)?\.json$/i;

/**
 * The workstation a Vigie file name announces, when it differs from the report inside. A name that is not in
 * Vigie's layout (renamed by hand) proves nothing either way: null.
 */
export function fileNameMismatch(file: string, workstation: string): string | null {
  const base = file.slice(file.lastIndexOf('/') + 1);
  const named = WRITTEN_NAME.exec(base)?.[1];
  if (named === undefined) return null;
  return named.toLowerCase() === sanitizeSegment(workstation, 'poste').toLowerCase() ? null : named;
}

const clip = (text: string) => (text.length > MAX_COMMENT_CHARS ? `${text.slice(0, MAX_COMMENT_CHARS - 1)}…` : text);

export function digestReport(file: string, report: VerificationReport): ReportDigest {
  const services = new Map<string, string>();
  for (const s of report.services) if (s.trim() && !services.has(nameKey(s))) services.set(nameKey(s), s.trim());
  const checks: CheckRow[] = [];
  let omittedChecks = 0;
  const tallies = new Map<string, AppTally>();
  for (const item of report.items) {
    const service = item.service.trim();
    if (service && !services.has(nameKey(service))) services.set(nameKey(service), service);
    const application = item.application.trim();
    const key = `${nameKey(application)}|${nameKey(service)}`;
    let tally = tallies.get(key);
    if (!tally) {
      tally = { application, service, ok: 0, problems: 0, fixedByRestart: 0, notFixed: 0, unanswered: 0 };
      tallies.set(key, tally);
    }
    for (const check of item.checks) {
      if (check.result === 'ok') tally.ok++;
      else if (check.result === null) tally.unanswered++;
      else if (check.result === 'problem') {
        tally.problems++;
        if (check.restart === 'fixed') tally.fixedByRestart++;
        else tally.notFixed++;
      }
      if (checks.length >= MAX_CHECK_ROWS) {
        omittedChecks++;
        continue;
      }
      checks.push({
        application: item.application,
        service,
        id: check.id,
        result: check.result,
        restart: check.restart,
        comment: clip(check.comment),
        contact: contactText(check.contactAdvised),
      });
    }
  }
  return {
    file,
    reportId: report.reportId,
    workstation: report.workstation,
    userAccount: report.userAccount,
    initials: report.initials,
    site: report.site,
    services: [...services.values()],
    windowStart: report.window.start,
    windowEnd: report.window.end,
    startMs: Date.parse(report.window.start),
    endMs: Date.parse(report.window.end),
    submittedAt: report.submittedAt,
    submittedMs: Date.parse(report.submittedAt),
    appVersion: report.appVersion,
    checks,
    omittedChecks,
    tallies: [...tallies.values()],
    fileNameWorkstation: fileNameMismatch(file, report.workstation),
  };
}
