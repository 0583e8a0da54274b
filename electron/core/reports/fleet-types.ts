/** The fleet summary's shape (what `report --json` prints, what the HTML and CSV renderers draw). */
import type { DateTime } from 'luxon';
import type { Inventory } from '../../../shared/inventory/model';
import type { FleetAcknowledgement } from './fleet-digest';
import type { SkippedFile } from './fleet-read';
import type { SuspectFlag, SuspectKind } from './fleet-suspect';

export interface FleetOptions {
  /** When the report is made: windows that have not ended yet are not "unverified". */
  now: DateTime;
  zone?: string;
  /** Only windows starting at or after this instant. */
  from?: DateTime | null;
  /** Only windows starting before this instant. */
  to?: DateTime | null;
  /**
   * With it, (site, service) pairs that had a window in the period and sent no report are listed, and reports
   * are checked against its Postes table.
   */
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
  /** What does not add up in this report (empty: nothing). */
  suspect: SuspectKind[];
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

/** 'suspect': reports came in, but every one of them is suspect — not shown as verified. */
export type ServiceWindowStatus = 'ok' | 'problems' | 'suspect' | 'unverified';

export interface ServiceWindow {
  windowStart: string;
  windowEnd: string;
  site: string;
  service: string;
  /** The inventory planned this window for this service (always false without an inventory). */
  expected: boolean;
  /** Not a planned window: the outage notice its reports verified (issue 13). */
  noticeId?: string;
  status: ServiceWindowStatus;
  /** Applications of the service in this window (inventory and reports), sorted. */
  applications: string[];
  verifiedBy: VerifiedBy[];
  problems: ProblemRow[];
  /**
   * Whether and when the ward acknowledged the banner (issue 12), as the reports of this window and service carry
   * it: one entry per workstation, earliest first; empty when none did (or only older reports came in).
   */
  acknowledged: FleetAcknowledgement[];
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
  /** Windows whose only reports are suspect (not counted as verified). */
  suspect: number;
}

/** A report that does not add up, with every reason. */
export interface SuspectReport {
  file: string;
  workstation: string;
  site: string;
  windowStart: string;
  windowEnd: string;
  submittedAt: string;
  flags: SuspectFlag[];
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
    /** Reports counted (of the period, without the ones a later report of the same PC and window replaced). */
    reports: number;
    workstations: number;
    serviceWindows: number;
    verified: number;
    unverified: number;
    /** Service windows whose only reports are suspect. */
    suspectWindows: number;
    problems: number;
    notFixed: number;
    skipped: number;
    /** Reports of the period with at least one flag ("rapports suspects"), replaced ones included. */
    suspectReports: number;
    /** Of those, replaced by a later report of the same workstation and window (not counted in `reports`). */
    superseded: number;
  };
  serviceWindows: ServiceWindow[];
  unverified: { windowStart: string; windowEnd: string; site: string; service: string; applications: string[] }[];
  applications: ApplicationSummary[];
  completion: ServiceCompletion[];
  suspects: SuspectReport[];
  skipped: SkippedFile[];
}
