/**
 * The inventory as Vigie understands it, whatever file it came from (CSV, XLSX, JSON).
 * Pure data: serialisable to JSON (the JSON format in docs/inventory-format.md is this shape, versioned).
 */
import type { InternalError, ParsedSchedule, Rule } from '../schedule/types';

/** One line of the "Liste des applications" (Annexe 2). */
export interface Application {
  /** 1-based row number in the source sheet/file (as Excel shows it); null for JSON sources. */
  row: number | null;
  direction: string;
  site: string;
  service: string;
  application: string;
  /** The "Plage de maintenance" text exactly as typed. */
  scheduleText: string;
  schedule: ParsedSchedule;
  /** IT's "Commentaire": shown to wards only when there is no consigne (docs/inventory-format.md, section 2). */
  comment: string;
  /**
   * The "Consigne pour l'unité": what the wards read. Optional so an inventory stored before the column existed
   * still reads; absent or "" = none (the comment is shown instead).
   */
  consigne?: string;
  /**
   * Whether the application exchanges data with other systems (adds the "transferts" check).
   * From an optional "Transferts" column (oui/non) when present, otherwise null and
   * `exchangesData()` infers it from the comment.
   */
  transfers: boolean | null;
}

/** Optional "Services" sheet/file: what IT knows about each service's hours and agreements. */
export interface ServiceInfo {
  site: string; // "" = any site
  service: string;
  /** true = 24/7 (checklist right after the window). false = checklist at the next shift start. */
  twentyFourSeven: boolean;
  /** "HH:MM" shift starts used for "next shift" when not 24/7, e.g. ["08:00"]. */
  shiftStarts: string[];
  /** The service has an "Urgence pilote" agreement: 07h–17h problems go through the Octopus form. */
  urgencePilote: boolean;
  /** Link to the service's continuity plan (https or file path), or null. */
  continuityPlanUrl: string | null;
}

/** Optional "Contacts" sheet/file: escalation rules that override or extend the guide's defaults. */
export interface ContactRule {
  id: string;
  /** Conditions; an empty / null condition matches everything. */
  date: string | null; // "YYYY-MM-DD" (a date-specific override such as the guide's "17 octobre à HMR")
  site: string | null;
  service: string | null;
  from: string; // "HH:MM" local, inclusive
  to: string; // "HH:MM" local, exclusive; to <= from crosses midnight
  /** true = only for services with an Urgence pilote agreement; false = only without; null = both. */
  urgencePilote: boolean | null;
  contact: Contact;
}

export interface Contact {
  name: string;
  phone: string | null;
  /** https link to a form (e.g. Octopus), or null. */
  url: string | null;
  /** Extra instruction for the person ("il communiquera avec l'équipe de veille de la DSP"). */
  note: string | null;
}

/** Optional "Postes" sheet/file: hostname → site/service(s). Pattern: exact name or * wildcards, case-insensitive. */
export interface HostMapping {
  pattern: string;
  site: string;
  services: string[];
}

/** What an Exceptions row does to the calendar: `annulée`, `reportée`, `ajoutée` (docs/inventory-format.md §5). */
export type ExceptionAction = 'cancelled' | 'moved' | 'added';

/** Optional "Exceptions" sheet/file: one change to the calendar the recurring rules give (issue 13). */
export interface CalendarException {
  /** 1-based source row (as Excel numbers it), or the entry number of a JSON list. */
  row: number | null;
  /** Conditions; null = every site / service / application. Compared on foldText. */
  site: string | null;
  service: string | null;
  application: string | null;
  /** "YYYY-MM-DD", local days in America/Toronto, both inclusive: occurrences STARTING within them are matched. */
  from: string;
  to: string;
  action: ExceptionAction;
  /** "Nouvelle plage" (moved, added): the text as typed and its one-off rule; null for a cancellation. */
  newWindow: { text: string; rule: Extract<Rule, { kind: 'once' }> } | null;
  /** "Motif", shown to the wards ("gel des Fêtes"); may be empty. */
  reason: string;
}

export interface Inventory {
  /** "YYYY-MM-DD" from the "Mise à jour : …" line, or null. */
  publishedAt: string | null;
  applications: Application[];
  services: ServiceInfo[];
  contacts: ContactRule[];
  hosts: HostMapping[];
  /** The Exceptions table; absent = none (inventories saved before the table existed have no such field). */
  exceptions?: CalendarException[];
}

export type InventoryFormat = 'csv' | 'xlsx' | 'json';

export interface ImportProblem {
  /** 1-based row in the source (as Excel numbers it), or null for a file-level problem. */
  row: number | null;
  /** Column header as the file names it (or the canonical name), or null. */
  column: string | null;
  severity: 'error' | 'warning';
  /** A sentence in French a person understands. Never a stack trace. */
  message: string;
  /** Set when Vigie itself failed on this row (a bug, not the file's fault): logged with its stack, counted. */
  internalError?: InternalError;
}

export type ImportResult =
  | { ok: true; format: InventoryFormat; inventory: Inventory; problems: ImportProblem[] }
  | { ok: false; format: InventoryFormat | null; problems: ImportProblem[] };

/** One sheet as a grid of cell texts (already decoded/flattened from CSV or XLSX). */
export interface Sheet {
  name: string;
  /** rows[i] is source row i+1 (before any skipping), cells trimmed of nothing — raw text. */
  rows: string[][];
}
