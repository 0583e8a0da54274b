/**
 * Dates and times as people read them on the ward: French Québec style ("mercredi 2 décembre, 2 h – 4 h") by
 * default, English (Canadian Press style: "Wednesday, December 2, 2:00 – 4:00 a.m.") on request.
 * Names are spelled out here rather than taken from Intl so the text is identical on every machine and ICU build.
 * Values are formatted in the DateTime's own zone: set the zone (America/Toronto) before calling.
 */
import type { DateTime } from 'luxon';
import type { TimeOfDay } from '../schedule/types';

/** The UI's languages, French first (the default everywhere). The one language type of the project. */
export const LANGUAGES = ['fr', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];

const FR_DAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];
const EN_DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const FR_MONTHS = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
]; // prettier-ignore
const EN_MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
]; // prettier-ignore

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Clock time without meridiem: "4 h" / "4 h 30" (fr), "4:00" / "4:30" (en). */
function bareTime(dt: TimeOfDay, lang: Lang): string {
  if (lang === 'fr') return dt.minute === 0 ? `${dt.hour} h` : `${dt.hour} h ${pad2(dt.minute)}`;
  return `${dt.hour % 12 === 0 ? 12 : dt.hour % 12}:${pad2(dt.minute)}`;
}

function meridiem(dt: TimeOfDay): string {
  return dt.hour < 12 ? 'a.m.' : 'p.m.';
}

/**
 * "4 h", "4 h 30", "22 h" (fr) · "4:00 a.m.", "10:30 p.m." (en): the one way a time of day is shown to people,
 * for a DateTime (in its own zone) or a TimeOfDay of a rule.
 */
export function formatTime(dt: TimeOfDay, lang: Lang = 'fr'): string {
  return lang === 'fr' ? bareTime(dt, lang) : `${bareTime(dt, lang)} ${meridiem(dt)}`;
}

/** "mercredi 2 décembre" (fr) · "Wednesday, December 2" (en). */
export function formatDate(dt: DateTime, lang: Lang = 'fr'): string {
  const i = dt.weekday - 1;
  return lang === 'fr'
    ? `${FR_DAYS[i]} ${dt.day === 1 ? '1er' : dt.day} ${FR_MONTHS[dt.month - 1]}`
    : `${EN_DAYS[i]}, ${EN_MONTHS[dt.month - 1]} ${dt.day}`;
}

function sameDay(a: DateTime, b: DateTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/**
 * "mercredi 2 décembre, 2 h – 4 h" · "Wednesday, December 2, 2:00 – 4:00 a.m.".
 * A window ending at midnight stays on one day ("22 h – 24 h", "10:00 p.m. – midnight"); one ending later the
 * next day names both days.
 */
/** "17 octobre 2018", "1er février 2027" / "October 17, 2018". */
export function formatLongDate(dt: DateTime, lang: Lang = 'fr'): string {
  return lang === 'fr'
    ? `${dt.day === 1 ? '1er' : dt.day} ${FR_MONTHS[dt.month - 1]} ${dt.year}`
    : `${EN_MONTHS[dt.month - 1]} ${dt.day}, ${dt.year}`;
}

export function formatWindow(start: DateTime, end: DateTime, lang: Lang = 'fr'): string {
  const day = formatDate(start, lang);
  const endsAtMidnight = end.hour === 0 && end.minute === 0 && sameDay(end.minus({ days: 1 }), start);
  if (sameDay(start, end) || endsAtMidnight) {
    if (lang === 'fr') return `${day}, ${bareTime(start, 'fr')} – ${endsAtMidnight ? '24 h' : bareTime(end, 'fr')}`;
    if (endsAtMidnight) return `${day}, ${formatTime(start, 'en')} – midnight`;
    const from = meridiem(start) === meridiem(end) ? bareTime(start, 'en') : formatTime(start, 'en');
    return `${day}, ${from} – ${formatTime(end, 'en')}`;
  }
  return `${day}, ${formatTime(start, lang)} – ${formatDate(end, lang)}, ${formatTime(end, lang)}`;
}
