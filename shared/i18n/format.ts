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

const DAYS: Record<Lang, readonly string[]> = {
  fr: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};
const MONTHS: Record<Lang, readonly string[]> = {
  fr: [
    'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
    'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
  ],
  en: [
    'January', 'February', 'March', 'April', 'May', 'June',
    'July', 'August', 'September', 'October', 'November', 'December',
  ],
}; // prettier-ignore

/** "mercredi" / "Wednesday": the one spelling of a weekday (ISO number, 1 = Monday … 7 = Sunday). */
export function weekdayName(weekday: number, lang: Lang = 'fr'): string {
  return DAYS[lang][weekday - 1] ?? String(weekday);
}

/** "décembre" / "December" (1 = January … 12). */
export function monthName(month: number, lang: Lang = 'fr'): string {
  return MONTHS[lang][month - 1] ?? String(month);
}

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
  return lang === 'fr'
    ? `${weekdayName(dt.weekday, lang)} ${dt.day === 1 ? '1er' : dt.day} ${monthName(dt.month, lang)}`
    : `${weekdayName(dt.weekday, lang)}, ${monthName(dt.month, lang)} ${dt.day}`;
}

function sameDay(a: DateTime, b: DateTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/** "17 octobre 2018", "1er février 2027" / "October 17, 2018": a DateTime or a rule's calendar date. */
export function formatLongDate(date: { year: number; month: number; day: number }, lang: Lang = 'fr'): string {
  return lang === 'fr'
    ? `${date.day === 1 ? '1er' : date.day} ${monthName(date.month, lang)} ${date.year}`
    : `${monthName(date.month, lang)} ${date.day}, ${date.year}`;
}

/**
 * "mercredi 2 décembre, 2 h – 4 h" · "Wednesday, December 2, 2:00 – 4:00 a.m.".
 * A window ending at midnight stays on one day ("22 h – 24 h", "10:00 p.m. – midnight"); one ending later the
 * next day names both days.
 */
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
