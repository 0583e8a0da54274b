/**
 * The REAL agent (electron/core/agent.ts, `createAgent`) in a temp folder, driven by a ManualClock the test moves —
 * the one harness of the browser tests (behind window.vigie, test/e2e/fixtures.ts) and of the unit tests of the API
 * and the checklists (docs/testing.md, "One harness"). No Playwright import here.
 *
 * What is real: the agent's own composition (SQLite store in `<dir>/donnees`, settings, inventory sync, checklists,
 * report delivery, scheduler, VigieCore), the embedded inventory of assets/, IT's policy as the agent reads it, a
 * reports folder (`<dir>/rapports`, named in that policy) that the agent's deliveries write files into. So the tray
 * state, the checklist opening and the report delivery are the agent's, not a copy of them.
 * What the world brings, as the shell does: the clock, a notifier that records the toasts, a browser opener that
 * records the links, and the listeners for the windows the agent asks to show. An inventory of the test's own is
 * published in `<dir>/partage` and named as IT's inventory source, so it comes in through the sync like a share's.
 *
 * Checklists are never created here: `openChecklistForLastWindow()` lets the agent live through the window's end
 * (the clock goes back to one minute before it, the agent ticks, the clock comes back, the agent ticks again), and
 * the scheduler opens the run itself — with its ordinary toast, or its catch-up after a gap, as for a PC that slept.
 * The agent's own 30 s interval keeps running (unref'd) as in the app; tests wait with `settled()`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { noticeFileName, type Notice } from '../../shared/notices/notice';
import { windowsFor } from '../../shared/planning';
import type { PlannedWindow } from '../../shared/planning';
import type { VigieCoreApi } from '../../shared/ipc/contract';
import { createAgent, type Agent, type AgentServices } from '../../electron/core/agent';
import type { WindowKind } from '../../electron/core/agent-types';
import { createDispatcher, type Dispatcher } from '../../electron/core/api/dispatch';
import { ManualClock } from '../../electron/core/clock';
import { RecordingNotifier } from '../../electron/core/notify/simple';
import { silentLogger, type Logger } from '../../electron/core/store';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const ASSETS = path.join(REPO_ROOT, 'assets');
export const SAMPLE_INVENTORY = path.join(ASSETS, 'inventaire-par-defaut.csv');

export interface WorldOptions {
  /** Local time of the clock at start (America/Toronto), e.g. '2026-12-02T04:00'. */
  start: string;
  /** An inventory file to publish as IT's inventory source. Default: none (the embedded sample inventory). */
  inventoryFile?: string;
  /** Or the inventory's content, published under `name` (the extension picks the reader: .csv, .json). */
  inventoryText?: { name: string; text: string };
  /** IT's machine config (the JSON object of %ProgramData%\Vigie\config.json); the world adds reportsFolder. */
  policy?: Record<string, unknown>;
  /** The user's profile, saved through the API like the settings window does. null = none (first start). */
  profile?: { site: string; services: string[] } | null;
  language?: 'fr' | 'en';
  hostname?: string;
  log?: Logger;
  /** Outage notices IT published: written as real files into `<dir>/avis`, the policy's noticesSource. */
  notices?: readonly Notice[];
}

export interface World {
  dir: string;
  /** IT's reports folder, a real temp folder (unless the policy names another). */
  reportsDir: string;
  clock: ManualClock;
  agent: Agent;
  /** The toasts the agent's scheduler showed, with the time of each. */
  notifier: RecordingNotifier;
  /** The windows the agent asked the shell to show, in order ('checklist', 'settings'…). */
  windows: WindowKind[];
  store: AgentServices['store'];
  sync: AgentServices['sync'];
  settings: AgentServices['settings'];
  checklists: AgentServices['checklists'];
  reports: AgentServices['delivery'];
  /** The agent's API: the very object the shell's IPC handlers call. */
  core: VigieCoreApi;
  /** The agent's API behind the dispatcher the shell uses (zod validation, BridgeError answers). */
  dispatch: Dispatcher;
  /** URLs the core asked the shell to open. */
  opened: string[];
  /** One agent tick now (what its interval does every 30 s), and everything it started. */
  tick(): Promise<void>;
  /** Waits until the agent's background work (syncs, report deliveries, state broadcasts) is done. */
  settled(): Promise<void>;
  /** The profile's latest window that ended at or before now, or null. */
  lastEndedWindow(): PlannedWindow | null;
  /** The agent lives through the last ended window's end and opens its checklist; resolves to the run's id. */
  openChecklistForLastWindow(): Promise<string>;
  /** Stops the agent and starts a new one on the same folders, as after a restart of the app. */
  reopen(): Promise<World>;
  /** Stops the agent and removes the folder (once the last world on it is closed). */
  close(): Promise<void>;
}

