/**
 * "Vérification faite par PC-LAB-1 (MT) à 4 h 30" (issue 12): the one wording of a verification another
 * workstation made, for the toast (electron/core/scheduler/verified.ts) and the status window.
 */
import type { DateTime } from 'luxon';
import { formatDate, formatTime, type Lang } from './format';

export interface VerifiedByText {
  workstation: string;
  /** May be empty (initials are optional on a shared PC). */
  initials: string;
  /** When it was submitted, in the zone to show (America/Toronto). */
  at: DateTime;
}

/** The day is said only when the verification was not made today (`now` in the same zone). */
export function verifiedByText(by: VerifiedByText, now: DateTime, lang: Lang): string {
  const who = by.initials.trim() ? `${by.workstation} (${by.initials.trim()})` : by.workstation;
  const today = by.at.hasSame(now.setZone(by.at.zone), 'day');
  if (lang === 'fr') {
    const when = today ? `à ${formatTime(by.at, 'fr')}` : `le ${formatDate(by.at, 'fr')} à ${formatTime(by.at, 'fr')}`;
    return `Vérification faite par ${who} ${when}`;
  }
  const when = today ? `at ${formatTime(by.at, 'en')}` : `on ${formatDate(by.at, 'en')} at ${formatTime(by.at, 'en')}`;
  return `Verified by ${who} ${when}`;
}
