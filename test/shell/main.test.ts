/**
 * The composition root, imported for real against a fake `electron` module, a fake agent and a fake
 * node-notifier: proves the wiring (single instance, secure session, IPC, tray, toasts, power events, quit).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS } from '../../shared/ipc';
import type { BannerView } from '../../shared/ipc';
import { toBridgeError } from '../../shared/ipc/bridge';
import type { AgentDeps } from '../../electron/core/agent';
import { APP_ID } from '../../electron/core/app-id';
import {
  createFakeElectron,
  fakeAgent,
  FakeTray,
  FakeWindow,
  flush,
  sampleBanner,
  sampleNotification,
  sampleStatus,
} from './fakes';
import type { FakeAgent, FakeElectron } from './fakes';

type ToastCallback = (error: Error | null, response: string) => void;

// `null as unknown` widens each field for the fakes assigned later; the type-aware rule reads it as a no-op.
/* eslint-disable @typescript-eslint/no-unnecessary-type-assertion */
const holder = vi.hoisted(() => ({
  electron: null as unknown,
  agent: null as unknown,
  agentError: null as Error | null,
  deps: null as unknown,
  toasts: [] as { options: Record<string, unknown>; callback: (error: Error | null, response: string) => void }[],
  /** How many single-instance lock requests had happened when main tuned V8 (null: it did not). */
  tunedAfterLocks: null as number | null,
}));
/* eslint-enable @typescript-eslint/no-unnecessary-type-assertion */

// vi.resetModules() keeps the mock registry, so the mock reads the current test's fake on every access.
vi.mock('electron', () => {
  const names = [
    'app',
    'BrowserWindow',
    'Tray',
    'Menu',
    'nativeImage',
    'powerMonitor',
    'screen',
    'session',
    'shell',
    'dialog',
    'ipcMain',
    'utilityProcess',
  ];
  const module: Record<string, unknown> = {};
  for (const name of names) {
    Object.defineProperty(module, name, {
      enumerable: true,
      get: () => (holder.electron as Record<string, unknown>)[name],
    });
  }
  return module;
});
vi.mock('../../electron/core/agent', () => ({
  createAgent: (deps: unknown) => {
    holder.deps = deps;
    if (holder.agentError) throw holder.agentError;
    return holder.agent;
  },
}));
vi.mock('../../electron/core/v8-tuning', () => ({
  tuneV8: () => {
    const app = (holder.electron as FakeElectron).app;
    holder.tunedAfterLocks = app.requestSingleInstanceLock.mock.calls.length;
  },
}));
vi.mock('node-notifier', () => ({
  default: {
    notify: (options: Record<string, unknown>, callback: ToastCallback) =>
      void holder.toasts.push({ options, callback }),
  },
}));

let dir = '';
let electron: FakeElectron;
let agent: FakeAgent;
let appPath = '';

beforeEach(() => {
  vi.resetModules();
  // The main log echoes to the console; the file copy is enough here.
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  dir = mkdtempSync(join(tmpdir(), 'vigie-main-'));
  appPath = join(dir, 'app');
  const policy = join(dir, 'config.json');
  writeFileSync(policy, JSON.stringify({ allowedLinkHosts: ['octopus.example.qc.ca'] }));
  vi.stubEnv('VIGIE_POLICY_PATH', policy);
  vi.stubEnv('VIGIE_USER_DATA_DIR', '');
  electron = createFakeElectron(join(dir, 'userData'), appPath);
  // VIGIE_POLICY_PATH is honoured in development only; the test that checks the packaged app sets it back.
  electron.app.isPackaged = false;
  agent = fakeAgent();
  holder.electron = electron;
  holder.agent = agent;
  holder.agentError = null;
  holder.deps = null;
  holder.toasts = [];
  holder.tunedAfterLocks = null;
});

