/**
 * The composed agent (createAgent: real SQLite, the embedded inventory, ManualClock) with IT's reports folder in a
 * temp folder: at wake after sleeping through the window, the share is read before the scheduler announces, so
 * the window verified elsewhere gets its one toast and no catch-up, nothing opens, the tray is not
 * "verification-due" — and without the report, the usual catch-up comes (the control).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createAgent, type Agent } from '../../../electron/core/agent';
import type { WindowKind } from '../../../electron/core/agent-types';
import { ManualClock } from '../../../electron/core/clock';
import { RecordingNotifier } from '../../../electron/core/notify/simple';
import { ReportWriter } from '../../../electron/core/reports/writer';
import { silentLogger } from '../../../electron/core/store';
import { sampleReport } from '../reports/helpers';

const ASSETS = fileURLToPath(new URL('../../../assets/', import.meta.url));
const dirs: string[] = [];
const agents: Agent[] = [];
afterEach(async () => {
  for (const a of agents.splice(0)) await a.stop();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function sleepThrough(withReport: boolean) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-verified-agent-'));
  const share = path.join(dir, 'rapports');
  fs.mkdirSync(share);
  dirs.push(dir);
  const clock = new ManualClock('2026-12-02T00:59:00');
  const notifier = new RecordingNotifier(clock);
  const opened: WindowKind[] = [];
  const agent = createAgent({
    userDataDir: path.join(dir, 'donnees'),
    assetsDir: ASSETS,
    hostname: 'PC-CHAMBRE-2',
    clock,
    notifier,
    log: silentLogger,
    readPolicy: async () => ({ site: 'IUSMM', services: ['Laboratoire'], reportsFolder: share }),
    sync: { wait: async () => undefined, random: () => 0 },
  });
  agents.push(agent);
  agent.onOpenWindow((w) => opened.push(w));
  await agent.start();
  await agent.tick();
  clock.set('2026-12-02T01:00:00');
  await agent.tick();
  if (withReport) {
    await new ReportWriter().write(
      share,
      sampleReport({ workstation: 'PC-LAB-1', initials: 'MT', submittedAt: '2026-12-02T04:30:00-05:00' }),
    );
  }
  notifier.clear();
  clock.set('2026-12-02T05:00:00');
  await agent.tick();
  clock.set('2026-12-02T05:00:30');
  await agent.tick();
  return { notifier, opened, agent };
}

describe('agent: verified elsewhere while this PC slept', () => {
  it('at wake: one verified-elsewhere toast, no catch-up, nothing opens, the tray not verification-due', async () => {
    const { notifier, opened, agent } = await sleepThrough(true);
    expect(notifier.shown.map((n) => n.kind)).toEqual(['verified-elsewhere']);
    expect(notifier.shown[0]?.body).toMatch(/^Vérification faite par PC-LAB-1 \(MT\) à 4 h 30/);
    expect(opened).toEqual([]);
    expect(agent.tray().state).not.toBe('verification-due');
    const status = await agent.api.getStatus();
    expect(status.pendingChecklist).toBeNull();
    expect(status.verifiedElsewhere?.map((v) => v.workstation)).toEqual(['PC-LAB-1']);
  });

  it('control: without the report, the catch-up comes and the checklist opens', async () => {
    const { notifier, opened, agent } = await sleepThrough(false);
    expect(notifier.shown.map((n) => n.kind)).toEqual(['catch-up']);
    expect(opened).toEqual(['checklist']);
    expect(agent.tray().state).toBe('verification-due');
  });
});
