/**
 * The words of an outage notice's toasts (issue 13, "Unplanned outage notices"), French by default: what is down,
 * that it is down NOW, and what to do; then that it is back, then the verification (the same checklist as a window).
 */
import type { DateTime } from 'luxon';
import { formatWindow, type Lang } from '../../../shared/i18n/format';
import type { Notification } from '../agent-types';
import { listNames } from '../scheduler/messages';

export interface NoticeFacts {
  id: string;
  start: DateTime;
  end: DateTime | null;
  applications: readonly string[];
  /** IT's own words (shown under the standard sentence). */
  message: string;
}

function base(kind: Notification['kind'], n: NoticeFacts, opens: Notification['opens']) {
  return {
    kind,
    opens,
    windowStart: n.start.toISO({ suppressMilliseconds: true }) as string,
    windowEnd: n.end ? (n.end.toISO({ suppressMilliseconds: true }) as string) : '',
    noticeId: n.id,
  };
}

/** "GestLab indisponible — panne en cours. Appliquez votre plan de continuité." and IT's message. */
export function noticeStartNotification(n: NoticeFacts, lang: Lang): Notification {
  const apps = listNames(n.applications, lang);
  const many = n.applications.length > 1;
  const title =
    lang === 'fr'
      ? `${apps} ${many ? 'indisponibles' : 'indisponible'} — panne en cours`
      : `${apps} unavailable — outage in progress`;
  const body = `${lang === 'fr' ? 'Appliquez votre plan de continuité.' : 'Apply your continuity plan.'} ${n.message}`;
  return { ...base('notice', n, 'status'), title, body };
}

/** "GestLab est rétabli": the verification follows (at once, or at the next shift start). */
export function noticeEndNotification(n: NoticeFacts, lang: Lang): Notification {
  const apps = listNames(n.applications, lang);
  const many = n.applications.length > 1;
  const [title, body] =
    lang === 'fr'
      ? [`${apps} ${many ? 'sont rétablis' : 'est rétabli'}`, 'La panne est terminée. Une vérification va suivre.']
      : [`${apps} ${many ? 'are' : 'is'} back`, 'The outage is over. A verification follows.'];
  return { ...base('notice-end', n, 'status'), title, body };
}

/** The checklist after an outage is due (it opens with the toast). */
export function noticeChecklistNotification(n: NoticeFacts, lang: Lang, zone: string): Notification {
  const apps = listNames(n.applications, lang);
  const span = n.end ? formatWindow(n.start.setZone(zone), n.end.setZone(zone), lang) : '';
  const [title, body] =
    lang === 'fr'
      ? ['Vérification à faire', `Vérifiez ${apps} après la panne (${span}). La liste de vérification est ouverte.`]
      : ['Verification due', `Check ${apps} after the outage (${span}). The checklist is open.`];
  return { ...base('checklist', n, 'checklist'), title, body };
}
