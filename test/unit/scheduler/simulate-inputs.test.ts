/**
 * `simulate`'s optional inputs, in process (the CLI tests run it in a child process): banner acknowledgements
 * (`--ack`), outage notices (`--notices`, issue 13) and verifications elsewhere (`--reports`), each changing the
 * toasts, the banners and the tray states exactly as on a workstation.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../electron/core/scheduler/simulate';
import { NOTICE_FORMAT, NOTICE_VERSION, type Notice } from '../../../shared/notices/notice';
import { DEFAULT_REMINDERS } from '../../../shared/planning/types';
import { sampleInventory } from '../planning/sample';
import { ZONE } from './harness';

const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const base = {
  inventory: sampleInventory(),
  profile: { site: 'IUSMM', services: ['Laboratoire'] },
  options: { zone: ZONE, reminders: DEFAULT_REMINDERS },
};
const DEC2 = { windowStart: '2026-12-02T02:00:00-05:00', windowEnd: '2026-12-02T04:00:00-05:00' };

describe('simulate — inputs', () => {
  it('acks: one off the grid ticks and closes the banner then; those with no banner open come back in time order', () => {
    const result = simulate({
      ...base,
      from: at('2026-12-02T00:00'),
      to: at('2026-12-02T06:00'),
      asleep: [{ start: at('2026-12-02T03:00'), end: at('2026-12-02T03:30') }],
      acks: [
        at('2026-12-02T02:10:15'),
        at('2026-12-02T05:00'),
        at('2026-12-02T07:00'),
        at('2026-12-02T03:10'),
        at('2026-12-01T23:00'),
      ],
    });
    expect(result.banners).toEqual([
      {
        opensAt: '2026-12-02T02:00:00-05:00',
        closesAt: '2026-12-02T02:10:15-05:00',
        reason: 'window',
        ...DEC2,
        applications: ['Cortex Omnitech', 'GestLab', 'Unity Real Time IUSMM'],
      },
    ]);
    // Before the period, asleep, no banner open (5 h), after the period: none ticked but 5 h.
    expect(result.unmatchedAcks).toEqual([
      '2026-12-01T23:00:00-05:00',
      '2026-12-02T03:10:00-05:00',
      '2026-12-02T05:00:00-05:00',
      '2026-12-02T07:00:00-05:00',
    ]);
    // Six hours of 30 s ticks, both ends included, minus the 60 asleep, plus the ack's own tick at 2 h 10 min 15 s.
    expect(result.stats.ticks).toBe(6 * 120 + 1 - 60 + 1);
    expect(result.trayStates).toEqual([
      { at: '2026-12-02T00:00:00-05:00', state: 'upcoming' },
      { at: '2026-12-02T02:00:00-05:00', state: 'in-progress' },
      { at: '2026-12-02T04:00:00-05:00', state: 'verification-due' },
    ]);
  });

  it('notices: the outage toasts carry the notice id, the tray shows it in progress, then its checklist is due', () => {
    const id = '0b6f3c1e-2f4a-4c1b-9d2e-3a4b5c6d7e8f';
    const notice: Notice = {
      format: NOTICE_FORMAT,
      version: NOTICE_VERSION,
      id,
      site: 'IUSMM',
      services: [],
      applications: ['GestLab'],
      message: 'GestLab en panne',
      from: '2026-12-03T10:00:00-05:00',
      until: '2026-12-03T12:00:00-05:00',
      publishedAt: '2026-12-03T09:00:00-05:00',
      publisher: 'TI',
    };
    const result = simulate({ ...base, from: at('2026-12-03T08:00'), to: at('2026-12-03T13:00'), notices: [notice] });
    const span = { windowStart: '2026-12-03T10:00:00-05:00', windowEnd: '2026-12-03T12:00:00-05:00' };
    expect(
      result.notifications.map(({ at: when, kind, windowStart, windowEnd, noticeId }) => ({
        at: when,
        kind,
        windowStart,
        windowEnd,
        noticeId,
      })),
    ).toEqual([
      { at: '2026-12-03T10:00:00-05:00', kind: 'notice', ...span, noticeId: id },
      { at: '2026-12-03T12:00:00-05:00', kind: 'notice-end', ...span, noticeId: id },
      { at: '2026-12-03T12:00:00-05:00', kind: 'checklist', ...span, noticeId: id },
    ]);
    expect(Object.keys(result.notifications[0] ?? {})).toEqual([
      'at',
      'kind',
      'windowStart',
      'windowEnd',
      'title',
      'body',
      'noticeId',
    ]);
    expect(result.trayStates).toEqual([
      { at: '2026-12-03T08:00:00-05:00', state: 'idle' },
      { at: '2026-12-03T10:00:00-05:00', state: 'in-progress' },
      { at: '2026-12-03T12:00:00-05:00', state: 'verification-due' },
    ]);
  });

  it('elsewhere: another workstation’s report ends the window with one toast naming who, and the tray goes idle', () => {
    const result = simulate({
      ...base,
      from: at('2026-12-02T03:50'),
      to: at('2026-12-02T05:00'),
      elsewhere: {
        workstation: 'PC-CHAMBRE-2',
        claims: [
          {
            reportId: 'rapport-1',
            workstation: 'PC-LAB-1',
            userAccount: 'labo',
            initials: 'MT',
            site: 'IUSMM',
            services: ['Laboratoire'],
            startMs: at('2026-12-02T02:00').toMillis(),
            endMs: at('2026-12-02T04:00').toMillis(),
            submittedAt: '2026-12-02T04:30:00-05:00',
            items: [],
          },
        ],
      },
    });
    expect(result.notifications.map((n) => `${n.kind}@${n.at}`)).toEqual([
      'start@2026-12-02T03:50:00-05:00',
      'checklist@2026-12-02T04:00:00-05:00',
      'verified-elsewhere@2026-12-02T04:30:00-05:00',
    ]);
    const verified = result.notifications[2];
    expect(Object.keys(verified ?? {})).toEqual(['at', 'kind', 'windowStart', 'windowEnd', 'title', 'body', 'by']);
    expect(verified?.by).toEqual({ workstation: 'PC-LAB-1', initials: 'MT', at: '2026-12-02T04:30:00-05:00' });
    expect(result.trayStates).toEqual([
      { at: '2026-12-02T03:50:00-05:00', state: 'in-progress' },
      { at: '2026-12-02T04:00:00-05:00', state: 'verification-due' },
      { at: '2026-12-02T04:30:00-05:00', state: 'idle' },
    ]);
  });
});