afterEach(async () => {
  // Quit, so the clock-jump timer and the handlers are gone before the next test.
  electron.app.quit();
  await flush();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

async function boot(): Promise<void> {
  await import('../../electron/shell/main');
  // The policy is read from real files (thread pool) before the agent is created: turn the event loop until then
  // (no timer, no real wait), then let the rest of the start run.
  await untilAgentCreated();
  await flush();
}

/** Turns the event loop (no timer, no real wait) until main.ts created the agent or gave up starting. */
async function untilAgentCreated(): Promise<void> {
  const settled = () => holder.deps !== null || !electron.app.lockResult || electron.app.exit.mock.calls.length > 0;
  for (let round = 0; round < 100_000 && !settled(); round++) await flush(1);
  if (!settled()) throw new Error('main.ts did not create the agent');
}

const appFrame = (route: string) => ({
  url: `${pathToFileURL(join(appPath, 'dist', 'renderer', 'index.html')).href}#/${route}`,
  parent: null,
});

function invoke(channel: string, frame: unknown, ...args: unknown[]): Promise<unknown> {
  const handler = electron.ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return handler({ senderFrame: frame }, ...args);
}

const hashOf = (w: FakeWindow) => (w.loadFile.mock.calls[0]?.[1] as { hash: string }).hash;
const hashes = () => FakeWindow.created.map(hashOf);

const BANNER = sampleBanner();

describe('main.ts wiring', () => {
  it('starts as a secure single-instance tray app and shows the status window', async () => {
    electron.app.isPackaged = true;
    await boot();
    const { app } = electron;
    expect(holder.tunedAfterLocks).toBe(0); // V8 tuned first thing, before any work (v8-tuning.ts)
    expect(app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(app.enableSandbox).toHaveBeenCalled();
    expect(app.setAppUserModelId).toHaveBeenCalledWith(APP_ID);
    expect(app.setLoginItemSettings).toHaveBeenCalledWith({ openAtLogin: true, args: ['--login'] });
    expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(electron.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    expect(electron.session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalled();
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalledWith(null);

    const deps = holder.deps as AgentDeps;
    expect(deps).toMatchObject({ userDataDir: join(dir, 'userData'), assetsDir: join(appPath, 'assets') });
    // Packaged: the policy's location comes from the OS; VIGIE_POLICY_PATH (set above) is ignored.
    expect(deps.policySources?.filePath).toBe('/etc/vigie/config.json');
    expect(deps.policySources?.registry).toBeNull(); // reg.exe only on Windows
    expect(deps.clock.now().zoneName).toBe('America/Toronto');
    expect(agent.start).toHaveBeenCalled();

    expect(FakeTray.created).toHaveLength(1);
    expect(FakeTray.created[0]?.image).toEqual({ path: join(appPath, 'assets', 'tray', 'idle.png') });
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());

    expect(hashes()).toEqual(['/status']);
    expect(FakeWindow.created[0]?.options).toMatchObject({
      webPreferences: {
        preload: join(appPath, 'dist', 'electron', 'preload.cjs'),
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
      },
    });
  });

  it('gives the core a parser that reads inventory files in a utilityProcess running the bundled entry', async () => {
    await boot();
    const { parser } = holder.deps as AgentDeps;
    expect(parser).toBeDefined();
    const result = await parser?.inventory(readFileSync('assets/inventaire-par-defaut.csv'), 'inventaire.csv');
    expect(result?.ok).toBe(true);
    expect(electron.utilityProcess.fork).toHaveBeenCalledTimes(1);
    const [modulePath, , options] = electron.utilityProcess.fork.mock.calls[0] ?? [];
    // Next to the main bundle, where scripts/build.mjs writes it (here: the source folder, run by vitest).
    expect(modulePath).toBe(join(import.meta.dirname, '..', '..', 'electron', 'shell', 'parse-child.ts'));
    expect(options?.execArgv).toContain('--max-old-space-size=256');
  });

  it('keeps running when every window is closed (tray app)', async () => {
    await boot();
    FakeWindow.created[0]?.close();
    electron.app.emit('window-all-closed');
    expect(electron.app.quit).not.toHaveBeenCalled();
  });

  it('focuses the status window when a second instance is launched', async () => {
    await boot();
    const status = FakeWindow.created[0] as FakeWindow;
    status.minimized = true;
    electron.app.emit('second-instance', {}, ['Vigie.exe'], 'C:\\');
    expect(FakeWindow.created).toHaveLength(1);
    expect(status.minimized).toBe(false);
    expect(status.focusCount).toBeGreaterThan(0);
    status.close();
    electron.app.emit('second-instance', {}, ['Vigie.exe'], 'C:\\');
    expect(hashes()).toEqual(['/status', '/status']);
  });

  it('stays quiet when a second login entry starts it again', async () => {
    await boot();
    FakeWindow.created[0]?.close();
    electron.app.emit('second-instance', {}, ['Vigie.exe', '--login'], 'C:\\');
    expect(hashes()).toEqual(['/status']);
  });

  it('shows only the window the core asked for at start (first start: settings)', async () => {
    agent.start.mockImplementation(async () => agent.emitOpen('settings'));
    await boot();
    expect(hashes()).toEqual(['/settings']);
  });

  it('quits at once, creating nothing, when another instance holds the lock', async () => {
    electron.app.lockResult = false;
    await boot();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(holder.deps).toBeNull();
    expect(FakeTray.created).toHaveLength(0);
  });

  it('serves the renderer through validated IPC from its own frame only', async () => {
    await boot();
    await expect(invoke(INVOKE_CHANNELS.getStatus, appFrame('status'))).resolves.toMatchObject({ trayState: 'idle' });
    const forbidden = await invoke(INVOKE_CHANNELS.syncNow, { url: 'https://evil.example.com/', parent: null }).catch(
      toBridgeError,
    );
    expect(forbidden).toMatchObject({ code: 'forbidden' });
    expect(agent.api.syncNow).not.toHaveBeenCalled();
  });

  it('lets the core vet links, and opens only allowlisted https ones itself (second lock)', async () => {
    await boot();
    await invoke(INVOKE_CHANNELS.openLink, appFrame('checklist'), 'https://octopus.example.qc.ca/formulaire');
    expect(agent.api.openLink).toHaveBeenCalledWith('https://octopus.example.qc.ca/formulaire');
    const { openExternal } = holder.deps as AgentDeps;
    await openExternal?.('https://octopus.example.qc.ca/formulaire');
    await expect(openExternal?.('https://evil.example.com/')).rejects.toThrow();
    await expect(openExternal?.('http://octopus.example.qc.ca/')).rejects.toThrow();
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://octopus.example.qc.ca/formulaire']]);
  });

  it("gives the core a calendar export that writes the .ics into the user's documents", async () => {
    await boot();
    const { exportCalendar } = holder.deps as AgentDeps;
    const start = DateTime.fromISO('2026-03-10T02:00', { zone: 'America/Toronto' });
    const result = await exportCalendar?.([
      {
        start,
        end: start.plus({ hours: 2 }),
        services: ['Urgence'],
        applications: [{ service: 'Urgence', application: 'GestLab' }],
      },
    ]);
    expect(result?.path).toBe(join(dir, 'userData', 'Vigie - plages de maintenance.ics'));
    expect(readFileSync(result?.path ?? '', 'utf8')).toContain('BEGIN:VCALENDAR');
    expect(electron.shell.showItemInFolder).toHaveBeenCalledWith(result?.path);
  });

  it('opens the window the core asks for, and the one a clicked toast is about', async () => {
    await boot();
    agent.emitOpen('settings');
    expect(hashes()).toEqual(['/status', '/settings']);

    const coreOnClick = vi.fn();
    const deps = holder.deps as AgentDeps;
    deps.notifier.notify(sampleNotification({ opens: 'checklist' }), coreOnClick);
    expect(holder.toasts[0]?.options).toMatchObject({ title: 'Plage de maintenance terminée', wait: true });
    holder.toasts[0]?.callback(null, 'activate');
    expect(hashes()).toEqual(['/status', '/settings', '/checklist']);
    expect(coreOnClick).toHaveBeenCalled();
  });

  it('forwards state changes to the open windows and redraws the tray', async () => {
    await boot();
    agent.model = { ...agent.model, state: 'in-progress', tooltip: 'Vigie — plage en cours' };
    const status = sampleStatus({ trayState: 'in-progress' });
    agent.emitState(status);
    expect(FakeWindow.created[0]?.webContents.send).toHaveBeenCalledWith('state:changed', status);
    expect(FakeTray.created[0]?.image).toEqual({ path: join(appPath, 'assets', 'tray', 'in-progress.png') });
    expect(FakeTray.created[0]?.toolTip).toBe('Vigie — plage en cours');
  });

  it("shows the core's messages for the user in a message box (not a toast Focus Assist could hide)", async () => {
    await boot();
    agent.emitMessage({ title: 'Base locale reconstruite', body: 'Vigie a reconstruit sa base locale.' });
    expect(electron.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'Base locale reconstruite', detail: 'Vigie a reconstruit sa base locale.' }),
    );
  });

  it('development: VIGIE_POLICY_PATH names the policy file', async () => {
    await boot();
    expect((holder.deps as AgentDeps).policySources?.filePath).toBe(join(dir, 'config.json'));
  });

  it("re-reads IT's policy at unlock: a link host IT adds meanwhile opens without a restart", async () => {
    await boot();
    const { openExternal } = holder.deps as AgentDeps;
    await expect(openExternal?.('https://plans.example.qc.ca/')).rejects.toThrow();
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ allowedLinkHosts: ['plans.example.qc.ca'] }));
    electron.powerMonitor.emit('unlock-screen');
    expect(agent.handleSystemEvent).toHaveBeenCalledWith('unlock');
    // The re-read is file I/O (thread pool): turn the event loop until the new host is trusted (no timer).
    let opened = false;
    for (let round = 0; round < 20_000 && !opened; round++) {
      opened = await openExternal!('https://plans.example.qc.ca/').then(
        () => true,
        () => false,
      );
      if (!opened) await flush(1);
    }
    expect(opened).toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://plans.example.qc.ca/');
  });

  it('announces the sign-in once the core has started, and re-checks the schedule on resume and unlock', async () => {
    await boot();
    expect(agent.handleSystemEvent.mock.calls).toEqual([['logon']]);
    const [started] = agent.start.mock.invocationCallOrder;
    const [loggedOn] = agent.handleSystemEvent.mock.invocationCallOrder;
    expect(started).toBeLessThan(loggedOn ?? 0);
    electron.powerMonitor.emit('resume');
    electron.powerMonitor.emit('unlock-screen');
    expect(agent.handleSystemEvent.mock.calls).toEqual([['logon'], ['resume'], ['unlock']]);
  });

  it("shows the core's banner inactive in the corner, brings it back at sign-in, unlock and wake, closes it on null", async () => {
    // The agent's contract (AgentDeps.onBanner): the banner again on 'logon', 'unlock' and 'resume'.
    let due: BannerView | null = BANNER;
    agent.handleSystemEvent.mockImplementation((event) => {
      if (event === 'logon' || event === 'unlock' || event === 'resume') (holder.deps as AgentDeps).onBanner?.(due);
    });
    electron.app.isPackaged = true;
    await boot();
    const banner = FakeWindow.created.find((w) => hashOf(w) === '/banner');
    if (!banner) throw new Error('no banner window at sign-in');
    expect(banner.options).toMatchObject({
      focusable: false,
      show: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, devTools: false },
    });
    const area = { x: 0, y: 0, width: 1366, height: 728 };
    const x = Number(banner.options.x);
    const y = Number(banner.options.y);
    expect(x + Number(banner.options.width)).toBeLessThanOrEqual(area.width);
    expect(y + Number(banner.options.height)).toBeLessThanOrEqual(area.height);
    expect(x).toBeGreaterThan(area.width / 2);
    expect(y).toBeGreaterThan(area.height / 2);
    banner.emit('ready-to-show');
    // "Show desktop" hid it before the screen was locked; the PC was put to sleep with it minimized.
    banner.visible = false;
    electron.powerMonitor.emit('unlock-screen');
    banner.minimized = true;
    electron.powerMonitor.emit('resume');
    expect(banner.shows).toEqual(['showInactive', 'showInactive', 'showInactive']);
    expect(banner.focusableWhenShown).toEqual([false, false, false]);
    expect(banner.alwaysOnTop.every((call) => call.flag && call.level === 'pop-up-menu')).toBe(true);
    expect(banner.focusCount).toBe(0);
    // The core's state changes reach the banner too (it re-reads its view).
    agent.emitState();
    expect(banner.webContents.send).toHaveBeenCalledWith('state:changed', expect.anything());

    // Acknowledged or over: the core says null, the banner closes and stays closed at the next unlock.
    due = null;
    (holder.deps as AgentDeps).onBanner?.(null);
    expect(banner.destroyed).toBe(true);
    electron.powerMonitor.emit('unlock-screen');
    expect(FakeWindow.created.filter((w) => hashOf(w) === '/banner')).toHaveLength(1);
  });

  it('hardens every web contents created', async () => {
    await boot();
    const contents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.on.mock.calls.map((call) => call[0])).toEqual(
      expect.arrayContaining(['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']),
    );
  });

  it('stops the core, the tray and the windows before quitting from the tray menu', async () => {
    await boot();
    const tray = FakeTray.created[0] as FakeTray;
    const template = (tray.menu as { template: { id?: string; click?: () => void }[] }).template;
    template.find((item) => item.id === 'quit')?.click?.();
    await flush();
    expect(agent.stop).toHaveBeenCalledTimes(1);
    expect(tray.destroyed).toBe(true);
    expect(FakeWindow.created.every((w) => w.destroyed)).toBe(true);
    expect(electron.ipcMain.handlers.size).toBe(0);
    expect(agent.listenerCount()).toBe(0);
    // First quit held back for the clean stop, second one let through.
    expect(electron.app.quit).toHaveBeenCalledTimes(2);
  });

  it('tells the user in one French sentence when the core cannot start, and exits', async () => {
    holder.agentError = new Error('SQLITE_CANTOPEN');
    await boot();
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Vigie',
      expect.stringMatching(/^Vigie n'a pas pu démarrer/),
    );
    expect(electron.dialog.showErrorBox.mock.calls[0]?.[1]).not.toContain('SQLITE');
    expect(electron.app.exit).toHaveBeenCalledWith(1);
  });
});
