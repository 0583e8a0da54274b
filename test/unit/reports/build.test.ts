import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../electron/core/clock';
import { buildReport, contactOf } from '../../../electron/core/reports/build';
import { openStore, type Store } from '../../../electron/core/store';
import { VerificationReportSchema } from '../../../shared/reports/types';
import { tempDir } from './helpers';

const ZONE = 'America/Toronto';
let clock: ManualClock;
let store: Store;

beforeEach(() => {
  clock = new ManualClock('2026-12-02T04:10:00', ZONE);
  store = openStore({ dir: tempDir(), clock });
});
afterEach(() => store.close());

function submittedRun() {
  const start = DateTime.fromISO('2026-12-02T02:00', { zone: ZONE });
  const run = store.checklists.createRun({
    windowStart: start,
    windowEnd: start.plus({ hours: 2 }),
    site: 'IUSMM',
    services: ['Laboratoire', 'Pharmacie'],
    items: [
      { application: 'Cobas IT', service: 'Laboratoire', checkId: 'starts' },
      { application: 'Cortex Omnitech', service: 'Laboratoire', checkId: 'starts' },
      { application: 'Cortex Omnitech', service: 'Laboratoire', checkId: 'transfers' },
      { application: 'GespharX IUSMM', service: 'Pharmacie', checkId: 'starts' },
    ],
  });
  store.checklists.setResult(run.id, 'Cobas IT', 'starts', 'ok');
  store.checklists.setResult(run.id, 'Cortex Omnitech', 'starts', 'ok');
  store.checklists.setResult(run.id, 'Cortex Omnitech', 'transfers', 'problem', 'Interface arrêtée');
  store.checklists.setRestart(run.id, 'Cortex Omnitech', 'transfers', 'not-fixed');
  // As the checklist service stores it: the escalation's contact with the rule and the moment.
  store.checklists.setContact(run.id, 'Cortex Omnitech', 'transfers', {
    contact: { name: 'CDA', phone: '3050', url: null, note: 'Mentionnez la plage' },
    rule: 'cda-4-7',
    at: '2026-12-02T04:15:00-05:00',
  });
  store.checklists.setResult(run.id, 'GespharX IUSMM', 'starts', 'na');
  clock.set('2026-12-02T04:20:00');
  store.checklists.submit(run.id, 'MT');
  return store.checklists.getRun(run.id)!;
}

describe('buildReport', () => {
  it('turns a submitted run into the versioned report record', () => {
    const run = submittedRun();
    const report = buildReport(run, run.items, {
      workstation: 'HMR-LAB-0042',
      userAccount: 'soins.lab',
      appVersion: '0.1.0',
      now: clock.now(),
    });
    expect(VerificationReportSchema.safeParse(report).success).toBe(true);
    expect(report).toEqual({
      format: 'vigie-report',
      version: 1,
      reportId: run.id,
      workstation: 'HMR-LAB-0042',
      userAccount: 'soins.lab',
      initials: 'MT',
      site: 'IUSMM',
      services: ['Laboratoire', 'Pharmacie'],
      window: { start: '2026-12-02T02:00:00-05:00', end: '2026-12-02T04:00:00-05:00' },
      submittedAt: '2026-12-02T04:20:00-05:00',
      createdAt: '2026-12-02T04:20:00-05:00',
      appVersion: '0.1.0',
      items: [
        {
          application: 'Cobas IT',
          service: 'Laboratoire',
          checks: [{ id: 'starts', result: 'ok', comment: '', restart: null, contactAdvised: null }],
        },
        {
          application: 'Cortex Omnitech',
          service: 'Laboratoire',
          checks: [
            { id: 'starts', result: 'ok', comment: '', restart: null, contactAdvised: null },
            {
              id: 'transfers',
              result: 'problem',
              comment: 'Interface arrêtée',
              restart: 'not-fixed',
              contactAdvised: { name: 'CDA', phone: '3050', url: null },
            },
          ],
        },
        {
          application: 'GespharX IUSMM',
          service: 'Pharmacie',
          checks: [{ id: 'starts', result: 'na', comment: '', restart: null, contactAdvised: null }],
        },
      ],
      acknowledgement: null,
    });
  });

  it('carries the banner acknowledgement of the window, in local time, and stays readable without it', () => {
    const run = submittedRun();
    const report = buildReport(run, run.items, {
      workstation: 'HMR-LAB-0042',
      userAccount: 'soins.lab',
      appVersion: '0.1.0',
      now: clock.now(),
      acknowledgement: { at: '2026-12-02T07:01:30.000Z', workstation: 'HMR-LAB-0042', initials: '' },
    });
    expect(report.acknowledgement).toEqual({
      at: '2026-12-02T02:01:30-05:00',
      workstation: 'HMR-LAB-0042',
      initials: '',
    });
    // Report format v1 stays open: a report written before issue 12 (no field at all) is still valid…
    const { acknowledgement: _dropped, ...older } = report;
    expect(VerificationReportSchema.safeParse(older).success).toBe(true);
    // …and a malformed acknowledgement is not.
    expect(VerificationReportSchema.safeParse({ ...report, acknowledgement: { at: 'hier' } }).success).toBe(false);
  });

  it('refuses a run that is still open', () => {
    const start = DateTime.fromISO('2026-12-02T02:00', { zone: ZONE });
    const run = store.checklists.createRun({
      windowStart: start,
      windowEnd: start.plus({ hours: 2 }),
      site: 'IUSMM',
      services: ['Laboratoire'],
      items: [],
    });
    const ctx = { workstation: 'PC', userAccount: 'u', appVersion: '1', now: clock.now() };
    expect(() => buildReport(run, run.items, ctx)).toThrow(/not submitted/);
  });

  it('keeps an odd hostname or a long account within the schema instead of failing', () => {
    const run = submittedRun();
    const report = buildReport(run, run.items, {
      workstation: 'x'.repeat(400),
      userAccount: 'y'.repeat(400),
      appVersion: '0.1.0-' + 'z'.repeat(100),
      now: clock.now(),
      reportId: '11111111-2222-4333-8444-555555555555',
    });
    expect(report.workstation).toHaveLength(253);
    expect(report.reportId).toBe('11111111-2222-4333-8444-555555555555');
  });
});

describe('contactOf', () => {
  it.each([
    [
      { name: 'CSI', phone: '5656', url: null, note: null },
      { name: 'CSI', phone: '5656', url: null },
    ],
    [
      { contact: { name: 'Octopus', phone: null, url: 'https://octopus.example/f' }, rule: 'r' },
      { name: 'Octopus', phone: null, url: 'https://octopus.example/f' },
    ],
    [{ contact: null, rule: 'usual' }, null],
    [null, null],
    ['CDA', null],
    [{ name: 42 }, null],
  ])('%j → %j', (input, expected) => {
    expect(contactOf(input)).toEqual(expected);
  });
});
