/**
 * The words of the toasts (issue 3, "Scheduler and alerts"), French by default, English on request. Read at 2 a.m.
 * on a ward PC: what is unavailable, until when, and what to do — nothing technical.
 */
import type { DateTime } from 'luxon';
import { formatDate, formatTime, formatWindow } from '../../../shared/i18n/format';
import type { Lang } from '../../../shared/i18n/format';
import type { Notification } from '../agent-types';

/** The window a notification is about. */
export interface WindowFacts {
  start: DateTime;
  end: DateTime;
  applications: readonly string[];
}

/** More names than this become "… et 3 autres": a toast shows about four lines. */
const MAX_NAMES = 5;

/** "A", "A et B", "A, B et C", "A, B, C, D, E et 2 autres" (fr) · "A, B and C", "…, E and 2 others" (en). */
export function listNames(names: readonly string[], lang: Lang, max: number = MAX_NAMES): string {
  const and = lang === 'fr' ? ' et ' : ' and ';
  if (names.length === 0) return '';
  if (names.length > max) {
    const rest = names.length - max;
    const others =
      lang === 'fr' ? `${rest} ${rest > 1 ? 'autres' : 'autre'}` : `${rest} ${rest > 1 ? 'others' : 'other'}`;
    return `${names.slice(0, max).join(', ')}${and}${others}`;
  }
  if (names.length === 1) return names[0] as string;
  return `${names.slice(0, -1).join(', ')}${and}${names[names.length - 1] as string}`;
}

function local(dt: DateTime, zone: string): DateTime {
  return dt.setZone(zone);
}

/** Same local calendar day (luxon compares local calendar time; both are in the plan's zone). */
function sameDay(a: DateTime, b: DateTime): boolean {
  return a.hasSame(b, 'day');
}

/**
 * "à 2 h" when it is today or within a few hours (a 23:30 reminder for a midnight window is not "tomorrow"),
 * "demain" the day before, otherwise "le mercredi 2 décembre".
 */
function when(start: DateTime, now: DateTime, lang: Lang): string {
  if (sameDay(start, now) || start.toMillis() - now.toMillis() < 12 * 3600_000)
    return `${lang === 'fr' ? 'à' : 'at'} ${formatTime(start, lang)}`;
  if (sameDay(start, now.plus({ days: 1 }))) return lang === 'fr' ? 'demain' : 'tomorrow';
  return `${lang === 'fr' ? 'le' : 'on'} ${formatDate(start, lang)}`;
}

/** "jusqu'à 4 h" within a day; "jusqu'au samedi 5 décembre à 4 h" for a longer window. */
function until(end: DateTime, now: DateTime, lang: Lang): string {
  const near = end.toMillis() - now.toMillis() < 20 * 3600_000;
  if (lang === 'fr')
    return near ? `jusqu'à ${formatTime(end, 'fr')}` : `jusqu'au ${formatDate(end, 'fr')} à ${formatTime(end, 'fr')}`;
  return near ? `until ${formatTime(end, lang)}` : `until ${formatDate(end, lang)}, ${formatTime(end, lang)}`;
}

/** "de 2 h à 4 h" / "from 2:00 to 4:00 a.m." (the day is in the title or obvious). */
function fromTo(start: DateTime, end: DateTime, lang: Lang): string {
  if (lang === 'fr') return `de ${formatTime(start, 'fr')} à ${formatTime(end, 'fr')}`;
  return `from ${formatTime(start, lang)} to ${formatTime(end, lang)}`;
}

/** "2 h – 4 h" today, else "mercredi 2 décembre, 2 h – 4 h". */
function span(start: DateTime, end: DateTime, now: DateTime, lang: Lang): string {
  const full = formatWindow(start, end, lang);
  if (!sameDay(start, now)) return full;
  // formatWindow starts with the day: "mercredi 2 décembre, 2 h – 4 h" → keep the part after the first comma
  // (English puts a comma inside the day: "Wednesday, December 2, 2:00 – 4:00 a.m.").
  const dayPrefix = `${formatDate(start, lang)}, `;
  return full.startsWith(dayPrefix) ? full.slice(dayPrefix.length) : full;
}

function base(kind: Notification['kind'], w: WindowFacts, opens: Notification['opens']) {
  return {
    kind,
    opens,
    windowStart: w.start.toISO({ suppressMilliseconds: true }) as string,
    windowEnd: w.end.toISO({ suppressMilliseconds: true }) as string,
  };
}

export interface MessageContext {
  now: DateTime;
  zone: string;
  lang: Lang;
}

