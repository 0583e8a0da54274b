/** The agent re-reads IT's policy at unlock and resume (issue 11): a real config.json, real SQLite, a ManualClock. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, expect, it } from 'vitest';
import { createAgent, type Agent } from '../../../electron/core/agent';
import { ManualClock } from '../../../electron/core/clock';
import { RecordingNotifier } from '../../../electron/core/notify/simple';
import { silentLogger } from '../../../electron/core/store';

/** Turns the event loop (the re-read is file I/O in the thread pool) until `done`; no timer, no real wait. */
async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  for (let round = 0; round < 100_000; round++) {
    if (await done()) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  throw new Error('never happened');
}

const ASSETS = fileURLToPath(new URL('../../../assets/', import.meta.url));
let dir = '';
let agent: Agent | null = null;
afterEach(async () => {
  await agent?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

it.each(['unlock', 'resume'] as const)(
  're-reads the policy at %s: lock, problem shown, last valid kept',
  async (event) => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-agent-policy-'));
    const file = path.join(dir, 'config.json');
    fs.writeFileSync(file, JSON.stringify({ site: 'IUSMM', services: ['Laboratoire'] }));
    const clock = new ManualClock('2026-11-25T09:00:00');
    agent = createAgent({
      userDataDir: path.join(dir, 'data'),
      assetsDir: ASSETS,
      hostname: 'POSTE-TEST-01',
      clock,
      notifier: new RecordingNotifier(clock),
      policyPath: file,
      log: silentLogger,
      sync: { wait: async () => undefined, random: () => 0 },
    });
    await agent.start();
    await agent.tick();
    const quit = () => agent?.tray().menu.some((item) => item.id === 'quit');
    expect(quit()).toBe(true);

    fs.writeFileSync(file, JSON.stringify({ site: 'IUSMM', services: ['Laboratoire'], allowQuit: false }));
    agent.handleSystemEvent(event);
    await until(() => quit() === false);
    expect(quit()).toBe(false);

    fs.writeFileSync(file, JSON.stringify({ site: 'IUSMM', services: ['Laboratoire'], allowQuit: 'oui' }));
    agent.handleSystemEvent(event);
    await until(async () => ((await agent?.api.getStatus())?.policyProblems.length ?? 0) > 0);
    const status = await agent.api.getStatus();
    expect(status.policyProblems).toEqual([
      { key: 'allowQuit', message: '`allowQuit` doit être true ou false, pas « oui »' },
    ]);
    expect(quit()).toBe(false); // the last valid value, not the default
    expect(status.profile).toEqual({ site: 'IUSMM', services: ['Laboratoire'] });
  },
);
