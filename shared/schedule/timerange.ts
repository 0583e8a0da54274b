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
const LONE_TIME_SOURCE = String.raw`(?<![\d:])(${TIME})(?![a-z0-9])`;

export type TimeScan =
  { kind: 'none' } | { kind: 'error'; message: string } | { kind: 'ok'; range: TimeRange; rest: string };

type TimeToken = { ok: true; time: TimeOfDay; is24: boolean } | { ok: false; message: string };

function display(token: string): string {
  return token.replace(/\s+/g, '');
}

function invalid(token: string): TimeToken {
  return { ok: false, message: `Heure invalide : ${display(token)}` };
}

function parseTime(token: string, role: 'start' | 'end'): TimeToken {
  const t = token.trim();
  if (t === 'minuit') return { ok: true, time: { hour: 0, minute: 0 }, is24: role === 'end' };
  if (t === 'midi') return { ok: true, time: { hour: 12, minute: 0 }, is24: false };
  const m = /^(\d+)\s*(?:h[a-z]*\s?(\d{2})?|:\s*(\d{2})(?:\s*h)?)?$/.exec(t);
  if (!m) return invalid(t);
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? m[3] ?? '0');
  if (minute > 59) return invalid(t);
  // "24h" only makes sense as the end of a window: midnight at the end of the day.
  if (hour === 24 && minute === 0 && role === 'end') return { ok: true, time: { hour: 0, minute: 0 }, is24: true };
  if (hour > 23) return invalid(t);
  return { ok: true, time: { hour, minute }, is24: false };
}

export function extractTimeRange(text: string): TimeScan {
  const ranges = [...text.matchAll(new RegExp(RANGE_SOURCE, 'g'))];
  if (ranges.length === 0) {
    const lone = new RegExp(LONE_TIME_SOURCE).exec(text);
    if (!lone) return { kind: 'none' };
    const single = parseTime(lone[1] ?? '', 'start');
    if (!single.ok) return { kind: 'error', message: single.message };
    return {
      kind: 'error',
      message: `Heure de fin manquante après ${display(lone[1] ?? '')} (ex. : 2h-4h)`,
    };
  }
  if (ranges.length > 1) {
    const found = ranges.map((r) => `${display(r[1] ?? '')}-${display(r[2] ?? '')}`).join(', ');
    return { kind: 'error', message: `Une seule plage horaire par ligne (trouvé : ${found})` };
  }
  const match = ranges[0] as RegExpMatchArray;
  const start = parseTime(match[1] ?? '', 'start');
  if (!start.ok) return { kind: 'error', message: start.message };
  const end = parseTime(match[2] ?? '', 'end');
  if (!end.ok) return { kind: 'error', message: end.message };
  const sameTime = start.time.hour === end.time.hour && start.time.minute === end.time.minute;
  if (sameTime && !end.is24) {
    return {
      kind: 'error',
      message: `Plage horaire vide : ${display(match[1] ?? '')}-${display(match[2] ?? '')} (l'heure de fin doit différer de l'heure de début)`,
    };
  }
  const index = match.index ?? 0;
  const rest = `${text.slice(0, index)} ${text.slice(index + match[0].length)}`;
  const extra = new RegExp(LONE_TIME_SOURCE).exec(rest);
  if (extra)
    return { kind: 'error', message: `Heure en trop : ${display(extra[1] ?? '')} (une seule plage par ligne)` };
  return { kind: 'ok', range: { start: start.time, end: end.time }, rest };
}
