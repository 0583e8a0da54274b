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
