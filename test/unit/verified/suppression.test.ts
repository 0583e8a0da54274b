/**
 * One verification per service and window (issue 12), on the real core: a report another workstation put on the
 * share ends the window's notifications here with one `verified-elsewhere` toast; no checklist, catch-up or
 * opening afterwards, and the tray is never "verification-due" for it.
 */
import { describe, expect, it } from 'vitest';
import { trayState } from '../../../electron/core/scheduler/tray';
import { VerifiedRig } from './rig';

/** The lab verifies at its 8 h shift start: the checklist of the 2 h – 4 h window is due at 8 h. */
const SHIFT = { options: { serviceHours: { Laboratoire: { twentyFourSeven: false, shiftStarts: ['08:00'] } } } };

function trayOf(rig: VerifiedRig): string {
  const now = rig.clock.now();
  const { current, next } = rig.scheduler.windowsAt(now);
  return trayState({
    now,
    inventory: { state: 'ok', since: null },
    current,
    next,
    pendingRun: rig.trayPending(),
    problem: false,
  });
}

async function run(rig: VerifiedRig, to: string): Promise<string[]> {
  const states: string[] = [];
  const target = new Date(`${to}-05:00`).getTime();
  for (let t = rig.clock.now(); t.toMillis() <= target; t = t.plus({ seconds: 30 })) {
    await rig.step(t.toISO() as string);
    states.push(trayOf(rig));
  }
  return states;
}

describe('verified elsewhere: the window ends with one toast', () => {
  it('checklist at the next shift: "Vérification faite par PC-LAB-1 (MT) à 4 h 30", then no checklist toast nor opening at 8 h', async () => {
    const rig = new VerifiedRig('2026-12-02T03:50:00', SHIFT);
    await rig.put();
    const states = await run(rig, '2026-12-02T09:00:00');
    expect(rig.summary()).toEqual([
      'start@2026-12-02T03:50',
      'end@2026-12-02T04:00',
      'verified-elsewhere@2026-12-02T04:30',
    ]);
    const toast = rig.notifier.shown[2];
    expect(toast?.body).toMatch(/^Vérification faite par PC-LAB-1 \(MT\) à 4 h 30 : /);
    expect(toast?.by).toEqual({ workstation: 'PC-LAB-1', initials: 'MT', at: '2026-12-02T04:30:00-05:00' });
    expect(toast?.windowStart).toBe('2026-12-02T02:00:00-05:00');
    expect(rig.opened).toEqual([]);
    expect(states).not.toContain('verification-due');
    // The run exists (so "Vérifier quand même" has one) but is not pending.
    expect(rig.store.checklists.listRuns({ status: 'open' })).toHaveLength(1);
    expect(rig.trayPending()).toBe(false);
  });

  it('control: without the report, the checklist toast comes at 8 h and the tray says verification-due', async () => {
    const rig = new VerifiedRig('2026-12-02T03:50:00', SHIFT);
    const states = await run(rig, '2026-12-02T09:00:00');
    expect(rig.summary()).toEqual(['start@2026-12-02T03:50', 'end@2026-12-02T04:00', 'checklist@2026-12-02T08:00']);
    expect(rig.opened).toEqual(['checklist']);
    expect(states).toContain('verification-due');
  });

  it('24/7: the checklist already open leaves "verification-due" when the report appears, and stays closed after a restart', async () => {
    const rig = new VerifiedRig('2026-12-02T03:59:00');
    await run(rig, '2026-12-02T04:10:00');
    expect(rig.summary()).toEqual(['start@2026-12-02T03:59', 'checklist@2026-12-02T04:00']);
    expect(trayOf(rig)).toBe('verification-due');
    await rig.put({ submittedAt: '2026-12-02T04:12:00-05:00' });
    await run(rig, '2026-12-02T04:20:00');
    expect(rig.summary().slice(2)).toEqual(['verified-elsewhere@2026-12-02T04:12']);
    expect(trayOf(rig)).not.toBe('verification-due');
    rig.restart();
    await run(rig, '2026-12-02T05:00:00');
    expect(rig.summary()).toHaveLength(3);
    expect(rig.trayPending()).toBe(false);
  });

  it('asleep through the window and the report: at wake, the verified-elsewhere toast only (no catch-up, nothing opens)', async () => {
    const rig = new VerifiedRig('2026-12-02T02:59:00');
    await run(rig, '2026-12-02T03:00:00');
    await rig.put();
    rig.notifier.clear();
    const states = await run(rig.at('2026-12-02T06:00:00'), '2026-12-02T06:30:00');
    expect(rig.summary()).toEqual(['verified-elsewhere@2026-12-02T06:00']);
    expect(rig.notifier.shown[0]?.body).toMatch(/^Vérification faite par PC-LAB-1 \(MT\) à 4 h 30/);
    expect(rig.opened).toEqual([]);
    expect(states).not.toContain('verification-due');
  });

  it('another user of this same PC verified: it counts; this PC and account is not "elsewhere"', async () => {
    const other = new VerifiedRig('2026-12-02T03:59:00', SHIFT);
    await other.put({ workstation: 'PC-CHAMBRE-2', userAccount: 'soins.nuit', initials: 'JB' });
    await run(other, '2026-12-02T08:30:00');
    expect(other.summary()).toContain('verified-elsewhere@2026-12-02T04:30');
    expect(other.notifier.shown.at(-1)?.body).toMatch(/^Vérification faite par PC-CHAMBRE-2 \(JB\) à 4 h 30/);

    const same = new VerifiedRig('2026-12-02T03:59:00', SHIFT);
    await same.put({ workstation: 'pc-chambre-2', userAccount: 'SOINS.4E' });
    await run(same, '2026-12-02T08:30:00');
    expect(same.summary()).toEqual(['start@2026-12-02T03:59', 'end@2026-12-02T04:00', 'checklist@2026-12-02T08:00']);
  });

  it('English: "Verified by PC-LAB-1 (MT) at 4:30 a.m."', async () => {
    const rig = new VerifiedRig('2026-12-02T03:59:00', { ...SHIFT, language: 'en' });
    await rig.put();
    await run(rig, '2026-12-02T04:31:00');
    expect(rig.notifier.shown.at(-1)?.body).toMatch(/^Verified by PC-LAB-1 \(MT\) at 4:30 a\.m\.: /);
  });
});

describe('the status view and "Vérifier quand même"', () => {
  it('lists the window with who, when and the answers; verifying again makes the run pending here again', async () => {
    const rig = new VerifiedRig('2026-12-02T03:59:00', SHIFT);
    await rig.put();
    await run(rig, '2026-12-02T04:31:00');
    const [view] = rig.checklists.verifiedElsewhere();
    expect(view).toMatchObject({
      workstation: 'PC-LAB-1',
      initials: 'MT',
      submittedAt: '2026-12-02T04:30:00-05:00',
      windowStart: '2026-12-02T02:00:00-05:00',
    });
    expect(view?.items.map((i) => i.application)).toEqual(['Cobas IT', 'GestLab']);
    expect(rig.trayPending()).toBe(false);
    rig.checklists.verifyAgain(view?.runId ?? '');
    expect(rig.checklists.pendingRun()?.runId).toBe(view?.runId);
    expect(rig.checklists.verifiedElsewhere()).toEqual([]);
    // From then on the window is this PC's as usual: its 8 h checklist comes (no second verified-elsewhere).
    await run(rig, '2026-12-02T08:30:00');
    expect(rig.summary().slice(-2)).toEqual(['verified-elsewhere@2026-12-02T04:30', 'checklist@2026-12-02T08:00']);
  });
});
