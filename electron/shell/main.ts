/**
 * Composition root of the tray app (docs/architecture.md, rule 6): the only place that creates the agent and wires it
 * to Electron — single instance, login item, secure session and contents, windows, IPC, tray, toasts, power and clock
 * events, quit. Everything with logic lives in the injected classes next to this file or in the core.
 *
 * Built by scripts/build.mjs into dist/electron/main.js (ESM; package.json "type": "module").
 */
import { hostname } from 'node:os';
import { extname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  powerMonitor,
  screen,
  session,
  shell,
  Tray,
  utilityProcess,
} from 'electron';
import type { NativeImage } from 'electron';
import type { TrayState } from '../../shared/ipc/views';
import { createAgent } from '../core/agent';
import type { Notification, Notifier, VigieAgent, WindowKind } from '../core/agent-types';
import { APP_ID, PRODUCT_NAME } from '../core/app-id';
import { SystemClock } from '../core/clock';
import { NodeNotifier } from '../core/notify';
import { tuneV8 } from '../core/v8-tuning';
import { adminArgs, runAdminMode } from './admin-mode';
import { BannerWindow } from './banner-window';
import { ClockJumpDetector } from './clock-jump';
import { createCalendarExporter } from './calendar-export';
import { e2eHooksEnabled, installE2eHooks, recordingBackend } from './e2e-hooks';
import type { ToastRecord } from './e2e-hooks';
import { broadcastStateChanges, registerIpcHandlers, trustedAppFrame } from './ipc';
import { createFileLogger, errorData } from './log';
import type { Logger } from './log';
import { createNotifierBackend, withClickRouting } from './notifier';
import { appUrlMatcher, ExternalLinks, hardenSession, hardenWebContents } from './security';
import type { MachinePolicySources } from '../core/settings/sources';
import { applyLoginItem, LOGIN_ARG, readShellPolicy, shellPolicySources, userDataDir } from './startup';
import { TrayController } from './tray';
import { utilityParser } from './utility-parser';
import { WindowManager } from './windows';

const STOP_TIMEOUT_MS = 5_000;
/** scripts/build.mjs bundles the parse entry next to this file, with the same extension. */
const PARSE_ENTRY = fileURLToPath(new URL(`./parse-child${extname(fileURLToPath(import.meta.url))}`, import.meta.url));
const START_FAILED =
  "Vigie n'a pas pu démarrer. Redémarrez le poste ; si le problème persiste, contactez le soutien informatique.";

interface Running {
  agent: VigieAgent;
  windows: WindowManager;
  dispose: () => void;
}

function main(): void {
  // `Vigie.exe --admin <command>`: an IT command, then exit — no window, no tray, no single-instance lock.
  const admin = adminArgs(process.argv);
  if (admin) {
    void runAdminMode(app, admin);
    return;
  }
  // Before any work: see v8-tuning.ts (V8 pretenuring mispredicted on planning's short bursts).
  tuneV8();
  // Tests (Playwright) and IT's kiosk set-ups may move the user-data folder; it must happen before the lock,
  // which is taken per user-data folder.
  const dataDir = userDataDir(process.platform, process.env);
  if (dataDir) app.setPath('userData', dataDir);

  if (!app.requestSingleInstanceLock()) {
    // Another Vigie runs for this user: it receives 'second-instance' and shows its status window.
    app.quit();
    return;
  }
  app.enableSandbox();
  app.setAppUserModelId(APP_ID);

  const clock = new SystemClock();
  const log = createFileLogger(join(app.getPath('userData'), 'logs'), clock);
  let running: Running | null = null;
  let pendingOpen: WindowKind | null = null;
  const openWindow = (kind: WindowKind): void => {
    if (running) running.windows.open(kind);
    else pendingOpen = kind;
  };

  // Launched again by hand (Start menu, desktop): show the status. A second login entry (per-user and
  // machine-wide both present) stays quiet.
  app.on('second-instance', (_event, argv) => {
    if (!argv.includes(LOGIN_ARG)) openWindow('status');
  });
  // A tray app keeps running with no window open; only the tray's "Quitter" (or the session end) stops it.
  app.on('window-all-closed', () => undefined);

  const appRoot = app.getAppPath();
  const rendererIndexPath = join(appRoot, 'dist', 'renderer', 'index.html');
  const isAppUrl = appUrlMatcher(pathToFileURL(rendererIndexPath).href, process.platform === 'win32');
  // IT's hosts are added once the policy is read (whenReady); until then no external link opens.
  const links = new ExternalLinks((url) => shell.openExternal(url), log);

  // Every webContents, including any the app did not create on purpose, gets the same locks.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, { isAppUrl, links, log }));

  quitAfterShutdown(() => running, log);

  app
    .whenReady()
    .then(async () => {
      hardenSession(session.defaultSession, log);
      Menu.setApplicationMenu(null);
      const policySources = await shellPolicySources(process.platform, process.env, app.isPackaged);
      const policy = await readShellPolicy(policySources, log);
      trustHosts(links, policy.allowedLinkHosts);
      log.info('démarrage', { version: app.getVersion(), loginItem: applyLoginItem(app, policy, log) });
      running = await boot({ clock, log, appRoot, rendererIndexPath, isAppUrl, policySources, links });
      // Started by hand: show the status, unless the core already opened a window (first start: settings).
      if (!process.argv.includes(LOGIN_ARG) && running.windows.openWindows().length === 0) pendingOpen ??= 'status';
      if (pendingOpen) running.windows.open(pendingOpen);
      pendingOpen = null;
    })
    .catch((error: unknown) => {
      log.error('démarrage impossible', errorData(error));
      dialog.showErrorBox(PRODUCT_NAME, START_FAILED);
      app.exit(1);
    });
}

