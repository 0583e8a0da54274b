/**
 * Finds the one time range ("2h-4h", "de 2 h à 4 h", "02:00-04:00", "1h30-3h15", "22h-2h", "0h-24h") in
 * normalised text and takes it out, so the rest can be read as the day part.
 *
 * Exact in what we compute: an hour > 23 (or 24 anywhere but as an end on the hour) and a minute > 59 are errors,
 * never clamped. A range whose start equals its end is refused as a probable typo ("2h-2h"): the only way to say
 * "the whole day" is an end of 24h / minuit ("0h-24h"), which the Rule stores as an end of 0:00 (= start, so the
 * window lasts 24 h; see TimeRange in types.ts).
 */
import { MONTH_PATTERN } from './lexicon';
import type { TimeOfDay, TimeRange } from './types';

/**
 * One time: "2h", "2 h", "2h30", "2 h 30", "2heures", "02:00", "2:00h", "minuit", "midi".
 * Minutes after a space are not taken when a month name follows ("de 2h à 4h 13 janvier 2027").
 */
const TIME = String.raw`(?:\d+\s*h(?:eures?|res?|rs?)?(?:\s?\d{2}(?!\d)(?!\s*(?:${MONTH_PATTERN})\b))?|\d+\s*:\s*\d{2}(?:\s*h)?|minuit|midi)`;
/** A start may be a bare hour when the end has a unit ("2-4h", "de 2 à 4h"). */
const START = String.raw`(?:${TIME}|\d{1,2})`;
const SEPARATOR = String.raw`\s*(?:-|jusqu'au|jusqu'a|au|a|et)\s*`;
const RANGE_SOURCE = String.raw`(?<![\d:])(?:\b(?:de|entre)\s+)?(${START})(?![a-z0-9])${SEPARATOR}(${TIME})(?![a-z0-9])`;
const LONE_TIME_SOURCE = String.raw`(?<![\d:])${TIME}(?![a-z0-9])`;

export type TimeScan =
  { kind: 'none' } | { kind: 'error'; message: string } | { kind: 'ok'; range: TimeRange; rest: string };

type TimeToken = { ok: true; time: TimeOfDay; is24: boolean } | { ok: false; message: string };

/** The text of a capture group that its pattern never leaves out (both groups of RANGE_SOURCE). */
function group(match: RegExpMatchArray, index: 1 | 2): string {
  // Stryker disable next-line StringLiteral: never reached: RANGE_SOURCE's two groups are not optional, so a match has both
  return match[index] ?? '';
}

function display(token: string): string {
  return token.replace(/\s/g, '');
}

function invalid(token: string): TimeToken {
  return { ok: false, message: `Heure invalide : ${display(token)}` };
}

/**
 * Hour and minutes as written, not yet checked (so not a TimeOfDay: the hour may be 24 or more): "midi" is 12 h,
 * "minuit" 0 h as a start and 24 h (the day's end) as an end.
 */
function hourAndMinute(token: string, asEnd: boolean): { hour: number; minute: number } {
  if (token === 'midi') return { hour: 12, minute: 0 };
  if (token === 'minuit') return { hour: asEnd ? 24 : 0, minute: 0 };
  // The token matched TIME (or START): its first number is the hour, its second (if any) the minutes.
  const [hour, minute] = token.split(/\D+/);
  return { hour: Number(hour), minute: Number(minute ?? 0) };
}

function parseTime(token: string, asEnd: boolean): TimeToken {
  const { hour, minute } = hourAndMinute(token, asEnd);
  if (minute > 59) return invalid(token);
  // "24h" only makes sense as the end of a window: midnight at the end of the day.
  if (hour === 24 && minute === 0 && asEnd) return { ok: true, time: { hour: 0, minute: 0 }, is24: true };
  if (hour > 23) return invalid(token);
  return { ok: true, time: { hour, minute }, is24: false };
}

export function extractTimeRange(text: string): TimeScan {
  const ranges = [...text.matchAll(new RegExp(RANGE_SOURCE, 'g'))];
  if (ranges.length === 0) {
    const lone = new RegExp(LONE_TIME_SOURCE).exec(text);
    if (!lone) return { kind: 'none' };
    const single = parseTime(lone[0], false);
    if (!single.ok) return { kind: 'error', message: single.message };
    return { kind: 'error', message: `Heure de fin manquante après ${display(lone[0])} (ex. : 2h-4h)` };
  }
  if (ranges.length > 1) {
    const found = ranges.map((r) => `${display(group(r, 1))}-${display(group(r, 2))}`).join(', ');
    return { kind: 'error', message: `Une seule plage horaire par ligne (trouvé : ${found})` };
  }
  const match = ranges[0] as RegExpMatchArray;
  const startText = group(match, 1);
  const endText = group(match, 2);
  const start = parseTime(startText, false);
  if (!start.ok) return { kind: 'error', message: start.message };
  const end = parseTime(endText, true);
  if (!end.ok) return { kind: 'error', message: end.message };
  const sameTime = start.time.hour === end.time.hour && start.time.minute === end.time.minute;
  if (sameTime && !end.is24) {
    return {
      kind: 'error',
      message: `Plage horaire vide : ${display(startText)}-${display(endText)} (l'heure de fin doit différer de l'heure de début)`,
    };
  }
  const index = match.index ?? 0;
  const rest = `${text.slice(0, index)} ${text.slice(index + match[0].length)}`;
  const extra = new RegExp(LONE_TIME_SOURCE).exec(rest);
  if (extra) return { kind: 'error', message: `Heure en trop : ${display(extra[0])} (une seule plage par ligne)` };
  return { kind: 'ok', range: { start: start.time, end: end.time }, rest };
}
