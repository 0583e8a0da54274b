/**
 * Every instant in the store is a UTC ISO string with milliseconds ("2026-03-05T07:00:00.000Z"): one fixed
 * format, so SQL string comparison (`next_attempt_at <= ?`) is chronological.
 */
import { DateTime } from 'luxon';

export function toStoreTime(at: DateTime | string): string {
  const dt = typeof at === 'string' ? DateTime.fromISO(at, { setZone: true }) : at;
  if (!dt.isValid) throw new Error(`store: invalid instant ${String(at)}`);
  return dt.toUTC().toISO() as string;
}
