import type { DateTime } from 'luxon';

/** What this workstation is: one site, one or more services. */
export interface Profile {
  site: string;
  services: string[];
}

/** Reminder lead times. Defaults: the day before at 10:00, and 30 minutes before the start. */
export type ReminderSpec = { kind: 'day-before'; at: string /* "HH:MM" */ } | { kind: 'before'; minutes: number };

export const DEFAULT_REMINDERS: readonly ReminderSpec[] = [
  { kind: 'day-before', at: '10:00' },
  { kind: 'before', minutes: 30 },
];

/** Hours of one service, as used for the checklist time. Unknown service → 24/7. */
export interface ServiceHours {
  twentyFourSeven: boolean;
  shiftStarts: string[]; // "HH:MM"
}

export interface PlanOptions {
  zone: string;
  reminders: readonly ReminderSpec[];
  /**
   * Per-service hours overriding the inventory's Services table (the workstation's own settings win).
   * Key: service name as in the inventory.
   */
  serviceHours?: Readonly<Record<string, ServiceHours>>;
}

export type EventKind = 'reminder' | 'start' | 'end' | 'checklist';

export interface TimelineEvent {
  kind: EventKind;
  at: DateTime;
  windowStart: DateTime;
  windowEnd: DateTime;
  /** Applications of the profile in this window (same start and end), sorted, unique. */
  applications: string[];
  /** Services of the profile these applications belong to, sorted, unique. */
  services: string[];
  /**
   * Stable identity used for "already announced" flags: kind + window start/end (UTC ISO) + reminder spec.
   * Two runs of the planner over overlapping ranges give the same key for the same event.
   */
  key: string;
}
