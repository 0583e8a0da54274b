/**
 * The .ics export with the Exceptions table (issue 13): a cancelled occurrence keeps the UID its event had before
 * (so Outlook, re-importing, cancels it) and says STATUS:CANCELLED; UIDs are stable from one export to the next.
 * The fleet report never expects a verification of a cancelled window.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { buildIcs } from '../../../electron/core/calendar/ics';
import { inventoryFromJson } from '../../../shared/inventory/json';
import { summarizeFleet } from '../../../electron/core/reports/fleet';
import type { CalendarException, Inventory } from '../../../shared/inventory/model';
import { inventory as fleetInventory } from '../reports/fleet-fixture';
import { windowsFor } from '../../../shared/planning';
import { DEFAULT_ZONE } from '../../../shared/schedule';

const ZONE = DEFAULT_ZONE;
const NOW = DateTime.fromISO('2026-12-20T09:00', { zone: ZONE });
const RANGE = { from: NOW, to: NOW.plus({ months: 3 }) };
const LAB = { site: 'IUSMM', services: ['Laboratoire', 'Pharmacie'] };

function inventory(exceptions: object[]): Inventory {
  const result = inventoryFromJson({
    format: 'vigie-inventory',
    version: 1,
    applications: [
      { site: 'IUSMM', service: 'Laboratoire', application: 'GestLab', schedule: '1er mercredi 2h-4h' },
      { site: 'IUSMM', service: 'Pharmacie', application: 'GespharX', schedule: '1er mercredi 2h-4h' },
    ],
    exceptions,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.inventory;
}

/** Each VEVENT as its unfolded properties. */
function events(ics: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  let current: Record<string, string> | null = null;
  for (const line of ics.replace(/\r\n[ \t]/g, '').split('\r\n')) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT') {
      if (current) found.push(current);
      current = null;
    } else if (current) {
      const m = /^([A-Z-]+)[^:]*:(.*)$/.exec(line);
      if (m) current[m[1] as string] = m[2] as string;
    }
  }
  return found;
}

const exportOf = (inv: Inventory) =>
  events(buildIcs(windowsFor(inv, LAB, RANGE, ZONE, { withCancelled: true }), { zone: ZONE, site: 'IUSMM', now: NOW }));

describe('.ics with exceptions', () => {
  const before = exportOf(inventory([]));
  const uidOn = (list: Record<string, string>[], day: string) => list.find((e) => e.DTSTART?.startsWith(day))?.UID;

  it('a cancelled occurrence: same UID as before, STATUS:CANCELLED, a higher SEQUENCE, its motif, no alarm', () => {
    const after = exportOf(
      inventory([{ site: 'IUSMM', from: '2027-01-06', action: 'annulée', reason: 'gel des Fêtes' }]),
    );
    expect(after.map((e) => e.UID)).toEqual(before.map((e) => e.UID));
    const cancelled = after.find((e) => e.DTSTART?.startsWith('20270106'));
    expect(cancelled).toMatchObject({ STATUS: 'CANCELLED', SEQUENCE: '1', UID: uidOn(before, '20270106') });
    expect(cancelled?.SUMMARY).toBe('Plage de maintenance annulée — Laboratoire\\, Pharmacie');
    expect(cancelled?.DESCRIPTION).toContain('Motif : gel des Fêtes');
    // The others are untouched.
    expect(after.filter((e) => e.STATUS === 'CANCELLED')).toHaveLength(1);
    // The same export twice: the same UIDs (and the same text, DTSTAMP being `now`).
    expect(
      exportOf(inventory([{ site: 'IUSMM', from: '2027-01-06', action: 'annulée', reason: 'gel des Fêtes' }])),
    ).toEqual(after);
  });

  it('one service of the window cancelled: the old event is cancelled, the rest gets its own event', () => {
    const after = exportOf(inventory([{ service: 'Pharmacie', from: '2027-01-06', action: 'annulée', reason: 'x' }]));
    const jan6 = after.filter((e) => e.DTSTART?.startsWith('20270106'));
    expect(jan6.map((e) => [e.STATUS ?? 'CONFIRMED', e.SUMMARY])).toEqual([
      ['CONFIRMED', 'Plage de maintenance — Laboratoire'],
      ['CANCELLED', 'Plage de maintenance annulée — Pharmacie'],
    ]);
    expect(jan6[1]?.UID).toBe(uidOn(before, '20270106'));
    expect(jan6[0]?.UID).not.toBe(uidOn(before, '20270106'));
  });

  it('a moved occurrence: cancelled under its old UID, the new window is a new event with the motif', () => {
    const after = exportOf(
      inventory([{ from: '2027-02-03', action: 'reportée', newWindow: '2027-02-10 2h-4h', reason: 'inventaire' }]),
    );
    expect(after.find((e) => e.DTSTART?.startsWith('20270203'))).toMatchObject({
      STATUS: 'CANCELLED',
      UID: uidOn(before, '20270203'),
    });
    const moved = after.find((e) => e.DTSTART?.startsWith('20270210'));
    expect(moved?.STATUS).toBeUndefined();
    expect(moved?.DESCRIPTION).toContain('Motif : inventaire');
    expect(before.map((e) => e.UID)).not.toContain(moved?.UID);
  });
});

describe('fleet report with exceptions', () => {
  it('a cancelled window is never "non vérifié"; a moved one is expected at its new time', async () => {
    const base = await fleetInventory();
    const withRows = (rows: CalendarException[]): Inventory => ({ ...base, exceptions: rows });
    const row = (action: CalendarException['action'], extra: Partial<CalendarException> = {}): CalendarException => ({
      row: 2,
      site: null,
      service: 'Laboratoire',
      application: null,
      from: '2026-12-02',
      to: '2026-12-02',
      action,
      newWindow: null,
      reason: 'gel',
      ...extra,
    });
    const unverified = (inv: Inventory) =>
      summarizeFleet(
        { reports: [], skipped: [], files: 0 },
        { now: DateTime.fromISO('2026-12-20T09:00', { zone: ZONE }), inventory: inv },
      ).unverified.map((u) => `${u.windowStart.slice(0, 13)} ${u.service}`);
    expect(unverified(base)).toEqual([
      '2026-12-02T02 Laboratoire',
      '2026-12-02T02 Nutrition',
      '2026-12-02T02 Pharmacie',
    ]);
    expect(unverified(withRows([row('cancelled')]))).toEqual(['2026-12-02T02 Nutrition', '2026-12-02T02 Pharmacie']);
    const moved = row('moved', {
      newWindow: {
        text: '2026-12-09 2h-4h',
        rule: {
          kind: 'once',
          date: { year: 2026, month: 12, day: 9 },
          time: { start: { hour: 2, minute: 0 }, end: { hour: 4, minute: 0 } },
        },
      },
    });
    expect(unverified(withRows([moved]))).toEqual([
      '2026-12-02T02 Nutrition',
      '2026-12-02T02 Pharmacie',
      '2026-12-09T02 Laboratoire',
    ]);
  });
});
