/**
 * What the core sends to the renderer. Plain JSON (dates as ISO strings with offset), built by the core only.
 */
import type { EscalationAdvice } from '../escalation/types';
import type { ReminderSpec, ServiceHours } from '../planning/types';
import type { Lang } from '../i18n/format';
import type { CheckId, CheckResult } from './schemas';

export type TrayState = 'idle' | 'upcoming' | 'in-progress' | 'verification-due' | 'problem' | 'offline';

export interface WindowView {
  start: string;
  end: string;
  services: string[];
  applications: { service: string; application: string }[];
  /** A window the Exceptions table added or moved here, with its motif (docs/inventory-format.md §5). */
  exception?: { action: 'moved' | 'added'; reason: string };
  /** A window the Exceptions table cancelled or moved away (`movedTo`: ISO start of its new window). Not an alert. */
  cancelled?: { action: 'cancelled' | 'moved'; reason: string; movedTo: string | null };
}

/**
 * The banner (issue 12, "An alert nobody misses"): what is down until when, shown in a small always-on-top window
 * from the start of a window (or an unplanned-outage notice) until it ends or is acknowledged on this workstation.
 * Built by electron/core/banner/ (docs/architecture.md, "The banner").
 */
export interface BannerView {
  /** Identifies what is acknowledged (acknowledgeBanner's `key`); opaque to the renderer. */
  key: string;
  reason: 'window' | 'notice';
  /** ISO with offset. */
  windowStart: string;
  windowEnd: string;
  applications: string[];
  services: string[];
  /** The Services table's continuity plan (https or a file path), or null when the inventory has none. */
  continuityPlanUrl: string | null;
  /** For a notice, IT's text; null for a planned window. */
  message: string | null;
  /** Set once acknowledged on this workstation (the banner then closes). */
  acknowledged: { at: string; workstation: string; initials: string } | null;
}

export interface InventoryStateView {
  /** ok = last sync succeeded; offline = source unreachable; invalid = source unreadable/rejected. */
  state: 'ok' | 'offline' | 'invalid';
  /** Where the inventory in use came from ("embedded" for the built-in one). */
  source: string;
  publishedAt: string | null; // YYYY-MM-DD
  /** When the inventory in use was last confirmed current (ISO). */
  syncedAt: string | null;
  /** Since when the source is offline/invalid (ISO), null when ok. */
  since: string | null;
  /** Why (French sentence), null when ok. */
  message: string | null;
  applications: number;
}

export interface RunSummaryView {
  runId: string;
  windowStart: string;
  windowEnd: string;
  services: string[];
  status: 'open' | 'submitted';
  submittedAt: string | null;
  submittedBy: string | null;
  counts: { ok: number; problem: number; na: number; unanswered: number };
}

/**
 * A window another workstation (or another user of this one) already verified (docs/verified-elsewhere.md): shown
 * as "Vérification faite par PC-LAB-1 (MT) à 4 h 30", with that report's answers, read-only.
 */
export interface VerifiedElsewhereView {
  /** This workstation's run of the window ("Vérifier quand même" reopens it). */
  runId: string;
  windowStart: string;
  windowEnd: string;
  workstation: string;
  initials: string;
  submittedAt: string;
  items: {
    application: string;
    service: string;
    checks: { id: CheckId; result: CheckResult | null; restart: 'fixed' | 'not-fixed' | null; comment: string }[];
  }[];
}

export interface StatusView {
  now: string;
  language: Lang;
  trayState: TrayState;
  profile: { site: string; services: string[] } | null;
  current: WindowView | null;
  /** Next windows of the profile's services, 3 months ahead. */
  upcoming: WindowView[];
  /** The profile's applications with no concrete window ("À venir", "Pas touché", unrecognized). */
  unscheduled: {
    service: string;
    application: string;
    status: 'not-affected' | 'to-be-determined' | 'unrecognized';
    scheduleText: string;
    /** What the ward reads: the "Consigne pour l'unité", else IT's comment (shared/inventory/ward-note.ts). */
    comment: string;
    /** IT's comment when a consigne took its place, shown under a collapsed "Détails pour les TI"; else "". */
    itDetails: string;
  }[];
  pendingChecklist: RunSummaryView | null;
  /** Windows verified elsewhere whose checklist this workstation no longer has to do (absent: none). */
  verifiedElsewhere?: VerifiedElsewhereView[];
  inventory: InventoryStateView;
  /**
   * The inventory's publication date is older than IT's limit (policy `inventoryMaxAgeMonths`, 12 months by
   * default): shown in amber, "à faire confirmer par les TI". null when recent or undated.
   */
  inventoryStale: { publishedAt: string; maxAgeMonths: number } | null;
  history: RunSummaryView[];
  pendingReports: number;
  /** Reports set aside as undeliverable (a damaged outbox row): kept in the local database for IT. */
  setAsideReports: number;
  intranetUrl: string | null;
  /**
   * What is wrong with IT's machine policy (registry or config.json), in French for IT: empty when valid. While
   * not empty the status window says "configuration TI invalide" (nothing was unlocked: docs/deployment.md).
   */
  policyProblems: { key: string | null; message: string }[];
}

export interface CheckView {
  id: CheckId;
  result: CheckResult | null;
  comment: string;
  /** After "Problème": did restarting the application fix it? null = not answered yet. */
  restart: 'fixed' | 'not-fixed' | null;
}

export interface ChecklistItemView {
  application: string;
  service: string;
  /**
   * What the ward reads (plain text, never HTML): the "Consigne pour l'unité", else IT's comment
   * (shared/inventory/ward-note.ts).
   */
  instructions: string;
  /** IT's comment when a consigne took its place, shown under a collapsed "Détails pour les TI"; else "". */
  itDetails: string;
  checks: CheckView[];
}

export interface ChecklistView {
  runId: string;
  windowStart: string;
  windowEnd: string;
  site: string;
  services: string[];
  status: 'open' | 'submitted';
  submittedAt: string | null;
  submittedBy: string | null;
  items: ChecklistItemView[];
}

export interface GuidanceView {
  application: string;
  service: string;
  windowStart: string;
  windowEnd: string;
  /** The escalation decision for *now* (the core's clock). */
  escalation: EscalationAdvice;
  /** What to tell the desk, ready to read out (French or English per settings). */
  script: string;
}

export interface SettingsValues {
  site: string | null;
  services: string[];
  serviceHours: Record<string, ServiceHours>;
  reminders: ReminderSpec[];
  language: Lang;
  inventorySource: string | null;
}

export interface SettingsView {
  values: SettingsValues;
  /** Keys fixed by IT (policy / machine config / hostname mapping) → why, in the UI language. */
  locked: Partial<Record<keyof SettingsValues, string>>;
  /** Values offered by the current inventory. */
  choices: { sites: string[]; servicesBySite: Record<string, string[]> };
  /** True when no site/service is known yet (first start). */
  needsProfile: boolean;
}
