/**
 * Issue 12, short-notice heads-up, through the composed core (createAgent): a real inventory file on disk that IT
 * republishes, the real sync, scheduler and SQLite store in a temp folder, a ManualClock, a recording notifier. The
 * file gains a window at 3 h 30 at 3 h 10 while the reminder is 30 min before (the defaults): one heads-up at the
 * tick that reads the new file, none on the fresh install's first plan, none again after a restart.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createAgent, type Agent } from '../../../electron/core/agent';
import { ManualClock } from '../../../electron/core/clock';
import { RecordingNotifier } from '../../../electron/core/notify/simple';
import { silentLogger } from '../../../electron/core/store';

const ASSETS = fileURLToPath(new URL('../../../assets/', import.meta.url));
const HEADER = 'Direction;Site;Service;Application;Plage de maintenance;Commentaire\r\n';
const COBAS = 'DSP;IUSMM;Laboratoire;Cobas IT;3e mercredi 2h-4h;\r\n';
const GESTLAB = 'DSP;IUSMM;Laboratoire;GestLab;2026-12-02 3h30-3h36;\r\n';

const dirs: string[] = [];
const running: Agent[] = [];
afterEach(async () => {
  for (const agent of running.splice(0)) await agent.stop();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function start(dir: string, clock: ManualClock, notifier: RecordingNotifier, inventory: string) {
  const agent = createAgent({
    userDataDir: path.join(dir, 'data'),
    assetsDir: ASSETS,
    hostname: 'POSTE-LAB-01',
    clock,
    notifier,
    policyPath: path.join(dir, 'absent-config.json'),
    log: silentLogger,
    readPolicy: async () => ({ site: 'IUSMM', services: ['Laboratoire'], inventorySource: inventory }),
    sync: { wait: async () => undefined, random: () => 0 },
  });
  running.push(agent);
  await agent.start();
  await agent.tick();
  return agent;
}

describe('heads-up through the agent', () => {
  it('one toast when a republished inventory adds a window too late for its reminder, never twice', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-heads-up-'));
    dirs.push(dir);
    const inventory = path.join(dir, 'inventaire.csv');
    fs.writeFileSync(inventory, HEADER + COBAS);
    const clock = new ManualClock('2026-12-02T03:00:00');
    const notifier = new RecordingNotifier(clock);
    const agent = await start(dir, clock, notifier, inventory);
    expect((await agent.api.getStatus()).inventory).toMatchObject({ state: 'ok', applications: 1 });

    clock.set('2026-12-02T03:10:00');
    fs.writeFileSync(inventory, HEADER + COBAS + GESTLAB);
    await agent.tick({ sync: true });
    expect((await agent.api.getStatus()).inventory).toMatchObject({ applications: 2 });
    expect(notifier.shown.map((n) => [n.kind, n.at.slice(11, 16), n.body])).toEqual([
      ['heads-up', '03:10', 'Plage ajoutée : aujourd’hui 3 h 30 – 3 h 36, GestLab. Préparez votre plan de continuité.'],
    ]);

    // A restart of the agent (same folder) and another sync: the flag holds.
    await agent.stop();
    running.splice(0);
    clock.set('2026-12-02T03:12:00');
    const again = await start(dir, clock, notifier, inventory);
    await again.tick({ sync: true });
    clock.set('2026-12-02T03:30:00');
    await again.tick();
    expect(notifier.shown.map((n) => n.kind)).toEqual(['heads-up', 'start']);
  });

  it('none on the first plan of a fresh install, whose inventory already holds the window', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-heads-up-'));
    dirs.push(dir);
    const inventory = path.join(dir, 'inventaire.csv');
    fs.writeFileSync(inventory, HEADER + COBAS + GESTLAB);
    const clock = new ManualClock('2026-12-02T03:10:00');
    const notifier = new RecordingNotifier(clock);
    const agent = await start(dir, clock, notifier, inventory);
    expect((await agent.api.getStatus()).inventory).toMatchObject({ state: 'ok', applications: 2 });
    clock.set('2026-12-02T03:30:00');
    await agent.tick();
    expect(notifier.shown.map((n) => n.kind)).toEqual(['start']);
  });
});
