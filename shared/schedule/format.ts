/**
 * Rule → short human text for the UI and the CLI: "1er mercredi du mois, 2 h – 4 h".
 * French follows Québec usage ("2 h 30", "1er", "3e"); English is for the optional en catalogue.
 */
import { formatLongDate, formatTime, type Lang, weekdayName } from '../i18n/format';
import type { Ordinal, Rule, TimeRange, Weekday } from './types';
import { DEFAULT_ZONE } from './zone';

function list(items: string[], lang: Lang): string {
  // Stryker disable next-line StringLiteral: with at most one item, join never writes its separator.
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${items[items.length - 1]}`;
}

function ordinalText(n: Ordinal, lang: Lang): string {
  if (lang === 'fr') return n === -1 ? 'dernier' : n === 1 ? '1er' : `${n}e`;
  return n === -1 ? 'last' : `${n}${n === 1 ? 'st' : n === 2 ? 'nd' : n === 3 ? 'rd' : 'th'}`;
}

function weekdayText(w: Weekday, lang: Lang): string {
  return weekdayName(w, lang);
}

/**
 * "2 h – 4 h", "22 h – 2 h (le lendemain)", "0 h – 24 h" (an end at midnight reads as 24 h, "midnight" in
 * English). Times are written by shared/i18n/format.ts, like every time shown to people.
 */
export function formatTimeRange(range: TimeRange, lang: Lang = 'fr'): string {
  const start = formatTime(range.start, lang);
  const endsAtMidnight = range.end.hour === 0 && range.end.minute === 0;
  if (endsAtMidnight) return `${start} – ${lang === 'fr' ? '24 h' : 'midnight'}`;
  const crosses = range.end.hour * 60 + range.end.minute <= range.start.hour * 60 + range.start.minute;
  const nextDay = crosses ? (lang === 'fr' ? ' (le lendemain)' : ' (next day)') : '';
  return `${start} – ${formatTime(range.end, lang)}${nextDay}`;
}

function offsetText(days: number, lang: Lang): string {
  if (days === 0) return '';
  const n = Math.abs(days);
  const unit = lang === 'fr' ? (n > 1 ? 'jours' : 'jour') : n > 1 ? 'days' : 'day';
  // Not 0 here: positive exactly when it equals its absolute value.
  return ` ${days === n ? '+' : '-'} ${n} ${unit}`;
}

function zoneText(zone: string | undefined, lang: Lang): string {
  if (zone === undefined) return '';
  if (zone === DEFAULT_ZONE) return lang === 'fr' ? " (heure de l'Est)" : ' (Eastern time)';
  return ` (${zone})`;
}

function daysText(rule: Rule, lang: Lang): string {
  switch (rule.kind) {
    case 'monthly': {
      const ordinals = list(
        rule.ordinals.map((o) => ordinalText(o, lang)),
        lang,
      );
      const day = weekdayText(rule.weekday, lang);
      const base = lang === 'fr' ? `${ordinals} ${day} du mois` : `${ordinals} ${day} of the month`;
      return base + offsetText(rule.offsetDays, lang);
    }
    case 'weekly': {
      const days = [...new Set(rule.weekdays)].sort((a, b) => a - b);
      if (days.length === 7) return lang === 'fr' ? 'tous les jours' : 'every day';
      const names = days.map((w) => (lang === 'fr' ? `${weekdayText(w, lang)}s` : weekdayText(w, lang)));
      return lang === 'fr' ? `tous les ${list(names, lang)}` : `every ${list(names, lang)}`;
    }
    case 'once':
      return formatLongDate(rule.date, lang);
  }
}

/** "1er mercredi du mois, 2 h – 4 h" · "tous les lundis et jeudis, 22 h – 2 h (le lendemain)" · "13 janvier 2027, 2 h – 4 h". */
export function formatRule(rule: Rule, lang: Lang = 'fr'): string {
  return `${daysText(rule, lang)}, ${formatTimeRange(rule.time, lang)}${zoneText(rule.zone, lang)}`;
}
