/**
 * Issue 12, short-notice heads-up: a window that becomes known later than a reminder's lead time gets ONE toast as
 * soon as it is known. The real scheduler on a real SQLite file with a ManualClock (harness.ts); the inventories go
 * through the real CSV reader. `simulate` runs one inventory for its whole period and cannot express an inventory
 * that changes, so these tests change the harness's plan the way a sync does (a new Inventory object).
 */
import { describe, expect, it } from 'vitest';
import { HEADS_UP_KIND } from '../../../electron/core/scheduler/heads-up';
import { csvInventory, Harness } from './harness';

const COBAS = 'DSP;IUSMM;Laboratoire;Cobas IT;3e mercredi 2h-4h;';
const GESTLAB_0330 = 'DSP;IUSMM;Laboratoire;GestLab;2026-12-02 3h30-3h36;';

const ONE_HOUR = { options: { reminders: [{ kind: 'before' as const, minutes: 60 }] } };

async function known(at: string, options: ConstructorParameters<typeof Harness>[1] = ONE_HOUR) {
  const h = new Harness(at, { ...options, inventory: await csvInventory(COBAS) });
  h.tick();
  return h;
}

describe('heads-up for a window known too late for its reminder', () => {
  it('a new inventory at 3 h 10 adds a window at 3 h 30 (reminder 60 min before): one heads-up at once', async () => {
    const h = await known('2026-12-02T00:00:00');
    h.runTo('2026-12-02T03:10:00');
    expect(h.summary()).toEqual([]);
    h.publish(await csvInventory(COBAS, GESTLAB_0330));
    const result = h.tick();
    expect(result.notifications.map((n) => n.kind)).toEqual(['heads-up']);
    expect(result.notifications[0]).toMatchObject({
      title: 'Plage de maintenance ajoutée',
      body: 'Plage ajoutée : aujourd’hui 3 h 30 – 3 h 36, GestLab. Préparez votre plan de continuité.',
      windowStart: '2026-12-02T03:30:00-05:00',
      windowEnd: '2026-12-02T03:36:00-05:00',
      opens: 'status',
    });
    h.runTo('2026-12-02T04:00:00');
    // Never twice; the window's own toasts follow as usual (the missed reminder is not replayed).
    expect(h.summary()).toEqual(['heads-up@2026-12-02T03:10', 'start@2026-12-02T03:30', 'checklist@2026-12-02T03:36']);
    const flags = h.store.announced.since(h.clock.now().minus({ days: 1 })).filter((f) => f.kind === HEADS_UP_KIND);
    expect(flags).toHaveLength(1);
  });

  it('survives a restart: the flag is in SQLite, and a plan that changes again brings nothing back', async () => {
    const h = await known('2026-12-02T03:00:00');
    h.runTo('2026-12-02T03:10:00');
    h.publish(await csvInventory(COBAS, GESTLAB_0330));
    h.tick();
    h.restart();
    h.runTo('2026-12-02T03:12:00');
    h.publish(await csvInventory(COBAS, GESTLAB_0330));
    h.runTo('2026-12-02T03:14:00');
    h.restart({ flush: false });
    h.runTo('2026-12-02T03:20:00');
    expect(h.summary()).toEqual(['heads-up@2026-12-02T03:10']);
  });

  it('says it in English, and "tomorrow" for a window of the next day whose day-before reminder has passed', async () => {
    const h = await known('2026-12-01T09:00:00', { language: 'en' });
    h.runTo('2026-12-01T14:00:00');
    h.publish(await csvInventory(COBAS, 'DSP;IUSMM;Laboratoire;GestLab;2026-12-02 2h-4h;'));
    const [n] = h.tick().notifications;
    expect(n?.kind).toBe('heads-up');
    expect(n?.title).toBe('Maintenance window added');
    expect(n?.body).toBe('Window added: tomorrow 2:00 – 4:00 a.m., GestLab. Get your continuity plan ready.');
    // The 30-minute reminder is still ahead: it comes at its time.
    h.runTo('2026-12-02T01:31:00');
    expect(h.summary()).toEqual(['heads-up@2026-12-01T14:00', 'reminder@2026-12-02T01:30']);
  });

  it('nothing for a window added before its reminder: the reminder comes at its time', async () => {
    const h = await known('2026-12-02T01:00:00');
    h.runTo('2026-12-02T02:00:00');
    h.publish(await csvInventory(COBAS, GESTLAB_0330));
    h.runTo('2026-12-02T02:31:00');
    expect(h.summary()).toEqual(['reminder@2026-12-02T02:30']);
  });

  it('nothing for a window already under way when it becomes known', async () => {
    // Default reminders (the day before at 10 h, 30 min before): both passed, the window started at 3 h 30.
    const h = await known('2026-12-02T03:00:00', {});
    h.runTo('2026-12-02T03:32:00');
    h.publish(await csvInventory(COBAS, GESTLAB_0330));
    h.runTo('2026-12-02T03:34:00');
    expect(h.notifier.shown.filter((n) => n.kind === 'heads-up')).toEqual([]);
  });

  it('nothing when the PC slept through the reminder of a window it knew (the catch-up drops it)', async () => {
    const h = new Harness('2026-12-02T02:00:00', { ...ONE_HOUR, inventory: await csvInventory(COBAS, GESTLAB_0330) });
    h.tick();
    h.at('2026-12-02T03:10:00').tick(); // asleep 2 h 00 → 3 h 10: the 2 h 30 reminder was missed
    h.restart();
    h.runTo('2026-12-02T03:12:00');
    h.publish(await csvInventory(COBAS, GESTLAB_0330, 'DSP;IUSMM;Laboratoire;Softlab;4e mercredi 2h-4h;'));
    h.runTo('2026-12-02T03:14:00');
    expect(h.notifier.shown.filter((n) => n.kind === 'heads-up')).toEqual([]);
  });

  it('nothing on the very first plan of a fresh install, nor later for the windows that plan held', async () => {
    const h = new Harness('2026-12-02T03:10:00', { ...ONE_HOUR, inventory: await csvInventory(COBAS, GESTLAB_0330) });
    h.tick();
    h.publish(await csvInventory(COBAS, GESTLAB_0330, 'DSP;IUSMM;Laboratoire;Softlab;4e mercredi 2h-4h;'));
    h.runTo('2026-12-02T03:31:00');
    expect(h.summary()).toEqual(['start@2026-12-02T03:30']);
  });

  it('one heads-up per window, naming all its applications', async () => {
    const h = await known('2026-12-02T03:00:00');
    h.runTo('2026-12-02T03:10:00');
    h.publish(await csvInventory(COBAS, GESTLAB_0330, 'DSP;IUSMM;Laboratoire;Softlab;2026-12-02 3h30-3h36;'));
    const shown = h.tick().notifications;
    expect(shown.map((n) => n.body)).toEqual([
      'Plage ajoutée : aujourd’hui 3 h 30 – 3 h 36, GestLab et Softlab. Préparez votre plan de continuité.',
    ]);
  });
});
