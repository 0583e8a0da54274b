/** What a command may touch: output streams, the clock and the working directory. Tests pass their own. */
import { DateTime } from 'luxon';
import type { Clock } from '../core/clock';
import { UsageError } from './args';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  clock: Clock;
  cwd: string;
}

/** Exit codes: 0 ok, 1 the thing checked is not usable, 2 bad arguments. */
export type ExitCode = 0 | 1 | 2;

export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2) + '\n');
}

export function iso(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true }) as string;
}

/**
 * `--from`/`--to`/`--at` values: a date alone is midnight in the zone; a date-time without offset is local
 * wall-clock time in the zone; with an offset or Z it is that instant (shown in the zone).
 */
export function parseMoment(text: string, zone: string, option: string): DateTime {
  const trimmed = text.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(trimmed);
  const dt = dateOnly
    ? DateTime.fromISO(trimmed, { zone }).startOf('day')
    : DateTime.fromISO(trimmed, { zone, setZone: false });
  if (!dt.isValid) throw new UsageError(`--${option} : date invalide « ${text} » (attendu AAAA-MM-JJ ou une date ISO)`);
  return dt.setZone(zone);
}

export function isValidZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
