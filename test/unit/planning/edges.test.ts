/** Edges of the planner that its main tests pass over: spellings, orders, empty ranges, malformed settings. */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { calendarDate, checklistTime } from '../../../shared/planning/hours';
import { compareNames, sortedUnique } from '../../../shared/planning/names';
import { timeline } from '../../../shared/planning/timeline';
import { DEFAULT_REMINDERS, type PlanOptions } from '../../../shared/planning/types';
import { applicationsOf, serviceInfoFor, windowsFor } from '../../../shared/planning/windows';
import { app, sampleInventory, serviceInfo } from './sample';

const zone = 'America/Toronto';
const local = (iso: string) => DateTime.fromISO(iso, { zone });
const range = { from: local('2026-11-25T00:00'), to: local('2027-01-31T00:00') };
const options: PlanOptions = { zone, reminders: DEFAULT_REMINDERS };
const lab = { site: 'IUSMM', services: ['Laboratoire'] };
const end = local('2026-12-09T09:00');
const checklistAt = (shiftStarts: string[], twentyFourSeven = false) =>
  checklistTime(end, { twentyFourSeven, shiftStarts }, zone).toISO();

describe('checklist time', () => {
  it('takes the earliest shift start at or after the end, whatever the list order', () => {
    expect(checklistAt(['16:00', '20:00'])).toBe('2026-12-09T16:00:00.000-05:00');
    expect(checklistAt(['20:00', '16:00'])).toBe('2026-12-09T16:00:00.000-05:00');
  });

  it('skips malformed shift starts and reads "H:MM" with spaces; none valid → the end', () => {
    expect(checklistAt(['bad', ' 9:30 '])).toBe('2026-12-09T09:30:00.000-05:00');
    // "24:00" reads as midnight (shared/text/hhmm.ts): the next one after a 9:00 end is the next day's.
    expect(checklistAt(['24:00'])).toBe('2026-12-10T00:00:00.000-05:00');
    for (const bad of ['x9:30', '9:30x', '9:30 h', '24:30', '23:60', '']) {
      expect(checklistAt([bad]), bad).toBe('2026-12-09T09:00:00.000-05:00');
    }
    expect(checklistAt(['23:59'])).toBe('2026-12-09T23:59:00.000-05:00');
  });

  it('a 24/7 service gets it at the end even when shift starts are listed', () => {
    expect(checklistAt(['16:00'], true)).toBe('2026-12-09T09:00:00.000-05:00');
  });

  it('the workstation’s exact spelling wins over another spelling of the same name', () => {
    const events = timeline(sampleInventory(), lab, range, {
      ...options,
      serviceHours: {
        laboratoire: { twentyFourSeven: false, shiftStarts: ['06:00'] },
        Laboratoire: { twentyFourSeven: false, shiftStarts: ['08:00'] },
      },
    });
    expect(events.find((e) => e.kind === 'checklist')?.at.toISO()).toBe('2026-12-02T08:00:00.000-05:00');
  });

  it('calendarDate: whole days by calendar arithmetic, other amounts as luxon adds them', () => {
    expect(calendarDate(local('2026-12-31T23:00'), zone, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(calendarDate(local('2027-03-01T00:30'), zone, -1)).toEqual({ year: 2027, month: 2, day: 28 });
    expect(calendarDate(local('2026-12-31T23:00'), zone, 1.5)).toEqual({ year: 2027, month: 1, day: 1 });
  });
});

describe('timeline edges', () => {
  it('the default reminders are the guide’s: the day before at 10:00 and 30 minutes before', () => {
    expect(DEFAULT_REMINDERS).toEqual([
      { kind: 'day-before', at: '10:00' },
      { kind: 'before', minutes: 30 },
    ]);
  });

  it('finds a day-before reminder for a window after the range with no other reminder, despite an infinite one', () => {
    for (const reminders of [
      [{ kind: 'day-before' as const, at: '10:00' }],
      [
        { kind: 'before' as const, minutes: Infinity },
        { kind: 'day-before' as const, at: '10:00' },
      ],
    ]) {
      const events = timeline(
        sampleInventory(),
        lab,
        { from: local('2026-12-01T00:00'), to: local('2026-12-01T12:00') },
        { zone, reminders },
      );
      expect(events.map((e) => `${e.kind} ${e.at.toISO()}`)).toEqual(['reminder 2026-12-01T10:00:00.000-05:00']);
    }
  });

  it('split checklists carry their services in their keys', () => {
    const inventory = sampleInventory({
      services: [serviceInfo('Pharmacie', { twentyFourSeven: false, shiftStarts: ['08:00'] })],
    });
    const keys = timeline(inventory, { site: 'IUSMM', services: ['Pharmacie', 'Laboratoire'] }, range, options)
      .filter((e) => e.kind === 'checklist' && e.windowStart.toISODate() === '2026-12-02')
      .map((e) => e.key);
    expect(keys).toEqual([
      'checklist|2026-12-02T07:00:00Z|2026-12-02T09:00:00Z|Laboratoire',
      'checklist|2026-12-02T07:00:00Z|2026-12-02T09:00:00Z|Pharmacie',
    ]);
    // Two services with the same hours share one checklist: both named in its key, comma-separated.
    const shared = timeline(
      inventory,
      { site: 'IUSMM', services: ['Pharmacie', 'Laboratoire', 'Nutrition'] },
      range,
      options,
    )
      .filter((e) => e.kind === 'checklist' && e.windowStart.toISODate() === '2026-12-02')
      .map((e) => e.key.split('|')[3]);
    expect(shared).toEqual(['Laboratoire,Nutrition', 'Pharmacie']);
  });
});

describe('windows edges', () => {
  it('an empty or reversed range has no windows, even inside a window', () => {
    const at3 = local('2026-12-02T03:00');
    expect(windowsFor(sampleInventory(), lab, { from: at3, to: at3 }, zone)).toEqual([]);
    expect(windowsFor(sampleInventory(), lab, { from: at3, to: at3.minus({ minutes: 1 }) }, zone)).toEqual([]);
    expect(timeline(sampleInventory(), lab, { from: at3, to: at3 }, options)).toEqual([]);
  });

  it('applicationsOf: inventory order, site-specific and empty-site rows alike; an empty site once', () => {
    const inventory = sampleInventory({
      applications: [
        app('', 'Laboratoire', 'Réseau', '1er mercredi 2h-4h'),
        app('IUSMM', 'Laboratoire', 'LIS', '1er mercredi 2h-4h'),
      ],
    });
    expect(applicationsOf(inventory, lab).map((a) => a.app.application)).toEqual(['Réseau', 'LIS']);
    expect(applicationsOf(inventory, { site: '', services: ['Laboratoire'] }).map((a) => a.app.application)).toEqual([
      'Réseau',
    ]);
    expect(applicationsOf(inventory, { site: 'IUSMM', services: ['Inconnu'] })).toEqual([]);
  });

  it('the first spelling of a service in the profile is the one shown', () => {
    const found = applicationsOf(sampleInventory(), { site: 'IUSMM', services: ['Laboratoire', 'laboratoire '] });
    expect(new Set(found.map((a) => a.service))).toEqual(new Set(['Laboratoire']));
  });

  it('sorts a window’s applications by service then name, trimmed, and windows by start then end', () => {
    const inventory = sampleInventory({
      applications: [
        app('IUSMM', 'Pharmacie', 'Zeta', '2 décembre 2026 de 2h à 4h'),
        app('IUSMM', 'Laboratoire', ' zèbre ', '2 décembre 2026 de 2h à 4h'),
        app('IUSMM', 'Laboratoire', 'Alpha', '2 décembre 2026 de 2h à 4h'),
        app('IUSMM', 'Laboratoire', 'Court', '2 décembre 2026 de 2h à 3h'),
      ],
    });
    const windows = windowsFor(inventory, { site: 'IUSMM', services: ['Pharmacie', 'Laboratoire'] }, range, zone);
    expect(
      windows.map((w) => [w.end.toFormat('HH:mm'), w.applications.map((a) => `${a.service}/${a.application}`)]),
    ).toEqual([
      ['03:00', ['Laboratoire/Court']],
      ['04:00', ['Laboratoire/Alpha', 'Laboratoire/zèbre', 'Pharmacie/Zeta']],
    ]);
  });

  it('a Services row whose site is only spaces is for any site', () => {
    const inventory = sampleInventory({ services: [serviceInfo('Laboratoire', { twentyFourSeven: false }, '  ')] });
    expect(serviceInfoFor(inventory, 'IUSMM', 'Laboratoire')?.site).toBe('  ');
  });
});

describe('name order', () => {
  it('a name that differs only by accents sorts after the plain one, whatever the input order', () => {
    expect(compareNames('résumé', 'resume')).toBeGreaterThan(0);
    expect(compareNames('resume', 'résumé')).toBeLessThan(0);
    expect(sortedUnique(['résumé', 'resume'])).toEqual(['resume', 'résumé']);
  });

  it('a name followed by a combining accent sorts after the plain name, in either argument order', () => {
    expect(compareNames('Cafe\u0301', 'Cafe')).toBeGreaterThan(0);
    expect(compareNames('Cafe', 'Cafe\u0301')).toBeLessThan(0);
  });

  it('spells out œ, æ and ß before comparing', () => {
    expect(sortedUnique(['Ovale', 'Pomme', 'Œuf'])).toEqual(['Œuf', 'Ovale', 'Pomme']);
    expect(sortedUnique(['Afrique', 'Bleu', 'Æther'])).toEqual(['Æther', 'Afrique', 'Bleu']);
    expect(sortedUnique(['Massif', 'Maßnahme'])).toEqual(['Massif', 'Maßnahme']);
  });
});