interface BootContext {
  clock: SystemClock;
  log: Logger;
  appRoot: string;
  rendererIndexPath: string;
  isAppUrl: (url: string) => boolean;
  policySources: MachinePolicySources;
  links: ExternalLinks;
}

/** What boot() builds before the core exists; every step below receives it. */
interface ShellParts extends BootContext {
  assetsDir: string;
  windows: WindowManager;
  banner: BannerWindow;
  open: (kind: WindowKind) => void;
}

type Stop = () => void;

function trustHosts(links: ExternalLinks, hosts: readonly string[]): void {
  for (const host of hosts) links.trustLinkFromCore(`https://${host}/`);
}

/**
 * The start, step by step (issue 14 asked for the 131-line boot to show its steps): windows (none shown yet), toasts,
 * the core (which shows and closes the banner), the bridge, the tray, the core's requests (windows, messages),
 * power events; then the core starts and the session's start is announced ('logon').
 */
async function boot(context: BootContext): Promise<Running> {
  const parts = createWindows(context);
  // `npm run test:electron` only (never in the installed app): see e2e-hooks.ts.
  const hooks = e2eHooksEnabled(app.isPackaged, process.env);
  const toasts = createToasts(parts, hooks);
  const agent = createCore(parts, toasts.notifier);
  const trust = trustCoreLinks(parts, agent);
  const tray = createTray(parts, agent);
  const power = wirePowerEvents(parts, agent);
  const stops: Stop[] = [...wireBridge(parts, agent), trust.stop, ...wireCoreRequests(parts, agent), power.stop];

  await agent.start();
  tray.controller.start();
  if (hooks) installE2eHooks<Tray, Menu>({ ...tray.handles, ...toasts.hooks });
  trust.now();
  power.start();
  // Started at sign-in or by hand: either way a session begins, and a banner not yet acknowledged comes back.
  agent.handleSystemEvent('logon');

  const dispose = (): void => {
    for (const stop of stops) stop();
    tray.controller.dispose();
    parts.banner.hide();
    parts.windows.closeAll();
  };
  return { agent, windows: parts.windows, dispose };
}

/** The app windows and the banner: created on demand, so nothing is shown yet. */
function createWindows(context: BootContext): ShellParts {
  const assetsDir = join(context.appRoot, 'assets');
  const preloadPath = join(context.appRoot, 'dist', 'electron', 'preload.cjs');
  const devTools = !app.isPackaged;
  const windows = new WindowManager({
    createWindow: (options) => new BrowserWindow(options),
    rendererIndexPath: context.rendererIndexPath,
    preloadPath,
    iconPath: join(assetsDir, 'icon.png'),
    devTools,
    log: context.log,
  });
  const banner = new BannerWindow({
    createWindow: (options) => new BrowserWindow(options),
    workArea: () => screen.getPrimaryDisplay().workArea,
    rendererIndexPath: context.rendererIndexPath,
    preloadPath,
    devTools,
    log: context.log,
  });
  return { ...context, assetsDir, windows, banner, open: (kind) => void windows.open(kind) };
}

