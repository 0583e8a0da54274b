/**
 * The composed core, for real: SQLite file and the embedded inventory in a temp folder, a ManualClock, a recording
 * notifier. Ticks are driven by hand (agent.tick) except where the interval itself is under test (fake timers).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StatusView } from '../../../shared/ipc/views';
import { createAgent, type Agent } from '../../../electron/core/agent';
import type { WindowKind } from '../../../electron/core/agent-types';
import { ManualClock } from '../../../electron/core/clock';
import { RecordingNotifier } from '../../../electron/core/notify/simple';
import { STORE_FILE, silentLogger } from '../../../electron/core/store';

const ASSETS = fileURLToPath(new URL('../../../assets/', import.meta.url));
const POLICY = { site: 'IUSMM', services: ['Laboratoire'] };

const dirs: string[] = [];
const running: Agent[] = [];

afterEach(async () => {
  vi.useRealTimers();
  for (const agent of running.splice(0)) await agent.stop();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

class Rig {
  readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-agent-'));
  readonly clock: ManualClock;
  readonly notifier: RecordingNotifier;
  readonly opened: WindowKind[] = [];
  readonly messages: { title: string; body: string }[] = [];
  readonly states: StatusView[] = [];
  agent!: Agent;

  constructor(
    start: string,
    private readonly policy: Record<string, unknown> = POLICY,
  ) {
    dirs.push(this.dir);
    this.clock = new ManualClock(start);
    this.notifier = new RecordingNotifier(this.clock);
  }

  /** Creates and starts an agent on this rig's folder (a new process, as far as the core can tell). */
  async start(): Promise<Agent> {
    const agent = createAgent({
      userDataDir: this.dir,
      assetsDir: ASSETS,
      hostname: 'POSTE-TEST-01',
      clock: this.clock,
      notifier: this.notifier,
      policyPath: path.join(this.dir, 'absent-config.json'),
      log: silentLogger,
      readPolicy: async () => this.policy,
      sync: { wait: async () => undefined, random: () => 0 },
    });
    running.push(agent);
    agent.onOpenWindow((w) => this.opened.push(w));
    agent.onUserMessage((m) => this.messages.push(m));
    agent.onStateChanged((s) => this.states.push(s));
    await agent.start();
    // The start's own first tick syncs in the background; this one waits for it.
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

  /** Ticks every 30 s of virtual time up to `iso` (an awake PC). */
  async runTo(iso: string): Promise<void> {
    const target = new ManualClock(iso).now().toMillis();
    for (let t = this.clock.now(); t.toMillis() <= target; t = t.plus({ seconds: 30 })) {
      this.clock.set(t);
      await this.agent.tick();
    }
  }

  summary(): string[] {
    return this.notifier.shown.map((n) => `${n.kind}@${n.at.slice(0, 16)}`);
  }
}

