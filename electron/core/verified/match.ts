/**
 * Does a valid report stand for this workstation's verification of a window (docs/verified-elsewhere.md)? Same
 * window (the same instants), same site, at least one service in common, submitted after the window started, and
 * not this very workstation and account (their own run is in the local store). Shared by the agent's share reader
 * and `simulate --reports`.
 */
import { DateTime } from 'luxon';
import type { VerificationReport } from '../../../shared/reports/types';
import { sameName } from '../../../shared/text/fold';
import type { NewVerified, VerifiedItem } from '../store';

export interface WindowToVerify {
  start: DateTime;
  end: DateTime;
  /** This workstation's site, as its profile spells it. */
  site: string;
  services: readonly string[];
}

export interface Me {
  workstation: string;
  /** null: any account of this workstation is "me" (simulate knows no accounts). */
  userAccount: string | null;
}

/** Applications and comments kept for the read-only summary: the share keeps the whole report. */
const MAX_ITEMS = 100;
const MAX_COMMENT = 500;

const ms = (iso: string) => DateTime.fromISO(iso, { setZone: true }).toMillis();

/** What a report claims, as far as "verified elsewhere" goes (from a full report, or the fleet reader's digest). */
export interface Claim {
  reportId: string;
  workstation: string;
  userAccount: string;
  initials: string;
  site: string;
  services: readonly string[];
  startMs: number;
  endMs: number;
  /** ISO, with the offset the workstation wrote. */
  submittedAt: string;
  items: VerifiedItem[];
}

export function standsFor(claim: Claim, w: WindowToVerify, me: Me): boolean {
  if (claim.startMs !== w.start.toMillis() || claim.endMs !== w.end.toMillis()) return false;
  if (!sameName(claim.site, w.site)) return false;
  if (!claim.services.some((s) => w.services.some((mine) => sameName(s, mine)))) return false;
  // A report "submitted" before the window began cannot be its verification (a wrong clock, or a forgery).
  if (ms(claim.submittedAt) < w.start.toMillis()) return false;
  const sameStation = claim.workstation.trim().toLowerCase() === me.workstation.trim().toLowerCase();
  return !(sameStation && (me.userAccount === null || sameName(claim.userAccount, me.userAccount)));
}

/** The claim that stands for the window: the first submitted (ties: the first given), or null. */
export function firstStanding(claims: Iterable<Claim>, w: WindowToVerify, me: Me): Claim | null {
  let best: Claim | null = null;
  for (const c of claims) {
    if (!standsFor(c, w, me)) continue;
    if (best === null || ms(c.submittedAt) < ms(best.submittedAt)) best = c;
  }
  return best;
}

/** A validated report's claim, its items trimmed for the read-only summary (the share keeps the whole report). */
export function claimOf(report: VerificationReport): Claim {
  return {
    reportId: report.reportId,
    workstation: report.workstation,
    userAccount: report.userAccount,
    initials: report.initials,
    site: report.site,
    services: report.services,
    startMs: ms(report.window.start),
    endMs: ms(report.window.end),
    submittedAt: report.submittedAt,
    items: report.items.slice(0, MAX_ITEMS).map((item) => ({
      application: item.application,
      service: item.service,
      checks: item.checks.map((c) => ({
        id: c.id,
        result: c.result,
        restart: c.restart,
        comment: c.comment.slice(0, MAX_COMMENT),
      })),
    })),
  };
}

export function toRecord(claim: Claim, w: WindowToVerify, recordedAt: DateTime): NewVerified {
  return {
    windowStart: w.start,
    windowEnd: w.end,
    site: w.site,
    reportId: claim.reportId,
    workstation: claim.workstation,
    userAccount: claim.userAccount,
    initials: claim.initials.trim(),
    submittedAt: DateTime.fromISO(claim.submittedAt, { setZone: true }),
    items: claim.items,
    recordedAt,
  };
}
