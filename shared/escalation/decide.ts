/**
 * Whom to call, and what to do first, for a problem at a given moment (guide: "En cas de problème").
 */
import { DateTime } from 'luxon';
import type { Contact, ContactRule } from '../inventory/model';
import { formatTime, formatWindow, type Lang } from '../i18n/format';
import { foldText } from '../text/fold';
import { DEFAULT_ZONE } from '../schedule/zone';
import { DEFAULT_CONTACT_RULES, DEFAULT_CONTACTS_EN } from './defaults';
import { bySpecificity, describeRule, matches } from './rules';
import type { AdviceCode, EscalationAdvice, EscalationQuery } from './types';

export interface DecideOptions {
  /** IT's link to the Octopus form; fills the default Octopus contact (and any "Octopus" contact without a url). */
  octopusUrl?: string | null;
  language?: Lang;
  /** The application concerned, named in the sentence to read to the desk. */
  application?: string | null;
  /** Zone of the guide's hours. Default America/Toronto. */
  zone?: string;
}

const TEXT = {
  fr: {
    restart:
      "Fermez et redémarrez l'application. Certaines applications perdent la connexion quand le serveur redémarre.",
    retry: (end: string) =>
      `La plage de maintenance se termine à ${end} : réessayez après cette heure avant d'appeler.`,
    mention: (window: string, app: string | null) =>
      `Dites que la plage de maintenance du ${window}, est terminée et que ${app ?? "l'application"} ne fonctionne pas.`,
    usual: "Si le problème persiste, procédez comme à l'habitude pour le signaler.",
    noWindow: 'Problème sans lien avec une plage de maintenance : procédure habituelle',
    noRule: 'Aucune consigne particulière à cette heure : procédure habituelle',
  },
  en: {
    restart: 'Close and restart the application. Some applications lose their connection when the server restarts.',
    retry: (end: string) => `The maintenance window ends at ${end}: try again after that time before calling.`,
    mention: (window: string, app: string | null) =>
      `Say that the maintenance window of ${window} is over and that ${app ?? 'the application'} is not working.`,
    usual: 'If the problem persists, report it the usual way.',
    noWindow: 'Problem not related to a maintenance window: usual procedure',
    noRule: 'No specific instruction at this time: usual procedure',
  },
} as const;

function parse(iso: string, zone: string): DateTime {
  // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, setZone(zone) below sets the zone of the same instant either way.
  return DateTime.fromISO(iso, { setZone: true }).setZone(zone);
}

function iso(dt: DateTime): string {
  // Stryker disable next-line StringLiteral: unreachable, only a valid window end gets here and its toISO() is never null.
  return dt.toISO({ suppressMilliseconds: true }) ?? '';
}

/**
 * Inventory rules first (IT's word beats the guide), then the guide's defaults; each list most specific first.
 * Throws RangeError only when `query.at` is not a valid ISO date (a caller bug: IPC input is validated upstream).
 */
export function decideContact(
  query: EscalationQuery,
  rules: readonly ContactRule[],
  options: DecideOptions = {},
): EscalationAdvice {
  const lang: Lang = options.language ?? 'fr';
  const t = TEXT[lang];
  const zone = options.zone ?? DEFAULT_ZONE;
  const at = parse(query.at, zone);
  if (!at.isValid) throw new RangeError(`Invalid escalation time: ${query.at}`);

  const advice: { code: AdviceCode; text: string }[] = [{ code: 'restart-first', text: t.restart }];
  const start = query.window ? parse(query.window.start, zone) : null;
  const end = query.window ? parse(query.window.end, zone) : null;

  // "Si le problème ne concerne pas une application prévue dans la plage de maintenance, procédez comme à l'habitude."
  // Stryker disable next-line OptionalChaining: equivalent, start and end are both null (no window) or both set.
  const knownWindow = Boolean(start?.isValid && end?.isValid);
  if (!knownWindow && !query.relatedToWindow) {
    advice.push({ code: 'usual-procedure', text: t.usual });
    return { contact: null, rule: { id: 'usual', description: t.noWindow }, advice, retryAfter: null };
  }

  let retryAfter: string | null = null;
  // Stryker disable next-line OptionalChaining: equivalent, start and end are both null (no window) or both set.
  if (!start?.isValid || !end?.isValid) {
    // Related to a window we cannot name: only the time-of-day rules below apply.
  } else if (at.toMillis() < end.toMillis()) {
    // The CDA "demandera de réessayer après la fin de la plage": say it before they call.
    retryAfter = iso(end);
    advice.push({ code: 'retry-after-window', text: t.retry(formatTime(end, lang)) });
  } else {
    advice.push({
      code: 'mention-window',
      text: t.mention(formatWindow(start, end, lang), options.application ?? null),
    });
  }

  const context = { local: at, site: query.site, service: query.service, urgencePilote: query.urgencePilote };
  const fromInventory = bySpecificity(rules).find((r) => matches(r, context));
  const fromDefaults = fromInventory
    ? undefined
    : bySpecificity(DEFAULT_CONTACT_RULES).find((r) => matches(r, context));
  const rule = fromInventory ?? fromDefaults;
  if (!rule) {
    advice.push({ code: 'usual-procedure', text: t.usual });
    return { contact: null, rule: { id: 'usual', description: t.noRule }, advice, retryAfter };
  }

  let contact: Contact = { ...rule.contact };
  if (fromDefaults && lang === 'en') contact = { ...(DEFAULT_CONTACTS_EN[rule.id] ?? contact) };
  if (contact.url === null && options.octopusUrl && foldText(contact.name).includes('octopus')) {
    contact.url = options.octopusUrl;
  }
  return {
    contact,
    rule: { id: rule.id, description: describeRule(rule, contact.name, contact.phone, lang) },
    advice,
    retryAfter,
  };
}
