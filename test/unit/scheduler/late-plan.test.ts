/**
 * Gaps found by the mutation pass of issue 14 (survivors of scheduler.ts and heads-up.ts), on the real scheduler
 * (harness.ts: real SQLite, ManualClock, the real CSV reader):
 * - a window IT publishes while it is already under way gets its start toast once, at the tick that reads it (not
 *   only its checklist at the end);
 * - a reminder the PC slept through beyond the catch-up's reach (4 days) is not a "Plage ajoutée" heads-up: the
 *   window was known all along;
 * - after a first start, the clock set back (a time change) and forward again: the end met again is announced as
 *   usual, not as a catch-up (a first start has nothing stale).
 */
import { describe, expect, it } from 'vitest';
import { csvInventory, Harness } from './harness';

const COBAS = 'DSP;IUSMM;Laboratoire;Cobas IT;3e mercredi 2h-4h;';
const GESTLAB_0200 = 'DSP;IUSMM;Laboratoire;GestLab;2026-12-02 2h-4h;';

describe('a window published while it is already under way', () => {
  it('gets its start toast at the tick that reads it, then its checklist at the end; nothing twice', async () => {
    const h = new Harness('2026-12-02T00:00:00', { inventory: await csvInventory(COBAS) });
    h.tick();
    h.runTo('2026-12-02T02:30:00');
    expect(h.summary()).toEqual([]);
    h.publish(await csvInventory(COBAS, 'DSP;IUSMM;Laboratoire;GestLab;2026-12-02 2h15-3h;'));
    const result = h.tick();
    expect(result.notifications.map((n) => n.kind)).toEqual(['start']);
    expect(result.notifications[0]).toMatchObject({
      windowStart: '2026-12-02T02:15:00-05:00',
      windowEnd: '2026-12-02T03:00:00-05:00',
    });
    h.runTo('2026-12-02T04:00:00');
    expect(h.summary()).toEqual(['start@2026-12-02T02:30', 'checklist@2026-12-02T03:00']);
    h.close();
  });

  it('a plan change during a window whose start was announced announces nothing again', async () => {
    const gestlab = 'DSP;IUSMM;Laboratoire;GestLab;2026-12-02 2h15-3h;';
    const h = new Harness('2026-12-02T00:00:00', { inventory: await csvInventory(COBAS, gestlab) });
    h.tick();
    h.runTo('2026-12-02T02:30:00');
    expect(h.summary()).toEqual(['reminder@2026-12-02T01:45', 'start@2026-12-02T02:15']);
    h.publish(await csvInventory(gestlab, COBAS, 'DSP;IUSMM;Laboratoire;Unity;1er lundi 2h-4h;'));
    expect(h.tick().notifications).toEqual([]);
    h.close();
  });
});

describe('a reminder slept through beyond the catch-up reach', () => {
  it('with a 6-day reminder and 12 days off, a window known all along gets no "Plage ajoutée"', async () => {
    const sixDays = { options: { reminders: [{ kind: 'before' as const, minutes: 6 * 24 * 60 }] } };
    const h = new Harness('2026-12-02T12:00:00', { ...sixDays, inventory: await csvInventory(COBAS) });
    h.tick();
    h.restart();
    // Off from 2 to 14 December: the 6-day reminder of 16 December (10 December, 2 h) is 4 days and 10 h old.
    h.at('2026-12-14T12:00:00');
    const result = h.tick();
    expect(result.notifications.map((n) => n.kind)).not.toContain('heads-up');
    h.close();
  });
});

describe('the clock set back after a first start', () => {
  it("a window's end met again after the clock went back is announced as usual, not as a catch-up", async () => {
    const h = new Harness('2026-12-02T04:00:00', { inventory: await csvInventory(COBAS, GESTLAB_0200) });
    h.tick();
    expect(h.summary()).toEqual([]);
    h.at('2026-12-02T03:59:00').tick();
    h.at('2026-12-02T04:00:00').tick();
    expect(h.summary()).toEqual(['checklist@2026-12-02T04:00']);
    h.close();
  });
});
