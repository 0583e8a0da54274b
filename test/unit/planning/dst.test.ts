import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { timeline } from '../../../shared/planning/timeline';
import { DEFAULT_REMINDERS, type PlanOptions } from '../../../shared/planning/types';
import { app, sampleInventory, serviceInfo } from './sample';

const zone = 'America/Toronto';
const local = (iso: string) => DateTime.fromISO(iso, { zone });
const lab = { site: 'IUSMM', services: ['Laboratoire'] };
const options: PlanOptions = { zone, reminders: DEFAULT_REMINDERS };

function only(schedule: string, services = sampleInventory().services) {
  return sampleInventory({ applications: [app('IUSMM', 'Laboratoire', 'LIS', schedule)], services });
}

const plan = (schedule: string, from: string, to: string, opts: PlanOptions = options) =>
  timeline(only(schedule), lab, { from: local(from), to: local(to) }, opts).map(
    (e) => `${e.kind} ${e.at.toISO({ suppressMilliseconds: true })}`,
  );

describe('timeline across daylight-saving changes (America/Toronto)', () => {
  it('spring forward: a 2h–4h window on 2027-03-14 starts at 03:00 EDT (RFC 5545), reminders before it', () => {
    expect(plan('2027-03-14 2h-4h', '2027-03-10T00:00', '2027-03-20T00:00')).toEqual([
      'reminder 2027-03-13T10:00:00-05:00',
      'reminder 2027-03-14T01:30:00-05:00',
      'start 2027-03-14T03:00:00-04:00',
      'end 2027-03-14T04:00:00-04:00',
      'checklist 2027-03-14T04:00:00-04:00',
    ]);
  });

  it('fall back: a 1h–3h window on 2026-11-01 starts at the first 01:00 (EDT) and lasts three hours', () => {
    const events = timeline(
      only('2026-11-01 1h-3h'),
      lab,
      { from: local('2026-10-25'), to: local('2026-11-05') },
      options,
    );
    const start = events.find((e) => e.kind === 'start');
    expect(start?.at.toISO()).toBe('2026-11-01T01:00:00.000-04:00');
    expect(start?.windowEnd.toISO()).toBe('2026-11-01T03:00:00.000-05:00');
    expect(start?.key).toBe('start|2026-11-01T05:00:00Z|2026-11-01T08:00:00Z');
    expect(events.find((e) => e.kind === 'reminder')?.at.toISO()).toBe('2026-10-31T10:00:00.000-04:00');
  });

  it('"N minutes before" is elapsed time, even across the change', () => {
    expect(
      plan('2026-11-01 2h-4h', '2026-10-31T12:00', '2026-11-01T02:00', {
        zone,
        reminders: [{ kind: 'before', minutes: 90 }],
      }),
    ).toEqual(['reminder 2026-11-01T01:30:00-04:00']);
  });

  it('"the day before at 10:00" is wall-clock time on the previous calendar day', () => {
    expect(plan('2026-11-02 2h-4h', '2026-10-31T00:00', '2026-11-02T00:00')).toEqual([
      'reminder 2026-11-01T10:00:00-05:00',
    ]);
    expect(plan('2027-03-15 2h-4h', '2027-03-13T00:00', '2027-03-15T00:00')).toEqual([
      'reminder 2027-03-14T10:00:00-04:00',
    ]);
  });

  it('a monthly window keeps 02:00 local on both sides of the change, so its UTC key shifts by an hour', () => {
    const starts = timeline(
      only('1er mercredi 2h-4h'),
      lab,
      { from: local('2026-10-01'), to: local('2026-11-30') },
      options,
    )
      .filter((e) => e.kind === 'start')
      .map((e) => [e.at.toISO({ suppressMilliseconds: true }), e.key]);
    expect(starts).toEqual([
      ['2026-10-07T02:00:00-04:00', 'start|2026-10-07T06:00:00Z|2026-10-07T08:00:00Z'],
      ['2026-11-04T02:00:00-05:00', 'start|2026-11-04T07:00:00Z|2026-11-04T09:00:00Z'],
    ]);
  });

  it('the next-shift checklist after a window ending in the repeated hour is at 08:00 EST', () => {
    const inventory = sampleInventory({
      applications: [app('IUSMM', 'Laboratoire', 'LIS', '2026-10-31 22h-1h')],
      services: [serviceInfo('Laboratoire', { twentyFourSeven: false, shiftStarts: ['08:00'] })],
    });
    const events = timeline(inventory, lab, { from: local('2026-10-30'), to: local('2026-11-03') }, options);
    expect(events.find((e) => e.kind === 'end')?.at.toISO()).toBe('2026-11-01T01:00:00.000-04:00');
    expect(events.find((e) => e.kind === 'checklist')?.at.toISO()).toBe('2026-11-01T08:00:00.000-05:00');
  });
});

describe('timeline — a window the spring-forward gap empties (2e dimanche 2h30-3h, 2027-03-14)', () => {
  it('start, end and checklist at the shifted start (03:30 EDT), in that order; no event before its window', () => {
    const inventory = sampleInventory({ applications: [app('IUSMM', 'Laboratoire', 'LIS', '2e dimanche 2h30-3h')] });
    const events = timeline(
      inventory,
      { site: 'IUSMM', services: ['Laboratoire'] },
      { from: DateTime.fromISO('2027-03-13T00:00', { zone }), to: DateTime.fromISO('2027-03-15T00:00', { zone }) },
      { zone, reminders: [{ kind: 'before', minutes: 30 }] },
    );
    expect(events.map((e) => `${e.kind} ${e.at.toISO({ suppressMilliseconds: true })}`)).toEqual([
      'reminder 2027-03-14T03:00:00-04:00',
      'start 2027-03-14T03:30:00-04:00',
      'end 2027-03-14T03:30:00-04:00',
      'checklist 2027-03-14T03:30:00-04:00',
    ]);
    for (const e of events) expect(e.windowEnd.toMillis()).toBeGreaterThanOrEqual(e.windowStart.toMillis());
  });
});
