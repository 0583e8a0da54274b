/**
 * The short-notice heads-up (electron/core/scheduler/heads-up.ts, messages-heads-up.ts) at its edges: what makes a
 * plan "changed", which reminders count as missed, one toast and one flag per window, and its words for today,
 * tomorrow and later. The real scheduler on a real SQLite file with a ManualClock (harness.ts).
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { headsUpNotification } from '../../../electron/core/scheduler/messages-heads-up';
import type { ReminderSpec } from '../../../shared/planning/types';
import { csvInventory, Harness, ZONE } from './harness';

const COBAS = 'DSP;IUSMM;Laboratoire;Cobas IT;3e mercredi 2h-4h;';
const GESTLAB_0330 = 'DSP;IUSMM;Laboratoire;GestLab;2026-12-02 3h30-3h36;';
const GESTLAB_0200 = 'DSP;IUSMM;Laboratoire;GestLab;2026-12-02 2h-4h;';
const SOFTLAB_0340 = 'DSP;IUSMM;Laboratoire;Softlab;2026-12-02 3h40-3h50;';
const ACCUDOSE_0330 = 'DSP;IUSMM;Pharmacie;Accudose;2026-12-02 3h30-3h36;';

function before(...minutes: number[]): { options: { reminders: ReminderSpec[] } } {
  return { options: { reminders: minutes.map((m) => ({ kind: 'before' as const, minutes: m })) } };
}

/** A new plan object with other reminders, the way the agent hands one over after a settings change. */
function remind(h: Harness, ...minutes: number[]): void {
  if (!h.plan) throw new Error('no plan');
  h.plan = { ...h.plan, options: { ...h.plan.options, ...before(...minutes).options } };
}

const headsUps = (h: Harness) => h.notifier.shown.filter((n) => n.kind === 'heads-up');

describe('what counts as a changed plan', () => {
  it('a service added to the profile (same inventory object): its window known too late gets its heads-up', async () => {
    const h = new Harness('2026-12-02T03:00:00', {
      ...before(60),
      inventory: await csvInventory(COBAS, ACCUDOSE_0330),
    });
    h.runTo('2026-12-02T03:10:00');
    if (!h.plan) throw new Error('no plan');
    h.plan = { ...h.plan, profile: { site: 'IUSMM', services: ['Laboratoire', 'Pharmacie'] } };
    h.tick();
    expect(headsUps(h).map((n) => n.body)).toEqual([
      'Plage ajoutée : aujourd’hui 3 h 30 – 3 h 36, Accudose. Préparez votre plan de continuité.',
    ]);
  });

  it('an unchanged plan is not looked at again: a PC asleep past the catch-up reach gets no heads-up', async () => {
    // A reminder 6 days before the 16 December window (10 December, 2 h), slept through from 2 to 14 December:
    // older than the catch-up reaches (4 days), so nobody flagged it, but the window was known all along.
    const h = new Harness('2026-12-02T12:00:00', { ...before(6 * 24 * 60), inventory: await csvInventory(COBAS) });
    h.runTo('2026-12-02T12:01:00');
    h.at('2026-12-14T12:00:00').runTo('2026-12-14T12:01:00');
    expect(h.summary()).toEqual([]);
  });
});

describe('which reminders were missed', () => {
  it('a window added at the very instant it starts: its start toast, no heads-up', async () => {
    // The 3 h reminder (30 min before) was missed; the window is under way, not ahead.
    const h = new Harness('2026-12-02T03:00:00', { ...before(60, 30), inventory: await csvInventory(COBAS) });
    h.runTo('2026-12-02T03:29:30');
    h.publish(await csvInventory(COBAS, GESTLAB_0330));
    h.at('2026-12-02T03:30:00').tick();
    expect(h.summary()).toEqual(['start@2026-12-02T03:30']);
  });

  it('a shorter reminder added after the first went out: no heads-up (the window was known in time)', async () => {
    const h = new Harness('2026-12-02T00:00:00', { ...before(60), inventory: await csvInventory(COBAS, GESTLAB_0200) });
    h.runTo('2026-12-02T00:01:00');
    h.at('2026-12-02T00:59:30').runTo('2026-12-02T01:40:00');
    remind(h, 60, 30);
    h.runTo('2026-12-02T01:41:00');
    expect(h.summary()).toEqual(['reminder@2026-12-02T01:00']);
  });

  it('a longer reminder added after the first went out: no heads-up either', async () => {
    const h = new Harness('2026-12-02T00:00:00', { ...before(30), inventory: await csvInventory(COBAS, GESTLAB_0200) });
    h.runTo('2026-12-02T00:01:00');
    h.at('2026-12-02T01:29:30').runTo('2026-12-02T01:40:00');
    remind(h, 30, 60);
    h.runTo('2026-12-02T01:41:00');
    expect(h.summary()).toEqual(['reminder@2026-12-02T01:30']);
  });
});

