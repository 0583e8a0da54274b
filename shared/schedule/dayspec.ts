/**
 * The day part of a rule, once the time range and zone are out of the text:
 *   monthly  "1er mercredi", "le 1er et 3e mercredi du mois", "2e, 4e mardi", "2e mardi + 8 jours"
 *   weekly   "tous les mercredis", "chaque dimanche", "les lundis et jeudis", "du lundi au vendredi"
 *   once     "13 janvier 2027", "le 1er février 2027", "2027-02-10", "10/02/2027" (only when unambiguous)
 * Words are classified one by one; any word we do not know makes the whole row unrecognized, so commentary
 * typed after a rule ("1er mercredi 2h-4h sauf en juillet") is reported instead of silently ignored.
 */
import { isValidDate, weekdayOf } from './calendar';
import { monthWord, ordinalWord, weekdayWord } from './lexicon';
import { formatLongDate, monthName, weekdayName } from '../i18n/format';
import type { CalendarDate, Ordinal, Weekday } from './types';

export type DaySpec =
  | { kind: 'monthly'; ordinals: Ordinal[]; weekday: Weekday; offsetDays: number }
  | { kind: 'weekly'; weekdays: Weekday[] }
  | { kind: 'once'; date: CalendarDate };

export type DaySpecResult = { ok: true; spec: DaySpec } | { ok: false; message: string };

/** Largest accepted offset after the nth weekday, in days (more is surely a typo). */
export const MAX_OFFSET_DAYS = 31;

type Token =
  | { t: 'ordinal'; value: Ordinal; text: string }
  | { t: 'badOrdinal'; text: string }
  | { t: 'weekday'; value: Weekday; plural: boolean }
  | { t: 'month'; value: number }
  | { t: 'number'; value: number; text: string }
  | { t: 'date'; date: CalendarDate | null; text: string; ambiguous: boolean }
  | { t: 'offset'; days: number; text: string }
  | { t: 'every' }
  | { t: 'days' }
  | { t: 'unknown'; text: string };

const FILLERS = new Set(['le', 'la', 'les', 'l', 'd', 'de', 'du', 'des', 'a', 'et', 'mois', 'soit']);
const EVERY_WORDS = new Set(['tous', 'toutes', 'chaque', 'hebdomadaire', 'hebdo']);
const DAY_WORDS = new Set(['jour', 'jours']);

/** Phrases that only say "monthly" or "weekly"; removed or turned into a marker before tokenising. */
const MONTHLY_PHRASES = /\b(?:(?:de |du |a )?(?:chaque|tous les) mois|du mois|par mois|mensuel(?:le)?(?:ment)?)\b/g;
const WEEKLY_PHRASES = /\b(?:(?:de |a )?chaque semaine|toutes les semaines|par semaine)\b/g;
const ISO_DATE = /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/g;
const NUMERIC_DATE = /(?<!\d)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?!\d)/g;
const OFFSET = /([+-])\s*(\d+)\s*(jours?|jrs?|j|semaines?|sem)\b/g;
const WEEKDAY_SPAN = /\bdu ([a-z]+) au ([a-z]+)\b/g;

function dayMonthOrder(a: number, b: number): { day: number; month: number } | 'ambiguous' {
  if (a === b) return { day: a, month: b };
  if (a > 12) return { day: a, month: b };
  if (b > 12) return { day: b, month: a };
  return 'ambiguous';
}

