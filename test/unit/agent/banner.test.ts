/**
 * The banner through the composed core (issue 12, "An alert nobody misses"): the real agent on a temp folder (SQLite,
 * embedded inventory: IUSMM Laboratoire is down 2026-12-02 2 h – 4 h), a ManualClock, onBanner recorded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { BannerView } from '../../../shared/ipc/views';
import { VerificationReportSchema } from '../../../shared/reports/types';
import { createAgent, type Agent } from '../../../electron/core/agent';
import { createDispatcher } from '../../../electron/core/api/dispatch';
import { ManualClock } from '../../../electron/core/clock';
import { RecordingNotifier } from '../../../electron/core/notify/simple';
import { silentLogger } from '../../../electron/core/store';

const ASSETS = fileURLToPath(new URL('../../../assets/', import.meta.url));
const dirs: string[] = [];
const running: Agent[] = [];

afterEach(async () => {
  for (const agent of running.splice(0)) await agent.stop();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-banner-agent-'));
  dirs.push(dir);
  return dir;
}

class Rig {
  readonly dir = tempDir();
  readonly reports = tempDir();
  readonly clock: ManualClock;
  /** Every onBanner call: the view's window start, or null. */
  readonly sent: (BannerView | null)[] = [];
  agent!: Agent;

  constructor(start: string) {
    this.clock = new ManualClock(start);
  }

  async start(): Promise<Agent> {
    const agent = createAgent({
      userDataDir: this.dir,
      assetsDir: ASSETS,
      hostname: 'POSTE-LAB-01',
      clock: this.clock,
      notifier: new RecordingNotifier(this.clock),
      policyPath: path.join(this.dir, 'absent-config.json'),
      log: silentLogger,
      readPolicy: async () => ({ site: 'IUSMM', services: ['Laboratoire'], reportsFolder: this.reports }),
      sync: { wait: async () => undefined, random: () => 0 },
      onBanner: (view) => this.sent.push(view),
    });
    running.push(agent);
    await agent.start();
    await agent.tick();
    this.agent = agent;
    return agent;
  }

  async stop(): Promise<void> {
    await this.agent.stop();
    running.splice(running.indexOf(this.agent), 1);
  }

  async at(iso: string): Promise<void> {
    this.clock.set(iso);
    await this.agent.tick();
  }

  /** What was sent since the last call, as "start" or null. */
  take(): (string | null)[] {
    return this.sent.splice(0).map((v) => v?.windowStart ?? null);
  }
}

const START = '2026-12-02T02:00:00-05:00';