describe('one heads-up and one flag per window', () => {
  it('two windows known too late: one each, flagged as heads-up|<start>|<end> like their other keys', async () => {
    const h = new Harness('2026-12-02T03:00:00', { ...before(60), inventory: await csvInventory(COBAS) });
    h.runTo('2026-12-02T03:10:00');
    h.publish(await csvInventory(COBAS, GESTLAB_0330, SOFTLAB_0340));
    h.tick();
    expect(headsUps(h).map((n) => n.body)).toEqual([
      'Plage ajoutée : aujourd’hui 3 h 30 – 3 h 36, GestLab. Préparez votre plan de continuité.',
      'Plage ajoutée : aujourd’hui 3 h 40 – 3 h 50, Softlab. Préparez votre plan de continuité.',
    ]);
    const flags = h.store.announced.since(h.clock.now().minus({ days: 1 })).filter((f) => f.key.startsWith('heads'));
    expect(flags.map((f) => [f.key, f.kind])).toEqual([
      ['heads-up|2026-12-02T08:30:00Z|2026-12-02T08:36:00Z', 'heads-up'],
      ['heads-up|2026-12-02T08:40:00Z|2026-12-02T08:50:00Z', 'heads-up'],
    ]);
  });

  it('a window whose two reminders were both missed: one heads-up', async () => {
    const h = new Harness('2026-12-02T02:00:00', { ...before(60, 30), inventory: await csvInventory(COBAS) });
    h.runTo('2026-12-02T03:10:00');
    h.publish(await csvInventory(COBAS, GESTLAB_0330));
    h.tick();
    expect(headsUps(h)).toHaveLength(1);
  });
});

describe('its words', () => {
  const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
  const facts = (start: string, end: string) => ({ start: at(start), end: at(end), applications: ['GestLab'] });
  const now = at('2026-12-02T01:00:00');

  it('"today" in English', () => {
    const n = headsUpNotification(facts('2026-12-02T03:30', '2026-12-02T03:36'), { now, zone: ZONE, lang: 'en' });
    expect(n.body).toBe('Window added: today 3:30 – 3:36 a.m., GestLab. Get your continuity plan ready.');
  });

  it('"demain" in French', () => {
    const n = headsUpNotification(facts('2026-12-03T02:00', '2026-12-03T04:00'), { now, zone: ZONE, lang: 'fr' });
    expect(n.body).toBe('Plage ajoutée : demain 2 h – 4 h, GestLab. Préparez votre plan de continuité.');
  });

  it('the full date after tomorrow', () => {
    const n = headsUpNotification(facts('2026-12-04T02:00', '2026-12-04T04:00'), { now, zone: ZONE, lang: 'fr' });
    expect(n.body).toBe('Plage ajoutée : vendredi 4 décembre, 2 h – 4 h, GestLab. Préparez votre plan de continuité.');
  });

  it('a window that ends the next day: "today" and the end with its date', () => {
    const n = headsUpNotification(facts('2026-12-02T23:00', '2026-12-03T01:00'), { now, zone: ZONE, lang: 'fr' });
    expect(n.body).toBe(
      'Plage ajoutée : aujourd’hui 23 h – jeudi 3 décembre, 1 h, GestLab. Préparez votre plan de continuité.',
    );
  });
});
