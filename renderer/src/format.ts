/**
 * Dates as the UI shows them. The core sends ISO strings with offsets; everything is shown in the hospital's zone
 * (America/Toronto) whatever the PC's own zone, through shared/i18n/format.ts so the words match the tray and the
 * notifications. "Now" always comes from the core (StatusView.now), never from this machine's clock.
 */
import { DateTime } from 'luxon';
import { formatDate, formatLongDate, formatTime, formatWindow } from '../../shared/i18n/format';
import { t, type Lang } from '../../shared/i18n';
import { DEFAULT_ZONE } from '../../shared/schedule/zone';

export function at(iso: string): DateTime {
  return DateTime.fromISO(iso, { zone: DEFAULT_ZONE });
}

/** "mercredi 2 décembre, 2 h – 4 h". Falls back to the raw text if the core ever sent something unreadable. */
export function windowText(start: string, end: string, lang: Lang): string {
  const s = at(start);
  const e = at(end);
  return s.isValid && e.isValid ? formatWindow(s, e, lang) : `${start} – ${end}`;
}

/** A precise clock time: "4 h 00", "10 h 05" (fr) · "4:00 a.m." (en). */
export function clockText(iso: string, lang: Lang): string {
  const dt = at(iso);
  if (!dt.isValid) return iso;
  return lang === 'fr' ? `${dt.hour} h ${String(dt.minute).padStart(2, '0')}` : formatTime(dt, 'en');
}

/** "mercredi 2 décembre" · "Wednesday, December 2". */
export function dayText(iso: string, lang: Lang): string {
  const dt = at(iso);
  return dt.isValid ? formatDate(dt, lang) : iso;
}

/** "28 septembre 2018" · "September 28, 2018", from "YYYY-MM-DD" or a full ISO date-time. */
export function longDateText(isoOrDate: string, lang: Lang): string {
  const dt = isoOrDate.length === 10 ? DateTime.fromISO(isoOrDate, { zone: DEFAULT_ZONE }) : at(isoOrDate);
  if (!dt.isValid) return isoOrDate;
  return formatLongDate(dt, lang);
}

/** "à 10 h 05" when it is the same day as `now`, otherwise "le 3 octobre 2018 à 10 h 05". */
export function momentText(iso: string, now: string, lang: Lang): string {
  const dt = at(iso);
  const today = at(now);
  if (!dt.isValid) return iso;
  const time = clockText(iso, lang);
  return today.isValid && dt.hasSame(today, 'day')
    ? t(lang, 'date.atToday', { time })
    : t(lang, 'date.atOtherDay', { date: longDateText(iso, lang), time });
}

/** For "depuis …": "10 h 05" when it is the same day as `now`, otherwise "le 3 octobre 2018 à 10 h 05". */
export function sinceText(iso: string, now: string, lang: Lang): string {
  const dt = at(iso);
  const today = at(now);
  if (!dt.isValid) return iso;
  const time = clockText(iso, lang);
  return today.isValid && dt.hasSame(today, 'day')
    ? time
    : t(lang, 'date.sinceOtherDay', { date: longDateText(iso, lang), time });
}
