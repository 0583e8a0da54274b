/**
 * check-inventory's warnings on the Exceptions table (shared/planning/exceptions-check.ts, issue 13): which rows
 * match no application, which touch no window, and which two rows contradict each other — each warning with its
 * row, its column and its exact sentence.
 */
import { describe, expect, it } from 'vitest';
import type { Application, CalendarException, ExceptionAction, Inventory } from '../../../shared/inventory/model';
import { exceptionProblems } from '../../../shared/planning/exceptions-check';
import { DEFAULT_ZONE, parseSchedule } from '../../../shared/schedule';
import { app } from './sample';

const LAB = [
  app('IUSMM', 'Laboratoire', 'GestLab', '1er mercredi 2h-4h'),
  app('IUSMM', 'Laboratoire', 'Unity', '1er mercredi 2h-4h'),
];
/** Every day at 2 h, so any day of a row has a window to remove. */
const DAILY = [app('IUSMM', 'Laboratoire', 'Quotidien', 'tous les jours 2h-3h')];

interface Row {
  row?: number | null;
  site?: string;
  service?: string;
  application?: string;
  from: string;
  to?: string;
  action: ExceptionAction;
  newWindow?: string;
}

function exception(r: Row, index: number): CalendarException {
  let newWindow: CalendarException['newWindow'] = null;
  if (r.newWindow !== undefined) {
    const parsed = parseSchedule(r.newWindow);
    if (parsed.status !== 'scheduled' || parsed.rule.kind !== 'once') throw new Error(r.newWindow);
    newWindow = { text: r.newWindow, rule: parsed.rule };
  }
  return {
    row: r.row === undefined ? index + 2 : r.row,
    site: r.site ?? null,
    service: r.service ?? null,
    application: r.application ?? null,
    from: r.from,
    to: r.to ?? r.from,
    action: r.action,
    newWindow,
    reason: '',
  };
}

function inventory(applications: Application[], rows?: Row[]): Inventory {
  return {
    publishedAt: null,
    applications,
    services: [],
    contacts: [],
    hosts: [],
    ...(rows ? { exceptions: rows.map(exception) } : {}),
  };
}

/** Each warning as "row column: message" (every one is a warning; the prefix is checked once below). */
function problems(applications: Application[], rows: Row[]): string[] {
  return exceptionProblems(inventory(applications, rows), DEFAULT_ZONE).map((p) => {
    expect(p.severity).toBe('warning');
    expect(p.message.startsWith('Table « Exceptions » : ')).toBe(true);
    return `${p.row ?? '-'} ${p.column ?? '-'}: ${p.message.slice('Table « Exceptions » : '.length)}`;
  });
}

describe('rows that match no application', () => {
  it('name their most specific condition as the column and their whole scope in the sentence', () => {
    expect(
      problems(LAB, [
        { site: 'HMR', service: 'Laboratoire', from: '2027-01-06', action: 'cancelled' },
        { site: 'HMR', application: 'GestLab', from: '2027-01-06', action: 'cancelled' },
        { site: 'HMR', from: '2027-01-06', action: 'cancelled' },
        { service: 'Urgence', from: '2027-01-06', action: 'cancelled' },
      ]),
    ).toEqual([
      '2 Service: aucune application ne correspond (site « HMR », service « Laboratoire ») : ligne sans effet.',
      '3 Application: aucune application ne correspond (site « HMR », application « GestLab ») : ligne sans effet.',
      '4 Site: aucune application ne correspond (site « HMR ») : ligne sans effet.',
      '5 Service: aucune application ne correspond (service « Urgence ») : ligne sans effet.',
    ]);
  });

  it('an application without a site (blank or spaces) is concerned by a row for any site', () => {
    const everywhere = [app('  ', 'Pharmacie', 'GespharX', '1er mercredi 2h-4h')];
    expect(
      problems(everywhere, [{ site: 'HMR', service: 'pharmacie', from: '2027-01-06', action: 'cancelled' }]),
    ).toEqual([]);
  });
});

describe('rows that touch no window', () => {
  it('a cancellation or move with no window starting within its days says which days, for which applications', () => {
    expect(
      problems(LAB, [
        { from: '2027-01-10', to: '2027-01-12', action: 'cancelled' },
        { application: 'Unity', from: '2027-01-13', action: 'moved', newWindow: '2027-01-27 2h-4h' },
      ]),
    ).toEqual([
      '2 Du: aucune plage de maintenance ne commence du 2027-01-10 au 2027-01-12 pour toutes les applications : rien n’est annulée.',
      '3 Du: aucune plage de maintenance ne commence le 2027-01-13 pour application « Unity » : rien n’est reportée.',
    ]);
  });

  it('an ajoutée row needs no window within its days: it is never "sans effet" for that', () => {
    expect(
      problems(LAB, [{ application: 'GestLab', from: '2027-01-20', action: 'added', newWindow: '2027-01-20 2h-4h' }]),
    ).toEqual([]);
  });

  it('an inventory saved before the table existed (no exceptions field) has no warning', () => {
    expect(exceptionProblems(inventory(LAB), DEFAULT_ZONE)).toEqual([]);
  });
});

