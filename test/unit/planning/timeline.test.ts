import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { timeline } from '../../../shared/planning/timeline';
import { DEFAULT_REMINDERS, type PlanOptions, type TimelineEvent } from '../../../shared/planning/types';
import { app, sampleInventory, serviceInfo } from './sample';

const zone = 'America/Toronto';
const local = (iso: string) => DateTime.fromISO(iso, { zone });
const range = { from: local('2026-11-25T00:00'), to: local('2027-01-31T00:00') };
const options: PlanOptions = { zone, reminders: DEFAULT_REMINDERS };
const lab = { site: 'IUSMM', services: ['Laboratoire'] };
const LAB_FIRST_WEDNESDAY = ['Cortex Omnitech', 'GestLab', 'Unity Real Time IUSMM'];

/** "kind at-local apps" lines: readable diffs when the planner changes. */
const brief = (events: TimelineEvent[]) =>
  events.map((e) => `${e.kind} ${e.at.toFormat("yyyy-MM-dd'T'HH:mmZZ")} ${e.applications.join(', ')}`);

describe('timeline — IUSMM / Laboratoire, 2026-11-25 → 2027-01-31', () => {
  const events = timeline(sampleInventory(), lab, range, options);

  it('announces the 1st-Wednesday window of December with its reminders, start, end and checklist', () => {
    expect(brief(events.slice(0, 5))).toEqual([
      `reminder 2026-12-01T10:00-05:00 ${LAB_FIRST_WEDNESDAY.join(', ')}`,
      `reminder 2026-12-02T01:30-05:00 ${LAB_FIRST_WEDNESDAY.join(', ')}`,
      `start 2026-12-02T02:00-05:00 ${LAB_FIRST_WEDNESDAY.join(', ')}`,
      `end 2026-12-02T04:00-05:00 ${LAB_FIRST_WEDNESDAY.join(', ')}`,
      `checklist 2026-12-02T04:00-05:00 ${LAB_FIRST_WEDNESDAY.join(', ')}`,
    ]);
    for (const e of events.slice(0, 5)) {
      expect(e.services).toEqual(['Laboratoire']);
      expect(e.windowStart.toISO()).toBe('2026-12-02T02:00:00.000-05:00');
      expect(e.windowEnd.toISO()).toBe('2026-12-02T04:00:00.000-05:00');
    }
  });

  it('keeps Cobas IT in its own 3rd-Wednesday window (2026-12-16)', () => {
    const cobas = events.filter((e) => e.applications.includes('Cobas IT'));
    expect(cobas.map((e) => e.applications)).toEqual(Array(10).fill(['Cobas IT']));
    expect(brief(cobas.slice(0, 5))).toEqual([
      'reminder 2026-12-15T10:00-05:00 Cobas IT',
      'reminder 2026-12-16T01:30-05:00 Cobas IT',
      'start 2026-12-16T02:00-05:00 Cobas IT',
      'end 2026-12-16T04:00-05:00 Cobas IT',
      'checklist 2026-12-16T04:00-05:00 Cobas IT',
    ]);
    expect(cobas[7]?.at.toISODate()).toBe('2027-01-20');
  });

  it('covers four windows (Dec 2, Dec 16, Jan 6, Jan 20), five events each, sorted by time', () => {
    expect(events).toHaveLength(20);
    expect(events.filter((e) => e.kind === 'start').map((e) => e.at.toISODate())).toEqual([
      '2026-12-02',
      '2026-12-16',
      '2027-01-06',
      '2027-01-20',
    ]);
    const times = events.map((e) => e.at.toMillis());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('orders ties: reminder < start < end < checklist, across windows (not in the order they are built)', () => {
    // Window A 2h–4h ends at 04:00 when window B 4h–6h starts, and B's reminder falls at A's start (02:00): built
    // window by window, A's end and checklist come before B's reminder and start; sorted, they come after.
    const inventory = sampleInventory({
      applications: [
        app('IUSMM', 'Laboratoire', 'A', '2 décembre 2026 de 2h à 4h'),
        app('IUSMM', 'Laboratoire', 'B', '2 décembre 2026 de 4h à 6h'),
      ],
    });
    const tie = timeline(inventory, lab, range, { zone, reminders: [{ kind: 'before', minutes: 120 }] });
    expect(tie.map((e) => `${e.kind} ${e.at.toFormat('HH:mm')} ${e.applications.join()}`)).toEqual([
      'reminder 00:00 A',
      'reminder 02:00 B',
      'start 02:00 A',
      'start 04:00 B',
      'end 04:00 A',
      'checklist 04:00 A',
      'end 06:00 B',
      'checklist 06:00 B',
    ]);
  });

  it('ignores applications of other sites and services, and those without a concrete window', () => {
    const inventory = sampleInventory();
    inventory.applications.push(app('HMR', 'Laboratoire', 'Autre labo', '1er mercredi 2h-4h'));
    const all = timeline(inventory, lab, range, options).flatMap((e) => e.applications);
    expect(new Set(all)).toEqual(new Set(['Cobas IT', ...LAB_FIRST_WEDNESDAY]));
  });

  it('matches site and service case-, accent- and whitespace-insensitively', () => {
    const sloppy = { site: ' iusmm', services: ['LABORATOIRE  '] };
    const again = timeline(sampleInventory(), sloppy, range, options);
    expect(brief(again)).toEqual(brief(events));
    expect(again[0]?.services).toEqual(['LABORATOIRE']);
    const inventory = sampleInventory();
    inventory.applications.push(app('IUSMM', 'Bloc  opératoire', 'Salle', '1er mercredi 2h-4h'));
    const bloc = timeline(inventory, { site: 'IUSMM', services: ['bloc operatoire'] }, range, options);
    expect(bloc.filter((e) => e.kind === 'start')).toHaveLength(2);
  });
});

describe('timeline — several services', () => {
  const profile = { site: 'IUSMM', services: ['Pharmacie', 'Laboratoire'] };

  it('groups applications of different services sharing a window', () => {
    const events = timeline(sampleInventory(), profile, range, options);
    const start = events.find((e) => e.kind === 'start');
    expect(start?.applications).toEqual(['Cortex Omnitech', 'GespharX IUSMM', 'GestLab', 'Unity Real Time IUSMM']);
    expect(start?.services).toEqual(['Laboratoire', 'Pharmacie']);
    expect(events).toHaveLength(20);
  });

  it('splits the checklist when the services have different hours, with stable per-service keys', () => {
    const inventory = sampleInventory({
      services: [serviceInfo('Pharmacie', { twentyFourSeven: false, shiftStarts: ['08:00'] })],
    });
    const checklists = timeline(inventory, profile, range, options).filter(
      (e) => e.kind === 'checklist' && e.windowStart.toISODate() === '2026-12-02',
    );
    expect(checklists.map((e) => [e.at.toFormat('yyyy-MM-dd HH:mm'), e.services, e.applications, e.key])).toEqual([
      [
        '2026-12-02 04:00',
        ['Laboratoire'],
        LAB_FIRST_WEDNESDAY,
        'checklist|2026-12-02T07:00:00Z|2026-12-02T09:00:00Z|Laboratoire',
      ],
      [
        '2026-12-02 08:00',
        ['Pharmacie'],
        ['GespharX IUSMM'],
        'checklist|2026-12-02T07:00:00Z|2026-12-02T09:00:00Z|Pharmacie',
      ],
    ]);
  });
});

describe('timeline — checklist at the next shift start', () => {
  const lab8 = (shiftStarts: string[]) =>
    sampleInventory({ services: [serviceInfo('Laboratoire', { twentyFourSeven: false, shiftStarts })] });

  it('08:00 the same day after a 02:00–04:00 window', () => {
    const events = timeline(lab8(['08:00']), lab, range, options);
    const checklist = events.find((e) => e.kind === 'checklist');
    expect(checklist?.at.toISO()).toBe('2026-12-02T08:00:00.000-05:00');
    expect(checklist?.key).toBe('checklist|2026-12-02T07:00:00Z|2026-12-02T09:00:00Z');
  });

  it('a window ending 09:00 with an 08:00 shift → next day 08:00; with 16:00 listed → 16:00 the same day', () => {
    const inventory = (shifts: string[]) => {
      const inv = lab8(shifts);
      inv.applications = [app('IUSMM', 'Laboratoire', 'LIS', '9 décembre 2026 de 7h à 9h')];
      return inv;
    };
    const at = (shifts: string[]) =>
      timeline(inventory(shifts), lab, range, options)
        .find((e) => e.kind === 'checklist')
        ?.at.toISO();
    expect(at(['08:00'])).toBe('2026-12-10T08:00:00.000-05:00');
    expect(at(['16:00', '08:00'])).toBe('2026-12-09T16:00:00.000-05:00');
  });

  it('a shift start exactly at the end is that shift (same day, not the next)', () => {
    const inv = lab8(['04:00']);
    expect(
      timeline(inv, lab, range, options)
        .find((e) => e.kind === 'checklist')
        ?.at.toISO(),
    ).toBe('2026-12-02T04:00:00.000-05:00');
  });

  it('one service’s hours setting does not leak to the other services', () => {
    const inventory = sampleInventory({
      services: [serviceInfo('Laboratoire', { twentyFourSeven: false, shiftStarts: ['08:00'] })],
    });
    const events = timeline(inventory, lab, range, {
      ...options,
      serviceHours: { Pharmacie: { twentyFourSeven: true, shiftStarts: [] } },
    });
    expect(events.find((e) => e.kind === 'checklist')?.at.toISO()).toBe('2026-12-02T08:00:00.000-05:00');
  });

  it("the workstation's setting wins over the inventory, matched on the normalised name", () => {
    const events = timeline(lab8(['08:00']), lab, range, {
      ...options,
      serviceHours: { laboratoire: { twentyFourSeven: true, shiftStarts: [] } },
    });
    expect(events.find((e) => e.kind === 'checklist')?.at.toFormat('yyyy-MM-dd HH:mm')).toBe('2026-12-02 04:00');
  });

  it('an inventory row for the site beats a row for any site; an unknown service is 24/7', () => {
    const inventory = sampleInventory({
      services: [
        serviceInfo('Laboratoire', { twentyFourSeven: false, shiftStarts: ['08:00'] }, ''),
        serviceInfo('laboratoire', { twentyFourSeven: false, shiftStarts: ['07:00'] }, 'iusmm'),
      ],
    });
    expect(
      timeline(inventory, lab, range, options)
        .find((e) => e.kind === 'checklist')
        ?.at.toFormat('yyyy-MM-dd HH:mm'),
    ).toBe('2026-12-02 07:00');
    const pharmacy = timeline(inventory, { site: 'IUSMM', services: ['Pharmacie'] }, range, options);
    expect(pharmacy.find((e) => e.kind === 'checklist')?.at.toFormat('yyyy-MM-dd HH:mm')).toBe('2026-12-02 04:00');
  });

  it('a non-24/7 service with no shift start falls back to the end of the window', () => {
    const events = timeline(lab8([]), lab, range, options);
    expect(events.find((e) => e.kind === 'checklist')?.at.toFormat('yyyy-MM-dd HH:mm')).toBe('2026-12-02 04:00');
  });
});

describe('timeline — reminders', () => {
  const starts = (reminders: PlanOptions['reminders']) =>
    timeline(sampleInventory(), lab, range, { zone, reminders })
      .filter((e) => e.kind === 'reminder' && e.windowStart.toISODate() === '2026-12-02')
      .map((e) => [e.at.toFormat("yyyy-MM-dd'T'HH:mm"), e.key.split('|')[3]]);

  it('keeps one reminder when two specs land on the same instant (first spec wins)', () => {
    expect(
      starts([
        { kind: 'day-before', at: '02:00' },
        { kind: 'before', minutes: 24 * 60 },
      ]),
    ).toEqual([['2026-12-01T02:00', 'day-before@02:00']]);
  });

  it('drops a reminder that is not before the start', () => {
    expect(starts([{ kind: 'before', minutes: 0 }])).toEqual([]);
    expect(starts([{ kind: 'before', minutes: -15 }])).toEqual([]);
  });

  it('keys reminders by spec, with a zero-padded time', () => {
    expect(
      starts([
        { kind: 'day-before', at: '9:05' },
        { kind: 'before', minutes: 90 },
      ]),
    ).toEqual([
      ['2026-12-01T09:05', 'day-before@09:05'],
      ['2026-12-02T00:30', 'before@90'],
    ]);
  });

  it('ignores a malformed day-before time', () => {
    expect(starts([{ kind: 'day-before', at: '25:00' }])).toEqual([]);
  });
});

describe('timeline — range boundaries and key stability', () => {
  it('returns only events with at in [from, to)', () => {
    const events = timeline(
      sampleInventory(),
      lab,
      { from: local('2026-12-02T02:00'), to: local('2026-12-02T04:00') },
      options,
    );
    expect(events.map((e) => e.kind)).toEqual(['start']);
  });

  it('finds a reminder whose window starts after the range, and a checklist whose window ended before it', () => {
    const before = timeline(
      sampleInventory(),
      lab,
      { from: local('2026-12-01T00:00'), to: local('2026-12-01T12:00') },
      options,
    );
    expect(before.map((e) => `${e.kind} ${e.at.toFormat('dd HH:mm')}`)).toEqual(['reminder 01 10:00']);
    const inventory = sampleInventory({
      services: [serviceInfo('Laboratoire', { twentyFourSeven: false, shiftStarts: ['08:00'] })],
    });
    const after = timeline(inventory, lab, { from: local('2026-12-02T06:00'), to: local('2026-12-02T09:00') }, options);
    expect(after.map((e) => `${e.kind} ${e.at.toFormat('dd HH:mm')}`)).toEqual(['checklist 02 08:00']);
  });

  it('gives the same keys for the same events whatever the range', () => {
    const all = timeline(sampleInventory(), lab, range, options);
    const part = timeline(
      sampleInventory(),
      lab,
      { from: local('2026-12-01T09:00'), to: local('2026-12-16T03:00') },
      options,
    );
    expect(part.map((e) => e.key)).toEqual(
      all.filter((e) => e.at >= local('2026-12-01T09:00') && e.at < local('2026-12-16T03:00')).map((e) => e.key),
    );
    expect(all.slice(0, 5).map((e) => e.key)).toEqual([
      'reminder|2026-12-02T07:00:00Z|2026-12-02T09:00:00Z|day-before@10:00',
      'reminder|2026-12-02T07:00:00Z|2026-12-02T09:00:00Z|before@30',
      'start|2026-12-02T07:00:00Z|2026-12-02T09:00:00Z',
      'end|2026-12-02T07:00:00Z|2026-12-02T09:00:00Z',
      'checklist|2026-12-02T07:00:00Z|2026-12-02T09:00:00Z',
    ]);
    expect(new Set(all.map((e) => e.key)).size).toBe(all.length);
  });

  it('returns nothing for an empty range or a profile without services', () => {
    expect(timeline(sampleInventory(), lab, { from: range.to, to: range.from }, options)).toEqual([]);
    expect(timeline(sampleInventory(), { site: 'IUSMM', services: [] }, range, options)).toEqual([]);
  });
});
