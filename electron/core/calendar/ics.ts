/**
 * The workstation's upcoming maintenance windows as an .ics file for Outlook (issue 5). ical-generator writes the
 * iCalendar text (escaping, line folding); @touch4it/ical-timezones supplies the VTIMEZONE so Outlook shows
 * 2 h – 4 h on both sides of a DST change instead of guessing the zone.
 */
import { createHash } from 'node:crypto';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAlarmType, ICalEventBusyStatus, ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import type { DateTime } from 'luxon';
import type { Lang } from '../../../shared/i18n/format';
import type { PlannedWindow } from '../../../shared/planning';

export type IcsWindow = Pick<PlannedWindow, 'start' | 'end' | 'applications' | 'services' | 'cancelled' | 'exception'>;

export interface IcsOptions {
  /** IANA zone of the events and of the VTIMEZONE (America/Toronto). */
  zone: string;
  /** The workstation's site: part of each event's UID (two sites' windows at the same hour are distinct events). */
  site: string;
  /** DTSTAMP of every event (clock.now()): the file is a function of its inputs. */
  now: DateTime;
  language?: Lang;
  prodId?: { company: string; product: string };
  /** Reminders, in minutes before the start (e.g. [24 * 60, 30]); none by default — Vigie reminds on its own. */
  alarms?: readonly number[];
}

const TEXT = {
  fr: {
    summary: (services: string) => `Plage de maintenance — ${services}`,
    apps: 'Applications non disponibles pendant la plage :',
    plan: 'Déployez votre plan de continuité pendant la plage. Les autres applications (courriel, Internet, etc.) restent disponibles.',
    verify: 'Après la plage, vérifiez que les applications fonctionnent (Vigie ouvrira la liste de vérification).',
    calendar: (site: string) => `Plages de maintenance — ${site}`,
    alarm: 'Plage de maintenance bientôt : préparez votre plan de continuité.',
    cancelled: (services: string) => `Plage de maintenance annulée — ${services}`,
    reason: (reason: string) => `Motif : ${reason}`,
  },
  en: {
    summary: (services: string) => `Maintenance window — ${services}`,
    apps: 'Applications unavailable during the window:',
    plan: 'Deploy your continuity plan during the window. Other applications (email, Internet, etc.) stay available.',
    verify: 'After the window, check that the applications work (Vigie will open the checklist).',
    calendar: (site: string) => `Maintenance windows — ${site}`,
    alarm: 'Maintenance window soon: get your continuity plan ready.',
    cancelled: (services: string) => `Maintenance window cancelled — ${services}`,
    reason: (reason: string) => `Reason: ${reason}`,
  },
} as const;

/**
 * Same window, same site and services → same UID, so re-importing an updated export updates the events in
 * Outlook instead of duplicating them.
 */
export function windowUid(w: IcsWindow, site: string): string {
  const key = [
    w.start.toUTC().toISO(),
    w.end.toUTC().toISO(),
    site.trim().toLowerCase(),
    ...w.services.map((s) => s.trim().toLowerCase()).sort(),
  ].join('|');
  return `${createHash('sha256').update(key).digest('hex').slice(0, 32)}@vigie`;
}

/**
 * The UID a cancelled occurrence had before the Exceptions table cancelled it: windows are grouped by their times,
 * so its event held the services of every window (kept or cancelled) at those times (issue 13: "a cancelled
 * occurrence is STATUS:CANCELLED with the same UID, so calendar clients that imported it remove it"). null when a
 * window kept at the same times still has that UID (part of it was cancelled: the kept event is simply updated).
 */
function cancelledUid(w: IcsWindow, windows: readonly IcsWindow[], site: string): string | null {
  const same = windows.filter(
    (o) => o.start.toMillis() === w.start.toMillis() && o.end.toMillis() === w.end.toMillis(),
  );
  const uid = windowUid({ ...w, services: [...new Set(same.flatMap((o) => o.services))] }, site);
  return same.some((o) => !o.cancelled && windowUid(o, site) === uid) ? null : uid;
}

export function buildIcs(windows: readonly IcsWindow[], options: IcsOptions): string {
  const lang = options.language ?? 'fr';
  const t = TEXT[lang];
  const calendar = ical({
    prodId: {
      company: options.prodId?.company ?? 'Vigie',
      product: options.prodId?.product ?? 'Plages de maintenance',
      language: lang.toUpperCase(),
    },
    name: t.calendar(options.site),
    // name: null on purpose: with a calendar-level zone ical-generator writes DTSTAMP as a floating local time,
    // while RFC 5545 §3.8.7.2 wants UTC. The events carry the zone (TZID=…) and the generator still emits their
    // VTIMEZONE.
    timezone: { name: null, generator: getVtimezoneComponent },
    x: [['X-WR-TIMEZONE', options.zone]],
  });
  for (const w of windows) {
    const apps = [...new Set(w.applications.map((a) => a.application))];
    const uid = w.cancelled ? cancelledUid(w, windows, options.site) : windowUid(w, options.site);
    if (uid === null) continue;
    const reason = w.cancelled?.reason || w.exception?.reason || '';
    const notes = reason === '' ? [] : [t.reason(reason), ''];
    calendar.createEvent({
      id: uid,
      // A cancellation must outrank the event it replaces (RFC 5545 §3.8.7.4) for a client to apply it.
      ...(w.cancelled ? { status: ICalEventStatus.CANCELLED, sequence: 1 } : {}),
      start: w.start.setZone(options.zone),
      // RFC 5545 §3.8.2.2: DTEND must be after DTSTART. A window a spring-forward gap emptied (start == end,
      // docs/inventory-format.md) has no DTEND: an event with DTSTART alone takes no time (§3.6.1). ical-generator
      // would otherwise swap a start and end in the wrong order without a word.
      end: w.end.toMillis() > w.start.toMillis() ? w.end.setZone(options.zone) : null,
      timezone: options.zone,
      stamp: options.now,
      summary: (w.cancelled ? t.cancelled : t.summary)(w.services.join(', ')),
      description: (w.cancelled
        ? [...notes, t.apps, ...apps.map((a) => `- ${a}`)]
        : [...notes, t.apps, ...apps.map((a) => `- ${a}`), '', t.plan, t.verify]
      ).join('\n'),
      location: options.site,
      // Informational: the ward works through the window, Outlook must not show people as busy.
      busystatus: ICalEventBusyStatus.FREE,
      transparency: ICalEventTransparency.TRANSPARENT,
      alarms: (w.cancelled ? [] : (options.alarms ?? [])).map((minutes) => ({
        type: ICalAlarmType.display,
        triggerBefore: minutes * 60,
        description: t.alarm,
      })),
    });
  }
  // RFC 5545 §3.1: every content line ends with CRLF, the last one included (ical-generator omits it).
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
