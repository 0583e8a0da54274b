/**
 * The guide's Annexe 2 (also test/fixtures/inventory/annexe2-windows-1252.csv, as IT exports it) built in code, so
 * these tests do not depend on the CSV importer. Schedules go through the real parser.
 */
import type { Application, CalendarException, Inventory, ServiceInfo } from '../../../shared/inventory/model';
import { parseSchedule } from '../../../shared/schedule';

const ROWS: [direction: string, site: string, service: string, application: string, schedule: string][] = [
  ['DSI', 'IUSMM', 'Urgence', 'SIURGE IUSMM', 'À venir (voir commentaire)'],
  ['DSP', 'IUSMM', 'Archives', 'Clinibase CI', 'À venir (voir commentaire)'],
  ['DSP', 'IUSMM', 'Archives', 'eClinibase', "Pas touché pour l'instant (serveur de Logibec)"],
  ['DSP', 'IUSMM', 'Laboratoire', 'Cobas IT', '3e mercredi 2h-4h'],
  ['DSP', 'IUSMM', 'Laboratoire', 'Cortex Omnitech', '1er mercredi 2h-4h'],
  ['DSP', 'IUSMM', 'Laboratoire', 'GestLab', '1er mercredi 2h-4h'],
  ['DSP', 'IUSMM', 'Laboratoire', 'Unity Real Time IUSMM', '1er mercredi 2h-4h'],
  ['DSP', 'IUSMM', 'Pharmacie', 'Accudose', 'À venir (voir commentaire)'],
  ['DSP', 'IUSMM', 'Pharmacie', 'GespharX IUSMM', '1er mercredi 2h-4h'],
  ['DST', 'IUSMM', 'Nutrition', 'Nutritek', '1er mercredi 2h-4h'],
  ['DST', 'IUSMM', 'Nutrition', 'WinVision IUSMM', '1er mercredi 2h-4h'],
];

export function app(site: string, service: string, application: string, schedule: string): Application {
  return {
    row: null,
    direction: 'DSP',
    site,
    service,
    application,
    scheduleText: schedule,
    schedule: parseSchedule(schedule),
    comment: '',
    transfers: null,
  };
}

export function serviceInfo(
  service: string,
  hours: { twentyFourSeven: boolean; shiftStarts?: string[] },
  site = '',
): ServiceInfo {
  return {
    site,
    service,
    twentyFourSeven: hours.twentyFourSeven,
    shiftStarts: hours.shiftStarts ?? [],
    urgencePilote: false,
    continuityPlanUrl: null,
  };
}

export function sampleInventory(extra: Partial<Inventory> = {}): Inventory {
  return {
    publishedAt: '2018-09-28',
    applications: ROWS.map(([direction, site, service, application, schedule]) => ({
      ...app(site, service, application, schedule),
      direction,
    })),
    services: [],
    contacts: [],
    hosts: [],
    ...extra,
  };
}

/** The sample inventory (or `base`) with these Exceptions rows (issue 13), each a cancellation on 2 December unless told. */
export function withExceptions(rows: Partial<CalendarException>[], base: Inventory = sampleInventory()): Inventory {
  return {
    ...base,
    exceptions: rows.map((r, i) => ({
      row: i + 2,
      site: null,
      service: null,
      application: null,
      from: '2026-12-02',
      to: '2026-12-02',
      action: 'cancelled',
      newWindow: null,
      reason: 'gel des Fêtes',
      ...r,
    })),
  };
}
