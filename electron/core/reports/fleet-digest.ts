/**
 * What the fleet report keeps of one report file: who, where, which window, per application the tallies, and the
 * check lines for the CSV — with comments and line counts capped, so that memory grows with the number of
 * reports and never with their bytes (issue 9: 200 files of 1.97 MB once took 3.6 GB). The full report object is
 * dropped as soon as its digest is made.
 */
import { foldText as nameKey } from '../../../shared/text/fold';
import type { VerificationReport } from '../../../shared/reports/types';
import { csvCells } from './csv-cell';
import { CHECK_FR, restartFr, resultFr } from './labels';
import { sanitizeSegment } from './sanitize';

/** Check lines kept per report for the CSV and the problem lists; the tallies still count every check. */
export const MAX_CHECK_ROWS = 200;
/** Characters of a comment kept (the file on the share keeps the full text). */
export const MAX_COMMENT_CHARS = 1000;

/** A check answered "problem": kept whole for the problem lists (the other checks live on as CSV cells only). */
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
  startMs: number;
  endMs: number;
  submittedAt: string;
  submittedMs: number;
  appVersion: string;
  /**
   * One entry per check kept (at most MAX_CHECK_ROWS): its service, and its CSV cells (application; check;
   * result; restart; comment; contact), written once here. A fleet's many identical "OK" checks share one string.
   */
  checkServices: string[];
  checkCells: string[];
  /** The checks answered "problem", among those kept. */
  problems: CheckRow[];
  /** Checks not kept (over MAX_CHECK_ROWS); the tallies count them. */
  omittedChecks: number;
  tallies: AppTally[];
  /** The workstation the file name gives, when it is not the one inside the file; null when they agree. */
  fileNameWorkstation: string | null;
  /** Set when the report verifies an unplanned outage notice (`"reason": "notice"`, issue 13). */
  noticeId?: string;
  /** The banner's "J'ai pris connaissance" on that workstation (issue 12); null when none or an older report. */
  acknowledgement: FleetAcknowledgement | null;
}

export interface FleetAcknowledgement {
  at: string;
  workstation: string;
  initials: string;
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

/**
 * One run's memory of names, for many reports that repeat a few site, service and application names: `key` is
 * nameKey remembered, `same` returns one shared copy of a repeated text (the digests then hold one string each).
 */
export interface RunMemo {
  key: (text: string) => string;
  same: (text: string) => string;
}

export function runMemo(): RunMemo {
  const texts = new Map<string, string>();
  return {
    key: nameKeys(),
    same: (text) => {
      const known = texts.get(text);
      if (known !== undefined) return known;
      texts.set(text, text);
      return text;
    },
  };
}

/** nameKey with a memory (see RunMemo). */
export function nameKeys(): (text: string) => string {
  const keys = new Map<string, string>();
  return (text) => {
    let key = keys.get(text);
    if (key === undefined) {
      key = nameKey(text);
      keys.set(text, key);
    }
    return key;
  };
}

const clip = (text: string) => (text.length > MAX_COMMENT_CHARS ? `${text.slice(0, MAX_COMMENT_CHARS - 1)}…` : text);

const plain: RunMemo = { key: nameKey, same: (text) => text };

export function digestReport(file: string, report: VerificationReport, memo: RunMemo = plain): ReportDigest {
  const { key: keyOf, same } = memo;
  const services = new Map<string, string>();
  for (const s of report.services) if (s.trim() && !services.has(keyOf(s))) services.set(keyOf(s), same(s.trim()));
  const checkServices: string[] = [];
  const checkCells: string[] = [];
  const problems: CheckRow[] = [];
  let omittedChecks = 0;
  const tallies = new Map<string, AppTally>();
  for (const item of report.items) {
    const service = same(item.service.trim());
    if (service && !services.has(keyOf(service))) services.set(keyOf(service), service);
    const application = same(item.application.trim());
    const key = `${keyOf(application)}|${keyOf(service)}`;
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
      if (checkCells.length >= MAX_CHECK_ROWS) {
        omittedChecks++;
        continue;
      }
      const comment = clip(check.comment);
      const contact = contactText(check.contactAdvised);
      const cells = csvCells([
        item.application,
        CHECK_FR[check.id],
        resultFr(check.result),
        restartFr(check.restart),
        comment,
        contact,
      ]);
      checkServices.push(service);
      checkCells.push(comment || contact ? cells : same(cells));
      if (check.result === 'problem') {
        problems.push({
          application: item.application,
          service,
          id: check.id,
          result: check.result,
          restart: check.restart,
          comment,
          contact,
        });
      }
    }
  }
  return {
    file,
    reportId: report.reportId,
    workstation: report.workstation,
    userAccount: same(report.userAccount),
    initials: same(report.initials),
    site: same(report.site),
    services: [...services.values()],
    startMs: Date.parse(report.window.start),
    endMs: Date.parse(report.window.end),
    ...(report.reason === 'notice' && report.noticeId ? { noticeId: report.noticeId } : {}),
    submittedAt: report.submittedAt,
    submittedMs: Date.parse(report.submittedAt),
    appVersion: same(report.appVersion),
    checkServices,
    checkCells,
    problems,
    omittedChecks,
    tallies: [...tallies.values()],
    fileNameWorkstation: fileNameMismatch(file, report.workstation),
    acknowledgement: report.acknowledgement
      ? {
          at: report.acknowledgement.at,
          workstation: report.acknowledgement.workstation,
          initials: same(report.acknowledgement.initials),
        }
      : null,
  };
}
