/**
 * The options of `report` that need more than a string (issue 11): `--from today|yesterday|<date>`, `--days N`,
 * `--older-than 180d`, and the read caps in megabytes. All in the zone, through luxon; errors are UsageErrors.
 */
import type { DateTime } from 'luxon';
import { UsageError } from '../args';
import { parseMoment } from '../io';

const DATE_ONLY = /^\s*\d{4}-\d{2}-\d{2}\s*$/;
const WORDS: Record<string, number> = { today: 0, "aujourd'hui": 0, 'aujourd’hui': 0, yesterday: 1, hier: 1 };

/** A day word or a date: midnight of that day in the zone; an ISO date-time: that instant. */
function moment(text: string, now: DateTime, zone: string, option: string): { at: DateTime; wholeDay: boolean } {
  const word = WORDS[text.trim().toLowerCase()];
  if (word !== undefined) return { at: now.setZone(zone).startOf('day').minus({ days: word }), wholeDay: true };
  return { at: parseMoment(text, zone, option), wholeDay: DATE_ONLY.test(text) };
}

export function intOption(text: string | undefined, option: string, min: number, max: number): number | null {
  if (text === undefined) return null;
  const n = Number(text.trim());
  if (!/^\s*\d+\s*$/.test(text) || n < min || n > max) {
    throw new UsageError(`--${option} : nombre entier de ${min} à ${max} attendu, pas « ${text} »`);
  }
  return n;
}

/**
 * The period of windows to report:
 *  - `--from D` alone: from D to now; `--to D` is up to and including that day (a date or a day word);
 *  - `--days N` with `--from D`: the N days from D; alone: the N days ending today (today included).
 */
export function reportPeriod(
  texts: { from?: string; to?: string; days?: string },
  now: DateTime,
  zone: string,
): { from: DateTime | null; to: DateTime | null } {
  const days = intOption(texts.days, 'days', 1, 3660);
  if (days !== null && texts.to !== undefined) throw new UsageError('--days et --to ne vont pas ensemble');
  let from = texts.from !== undefined ? moment(texts.from, now, zone, 'from').at : null;
  let to: DateTime | null = null;
  if (texts.to !== undefined) {
    const end = moment(texts.to, now, zone, 'to');
    to = end.wholeDay ? end.at.plus({ days: 1 }) : end.at;
  }
  if (days !== null) {
    from ??= now
      .setZone(zone)
      .startOf('day')
      .minus({ days: days - 1 });
    to = from.plus({ days });
  }
  if (from && to && to <= from) throw new UsageError('--to doit être après --from');
  return { from, to };
}

/** "180d", "180j", "180" → 180 days. */
export function olderThanDays(text: string | undefined): number {
  const match = /^\s*(\d{1,5})\s*(d|j|days?|jours?)?\s*$/i.exec(text ?? '');
  const n = match ? Number(match[1]) : NaN;
  if (!(n >= 1))
    throw new UsageError(`--older-than : une durée en jours est attendue (ex. 180d), pas « ${text ?? ''} »`);
  return n;
}
