/**
 * Maintenance-window rules ("plages de maintenance") as read from the inventory's free text.
 * A Rule is pure data (serialisable to JSON): it is stored, sent over IPC and compared.
 */
import type { DateTime } from 'luxon';

/** ISO weekday as luxon numbers it: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** 1…5 = the nth such weekday of the month; -1 = the last one ("dernier"). */
export type Ordinal = 1 | 2 | 3 | 4 | 5 | -1;

/** A wall-clock time. hour 0–23, minute 0–59. ("24h" is accepted by the parser as an end of 0:00.) */
export interface TimeOfDay {
  hour: number;
  minute: number;
}

/** A wall-clock range. An end at or before the start ends the next day (crosses midnight). */
export interface TimeRange {
  start: TimeOfDay;
  end: TimeOfDay;
}

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export type Rule =
  | {
      /** "1er et 3e mercredi 2h-4h", "2e mardi +1 jour 2h-4h" */
      kind: 'monthly';
      ordinals: Ordinal[];
      weekday: Weekday;
      /** Days added after the nth weekday ("offset after Patch Tuesday"); 0 when none. */
      offsetDays: number;
      time: TimeRange;
      /** IANA zone when the text names one; otherwise the caller's zone (America/Toronto). */
      zone?: string;
    }
  | {
      /** "tous les mercredis 2h-4h", "chaque dimanche de 4h à 6h" */
      kind: 'weekly';
      weekdays: Weekday[];
      time: TimeRange;
      zone?: string;
    }
  | {
      /** "13 janvier 2027 de 2h à 4h", "2027-02-10 22h-1h" */
      kind: 'once';
      date: CalendarDate;
      time: TimeRange;
      zone?: string;
    };

export type ScheduleStatus = 'scheduled' | 'not-affected' | 'to-be-determined' | 'unrecognized';

export type ParsedSchedule =
  | { status: 'scheduled'; raw: string; rule: Rule }
  | { status: 'not-affected'; raw: string }
  | { status: 'to-be-determined'; raw: string }
  /**
   * message: why it was not understood, in French, for the person who typed it. `internalError` is set only when
   * the parser itself crashed (a bug in Vigie, not in the text): the row is kept without alerts like any
   * unrecognised text, but import, sync and `check-inventory` report it as an internal error with its stack.
   */
  | { status: 'unrecognized'; raw: string; message: string; internalError?: InternalError };

/** A crash caught at a boundary that must not stop the import: kept for the logs and IT, never shown to the ward. */
export interface InternalError {
  name: string;
  message: string;
  stack: string | null;
}

/**
 * A concrete window, as luxon DateTimes in the rule's zone. Serialise with `toISO({ suppressMilliseconds: true })`
 * to get e.g. 2026-12-02T02:00:00-05:00 (the local offset is kept).
 */
export interface Occurrence {
  start: DateTime;
  end: DateTime;
}