describe('banner (agent)', () => {
  it('opens at the window start, is sent again at every tick while due, closes once at the end', async () => {
    const rig = new Rig('2026-12-02T01:59:00');
    await rig.start();
    await rig.at('2026-12-02T01:59:30');
    expect(rig.take()).toEqual([]);
    await rig.at('2026-12-02T02:00:00');
    expect(rig.sent[0]).toMatchObject({ reason: 'window', windowEnd: '2026-12-02T04:00:00-05:00' });
    expect(rig.sent[0]?.applications).toEqual(['Cortex Omnitech', 'GestLab', 'Unity Real Time IUSMM']);
    // A tick that also syncs may send it twice: the shell's show is idempotent.
    expect(new Set(rig.take())).toEqual(new Set([START]));
    await rig.at('2026-12-02T02:00:30');
    expect(rig.take()).toContain(START);
    await rig.at('2026-12-02T03:59:30');
    expect(new Set(rig.take())).toEqual(new Set([START]));
    expect(await rig.agent.api.getBanner()).toMatchObject({ windowStart: START, acknowledged: null });
    await rig.at('2026-12-02T04:00:00');
    await rig.at('2026-12-02T04:00:30');
    expect(rig.take()).toEqual([null]);
    expect(await rig.agent.api.getBanner()).toBeNull();
  });

  it('comes back at resume, unlock and logon while not acknowledged', async () => {
    const rig = new Rig('2026-12-02T02:10:00');
    await rig.start();
    rig.take();
    for (const event of ['resume', 'unlock', 'logon'] as const) {
      rig.clock.set(rig.clock.now().plus({ minutes: 20 }));
      rig.agent.handleSystemEvent(event);
      // Sent by the event itself, before any interval tick.
      expect(rig.take(), event).toEqual([START]);
    }
  });

  it('acknowledged: closes at once, stays closed through ticks, resume, unlock, logon and a restart', async () => {
    const rig = new Rig('2026-12-02T02:00:00');
    const agent = await rig.start();
    const view = await agent.api.getBanner();
    if (!view) throw new Error('no banner');
    rig.take();
    rig.clock.set('2026-12-02T02:05:00');
    await agent.api.acknowledgeBanner({ key: view.key, initials: 'MT' });
    expect(rig.take()).toEqual([null]);
    await rig.at('2026-12-02T02:05:30');
    expect(rig.take()).toEqual([]);
    for (const event of ['resume', 'unlock', 'logon'] as const) rig.agent.handleSystemEvent(event);
    // An event re-sends the current state, which is "no banner".
    expect(rig.take()).toEqual([null, null, null]);
    // Acknowledging again is harmless.
    await expect(agent.api.acknowledgeBanner({ key: view.key, initials: '' })).resolves.toBeUndefined();
    await rig.stop();
    rig.clock.set('2026-12-02T03:00:00');
    await rig.start();
    rig.agent.handleSystemEvent('logon');
    expect(rig.take().filter((v) => v !== null)).toEqual([]);
    expect(await rig.agent.api.getBanner()).toBeNull();
  });

  it('a PC started (signed in) mid-window gets the banner at once; started after the end, none', async () => {
    const during = new Rig('2026-12-02T03:30:00');
    await during.start();
    expect(during.take()[0]).toBe(START);
    const after = new Rig('2026-12-02T04:00:00');
    await after.start();
    after.agent.handleSystemEvent('logon');
    expect(after.take().filter((v) => v !== null)).toEqual([]);
  });

  it('the acknowledgement is in the report file written for that window', async () => {
    const rig = new Rig('2026-12-02T02:00:00');
    const agent = await rig.start();
    const view = await agent.api.getBanner();
    rig.clock.set('2026-12-02T02:07:00');
    await agent.api.acknowledgeBanner({ key: view?.key ?? '', initials: 'MT' });
    await rig.at('2026-12-02T04:00:30');
    const run = await agent.api.getChecklist();
    if (!run) throw new Error('no checklist');
    for (const item of run.items) {
      for (const check of item.checks) {
        await agent.api.setCheck({ runId: run.runId, application: item.application, check: check.id, result: 'ok' });
      }
    }
    await agent.api.submitChecklist({ runId: run.runId, initials: 'JD' });
    await rig.at('2026-12-02T04:10:00');
    const files = fs
      .readdirSync(rig.reports, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.json'));
    expect(files).toHaveLength(1);
    const report = VerificationReportSchema.parse(
      JSON.parse(fs.readFileSync(path.join(rig.reports, files[0] as string), 'utf8')),
    );
    expect(report.initials).toBe('JD');
    expect(report.acknowledgement).toEqual({
      at: '2026-12-02T02:07:00-05:00',
      workstation: 'POSTE-LAB-01',
      initials: 'MT',
    });
  });

  it('a report for a window nobody acknowledged says so (null)', async () => {
    const rig = new Rig('2026-12-02T03:59:00');
    const agent = await rig.start();
    await rig.at('2026-12-02T04:00:30');
    const run = await agent.api.getChecklist();
    if (!run) throw new Error('no checklist');
    for (const item of run.items) {
      for (const check of item.checks) {
        await agent.api.setCheck({ runId: run.runId, application: item.application, check: check.id, result: 'na' });
      }
    }
    await agent.api.submitChecklist({ runId: run.runId, initials: 'JD' });
    await rig.at('2026-12-02T04:10:00');
    const files = fs
      .readdirSync(rig.reports, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.json'));
    const report = JSON.parse(fs.readFileSync(path.join(rig.reports, files[0] as string), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(report.acknowledgement).toBeNull();
  });

  it('the bridge refuses a bad acknowledgement before the core runs, and an ended key with a French sentence', async () => {
    const rig = new Rig('2026-12-02T02:30:00');
    const agent = await rig.start();
    const view = await agent.api.getBanner();
    const call = createDispatcher(agent.api);
    const refused = async (args: unknown[]) =>
      JSON.parse(((await call('banner:acknowledge', args).catch((e: Error) => e)) as Error).message) as unknown;
    for (const bad of [
      [],
      [{ key: '', initials: 'MT' }],
      [{ key: view?.key, initials: 'x'.repeat(61) }],
      [{ key: view?.key }],
      [{ key: view?.key, initials: 'MT', extra: 1 }],
      [{ key: 'k'.repeat(601), initials: '' }],
    ]) {
      expect(await refused(bad)).toMatchObject({ code: 'invalid-input' });
    }
    expect(await agent.api.getBanner()).not.toBeNull();
    rig.clock.set('2026-12-02T04:00:00');
    expect(await refused([{ key: view?.key, initials: 'MT' }])).toEqual({
      code: 'not-found',
      message: 'Cette alerte n’est plus en cours (la plage est terminée ou a changé) : il n’y a rien à confirmer.',
    });
  });
});
