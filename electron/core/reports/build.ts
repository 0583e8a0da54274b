/**
 * Checklist run (as the store keeps it) → the report record that goes to the share. Pure: the caller supplies
 * who/where/when (see defaultReportIdentity for the real PC), so tests and the benchmark build reports freely.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { DateTime } from 'luxon';
import {
  REPORT_FORMAT,
  REPORT_VERSION,
  VerificationReportSchema,
  type ContactAdvised,
  type ReportAcknowledgement,
  type ReportItem,
  type VerificationReport,
} from '../../../shared/reports/types';
import { shorten, TEXT_LIMITS } from '../../../shared/inventory/text-limits';
import type { ChecklistItem, ChecklistRun } from '../store';
import { DEFAULT_ZONE } from '../../../shared/schedule/zone';

export interface ReportContext {
  /** This PC's hostname. */
  workstation: string;
  /** The logged-in Windows account. */
  userAccount: string;
  appVersion: string;
  /** When the report is built (clock.now()). */
  now: DateTime;
  /** Zone the instants are written in (with their offset, so people reading the JSON see local time). */
  zone?: string;
  /** Defaults to the run id when it is a UUID (re-queuing the same run then never makes two reports). */
  reportId?: string;
  /** The banner's acknowledgement for this window on this workstation (issue 12), null when none. */
  acknowledgement?: ReportAcknowledgement | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function instant(text: string, zone: string): string {
  const dt = DateTime.fromISO(text, { setZone: true });
  if (!dt.isValid) throw new Error(`report: invalid instant ${text}`);
  return dt.setZone(zone).toISO({ suppressMilliseconds: true }) as string;
}

/** The checklist service stores whatever escalation advice it showed; keep only a well-formed contact. */
export function contactOf(value: unknown): ContactAdvised | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Record<string, unknown>;
  // Either the Contact itself or an EscalationAdvice-like wrapper { contact: Contact }.
  if (typeof v.name !== 'string') return 'contact' in v ? contactOf(v.contact) : null;
  const text = (x: unknown, max: number) => (typeof x === 'string' && x.trim() !== '' ? shorten(x, max) : null);
  return {
    name: shorten(v.name, TEXT_LIMITS.contactName),
    phone: text(v.phone, TEXT_LIMITS.phone),
    url: text(v.url, TEXT_LIMITS.url),
  };
}

/** Items grouped per (service, application) in the order the checklist showed them. */
function itemsOf(items: readonly ChecklistItem[]): ReportItem[] {
  const byApp = new Map<string, ReportItem>();
  for (const item of items) {
    const key = `${item.service}\u0000${item.application}`;
    let entry = byApp.get(key);
    if (!entry) {
      entry = { application: item.application, service: item.service, checks: [] };
      byApp.set(key, entry);
    }
    entry.checks.push({
      id: item.checkId,
      result: item.result,
      comment: item.comment.slice(0, 4000),
      restart: item.result === 'problem' ? item.restart : null,
      contactAdvised: contactOf(item.contact),
    });
  }
  return [...byApp.values()];
}

/** Throws when the run is not submitted yet: a draft is not a report. */
export function buildReport(
  run: ChecklistRun,
  items: readonly ChecklistItem[],
  context: ReportContext,
): VerificationReport {
  if (run.status !== 'submitted' || run.submittedAt === null) {
    throw new Error(`report: checklist run ${run.id} is not submitted`);
  }
  const zone = context.zone ?? DEFAULT_ZONE;
  const now = context.now.setZone(zone);
  const report: VerificationReport = {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    reportId: context.reportId ?? (UUID.test(run.id) ? run.id.toLowerCase() : randomUUID()),
    // Truncated to the schema's limits: an odd hostname or account must not make the report unwritable.
    workstation: context.workstation.slice(0, 253) || 'poste-inconnu',
    userAccount: context.userAccount.slice(0, 256),
    initials: (run.submittedBy ?? '').slice(0, 60),
    site: run.site,
    services: [...run.services],
    window: { start: instant(run.windowStart, zone), end: instant(run.windowEnd, zone) },
    submittedAt: instant(run.submittedAt, zone),
    createdAt: now.toISO({ suppressMilliseconds: true }) as string,
    appVersion: context.appVersion.slice(0, 50),
    items: itemsOf(items.filter((i) => i.runId === run.id)),
    acknowledgement: context.acknowledgement
      ? {
          at: instant(context.acknowledgement.at, zone),
          workstation: context.acknowledgement.workstation.slice(0, 253),
          initials: context.acknowledgement.initials.slice(0, 60),
        }
      : null,
  };
  // The same schema the fleet report reads with: a report we write is a report IT can read.
  return VerificationReportSchema.parse(report);
}

/** Hostname and Windows account of this PC; never throws (userInfo fails for some service accounts). */
export function defaultReportIdentity(): { workstation: string; userAccount: string } {
  let userAccount: string;
  try {
    userAccount = os.userInfo().username;
  } catch {
    userAccount = process.env.USERNAME ?? process.env.USER ?? '';
  }
  return { workstation: os.hostname() || 'poste-inconnu', userAccount };
}