describe('agent', () => {
  it('starts on an empty folder with the embedded inventory and the profile IT set', async () => {
    const rig = new Rig('2026-11-25T09:00:00');
    const agent = await rig.start();
    const status = await agent.api.getStatus();
    expect(status.profile).toEqual({ site: 'IUSMM', services: ['Laboratoire'] });
    expect(status.inventory).toMatchObject({ state: 'ok', source: 'embedded' });
    expect(status.upcoming[0]).toMatchObject({ start: '2026-12-02T02:00:00-05:00', end: '2026-12-02T04:00:00-05:00' });
    expect(status.trayState).toBe('idle');
    expect(agent.tray().tooltip).toBe(
      'Vigie — prochaine plage mercredi 2 décembre, 2 h – 4 h : Cortex Omnitech, GestLab, Unity Real Time IUSMM',
    );
    expect(rig.opened).toEqual([]);
    expect(fs.existsSync(path.join(rig.dir, STORE_FILE))).toBe(true);
  });

  it('announces a window once through the day, opens the checklist and broadcasts the state', async () => {
    const rig = new Rig('2026-12-01T09:59:00');
    const agent = await rig.start();
    await rig.runTo('2026-12-01T10:01:00');
    // Overnight, awake: the clock jumps to just before the next events, then ticks every 30 s.
    rig.clock.set('2026-12-02T01:29:00');
    rig.agent.handleSystemEvent('resume');
    await rig.runTo('2026-12-02T02:01:00');
    rig.clock.set('2026-12-02T03:59:00');
    rig.agent.handleSystemEvent('resume');
    await rig.runTo('2026-12-02T04:01:00');
    expect(rig.summary()).toEqual([
      'reminder@2026-12-01T10:00',
      'reminder@2026-12-02T01:30',
      'start@2026-12-02T02:00',
      'checklist@2026-12-02T04:00',
    ]);
    expect(rig.opened).toEqual(['checklist']);
    expect(agent.tray().state).toBe('verification-due');
    const status = await agent.api.getStatus();
    expect(status.pendingChecklist).toMatchObject({ windowStart: '2026-12-02T02:00:00-05:00', status: 'open' });
    await vi.waitFor(() => expect(rig.states.map((s) => s.trayState)).toContain('verification-due'));
    expect(rig.states.map((s) => s.trayState)).toContain('in-progress');
  });

  it('restarted mid-window announces nothing twice, and a pending checklist reopens at the next start', async () => {
    const rig = new Rig('2026-12-02T01:59:00');
    await rig.start();
    await rig.at('2026-12-02T02:00:00');
    await rig.stop();

    rig.clock.set('2026-12-02T02:40:00');
    await rig.start();
    rig.clock.set('2026-12-02T03:58:00');
    await rig.agent.tick();
    await rig.runTo('2026-12-02T04:00:00');
    await rig.stop();
    expect(rig.opened).toEqual(['checklist']);

    rig.clock.set('2026-12-02T07:30:00');
    await rig.start();
    expect(rig.opened).toEqual(['checklist', 'checklist']);
    await rig.at('2026-12-02T07:31:00');
    expect(rig.summary()).toEqual(['start@2026-12-02T02:00', 'checklist@2026-12-02T04:00']);
  });

  it('asleep through the start and the end: one catch-up on resume, the checklist opened', async () => {
    const rig = new Rig('2026-12-02T00:59:00');
    const agent = await rig.start();
    await rig.at('2026-12-02T01:00:00');
    rig.clock.set('2026-12-02T05:00:00');
    agent.handleSystemEvent('resume');
    // The announcement is synchronous; the sync the resume starts is awaited by the next tick.
    expect(rig.summary()).toEqual(['catch-up@2026-12-02T05:00']);
    expect(rig.opened).toEqual(['checklist']);
    await rig.at('2026-12-02T05:00:30');
    expect(rig.notifier.shown).toHaveLength(1);
    expect(agent.tray().state).toBe('verification-due');
  });

  it('rebuilds a corrupt database, tells the user, and reloads the inventory', async () => {
    const rig = new Rig('2026-11-25T09:00:00');
    fs.writeFileSync(path.join(rig.dir, STORE_FILE), 'ceci n’est pas une base SQLite'.repeat(200));
    const agent = await rig.start();
    expect(rig.messages).toHaveLength(1);
    expect(rig.messages[0]?.body).toMatch(/^La base locale était endommagée : elle a été reconstruite/);
    expect((await agent.api.getStatus()).inventory).toMatchObject({ state: 'ok', source: 'embedded' });
    expect(fs.readdirSync(rig.dir).some((f) => f.startsWith('vigie.corrupt-'))).toBe(true);
  });

  it('ticks on its own every 30 s, and stop() ends the ticking and closes the store', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const rig = new Rig('2026-12-02T01:59:45');
    const agent = await rig.start();
    expect(vi.getTimerCount()).toBe(1);
    rig.clock.set('2026-12-02T02:00:15');
    vi.advanceTimersByTime(30_000);
    expect(rig.summary()).toEqual(['start@2026-12-02T02:00']);
    await rig.stop();
    expect(vi.getTimerCount()).toBe(0);
    await expect(agent.api.getStatus()).rejects.toMatchObject({ code: 'failed' });
  });

  it('asks for a profile on a first start without one, and its API waits for the start', async () => {
    const rig = new Rig('2026-11-25T09:00:00', {});
    const early = createAgent({
      userDataDir: rig.dir,
      assetsDir: ASSETS,
      hostname: 'POSTE-TEST-01',
      clock: rig.clock,
      notifier: rig.notifier,
      policyPath: path.join(rig.dir, 'absent.json'),
      log: silentLogger,
    });
    await expect(early.api.getStatus()).rejects.toMatchObject({ code: 'failed' });
    await rig.start();
    expect(rig.opened).toEqual(['settings']);
    expect(rig.agent.tray().tooltip).toContain('choisissez le site et le service');
  });

  it('builds the tray menu from IT settings: intranet link, no quit', async () => {
    const rig = new Rig('2026-11-25T09:00:00', {
      ...POLICY,
      intranetUrl: 'https://intranet.example.qc.ca/maintenance',
      allowQuit: false,
    });
    const agent = await rig.start();
    const ids = agent
      .tray()
      .menu.filter((m) => !m.separator)
      .map((m) => m.id);
    expect(ids).toEqual(['status', 'checklist', 'calendar', 'intranet', 'sync', 'settings']);
  });
});