/** What every message reads: the times in the plan's zone (for "today"/"tomorrow") and the applications' names. */
function facts(w: WindowFacts, ctx: MessageContext) {
  return {
    lang: ctx.lang,
    now: local(ctx.now, ctx.zone),
    start: local(w.start, ctx.zone),
    end: local(w.end, ctx.zone),
    apps: listNames(w.applications, ctx.lang),
    many: w.applications.length > 1,
  };
}

/** The window is coming: prepare the continuity plan. */
export function reminderNotification(w: WindowFacts, ctx: MessageContext): Notification {
  const { lang, now, start, end, apps, many } = facts(w, ctx);
  const title =
    lang === 'fr' ? `Plage de maintenance ${when(start, now, lang)}` : `Maintenance window ${when(start, now, lang)}`;
  const body =
    lang === 'fr'
      ? `${apps} ${many ? 'seront indisponibles' : 'sera indisponible'} ${fromTo(start, end, 'fr')}. ` +
        'Préparez votre plan de continuité.'
      : // "… to 4:00 a.m." already ends the sentence: no second period.
        `${apps} will be unavailable ${fromTo(start, end, lang).replace(/\.$/, '')}. Get your continuity plan ready.`;
  return { ...base('reminder', w, 'status'), title, body };
}

/**
 * The window starts (or, after a sleep, is already under way: `inProgress`): deploy the continuity plan.
 */
export function startNotification(w: WindowFacts, ctx: MessageContext, inProgress = false): Notification {
  const { lang, now, end, apps, many } = facts(w, ctx);
  if (lang === 'fr') {
    const title = 'Plage de maintenance en cours';
    const body = inProgress
      ? `La plage de maintenance est en cours ${until(end, now, 'fr')} : ${apps} ` +
        `${many ? 'sont indisponibles' : 'est indisponible'} — déployez votre plan de continuité ; ` +
        'les autres applications restent disponibles.'
      : `${many ? 'Applications' : 'Application'} ${apps} ${many ? 'indisponibles' : 'indisponible'} ` +
        `${until(end, now, 'fr')} — déployez votre plan de continuité ; les autres applications restent disponibles.`;
    return { ...base('start', w, 'status'), title, body };
  }
  const title = 'Maintenance window in progress';
  const body = inProgress
    ? `The maintenance window is in progress ${until(end, now, lang)}: ${apps} ${many ? 'are' : 'is'} unavailable — ` +
      'deploy your continuity plan; other applications remain available.'
    : `${apps} unavailable ${until(end, now, lang)} — deploy your continuity plan; other applications remain available.`;
  return { ...base('start', w, 'status'), title, body };
}

/** The window is over: verify. */
export function endNotification(w: WindowFacts, ctx: MessageContext): Notification {
  const { lang, apps } = facts(w, ctx);
  const [title, body] =
    lang === 'fr'
      ? ['Plage de maintenance terminée', `Plage terminée — veuillez vérifier les applications : ${apps}.`]
      : ['Maintenance window over', `Window over — please verify the applications: ${apps}.`];
  return { ...base('end', w, 'status'), title, body };
}

/** The checklist is due (it opens with the toast). */
export function checklistNotification(w: WindowFacts, ctx: MessageContext): Notification {
  const { lang, now, start, end, apps } = facts(w, ctx);
  const [title, body] =
    lang === 'fr'
      ? [
          'Vérification à faire',
          `Vérifiez ${apps} après la plage ${sameDay(start, now) ? 'de' : 'du'} ${span(start, end, now, 'fr')}. ` +
            'La liste de vérification est ouverte.',
        ]
      : ['Verification due', `Check ${apps} after the ${span(start, end, now, lang)} window. The checklist is open.`];
  return { ...base('checklist', w, 'checklist'), title, body };
}

/** After a sleep through the end: one toast instead of the stale ones, and the checklist opens. */
export function catchUpNotification(w: WindowFacts, ctx: MessageContext): Notification {
  const { lang, now, start, end, apps } = facts(w, ctx);
  const [title, body] =
    lang === 'fr'
      ? [
          'Plage de maintenance terminée',
          `La plage ${sameDay(start, now) ? 'de' : 'du'} ${span(start, end, now, 'fr')} est terminée : ` +
            `vérifiez maintenant les applications (${apps}).`,
        ]
      : [
          'Maintenance window over',
          `The ${span(start, end, now, lang)} window is over: verify the applications now (${apps}).`,
        ];
  return { ...base('catch-up', w, 'checklist'), title, body };
}
