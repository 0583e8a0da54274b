/** What a command may touch: output streams, the clock and the working directory. Tests pass their own. */
import { DateTime } from 'luxon';
import type { Lang } from '../../shared/i18n/format';
import type { Clock } from '../core/clock';
import { UsageError } from './args';

import type { InventoryParser } from '../core/inventory/isolation/isolated-parser';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  clock: Clock;
  cwd: string;
  /** Tests: answers https:// requests (check-inventory of a web source) instead of the network. */
  fetch?: typeof globalThis.fetch;
  /**
   * Tests: where check-inventory parses instead of its child process (electron/cli/parse-entry.ts) — in this
   * process, so that a crash planted with vi.mock in the parser is seen.
   */
  parser?: InventoryParser;
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

/** The required `--from`/`--to` pair of the planning commands; an empty or reversed period is a usage error. */
export function parsePeriod(
  fromText: string | undefined,
  toText: string | undefined,
  zone: string,
): { from: DateTime; to: DateTime } {
  const from = parseMoment(fromText as string, zone, 'from');
  const to = parseMoment(toText as string, zone, 'to');
  if (to <= from) throw new UsageError('--to doit être après --from');
  return { from, to };
}

/** What every command that computes a workstation's plan is told: the inventory, the site and its services. */
export const PLAN_OPTIONS = {
  inventory: { type: 'string', required: true },
  site: { type: 'string', required: true },
  service: { type: 'list', required: true },
} as const;

/** Both spellings of the language option, accepted by every command that has one. */
export const LANG_OPTIONS = { lang: { type: 'string' }, language: { type: 'string' } } as const;

/** `--lang` or `--language` (either spelling; both only when they agree): French unless told. */
export function langOption(strings: Record<string, string | undefined>): Lang {
  const { lang, language } = strings;
  if (lang !== undefined && language !== undefined && lang !== language) {
    throw new UsageError('--lang et --language donnent deux langues différentes');
  }
  return parseLang(lang ?? language, lang !== undefined ? 'lang' : 'language');
}

/** A `--lang`/`--language` value: French unless told, and nothing but fr or en. */
export function parseLang(text: string | undefined, option: string): Lang {
  const lang = text ?? 'fr';
  if (lang !== 'fr' && lang !== 'en') throw new UsageError(`--${option} : fr ou en`);
  return lang;
}

export function isValidZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
