/**
 * The scheduler's side of "verified elsewhere" (electron/core/scheduler/verified.ts) at its edges: which windows
 * wait for a verification here (Scheduler.dueVerifications on the real scheduler and SQLite store, harness.ts), the
 * words of the single toast, the flag's key, and which due events are silenced.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  splitVerified,
  verifiedKey,
  verifiedNotification,
  type VerifiedSource,
} from '../../../electron/core/scheduler/verified';
import type { VerifiedHead } from '../../../electron/core/store';
import type { Inventory } from '../../../shared/inventory/model';
import type { TimelineEvent } from '../../../shared/planning/types';
import { app, sampleInventory } from '../planning/sample';
import { Harness, ZONE } from '../scheduler/harness';

/** The lab verifies at once (24/7), the pharmacy at its 8 h shift start: the 2 h – 4 h window has two checklists. */
const HOURS = {
  services: ['Laboratoire', 'Pharmacie'],
  options: {
    serviceHours: {
      Laboratoire: { twentyFourSeven: true, shiftStarts: [] },
      Pharmacie: { twentyFourSeven: false, shiftStarts: ['08:00'] },
    },
  },
};

const due = (h: Harness) =>
  h.scheduler
    .dueVerifications(h.clock.now())
    .map((w) => `${w.start.toFormat('HH:mm')}-${w.end.toFormat('HH:mm')} ${w.site} ${w.services.join('+')}`);

describe('windows waiting for a verification here', () => {
  it('over, with a checklist not announced yet: the whole window with all its services, until both are announced', () => {
    const h = new Harness('2026-12-02T03:58:00', HOURS).runTo('2026-12-02T03:59:30');
    expect(due(h)).toEqual([]);
    h.at('2026-12-02T04:00:00');
    expect(due(h)).toEqual(['02:00-04:00 IUSMM Laboratoire+Pharmacie']);
    h.runTo('2026-12-02T05:00:00');
    // The lab's checklist was announced at 4 h; the pharmacy's comes at 8 h: the window still waits, whole.
    expect(h.summary()).toContain('checklist@2026-12-02T04:00');
    expect(due(h)).toEqual(['02:00-04:00 IUSMM Laboratoire+Pharmacie']);
    h.at('2026-12-02T07:59:30').runTo('2026-12-02T08:00:00');
    expect(due(h)).toEqual([]);
  });

  it('two windows over: one entry each', () => {
    const inventory: Inventory = {
      ...sampleInventory(),
      applications: [
        app('IUSMM', 'Pharmacie', 'GespharX IUSMM', '2026-12-02 2h-4h'),
        app('IUSMM', 'Pharmacie', 'Accudose', '2026-12-02 5h-6h'),
      ],
    };
    const h = new Harness('2026-12-02T07:00:00', { ...HOURS, inventory });
    expect(due(h)).toEqual(['02:00-04:00 IUSMM Pharmacie', '05:00-06:00 IUSMM Pharmacie']);
  });
});

const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const RECORD: VerifiedHead = {
  windowStart: '2026-12-02T07:00:00.000Z',
  windowEnd: '2026-12-02T09:00:00.000Z',
  site: 'IUSMM',
  reportId: 'r1',
  workstation: 'PC-LAB-1',
  userAccount: 'mtremblay',
  initials: 'MT',
  submittedAt: '2026-12-02T09:30:00.000Z',
  recordedAt: '2026-12-02T09:31:00.000Z',
  overrideAt: null,
};

describe('the verified-elsewhere toast and its flag', () => {
  const ctx = (lang: 'fr' | 'en') => ({ now: at('2026-12-02T05:00:00'), zone: ZONE, lang });

  it('names the applications, sorted, in French and in English', () => {
    const fr = verifiedNotification(RECORD, ['GestLab', 'Cortex Omnitech', 'GestLab'], ctx('fr'));
    expect([fr.title, fr.body]).toEqual([
      'Vérification déjà faite',
      'Vérification faite par PC-LAB-1 (MT) à 4 h 30 : Cortex Omnitech, GestLab. Rien à vérifier sur ce poste.',
    ]);
    const en = verifiedNotification(RECORD, ['GestLab', 'Cortex Omnitech'], ctx('en'));
    expect([en.title, en.body]).toEqual([
      'Verification already done',
      'Verified by PC-LAB-1 (MT) at 4:30 a.m.: Cortex Omnitech, GestLab. Nothing to verify on this PC.',
    ]);
    expect(en).toMatchObject({
      kind: 'verified-elsewhere',
      opens: 'status',
      windowStart: '2026-12-02T02:00:00-05:00',
      windowEnd: '2026-12-02T04:00:00-05:00',
    });
  });

  it('without applications (a window this plan does not hold): no dangling colon', () => {
    expect(verifiedNotification(RECORD, [], ctx('fr')).body).toBe(
      'Vérification faite par PC-LAB-1 (MT) à 4 h 30. Rien à vérifier sur ce poste.',
    );
    expect(verifiedNotification(RECORD, [], ctx('en')).body).toBe(
      'Verified by PC-LAB-1 (MT) at 4:30 a.m. Nothing to verify on this PC.',
    );
  });

  it('its flag is verified-elsewhere|<start>|<end>, one per window', () => {
    expect(verifiedKey(RECORD)).toBe('verified-elsewhere|2026-12-02T07:00:00.000Z|2026-12-02T09:00:00.000Z');
  });
});

describe('splitting due events', () => {
  const event = (kind: TimelineEvent['kind'], start: string, end: string, when: string): TimelineEvent => ({
    kind,
    at: at(when),
    windowStart: at(start),
    windowEnd: at(end),
    key: `${kind}|${start}|${end}`,
    applications: ['GestLab'],
    services: ['Laboratoire'],
  });

  it('the events of a window verified elsewhere are silenced, the others stay open, in order', () => {
    const verifiedStart = at('2026-12-02T02:00').toMillis();
    const source: VerifiedSource = {
      version: 1,
      heads: () => [],
      standing: (site, start) =>
        site === 'IUSMM' && start.toMillis() === verifiedStart ? { ...RECORD, items: [] } : null,
    };
    const a1 = event('end', '2026-12-02T02:00', '2026-12-02T04:00', '2026-12-02T04:00');
    const b = event('end', '2026-12-02T03:00', '2026-12-02T05:00', '2026-12-02T05:00');
    const a2 = event('checklist', '2026-12-02T02:00', '2026-12-02T04:00', '2026-12-02T08:00');
    const { silenced, open } = splitVerified([a1, b, a2], source, 'IUSMM', at('2026-12-02T08:00'));
    expect(silenced).toEqual([a1, a2]);
    expect(open).toEqual([b]);
  });
});
