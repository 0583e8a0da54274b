/**
 * The one reader and writer of times of day typed as text (docs/architecture.md, "One definition of each
 * primitive"): shift starts, reminder times, contact-rule hours, the settings form. Schedule texts
 * ("2h-4h", "de 22h à minuit") have their own grammar in shared/schedule/timerange.ts.
 */
import type { TimeOfDay } from '../schedule/types';
import { foldText } from './fold';

/** The canonical "HH:MM" only (00:00–23:59, zero-padded): what stored settings and JSON inventories must hold. */
export const CANONICAL_HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * "8:00", "08:00", "8h", "8 h 30", "08h30", "0800", "8" → { hour: 8, minute: 0 | 30 }; "24:00" (an end of day)
 * → 00:00. null when it is not a time of day (hour > 23, minute > 59, anything else).
 */
export function parseTimeOfDay(text: string): TimeOfDay | null {
  const m = /^(\d{1,2})(?:[:h](\d{2})?|(\d{2}))?$/.exec(foldText(text).replace(/\s+/g, ''));
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? m[3] ?? '0');
  if (hour === 24 && minute === 0) return { hour: 0, minute: 0 };
  return hour <= 23 && minute <= 59 ? { hour, minute } : null;
}

/** "HH:MM", zero-padded: the canonical form stored in settings, inventories and event keys. */
export function formatHhmm(t: TimeOfDay): string {
  return `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
}

/** Any accepted spelling → the canonical "HH:MM" (parseTimeOfDay, then formatHhmm); null when not a time. */
export function parseHhmm(text: string): string | null {
  const t = parseTimeOfDay(text);
  return t === null ? null : formatHhmm(t);
}
