/** French words of the fleet report, shared by the HTML and CSV renderers. */
import { DateTime } from 'luxon';
import type { ServiceWindowStatus } from './fleet-types';

export const CHECK_FR = { starts: 'L’application démarre', transfers: 'Les transferts fonctionnent' } as const;

export const RESULT_FR = { ok: 'OK', problem: 'Problème', na: 'Sans objet' } as const;

export const RESTART_FR = { fixed: 'Réglé en redémarrant', 'not-fixed': 'Non réglé' } as const;

export const STATUS_FR: Record<ServiceWindowStatus, string> = {
  ok: 'Vérifié, sans problème',
  problems: 'Vérifié, problème signalé',
  suspect: 'Non confirmé : rapports suspects seulement',
  unverified: 'Non vérifié',
};

export function resultFr(result: keyof typeof RESULT_FR | null): string {
  return result === null ? 'Sans réponse' : RESULT_FR[result];
}

export function restartFr(restart: keyof typeof RESTART_FR | null): string {
  return restart === null ? '' : RESTART_FR[restart];
}

/** "2026-12-02 02:00" in the zone: what Excel and people read without ambiguity. */
export function localStamp(isoText: string, zone: string): string {
  const dt = DateTime.fromISO(isoText, { setZone: true });
  return dt.isValid ? dt.setZone(zone).toFormat('yyyy-LL-dd HH:mm') : isoText;
}

/**
 * localStamp for one rendering of many reports: the stamp has minute precision, so instants of the same minute
 * share one luxon conversion (a zone conversion costs tens of microseconds; 60,000 reports are submitted in a
 * few hundred distinct minutes).
 */
export function localStamps(zone: string): (isoText: string) => string {
  const byMinute = new Map<number, string>();
  return (isoText) => {
    const ms = Date.parse(isoText);
    if (Number.isNaN(ms)) return localStamp(isoText, zone);
    const minute = Math.floor(ms / 60_000);
    let stamp = byMinute.get(minute);
    if (stamp === undefined) {
      stamp = localStamp(isoText, zone);
      byMinute.set(minute, stamp);
    }
    return stamp;
  };
}

/** "12 345": digits grouped by three with a space, as the issue and French readers write counts. */
export function frCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/**
 * A long list cut to its first `max` names (issue 9: 2,000 workstation names in one cell help nobody):
 * "PC-1, PC-2 … et 1 998 autres". The full list stays in the JSON summary and the CSV.
 */
export function summarizeList(names: readonly string[], max = 10): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} … et ${frCount(names.length - max)} autres`;
}

/** "2026-12-02 02:07 (PC-LAB-1, MT)" per acknowledgement, or "Non" (issue 12, column "Prise de connaissance"). */
export function acknowledgedFr(
  acks: readonly { at: string; workstation: string; initials: string }[],
  stamp: (isoText: string) => string,
): string {
  if (acks.length === 0) return 'Non';
  return acks
    .map((a) => `${stamp(a.at)} (${[a.workstation, a.initials].filter((x) => x.trim() !== '').join(', ')})`)
    .join(' ; ');
}
