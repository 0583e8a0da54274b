/**
 * The words of the short-notice heads-up (issue 12; electron/core/scheduler/heads-up.ts): "Plage ajoutée :
 * aujourd'hui 3 h 30 – 3 h 36, GestLab". Its own file beside messages.ts, which several changes touch at once.
 */
import type { DateTime } from 'luxon';
import { formatDate, formatWindow } from '../../../shared/i18n/format';
import type { Lang } from '../../../shared/i18n/format';
import type { Notification } from '../agent-types';
import { listNames, type MessageContext, type WindowFacts } from './messages';

/** "aujourd'hui 3 h 30 – 3 h 36", "demain 2 h – 4 h", else "mercredi 2 décembre, 2 h – 4 h" (en alike). */
function day(start: DateTime, end: DateTime, now: DateTime, lang: Lang): string {
  const full = formatWindow(start, end, lang);
  // formatWindow always begins with the start's date ("mercredi 2 décembre, 3 h 30 – 3 h 36").
  const times = full.slice(`${formatDate(start, lang)}, `.length);
  if (start.hasSame(now, 'day')) return `${lang === 'fr' ? 'aujourd’hui' : 'today'} ${times}`;
  if (start.hasSame(now.plus({ days: 1 }), 'day')) return `${lang === 'fr' ? 'demain' : 'tomorrow'} ${times}`;
  return full;
}

export function headsUpNotification(w: WindowFacts, ctx: MessageContext): Notification {
  const now = ctx.now.setZone(ctx.zone);
  const start = w.start.setZone(ctx.zone);
  const end = w.end.setZone(ctx.zone);
  const apps = listNames(w.applications, ctx.lang);
  const when = day(start, end, now, ctx.lang);
  const [title, body] =
    ctx.lang === 'fr'
      ? ['Plage de maintenance ajoutée', `Plage ajoutée : ${when}, ${apps}. Préparez votre plan de continuité.`]
      : ['Maintenance window added', `Window added: ${when}, ${apps}. Get your continuity plan ready.`];
  return {
    kind: 'heads-up',
    opens: 'status',
    windowStart: w.start.toISO({ suppressMilliseconds: true }) as string,
    windowEnd: w.end.toISO({ suppressMilliseconds: true }) as string,
    title,
    body,
  };
}
