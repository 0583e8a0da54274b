import type { Contact } from '../inventory/model';

export interface EscalationQuery {
  /** The moment of the call (ISO with offset, or a DateTime converted by the caller). */
  at: string;
  site: string;
  service: string | null;
  /** Whether the service has an Urgence pilote agreement (from the inventory's Services table / settings). */
  urgencePilote: boolean;
  /**
   * The maintenance window the problem relates to, if any (ISO start/end). null = problem not tied to a window
   * → the usual procedure.
   */
  window: { start: string; end: string } | null;
  /**
   * The problem concerns an application of a maintenance window even though the exact window is not known
   * (e.g. the IT command line asked "whom do I call at 10:00?"). Default: `window !== null`.
   */
  relatedToWindow?: boolean;
}

export type AdviceCode =
  /** Step 1 always: close and restart the application. */
  | 'restart-first'
  /** The window is still in progress: retry after its end rather than calling. */
  | 'retry-after-window'
  /** Tell the desk that a maintenance window ended at … for … */
  | 'mention-window'
  /** Outside the guide's hours, or not tied to a window: usual procedure. */
  | 'usual-procedure';

export interface EscalationAdvice {
  /** Who to contact now; null when the usual procedure applies (no specific desk). */
  contact: Contact | null;
  /** The rule that chose it: id + a French description ("Entre 4 h et 7 h : CDA"). */
  rule: { id: string; description: string };
  advice: { code: AdviceCode; text: string }[];
  /** Present when the window is still in progress at `at`: retry after this ISO time. */
  retryAfter: string | null;
}
