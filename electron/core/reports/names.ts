/**
 * Where a report goes on the share: `<YYYY-MM-DD>/<YYYYMMDD-HHMM>_<site>_<workstation>_<id8>.json`, dated by the
 * window's local start so IT opens one folder per maintenance night. Every part built from text is sanitised.
 */
import { DateTime } from 'luxon';
import type { VerificationReport } from '../../../shared/reports/types';
import { sanitizeSegment } from './sanitize';
import { DEFAULT_ZONE } from '../../../shared/schedule/zone';

export const REPORT_EXTENSION = '.json';
const TEMP_MARK = '.tmp-';

function windowStart(report: VerificationReport, zone: string): DateTime {
  const dt = DateTime.fromISO(report.window.start, { setZone: true });
  if (!dt.isValid) throw new Error(`report: invalid window start ${report.window.start}`);
  return dt.setZone(zone);
}

/** "2026-12-02": the subfolder of the window's (local) start date. */
export function reportDayFolder(report: VerificationReport, zone = DEFAULT_ZONE): string {
  return windowStart(report, zone).toFormat('yyyy-LL-dd');
}

/** The first 8 hex digits of the report id: enough to tell two reports of one PC and window apart. */
export function shortReportId(reportId: string): string {
  return sanitizeSegment(reportId.replace(/-/g, '').slice(0, 8).toLowerCase(), 'rapport', 8);
}

/**
 * The final file name; `attempt` > 1 adds "-2", "-3"… for the (theoretical) case where another report already
 * holds the name — we never overwrite it.
 */
export function reportFileName(report: VerificationReport, zone = DEFAULT_ZONE, attempt = 1): string {
  const stamp = windowStart(report, zone).toFormat('yyyyLLdd-HHmm');
  const site = sanitizeSegment(report.site, 'site');
  const workstation = sanitizeSegment(report.workstation, 'poste');
  const suffix = attempt > 1 ? `-${attempt}` : '';
  return `${stamp}_${site}_${workstation}_${shortReportId(report.reportId)}${suffix}${REPORT_EXTENSION}`;
}

/** Hidden-looking temporary name in the same folder, so the final rename never crosses volumes. */
export function tempFileName(finalName: string, random: string): string {
  return `.${finalName}${TEMP_MARK}${random}`;
}

/** A temporary file of some writer (in progress, or left behind by a crash or a lost share). */
export function isTempFileName(name: string): boolean {
  return name.startsWith('.') && name.includes(TEMP_MARK);
}

export function tempPrefixFor(finalName: string): string {
  return `.${finalName}${TEMP_MARK}`;
}