/** Toasts through node-notifier; a click opens the window the toast is about. */
function createToasts(parts: ShellParts, hooks: boolean) {
  const records: ToastRecord[] = [];
  const backend = createNotifierBackend(process.platform, process.arch);
  const toasts = new NodeNotifier({
    backend: hooks ? recordingBackend(backend, records) : backend,
    appId: APP_ID,
    platform: process.platform,
    iconPath: join(parts.assetsDir, 'icon.png'),
    log: parts.log,
  });
  return {
    notifier: withClickRouting(toasts, parts.open),
    hooks: {
      toast: (notification: Notification): ToastRecord => {
        toasts.notify(notification, () => parts.open(notification.opens));
        const last = records.at(-1);
        if (!last) throw new Error("le notificateur n'a pas appelé node-notifier");
        return last;
      },
      toasts: records,
    },
  };
}

function createCore(parts: ShellParts, notifier: Notifier): VigieAgent {
  const { clock, log, links } = parts;
  const agent: VigieAgent = createAgent({
    userDataDir: app.getPath('userData'),
    assetsDir: parts.assetsDir,
    hostname: hostname(),
    clock,
    notifier,
    policySources: parts.policySources,
    log,
    appVersion: app.getVersion(),
    // Inventory files from the share are parsed in a utilityProcess: a hostile one cannot take the tray app down.
    parser: utilityParser((...args) => utilityProcess.fork(...args), PARSE_ENTRY, log),
    // The core checks IT's allowlist and gives the user its message; the shell's gate is the second lock.
    openExternal: async (url) => {
      if (!(await links.open(url))) throw new Error(`lien hors de la liste autorisée : ${url}`);
    },
    exportCalendar: createCalendarExporter({
      documentsDir: app.getPath('documents'),
      clock,
      settings: async () => (await agent.api.getSettings()).values,
      reveal: (file) => shell.showItemInFolder(file),
      log,
    }),
    // The core decides when a banner is due and when it ends (issue 12); the shell only shows or closes it.
    onBanner: (view) => {
      if (view) parts.banner.show(view);
      else parts.banner.hide();
    },
  });
  return agent;
}

/** IPC handlers for every bridge call, and the core's state changes pushed to every open window and the banner. */
function wireBridge(parts: ShellParts, agent: VigieAgent): Stop[] {
  const { log } = parts;
  const targets = function* () {
    yield* parts.windows.eventTargets();
    yield* parts.banner.eventTargets();
  };
  return [
    registerIpcHandlers(ipcMain, agent.api, trustedAppFrame(parts.isAppUrl), log),
    broadcastStateChanges(agent, targets, log),
  ];
}

/** Links shown by the core (intranet guide, calendar, continuity plans) come from IT's configuration: trust them. */
function trustCoreLinks(parts: ShellParts, agent: VigieAgent): { now: () => void; stop: Stop } {
  const { links, log } = parts;
  const trust = (intranetUrl?: string | null): void => {
    links.trustLinkFromCore(intranetUrl);
    for (const item of agent.tray().menu) if (item.action?.type === 'link') links.trustLinkFromCore(item.action.url);
  };
  const stop = agent.onStateChanged((status) => trust(status.intranetUrl));
  const now = (): void => {
    trust();
    agent.api
      .getStatus()
      .then((status) => trust(status.intranetUrl))
      .catch((error: unknown) => log.warn('état initial indisponible', errorData(error)));
  };
  return { now, stop };
}

