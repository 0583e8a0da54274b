/**
 * Step 2 of a problem (guide: "En cas de problème"): whom to contact *now* and what to tell them. Decided from the
 * caller's `now` every time — the same problem opened at 06:55 and at 07:05 gets the CDA, then the CSI.
 */
import { DateTime } from 'luxon';
import { decideContact } from '../../../shared/escalation';
import type { EscalationAdvice } from '../../../shared/escalation/types';
import { formatTime, formatWindow } from '../../../shared/i18n/format';
import type { Inventory } from '../../../shared/inventory/model';
import type { Lang } from '../../../shared/i18n/format';
import type { CheckId } from '../../../shared/ipc/schemas';
import type { GuidanceView } from '../../../shared/ipc/views';
import { serviceInfoFor } from '../../../shared/planning';

export interface GuidanceQuery {
  site: string;
  service: string;
  application: string;
  windowStart: string;
  windowEnd: string;
  /** The checks of this application answered "Problème" (and not fixed by a restart), to word the script. */
  failing: CheckId[];
}

export interface GuidanceOptions {
  now: DateTime;
  zone: string;
  language: Lang;
  octopusUrl: string | null;
  inventory: Inventory;
}

/** What the checklist keeps in checklist_items.contact_json: the contact advised, by which rule, and when. */
export interface StoredContact {
  contact: EscalationAdvice['contact'];
  rule: string;
  at: string;
}

function local(iso: string, zone: string): DateTime {
  return DateTime.fromISO(iso, { setZone: true }).setZone(zone);
}

/** The sentence to read out to the desk (first person, ready to say as is). */
function script(query: GuidanceQuery, advice: EscalationAdvice, options: GuidanceOptions): string {
  const { language: lang, zone } = options;
  const start = local(query.windowStart, zone);
  const end = local(query.windowEnd, zone);
  const window = formatWindow(start, end, lang);
  const onlyTransfers = query.failing.length > 0 && query.failing.every((c) => c === 'transfers');
  if (advice.retryAfter) {
    return lang === 'en'
      ? `The maintenance window of ${window} is not over yet: wait until ${formatTime(end, lang)}, restart ` +
          `${query.application} and check again before calling.`
      : `La plage de maintenance du ${window} n'est pas encore terminée : attendez ${formatTime(end, lang)}, ` +
          `redémarrez ${query.application} et vérifiez de nouveau avant d'appeler.`;
  }
  if (lang === 'en') {
    const what = onlyTransfers
      ? `the data transfers of ${query.application} are not working`
      : `${query.application} is not working`;
    return (
      `Hello, this is ${query.service} at ${query.site}. A maintenance window ended at ${formatTime(end, lang)} ` +
      `(${window}) and ${what}, even after closing and restarting it.`
    );
  }
  const what = onlyTransfers
    ? `les transferts de données de ${query.application} ne fonctionnent pas`
    : `${query.application} ne fonctionne pas`;
  return (
    `Bonjour, ici ${query.service} (${query.site}). Une plage de maintenance s'est terminée à ` +
    `${formatTime(end, lang)} (${window}) et ${what}, même après avoir fermé et redémarré l'application.`
  );
}

export function buildGuidance(query: GuidanceQuery, options: GuidanceOptions): GuidanceView {
  const { inventory, zone, language } = options;
  const now = options.now.setZone(zone);
  const urgencePilote = serviceInfoFor(inventory, query.site, query.service)?.urgencePilote ?? false;
  const escalation = decideContact(
    {
      at: now.toISO() as string,
      site: query.site,
      service: query.service,
      urgencePilote,
      window: { start: query.windowStart, end: query.windowEnd },
    },
    inventory.contacts,
    { octopusUrl: options.octopusUrl, language, application: query.application, zone },
  );
  return {
    application: query.application,
    service: query.service,
    windowStart: query.windowStart,
    windowEnd: query.windowEnd,
    escalation,
    script: script(query, escalation, options),
  };
}

export function storedContact(advice: EscalationAdvice, now: DateTime): StoredContact {
  return { contact: advice.contact, rule: advice.rule.id, at: now.toISO({ suppressMilliseconds: true }) as string };
}