function tokenize(input: string): Token[] {
  // Stryker disable next-line ArrayDeclaration: a placeholder is the index its token was pushed at, whatever came before
  const special: Token[] = [];
  const keep = (token: Token): string => ` @${special.push(token) - 1} `;
  let text = input.replace(MONTHLY_PHRASES, ' ').replace(WEEKLY_PHRASES, ' chaque ');
  text = text.replace(WEEKDAY_SPAN, (whole, a: string, b: string) => {
    const from = weekdayWord(a);
    const to = weekdayWord(b);
    if (!from || !to) return whole;
    const days: string[] = [];
    for (let d = from.weekday; ; d = ((d % 7) + 1) as Weekday) {
      days.push(weekdayName(d));
      if (d === to.weekday) break;
    }
    return ` chaque ${days.join(' ')} `;
  });
  text = text.replace(ISO_DATE, (whole, y: string, m: string, d: string) => {
    const date = { year: Number(y), month: Number(m), day: Number(d) };
    return keep({ t: 'date', date: isValidDate(date) ? date : null, text: whole, ambiguous: false });
  });
  text = text.replace(NUMERIC_DATE, (whole, a: string, b: string, y: string) => {
    const order = dayMonthOrder(Number(a), Number(b));
    if (order === 'ambiguous') return keep({ t: 'date', date: null, text: whole, ambiguous: true });
    const date = { year: Number(y), ...order };
    return keep({ t: 'date', date: isValidDate(date) ? date : null, text: whole, ambiguous: false });
  });
  text = text.replace(OFFSET, (whole, sign: string, n: string, unit: string) => {
    const size = Number(n) * (unit.startsWith('s') ? 7 : 1);
    return keep({ t: 'offset', days: sign === '-' ? -size : size, text: whole.replace(/\s+/g, ' ') });
  });
  // Harmless punctuation (list commas, "lun.", a trailing period, brackets, a dash before the time) → spaces.
  text = text.replace(/[,.;:!?()[\]{}/'\\*-]/g, ' ');

  const tokens: Token[] = [];
  for (const word of text.split(' ')) {
    if (word === '' || FILLERS.has(word)) continue;
    const placeholder = /^@(\d+)$/.exec(word);
    if (placeholder) {
      tokens.push(special[Number(placeholder[1])] as Token);
      continue;
    }
    if (EVERY_WORDS.has(word)) {
      tokens.push({ t: 'every' });
      continue;
    }
    if (DAY_WORDS.has(word)) {
      tokens.push({ t: 'days' });
      continue;
    }
    const weekday = weekdayWord(word);
    if (weekday) {
      tokens.push({ t: 'weekday', value: weekday.weekday, plural: weekday.plural });
      continue;
    }
    const month = monthWord(word);
    if (month !== null) {
      tokens.push({ t: 'month', value: month });
      continue;
    }
    const ordinal = ordinalWord(word);
    if (ordinal) {
      tokens.push(ordinal.ok ? { t: 'ordinal', value: ordinal.value, text: word } : { t: 'badOrdinal', text: word });
      continue;
    }
    if (/^\d+$/.test(word)) {
      tokens.push({ t: 'number', value: Number(word), text: word });
      continue;
    }
    tokens.push({ t: 'unknown', text: word });
  }
  return tokens;
}

const fail = (message: string): DaySpecResult => ({ ok: false, message });

export function parseDaySpec(text: string): DaySpecResult {
  const tokens = tokenize(text);
  const unknown = tokens.find((k) => k.t === 'unknown');
  if (unknown) return fail(`Texte non compris : « ${unknown.text} »`);

  if (tokens.some((k) => k.t === 'month' || k.t === 'date')) return parseOnce(tokens);
  if (tokens.some((k) => k.t === 'ordinal' || k.t === 'badOrdinal')) return parseMonthly(tokens);
  if (tokens.some((k) => k.t === 'weekday' || k.t === 'days')) return parseWeekly(tokens);
  return fail('Jour de la semaine introuvable (ex. : 1er mercredi 2h-4h)');
}

function parseMonthly(tokens: Token[]): DaySpecResult {
  const bad = tokens.find((k) => k.t === 'badOrdinal');
  if (bad) return fail(`Ordinal invalide : ${bad.text} (1er à 5e ou dernier)`);
  const other = tokens.find((k) => k.t === 'number' || k.t === 'days');
  if (other) return fail(`Texte non compris : « ${other.t === 'number' ? other.text : 'jours'} »`);
  const weekdays = new Set<Weekday>();
  const ordinals = new Set<Ordinal>();
  let offset: { days: number; text: string } | null = null;
  // Stryker disable next-line BooleanLiteral: an offset before any rank is refused by the rank after it, same message
  let sawWeekday = false;
  for (const k of tokens) {
    if (k.t === 'ordinal') {
      if (offset) return fail(`Le décalage (${offset.text}) doit suivre le jour (ex. : 2e mardi + 1 jour)`);
      ordinals.add(k.value);
      sawWeekday = false;
    } else if (k.t === 'weekday') {
      if (ordinals.size === 0) return fail(`Ordinal manquant avant ${weekdayName(k.value)} (ex. : 1er mercredi)`);
      weekdays.add(k.value);
      sawWeekday = true;
    } else if (k.t === 'offset') {
      if (offset) return fail('Un seul décalage par plage (ex. : 2e mardi + 1 jour)');
      if (!sawWeekday) return fail(`Le décalage (${k.text}) doit suivre le jour (ex. : 2e mardi + 1 jour)`);
      offset = k;
    }
  }
  if (weekdays.size === 0) return fail('Jour de la semaine introuvable après le rang (ex. : 1er mercredi)');
  if (weekdays.size > 1) return fail('Un seul jour de la semaine par plage mensuelle (ex. : 1er et 3e mercredi)');
  if (!sawWeekday) return fail('Le jour de la semaine doit suivre le rang (ex. : 1er mercredi)');
  if (offset && Math.abs(offset.days) > MAX_OFFSET_DAYS) {
    return fail(`Décalage trop grand : ${offset.text} (${MAX_OFFSET_DAYS} jours au plus)`);
  }
  const sorted = [...ordinals].sort((a, b) => (a === -1 ? 6 : a) - (b === -1 ? 6 : b));
  const weekday = [...weekdays][0] as Weekday;
  return { ok: true, spec: { kind: 'monthly', ordinals: sorted, weekday, offsetDays: offset?.days ?? 0 } };
}

function parseWeekly(tokens: Token[]): DaySpecResult {
  const offset = tokens.find((k) => k.t === 'offset');
  if (offset) return fail('Un décalage (+ N jours) suit un jour du mois (ex. : 2e mardi + 1 jour)');
  const number = tokens.find((k): k is Extract<Token, { t: 'number' }> => k.t === 'number');
  if (number) return fail(`Texte non compris : « ${number.text} »`);
  const every = tokens.some((k) => k.t === 'every');
  const weekdays = new Set<Weekday>();
  let plural = false;
  for (const k of tokens) {
    if (k.t === 'weekday') {
      weekdays.add(k.value);
      plural ||= k.plural;
    }
  }
  if (tokens.some((k) => k.t === 'days')) {
    if (!every) return fail('Précisez « tous les jours »');
    if (weekdays.size > 0) return fail('« tous les jours » ou des jours de la semaine, pas les deux');
    return { ok: true, spec: { kind: 'weekly', weekdays: [1, 2, 3, 4, 5, 6, 7] } };
  }
  if (!every && !plural) {
    const name = weekdayName([...weekdays][0] as Weekday);
    return fail(`Quel ${name} ? Précisez « 1er ${name} » (chaque mois) ou « tous les ${name}s »`);
  }
  return { ok: true, spec: { kind: 'weekly', weekdays: [...weekdays].sort((a, b) => a - b) } };
}

function describeDate(date: CalendarDate): string {
  return formatLongDate(date);
}

function parseOnce(tokens: Token[]): DaySpecResult {
  const extra = tokens.find((k) => k.t === 'offset' || k.t === 'every' || k.t === 'days' || k.t === 'badOrdinal');
  if (extra) return fail('Une date précise ne prend ni « tous les », ni rang, ni décalage');
  const weekdays = tokens.filter((k): k is Extract<Token, { t: 'weekday' }> => k.t === 'weekday');
  if (weekdays.length > 1) return fail('Un seul jour de la semaine avec une date');
  const dates = tokens.filter((k): k is Extract<Token, { t: 'date' }> => k.t === 'date');
  const months = tokens.filter((k) => k.t === 'month');
  let date: CalendarDate;
  const first = dates[0];
  if (first) {
    if (dates.length > 1 || months.length > 0 || tokens.some((k) => k.t === 'number' || k.t === 'ordinal')) {
      return fail('Une seule date par plage');
    }
    if (first.ambiguous) {
      return fail(`Date ambiguë : ${first.text} (écrivez par ex. 2027-02-10 ou 10 février 2027)`);
    }
    if (!first.date) return fail(`Date invalide : ${first.text}`);
    date = first.date;
  } else {
    const parsed = namedMonthDate(tokens);
    if (!parsed.ok) return parsed;
    date = parsed.date;
  }
  if (date.year < 2000 || date.year > 2099) return fail(`Année invalide : ${date.year}`);
  const named = weekdays[0];
  if (named && named.value !== weekdayOf(date)) {
    return fail(
      `Le ${describeDate(date)} tombe un ${weekdayName(weekdayOf(date))}, pas un ${weekdayName(named.value)}`,
    );
  }
  return { ok: true, spec: { kind: 'once', date } };
}

/** "13 janvier 2027", "1er février 2027", "mercredi 13 janv. 2027": day, month, year, in that order. */
function namedMonthDate(tokens: Token[]): { ok: true; date: CalendarDate } | { ok: false; message: string } {
  const parts = tokens.filter((k) => k.t !== 'weekday');
  if (parts.filter((k) => k.t === 'month').length > 1) return { ok: false, message: 'Une seule date par plage' };
  const monthAt = parts.findIndex((k) => k.t === 'month');
  const before = parts.slice(0, monthAt);
  const after = parts.slice(monthAt + 1);
  const month = (parts[monthAt] as { value: number }).value;
  if (before.length === 0) return { ok: false, message: `Jour du mois manquant (ex. : 13 ${monthName(month)} 2027)` };
  // One word before the month, one after it: anything else is not a date we read.
  const dayToken = before.length === 1 ? before[0] : undefined;
  let day: number;
  if (dayToken?.t === 'number' && dayToken.text.length <= 2) day = dayToken.value;
  else if (dayToken?.t === 'ordinal' && dayToken.value === 1) day = 1;
  else return { ok: false, message: `Jour du mois non compris avant « ${monthName(month)} »` };
  if (after.length === 0) {
    return { ok: false, message: `Année manquante (ex. : ${day === 1 ? '1er' : day} ${monthName(month)} 2027)` };
  }
  const yearToken = after.length === 1 ? after[0] : undefined;
  if (yearToken?.t !== 'number' || yearToken.text.length !== 4) {
    return { ok: false, message: `Année non comprise après « ${monthName(month)} » (ex. : 2027)` };
  }
  const date = { year: yearToken.value, month, day };
  if (!isValidDate(date)) return { ok: false, message: `Date invalide : ${day} ${monthName(month)} ${date.year}` };
  return { ok: true, date };
}