function createTray(parts: ShellParts, agent: VigieAgent) {
  const { assetsDir, links, log } = parts;
  const icons = new Map<TrayState, NativeImage>();
  let systemTray: Tray | null = null;
  let trayMenu: Menu | null = null;
  const controller = new TrayController<NativeImage, Menu>({
    agent,
    createTray: (icon) => (systemTray = new Tray(icon)),
    iconFor: (state) => {
      let icon = icons.get(state);
      if (!icon) {
        // nativeImage picks <state>@2x.png next to it on high-DPI screens.
        icon = nativeImage.createFromPath(join(assetsDir, 'tray', `${state}.png`));
        icons.set(state, icon);
      }
      return icon;
    },
    buildMenu: (template) => (trayMenu = Menu.buildFromTemplate(template)),
    actions: {
      openWindow: parts.open,
      openLink: (url) => {
        void links.open(url).catch((error: unknown) => log.error('ouverture du lien impossible', errorData(error)));
      },
      sync: () => {
        agent.api.syncNow().catch((error: unknown) => log.warn('synchronisation manuelle en échec', errorData(error)));
      },
      quit: () => app.quit(),
    },
    log,
  });
  return { controller, handles: { tray: () => systemTray, trayMenu: () => trayMenu } };
}

/** The windows the core asks for, and its rare messages for the user. */
function wireCoreRequests(parts: ShellParts, agent: VigieAgent): Stop[] {
  const stopOpen = agent.onOpenWindow(parts.open);
  // Rare and important (e.g. "the local database was rebuilt"): a message box, which Focus Assist cannot hide.
  const stopMessages = agent.onUserMessage((message) => {
    dialog
      .showMessageBox({
        type: 'info',
        title: PRODUCT_NAME,
        message: message.title,
        detail: message.body,
        buttons: ['OK'],
      })
      .catch((error: unknown) => parts.log.warn('message non affiché', errorData(error)));
  });
  return [stopOpen, stopMessages];
}

/**
 * Wake, unlock and clock jumps re-check the schedule at once (docs/architecture.md, rule 8) and bring back an
 * unacknowledged banner. IT's policy is re-read at unlock and resume (Group Policy refreshes meanwhile): by the
 * core for its settings, here for the link hosts the shell's own gate allows.
 */
function wirePowerEvents(parts: ShellParts, agent: VigieAgent): { start: () => void; stop: Stop } {
  const { clock, log, links } = parts;
  const rereadPolicy = (): void => {
    readShellPolicy(parts.policySources, log)
      .then((policy) => trustHosts(links, policy.allowedLinkHosts))
      .catch((error: unknown) => log.warn('configuration TI non relue', errorData(error)));
  };
  const onResume = (): void => {
    agent.handleSystemEvent('resume');
    rereadPolicy();
  };
  const onUnlock = (): void => {
    agent.handleSystemEvent('unlock');
    rereadPolicy();
  };
  powerMonitor.on('resume', onResume);
  powerMonitor.on('unlock-screen', onUnlock);
  const clockJumps = new ClockJumpDetector({
    clock,
    monotonicMs: () => performance.now(),
    setInterval: (callback, ms) => setInterval(callback, ms),
    clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
    onJump: () => agent.handleSystemEvent('time-change'),
  });
  return {
    // Once the core runs: a jump re-checks a schedule that must exist first.
    start: () => clockJumps.start(),
    stop: () => {
      clockJumps.stop();
      powerMonitor.removeListener('resume', onResume);
      powerMonitor.removeListener('unlock-screen', onUnlock);
    },
  };
}

/** The first quit is held back until the core has stopped (its store closed cleanly), then let through. */
function quitAfterShutdown(running: () => Running | null, log: Logger): void {
  let stopped = false;
  let stopping = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    if (stopping) return;
    stopping = true;
    void shutdown(running(), log).finally(() => {
      stopped = true;
      app.quit();
    });
  });
}

async function shutdown(running: Running | null, log: Logger): Promise<void> {
  if (!running) return;
  try {
    running.dispose();
    // The store is durable (SQLite WAL); a stuck stop must not keep a closing session waiting forever.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        log.warn("arrêt du cœur trop long : fermeture sans l'attendre");
        resolve();
      }, STOP_TIMEOUT_MS);
    });
    await Promise.race([running.agent.stop(), timeout]).finally(() => clearTimeout(timer));
  } catch (error) {
    log.error('arrêt du cœur en échec', errorData(error));
  }
}

main();
