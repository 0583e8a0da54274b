/**
 * Matching and ordering of contact rules, and their human description.
 */
import { DateTime } from 'luxon';
import type { ContactRule } from '../inventory/model';
import { formatLongDate, formatTime, type Lang } from '../i18n/format';
import { sameName } from '../text/fold';
import { parseTimeOfDay } from '../text/hhmm';

const DAY = 24 * 60;

/** "HH:MM" → minutes since midnight, null when invalid (shared/text/hhmm.ts reads the text). */
function minutesOf(hhmm: string): number | null {
  const t = parseTimeOfDay(hhmm);
  return t === null ? null : t.hour * 60 + t.minute;
}

/** Length of the rule's daily span in minutes; from == to is the whole day. null when a time is invalid. */
export function spanMinutes(rule: ContactRule): number | null {
  const from = minutesOf(rule.from);
  const to = minutesOf(rule.to);
  if (from === null || to === null) return null;
  return to > from ? to - from : to + DAY - from;
}

function blank(v: string | null): boolean {
  return v === null || v.trim() === '';
}

export interface MatchContext {
  /** `at` in the escalation zone. */
  local: DateTime;
  site: string;
  service: string | null;
  urgencePilote: boolean;
}

/** Time of day: from inclusive, to exclusive; to <= from crosses midnight; from == to is all day. */
export function matches(rule: ContactRule, q: MatchContext): boolean {
  const from = minutesOf(rule.from);
  const to = minutesOf(rule.to);
  if (from === null || to === null) return false;
  const m = q.local.hour * 60 + q.local.minute;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, with from == to the crossing branch (m >= from || m < from) is also always true.
  const inTime = from === to || (from < to ? m >= from && m < to : m >= from || m < to);
  if (!inTime) return false;
  // Stryker disable next-line OptionalChaining: blank() has excluded null.
  if (!blank(rule.date) && rule.date?.trim() !== q.local.toISODate()) return false;
  // Stryker disable next-line StringLiteral: unreachable, blank() has excluded null.
  if (!blank(rule.site) && !sameName(rule.site ?? '', q.site)) return false;
  // Stryker disable next-line StringLiteral: unreachable, blank() has excluded null.
  if (!blank(rule.service) && (q.service === null || !sameName(rule.service ?? '', q.service))) return false;
  return rule.urgencePilote === null || rule.urgencePilote === q.urgencePilote;
}

/**
 * Most specific first: date > site+service > site > service > generic; then the narrower time span; then a rule
 * conditioned on Urgence pilote before one that is not (the Octopus form before the CSI for the same hours);
 * then the list's own order.
 */
export function bySpecificity(rules: readonly ContactRule[]): ContactRule[] {
  const rank = (r: ContactRule): number[] => {
    const site = !blank(r.site);
    const service = !blank(r.service);
    return [
      blank(r.date) ? 1 : 0,
      site && service ? 0 : site ? 1 : service ? 2 : 3,
      spanMinutes(r) ?? DAY,
      r.urgencePilote === null ? 1 : 0,
    ];
  };
  return rules
    .map((rule, index) => ({ rule, index, key: rank(rule) }))
    .sort((a, b) => {
      // Stryker disable next-line EqualityOperator: equivalent, one step past the end compares undefined ?? 0 with itself.
      for (let i = 0; i < a.key.length; i++) {
        const d = (a.key[i] ?? 0) - (b.key[i] ?? 0);
        if (d !== 0) return d;
      }
      // Stryker disable next-line ArithmeticOperator: equivalent on V8, a comparator that always says "after" keeps the insertion order of ties.
      return a.index - b.index;
    })
    .map((x) => x.rule);
}

function clock(hhmm: string, lang: Lang, isEnd: boolean): string {
  const minutes = minutesOf(hhmm) ?? 0;
  if (isEnd && minutes === 0) return lang === 'fr' ? '24 h' : 'midnight';
  return formatTime(
    // Stryker disable next-line ObjectLiteral: differs only on a host whose own zone skips this hour today.
    DateTime.fromObject({ hour: Math.floor(minutes / 60), minute: minutes % 60 }, { zone: 'utc' }),
    lang,
  );
}

/** "Entre 4 h et 7 h : CDA (3050)", "Le 17 octobre 2018 à HMR : Coordonnateur d'activité". */
export function describeRule(rule: ContactRule, contactName: string, phone: string | null, lang: Lang): string {
  const fr = lang === 'fr';
  const allDay = rule.from.trim() === rule.to.trim();
  const hours = fr
    ? `entre ${clock(rule.from, lang, false)} et ${clock(rule.to, lang, true)}`
    : `between ${clock(rule.from, lang, false)} and ${clock(rule.to, lang, true)}`;
  let head: string;
  // Stryker disable next-line OptionalChaining,StringLiteral,ObjectLiteral: blank() has excluded null; a date-only text is the same calendar date in any zone.
  const date = blank(rule.date) ? null : DateTime.fromISO(rule.date?.trim() ?? '', { zone: 'utc' });
  if (date?.isValid) {
    head = fr ? `Le ${formatLongDate(date, lang)}` : `On ${formatLongDate(date, lang)}`;
    if (!allDay) head += `, ${hours}`;
  } else if (allDay) {
    head = fr ? 'En tout temps' : 'At any time';
  } else {
    head = hours.charAt(0).toUpperCase() + hours.slice(1);
  }
  // Stryker disable next-line OptionalChaining: blank() has excluded null.
  const site = blank(rule.site) ? null : rule.site?.trim();
  // Stryker disable next-line OptionalChaining: blank() has excluded null.
  const service = blank(rule.service) ? null : rule.service?.trim();
  if (service) head += fr ? ` pour ${service}` : ` for ${service}`;
  if (site) head += fr ? ` à ${site}` : ` at ${site}`;
  if (rule.urgencePilote !== null) {
    head += fr
      ? rule.urgencePilote
        ? ', avec une entente Urgence pilote'
        : ', sans entente Urgence pilote'
      : rule.urgencePilote
        ? ', with an Urgence pilote agreement'
        : ', without an Urgence pilote agreement';
  }
  return `${head}${fr ? ' : ' : ': '}${contactName}${phone ? ` (${phone})` : ''}`;
}