describe('two rows that contradict each other', () => {
  it('removing the same days differently: the earlier row wins, named by its row (or "?" without one)', () => {
    expect(
      problems(DAILY, [
        { row: null, from: '2027-01-06', to: '2027-01-07', action: 'cancelled' },
        { application: 'Quotidien', from: '2027-01-07', action: 'moved', newWindow: '2027-01-20 5h-6h' },
      ]),
    ).toEqual(['3 Action: contredit la ligne ? (annulée / reportée pour les mêmes plages) : la ligne ? l’emporte.']);
    expect(
      problems(DAILY, [
        { from: '2027-01-06', action: 'moved', newWindow: '2027-01-20 5h-6h' },
        { from: '2027-01-06', action: 'moved', newWindow: '2027-01-21 5h-6h' },
      ]),
    ).toEqual(['3 Action: contredit la ligne 2 (reportée / reportée pour les mêmes plages) : la ligne 2 l’emporte.']);
  });

  it('the same removal twice, or removals of days that only touch (Au, then Du the day after), agree', () => {
    const agree = (rows: Row[]) => expect(problems(DAILY, rows)).toEqual([]);
    agree([
      { from: '2027-01-06', action: 'cancelled' },
      { application: 'quotidien', from: '2027-01-06', action: 'cancelled' },
    ]);
    agree([
      { from: '2027-01-06', action: 'moved', newWindow: '2027-01-20 5h-6h' },
      { from: '2027-01-06', action: 'moved', newWindow: '2027-01-20 5h-6h' },
    ]);
    // The later row's days just before, then just after, the earlier row's.
    agree([
      { from: '2027-01-07', action: 'cancelled' },
      { from: '2027-01-06', action: 'moved', newWindow: '2027-01-20 5h-6h' },
    ]);
    agree([
      { from: '2027-01-06', action: 'cancelled' },
      { from: '2027-01-07', action: 'moved', newWindow: '2027-01-20 5h-6h' },
    ]);
  });

  it('rows for another site, another service or another application never contradict', () => {
    const disjoint = (applications: Application[], a: Partial<Row>, b: Partial<Row>) =>
      expect(
        problems(applications, [
          { ...a, from: '2027-01-06', action: 'cancelled' },
          { ...b, from: '2027-01-06', action: 'moved', newWindow: '2027-01-20 5h-6h' },
        ]),
      ).toEqual([]);
    disjoint(
      [...DAILY, app('HMR', 'Laboratoire', 'Quotidien', 'tous les jours 2h-3h')],
      { site: 'IUSMM' },
      { site: 'HMR' },
    );
    const pharmacy = [...DAILY, app('IUSMM', 'Pharmacie', 'GespharX', 'tous les jours 2h-3h')];
    disjoint(pharmacy, { service: 'Laboratoire' }, { service: 'Pharmacie' });
    disjoint(pharmacy, { application: 'Quotidien' }, { application: 'GespharX' });
  });

  it('a cancellation and an ajoutée of the same days do not contradict: the added window is elsewhere', () => {
    expect(
      problems(DAILY, [
        { from: '2027-01-06', action: 'cancelled' },
        { from: '2027-01-06', action: 'added', newWindow: '2027-01-20 5h-6h' },
      ]),
    ).toEqual([]);
  });
});

describe('a new window inside a cancelled period', () => {
  it('is said from Du at 0 h to the end of Au, whichever row comes first; it is kept', () => {
    expect(
      problems(DAILY, [
        { row: null, from: '2027-01-10', to: '2027-01-12', action: 'cancelled' },
        { from: '2027-01-09', action: 'added', newWindow: '2027-01-09 23h-23h59' },
        { from: '2027-01-10', action: 'added', newWindow: '2027-01-10 0h-1h' },
        { from: '2027-01-12', action: 'added', newWindow: '2027-01-12 23h59-1h' },
        { from: '2027-01-13', action: 'added', newWindow: '2027-01-13 0h-1h' },
      ]),
    ).toEqual([
      '4 Nouvelle plage: la nouvelle plage « 2027-01-10 0h-1h » tombe dans une période annulée (ligne ?) : elle est tout de même maintenue.',
      '5 Nouvelle plage: la nouvelle plage « 2027-01-12 23h59-1h » tombe dans une période annulée (ligne ?) : elle est tout de même maintenue.',
    ]);
    // The adding row first, the cancellation after it: the same warning, on the cancellation's row.
    expect(
      problems(DAILY, [
        { from: '2027-01-10', action: 'moved', newWindow: '2027-01-20 5h-6h' },
        { from: '2027-01-20', action: 'cancelled' },
      ]),
    ).toEqual([
      '3 Nouvelle plage: la nouvelle plage « 2027-01-20 5h-6h » tombe dans une période annulée (ligne 3) : elle est tout de même maintenue.',
    ]);
  });

  it('a window moved into days another row moves away from is no warning: only cancellations are checked', () => {
    expect(
      problems(DAILY, [
        { from: '2027-01-10', action: 'moved', newWindow: '2027-01-20 5h-6h' },
        { from: '2027-01-20', action: 'moved', newWindow: '2027-01-25 5h-6h' },
      ]),
    ).toEqual([]);
  });
});