interface Base {
  dir: string;
  reportsDir: string;
  clock: ManualClock;
  policy: Record<string, unknown>;
  /** Worlds still open on this folder (reopen() makes a second one). */
  open: number;
}

function servicesOf(agent: Agent): AgentServices {
  const services = agent.services();
  if (!services) throw new Error('world: the agent did not start');
  return services;
}

async function assemble(base: Base, options: WorldOptions, firstStart: boolean): Promise<World> {
  const { dir, reportsDir, clock } = base;
  const log = options.log ?? silentLogger;
  const notifier = new RecordingNotifier(clock);
  const opened: string[] = [];
  const windows: WindowKind[] = [];
  const agent = createAgent({
    userDataDir: path.join(dir, 'donnees'),
    assetsDir: ASSETS,
    hostname: options.hostname ?? 'POSTE-ESSAI-01',
    clock,
    notifier,
    readPolicy: async () => base.policy,
    log,
    appVersion: '0.1.0-essai',
    openExternal: async (url) => void opened.push(url),
    // The files are not being written: no real waiting between the sync's two stability looks.
    sync: { wait: async () => undefined, random: () => 0 },
  });
  agent.onOpenWindow((window) => windows.push(window));
  base.open++;
  await agent.start();
  // The start's own first tick syncs in the background; this one waits for it.
  await agent.tick();
  if (firstStart && options.profile) {
    await agent.api.saveSettings({ site: options.profile.site, services: options.profile.services });
  }
  if (firstStart && options.language) await agent.api.saveSettings({ language: options.language });
  await agent.idle();
  const services = servicesOf(agent);
  const { store, settings, sync } = services;

  const lastEndedWindow = (): PlannedWindow | null => {
    const profile = settings.profile();
    if (!profile) return null;
    const now = clock.now();
    const ended = windowsFor(sync.current(), profile, { from: now.minus({ days: 40 }), to: now }, clock.zone);
    return ended.filter((w) => w.end.toMillis() <= now.toMillis()).at(-1) ?? null;
  };

  let closed = false;
  return {
    dir,
    reportsDir,
    clock,
    agent,
    notifier,
    windows,
    store,
    sync,
    settings,
    checklists: services.checklists,
    reports: services.delivery,
    core: agent.api,
    dispatch: createDispatcher(agent.api, log),
    opened,
    async tick() {
      await agent.tick();
      await agent.idle();
    },
    settled: () => agent.idle(),
    lastEndedWindow,
    async openChecklistForLastWindow() {
      const window = lastEndedWindow();
      if (!window) throw new Error('world: no ended window for the profile');
      const now = clock.now();
      // A tick may first read the share (is the window verified elsewhere?) before its scheduler runs: each is awaited.
      clock.set(window.end.minus({ minutes: 1 }));
      await agent.tick();
      clock.set(now);
      await agent.tick();
      const run = store.checklists.findByWindow(window.start, window.end);
      if (!run) {
        throw new Error(`world: the agent opened no checklist for ${window.start.toISO() ?? '?'} (not due yet?)`);
      }
      return run.id;
    },
    async reopen() {
      await agent.stop();
      base.open--;
      closed = true;
      return assemble(base, options, false);
    },
    async close() {
      if (closed) return;
      closed = true;
      await agent.stop();
      if (--base.open === 0) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function createWorld(options: WorldOptions): Promise<World> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-monde-'));
  const reportsDir = path.join(dir, 'rapports');
  fs.mkdirSync(reportsDir);
  const policy: Record<string, unknown> = { reportsFolder: reportsDir };
  if (options.inventoryText || options.inventoryFile) {
    const share = path.join(dir, 'partage');
    fs.mkdirSync(share);
    const source = options.inventoryFile ?? '';
    const published = path.join(share, options.inventoryText?.name ?? path.basename(source));
    if (options.inventoryText) fs.writeFileSync(published, options.inventoryText.text, 'utf8');
    else fs.copyFileSync(source, published);
    policy.inventorySource = published;
  }
  if (options.notices) {
    const folder = path.join(dir, 'avis');
    fs.mkdirSync(folder);
    for (const notice of options.notices) {
      fs.writeFileSync(path.join(folder, noticeFileName(notice.id)), JSON.stringify(notice), 'utf8');
    }
    policy.noticesSource = folder;
  }
  const clock = new ManualClock(options.start, 'America/Toronto');
  return assemble({ dir, reportsDir, clock, policy: { ...policy, ...options.policy }, open: 0 }, options, true);
}
