/**
 * The planner with the Exceptions table (issue 13): cancelled, moved and added windows, with the day boundaries
 * read in America/Toronto (Du/Au inclusive, a window starting at 23:59 on Au, daylight saving changes).
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { inventoryFromJson } from '../../../shared/inventory/json';
import type { Inventory } from '../../../shared/inventory/model';
import { DEFAULT_REMINDERS, timeline, windowsFor, type PlannedWindow } from '../../../shared/planning';
import { exceptionProblems } from '../../../shared/planning/exceptions-check';
import { DEFAULT_ZONE } from '../../../shared/schedule';

const ZONE = DEFAULT_ZONE;
const LAB = { site: 'IUSMM', services: ['Laboratoire'] };

interface Row {
  site?: string;
  service?: string;
  application?: string;
  from: string;
  to?: string;
  action: string;
  newWindow?: string;
  reason?: string;
}

const APPS = [
  ['Laboratoire', 'Cobas IT', '3e mercredi 2h-4h'],
  ['Laboratoire', 'GestLab', '1er mercredi 2h-4h'],
  ['Laboratoire', 'Unity', '1er mercredi 2h-4h'],
  ['Laboratoire', 'Tard', '2027-01-06 23h59-1h'],
  ['Laboratoire', 'Minuit', '2027-01-07 0h-1h'],
  ['Laboratoire', 'Dimanche', 'tous les dimanches 1h-4h'],
  ['Laboratoire', 'Samedi soir', 'tous les samedis 23h30-1h'],
  ['Laboratoire', 'Intact', 'Pas touché'],
  ['Pharmacie', 'GespharX', '1er mercredi 2h-4h'],
];

function inventory(rows: Row[], apps = APPS): Inventory {
  const result = inventoryFromJson({
    format: 'vigie-inventory',
    version: 1,
    applications: apps.map(([service, application, schedule]) => ({ site: 'IUSMM', service, application, schedule })),
    exceptions: rows,
  });
  if (!result.ok || result.problems.length > 0) throw new Error(JSON.stringify(result.problems));
  return result.inventory;
}

const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const range = (from: string, to: string) => ({ from: at(from), to: at(to) });

function show(windows: PlannedWindow[]): string[] {
  return windows.map((w) => {
    const tag = w.cancelled
      ? ` ${w.cancelled.action}(${w.cancelled.reason}${w.cancelled.movedTo ? ` → ${w.cancelled.movedTo.toISO()}` : ''})`
      : w.exception
        ? ` ${w.exception.action}(${w.exception.reason})`
        : '';
    return `${w.start.toISO()} ${w.applications.map((a) => a.application).join(',')}${tag}`;
  });
}

const JAN_6 = range('2027-01-05T00:00', '2027-01-08T00:00');

describe('annulée', () => {
  it('a freeze (empty Service and Application) removes every window starting within Du..Au, kept as cancelled for display', () => {
    const inv = inventory([
      { site: 'IUSMM', from: '2027-01-04', to: '2027-01-08', action: 'annulée', reason: 'gel des Fêtes' },
    ]);
    const days = range('2027-01-03T05:00', '2027-01-09T20:00');
    expect(show(windowsFor(inv, LAB, days, ZONE))).toEqual([]);
    expect(show(windowsFor(inv, LAB, days, ZONE, { withCancelled: true }))).toEqual([
      '2027-01-06T02:00:00.000-05:00 GestLab,Unity cancelled(gel des Fêtes)',
      '2027-01-06T23:59:00.000-05:00 Tard cancelled(gel des Fêtes)',
      '2027-01-07T00:00:00.000-05:00 Minuit cancelled(gel des Fêtes)',
    ]);
    // Not an alert: no reminder, start, end or checklist for them.
    const events = timeline(inv, LAB, range('2027-01-04T00:00', '2027-01-09T00:00'), {
      zone: ZONE,
      reminders: DEFAULT_REMINDERS,
    });
    expect(events.filter((e) => e.windowStart.day === 6).map((e) => e.key)).toEqual([]);
    expect(events.length).toBeGreaterThan(0); // the Saturday after the freeze is still reminded
  });

  it('Du and Au are inclusive local days: a window at 23:59 on Au is cancelled, one at 2 h the day after is not', () => {
    const cancel = (from: string, to: string) =>
      show(
        windowsFor(inventory([{ application: 'Tard', from, to, action: 'annulée', reason: 'm' }]), LAB, JAN_6, ZONE, {
          withCancelled: true,
        }),
      ).filter((w) => w.includes('Tard'));
    expect(cancel('2027-01-06', '2027-01-06')).toEqual(['2027-01-06T23:59:00.000-05:00 Tard cancelled(m)']);
    expect(cancel('2027-01-01', '2027-01-06')).toEqual(['2027-01-06T23:59:00.000-05:00 Tard cancelled(m)']);
    // It runs into the 7th, but started on the 6th: a row for the 7th does not touch it; nor one ending the 5th.
    expect(cancel('2027-01-07', '2027-01-07')).toEqual(['2027-01-06T23:59:00.000-05:00 Tard']);
    expect(cancel('2027-01-05', '2027-01-05')).toEqual(['2027-01-06T23:59:00.000-05:00 Tard']);
    // A window at midnight right after Au is the next day's.
    const midnight = (to: string) =>
      show(
        windowsFor(inventory([{ application: 'Minuit', from: '2027-01-01', to, action: 'annulée' }]), LAB, JAN_6, ZONE),
      ).filter((w) => w.includes('Minuit'));
    expect(midnight('2027-01-06')).toEqual(['2027-01-07T00:00:00.000-05:00 Minuit']);
    expect(midnight('2027-01-07')).toEqual([]);
  });

  it('only the named application: the others of the window keep it (same times, same event keys)', () => {
    const plain = inventory([]);
    const inv = inventory([{ application: 'gestlab', from: '2027-01-06', action: 'annulée', reason: 'migration' }]);
    expect(show(windowsFor(inv, LAB, JAN_6, ZONE, { withCancelled: true })).slice(0, 2)).toEqual([
      '2027-01-06T02:00:00.000-05:00 Unity',
      '2027-01-06T02:00:00.000-05:00 GestLab cancelled(migration)',
    ]);
    const keys = (i: Inventory) =>
      timeline(i, LAB, range('2027-01-05', '2027-01-07'), { zone: ZONE, reminders: DEFAULT_REMINDERS }).map(
        (e) => e.key,
      );
    expect(keys(inv)).toEqual(keys(plain));
  });

  it('another site, another service: untouched', () => {
    const inv = inventory([
      { site: 'HMR', from: '2027-01-06', action: 'annulée' },
      { service: 'Pharmacie', from: '2027-01-06', action: 'annulée' },
    ]);
    expect(show(windowsFor(inv, LAB, JAN_6, ZONE)).slice(0, 1)).toEqual([
      '2027-01-06T02:00:00.000-05:00 GestLab,Unity',
    ]);
    expect(windowsFor(inv, { site: 'IUSMM', services: ['Pharmacie'] }, JAN_6, ZONE)).toEqual([]);
  });

  it('daylight saving: the days are local days on the spring-forward and fall-back Sundays', () => {
    const sunday = (day: string) =>
      show(
        windowsFor(
          inventory([{ application: 'Dimanche', from: day, action: 'annulée', reason: 'DST' }]),
          LAB,
          range(`${day}T01:00`, `${day}T23:00`),
          ZONE,
          { withCancelled: true },
        ),
      );
    expect(sunday('2027-03-14')).toEqual(['2027-03-14T01:00:00.000-05:00 Dimanche cancelled(DST)']);
    expect(sunday('2027-11-07')).toEqual(['2027-11-07T01:00:00.000-04:00 Dimanche cancelled(DST)']);
    // Saturday 23:30 (EST, 04:30 UTC on the Sunday) belongs to the Saturday.
    const saturday = inventory([{ application: 'Samedi soir', from: '2027-03-14', action: 'annulée' }]);
    expect(show(windowsFor(saturday, LAB, range('2027-03-13T20:00', '2027-03-14T00:30'), ZONE))).toEqual([
      '2027-03-13T23:30:00.000-05:00 Samedi soir',
    ]);
  });
});

describe('reportée and ajoutée', () => {
  const FEB = range('2027-02-01', '2027-02-20');
  const move = inventory(
    [
      {
        application: 'GestLab',
        from: '2027-02-03',
        action: 'reportée',
        newWindow: '17 février 2027 2h-4h',
        reason: 'inventaire',
      },
    ],
    APPS.slice(0, 3),
  );

  it('reportée removes the occurrence and adds the new window for the same applications (grouped with a window at the same times)', () => {
    expect(show(windowsFor(move, LAB, FEB, ZONE, { withCancelled: true }))).toEqual([
      '2027-02-03T02:00:00.000-05:00 Unity',
      '2027-02-03T02:00:00.000-05:00 GestLab moved(inventaire → 2027-02-17T02:00:00.000-05:00)',
      '2027-02-17T02:00:00.000-05:00 Cobas IT,GestLab moved(inventaire)',
    ]);
    // The new window is announced like any other: a reminder the day before at 10:00.
    const events = timeline(move, LAB, range('2027-02-16', '2027-02-18'), { zone: ZONE, reminders: DEFAULT_REMINDERS });
    expect(events.map((e) => `${e.kind} ${e.at.toISO()} ${e.applications.join(',')}`)).toContain(
      'reminder 2027-02-16T10:00:00.000-05:00 Cobas IT,GestLab',
    );
  });

  it('reportée for an application that has no occurrence within Du..Au adds nothing', () => {
    const none = inventory(
      [{ application: 'GestLab', from: '2027-02-04', action: 'reportée', newWindow: '17 février 2027 2h-4h' }],
      APPS.slice(0, 3),
    );
    expect(show(windowsFor(none, LAB, FEB, ZONE))).toEqual([
      '2027-02-03T02:00:00.000-05:00 GestLab,Unity',
      '2027-02-17T02:00:00.000-05:00 Cobas IT',
    ]);
  });

  it('ajoutée adds a window for the matching applications (not those "pas touché"), across midnight', () => {
    const inv = inventory([
      {
        service: 'Laboratoire',
        from: '2027-03-10',
        action: 'ajoutée',
        newWindow: '2027-03-10 22h-1h',
        reason: 'urgent',
      },
    ]);
    const windows = windowsFor(inv, LAB, range('2027-03-10T12:00', '2027-03-11T12:00'), ZONE);
    expect(show(windows)).toEqual([
      '2027-03-10T22:00:00.000-05:00 Cobas IT,Dimanche,GestLab,Minuit,Samedi soir,Tard,Unity added(urgent)',
    ]);
    expect(windows[0]?.end.toISO()).toBe('2027-03-11T01:00:00.000-05:00');
  });
});

describe('the day boundaries of each action', () => {
  it('Du starts at 0 h: a window at midnight on Du is cancelled by annulée and moved by reportée', () => {
    const minuit = (action: string, newWindow?: string) =>
      show(
        windowsFor(
          inventory([{ application: 'Minuit', from: '2027-01-07', action, newWindow, reason: 'm' }]),
          LAB,
          range('2027-01-05', '2027-01-21'),
          ZONE,
          { withCancelled: true },
        ),
      ).filter((w) => w.includes('Minuit'));
    expect(minuit('annulée')).toEqual(['2027-01-07T00:00:00.000-05:00 Minuit cancelled(m)']);
    expect(minuit('reportée', '2027-01-20 0h-1h')).toEqual([
      '2027-01-07T00:00:00.000-05:00 Minuit moved(m → 2027-01-20T00:00:00.000-05:00)',
      '2027-01-20T00:00:00.000-05:00 Minuit moved(m)',
    ]);
  });

  it('reportée on a Sunday does not move the Saturday 23 h 30 window still running after midnight', () => {
    const inv = inventory([
      { application: 'Samedi soir', from: '2027-01-10', action: 'reportée', newWindow: '2027-01-20 23h30-1h' },
    ]);
    expect(
      show(windowsFor(inv, LAB, range('2027-01-09T12:00', '2027-01-21T12:00'), ZONE, { withCancelled: true })).filter(
        (w) => w.includes('Samedi soir'),
      ),
    ).toEqual(['2027-01-09T23:30:00.000-05:00 Samedi soir', '2027-01-16T23:30:00.000-05:00 Samedi soir']);
    expect(exceptionProblems(inv, ZONE).map((p) => p.message)).toEqual([
      'Table « Exceptions » : aucune plage de maintenance ne commence le 2027-01-10 pour application « Samedi soir » : rien n’est reportée.',
    ]);
  });

  it('ajoutée removes nothing: the occurrence starting within its days stays beside the added window', () => {
    const inv = inventory([
      { application: 'GestLab', from: '2027-01-06', action: 'ajoutée', newWindow: '2027-01-06 22h-23h', reason: 'm' },
    ]);
    expect(
      show(windowsFor(inv, LAB, range('2027-01-06T00:00', '2027-01-06T23:30'), ZONE, { withCancelled: true })),
    ).toEqual(['2027-01-06T02:00:00.000-05:00 GestLab,Unity', '2027-01-06T22:00:00.000-05:00 GestLab added(m)']);
  });
});

describe('the window objects', () => {
  it('a window no row touches carries neither `exception` nor `cancelled`, not even as undefined', () => {
    const inv = inventory([{ application: 'GestLab', from: '2027-01-06', action: 'annulée', reason: 'm' }]);
    const windows = windowsFor(inv, LAB, range('2027-01-06T00:00', '2027-01-06T12:00'), ZONE, { withCancelled: true });
    expect(windows.map((w) => Object.keys(w).sort())).toEqual([
      ['applications', 'end', 'services', 'start'],
      ['applications', 'cancelled', 'end', 'services', 'start'],
    ]);
  });
});

describe('exceptionProblems (check-inventory)', () => {
  it('rows that match nothing, touch no window, or contradict an earlier row are warnings with row and column', () => {
    const problems = exceptionProblems(
      inventory([
        { application: 'Inconnue', from: '2027-01-06', action: 'annulée' },
        { service: 'Laboratoire', from: '2027-01-12', action: 'annulée' },
        { application: 'GestLab', from: '2027-02-03', action: 'annulée' },
        {
          application: 'GestLab',
          from: '2027-02-01',
          to: '2027-02-05',
          action: 'reportée',
          newWindow: '2027-02-10 2h-4h',
        },
        { site: 'IUSMM', from: '2027-02-08', to: '2027-02-14', action: 'annulée' },
        { application: 'Unity', from: '2027-02-03', action: 'annulée' },
      ]),
      ZONE,
    );
    expect(problems.map((p) => [p.row, p.column, p.severity])).toEqual([
      [1, 'Application', 'warning'],
      [2, 'Du', 'warning'],
      [4, 'Action', 'warning'],
      [5, 'Nouvelle plage', 'warning'],
    ]);
    expect(problems[0]?.message).toBe(
      'Table « Exceptions » : aucune application ne correspond (application « Inconnue ») : ligne sans effet.',
    );
    expect(problems[1]?.message).toContain('aucune plage de maintenance ne commence le 2027-01-12');
    expect(problems[2]?.message).toContain('contredit la ligne 3');
    expect(problems[3]?.message).toContain('« 2027-02-10 2h-4h » tombe dans une période annulée (ligne 5)');
  });
});
