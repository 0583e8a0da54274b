/**
 * Fakes for the shell tests: a logger that remembers, an agent whose state the test drives, a BrowserWindow
 * look-alike, and a whole fake `electron` module (for the vi.mock test of main.ts).
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import type { Mock } from 'vitest';
import type { BannerView, StatusView, VigieCoreApi } from '../../shared/ipc';
import type { Notification, TrayModel, VigieAgent, WindowKind } from '../../electron/core/agent-types';
import type { Logger } from '../../electron/shell/log';
import { importInventory, importSideTable } from '../../electron/core/inventory/import';
import type { ParseRequest } from '../../electron/core/inventory/isolation/protocol';

export interface MemoryLogger extends Logger {
  entries: { level: 'info' | 'warn' | 'error'; message: string; data?: Record<string, unknown> }[];
}

export function memoryLogger(): MemoryLogger {
  const entries: MemoryLogger['entries'] = [];
  return {
    entries,
    info: (message, data) => void entries.push({ level: 'info', message, data }),
    warn: (message, data) => void entries.push({ level: 'warn', message, data }),
    error: (message, data) => void entries.push({ level: 'error', message, data }),
  };
}

export function sampleStatus(overrides: Partial<StatusView> = {}): StatusView {
  return {
    now: '2026-03-10T10:00:00-04:00',
    language: 'fr',
    trayState: 'idle',
    profile: { site: 'Hôpital A', services: ['Urgence'] },
    current: null,
    upcoming: [],
    unscheduled: [],
    pendingChecklist: null,
    inventory: {
      state: 'ok',
      source: 'embedded',
      publishedAt: '2026-03-01',
      syncedAt: '2026-03-10T09:55:00-04:00',
      since: null,
      message: null,
      applications: 12,
    },
    history: [],
    pendingReports: 0,
    setAsideReports: 0,
    inventoryStale: null,
    policyProblems: [],
    intranetUrl: 'https://intranet.example.qc.ca/maintenance',
    ...overrides,
  };
}

/** The banner of the 2 h – 4 h window of 2 December 2026 (as the core's banner model builds it). */
export const sampleBanner = (overrides: Partial<BannerView> = {}): BannerView => ({
  key: 'window||1796194800000|1796202000000',
  reason: 'window',
  windowStart: '2026-12-02T02:00:00-05:00',
  windowEnd: '2026-12-02T04:00:00-05:00',
  applications: ['GestLab'],
  services: ['Laboratoire'],
  continuityPlanUrl: null,
  message: null,
  acknowledged: null,
  ...overrides,
});

export const sampleTray = (overrides: Partial<TrayModel> = {}): TrayModel => ({
  state: 'idle',
  tooltip: 'Vigie — aucune plage prévue dans les prochaines 24 h',
  menu: [
    { id: 'status-line', label: 'Aucune plage en cours', enabled: false, action: null },
    { id: 'sep-1', label: '', enabled: false, action: null, separator: true },
    { id: 'checklist', label: 'Ouvrir la vérification', enabled: true, action: { type: 'open', window: 'checklist' } },
    { id: 'status', label: 'État et calendrier', enabled: true, action: { type: 'open', window: 'status' } },
    {
      id: 'guide',
      label: 'Guide dans l’Intranet',
      enabled: true,
      action: { type: 'link', url: 'https://intranet.example.qc.ca/guide' },
    },
    { id: 'sync', label: 'Synchroniser maintenant', enabled: true, action: { type: 'sync' } },
    { id: 'settings', label: 'Paramètres', enabled: true, action: { type: 'open', window: 'settings' } },
    { id: 'quit', label: 'Quitter', enabled: true, action: { type: 'quit' } },
  ],
  ...overrides,
});

export type FakeApi = { [K in keyof VigieCoreApi]: Mock<VigieCoreApi[K]> };

export function fakeApi(status: StatusView = sampleStatus()): FakeApi {
  const fn = <T>(value: T) => vi.fn(async () => value);
  return {
    getStatus: fn(status),
    getChecklist: fn(null),
    setCheck: vi.fn(),
    recordRestart: vi.fn(),
    submitChecklist: vi.fn(),
    verifyAgain: vi.fn(),
    getGuidance: vi.fn(),
    getSettings: vi.fn(async () => ({
      values: {
        site: 'Hôpital A',
        services: ['Urgence'],
        serviceHours: {},
        reminders: [],
        language: 'fr',
        inventorySource: null,
      },
      locked: {},
      choices: { sites: ['Hôpital A'], servicesBySite: { 'Hôpital A': ['Urgence'] } },
      needsProfile: false,
    })),
    saveSettings: vi.fn(),
    syncNow: fn(status),
    exportCalendar: fn({ path: '/tmp/vigie.ics' }),
    openLink: fn(undefined),
    getBanner: fn(null),
    acknowledgeBanner: fn(undefined),
  } as unknown as FakeApi;
}

export interface FakeAgent extends VigieAgent {
  readonly api: FakeApi;
  model: TrayModel;
  start: Mock<VigieAgent['start']>;
  stop: Mock<VigieAgent['stop']>;
  handleSystemEvent: Mock<VigieAgent['handleSystemEvent']>;
  emitState(status?: StatusView): void;
  emitOpen(window: WindowKind): void;
  emitMessage(message: { title: string; body: string }): void;
  listenerCount(): number;
}

export function fakeAgent(model: TrayModel = sampleTray()): FakeAgent {
  const state = new Set<(status: StatusView) => void>();
  const open = new Set<(window: WindowKind) => void>();
  const messages = new Set<(message: { title: string; body: string }) => void>();
  const subscribe =
    <T>(set: Set<T>) =>
    (listener: T) => {
      set.add(listener);
      return () => void set.delete(listener);
    };
  const agent: FakeAgent = {
    api: fakeApi(),
    model,
    start: vi.fn<VigieAgent['start']>(async () => undefined),
    stop: vi.fn<VigieAgent['stop']>(async () => undefined),
    tray: () => agent.model,
    onOpenWindow: subscribe(open),
    onStateChanged: subscribe(state),
    onUserMessage: subscribe(messages),
    handleSystemEvent: vi.fn<VigieAgent['handleSystemEvent']>(),
    emitState: (status = sampleStatus()) => state.forEach((listener) => listener(status)),
    emitOpen: (window) => open.forEach((listener) => listener(window)),
    emitMessage: (message) => messages.forEach((listener) => listener(message)),
    listenerCount: () => state.size + open.size + messages.size,
  };
  return agent;
}

export const sampleNotification = (overrides: Partial<Notification> = {}): Notification => ({
  kind: 'end',
  title: 'Plage de maintenance terminée',
  body: 'Veuillez vérifier vos applications.',
  opens: 'checklist',
  windowStart: '2026-03-10T02:00:00-04:00',
  windowEnd: '2026-03-10T04:00:00-04:00',
  ...overrides,
});

// ------------------------------------------------------------------------------------------------ windows

export class FakeWindow extends EventEmitter {
  static created: FakeWindow[] = [];
  destroyed = false;
  minimized = false;
  visible = false;
  focusCount = 0;
  /** Every show() and showInactive(), in order (the banner must never call show()). */
  readonly shows: ('show' | 'showInactive')[] = [];
  /** The options' focusable, then every setFocusable(); the banner's must be false whenever it is shown. */
  focusable: boolean;
  focusableWhenShown: boolean[] = [];
  readonly alwaysOnTop: { flag: boolean; level?: string }[] = [];
  bounds: { x: number; y: number; width: number; height: number } | null = null;
  readonly loadFile = vi.fn(async (_file: string, _options: { hash: string }) => undefined);
  readonly webContents = { send: vi.fn() };

  constructor(readonly options: Record<string, unknown>) {
    super();
    this.focusable = options.focusable !== false;
    FakeWindow.created.push(this);
  }
  show(): void {
    this.visible = true;
    this.shows.push('show');
    this.focusableWhenShown.push(this.focusable);
  }
  showInactive(): void {
    this.visible = true;
    this.minimized = false;
    this.shows.push('showInactive');
    this.focusableWhenShown.push(this.focusable);
  }
  setFocusable(focusable: boolean): void {
    this.focusable = focusable;
  }
  setAlwaysOnTop(flag: boolean, level?: string): void {
    this.alwaysOnTop.push({ flag, ...(level ? { level } : {}) });
  }
  setBounds(bounds: { x: number; y: number; width: number; height: number }): void {
    this.bounds = bounds;
  }
  focus(): void {
    this.focusCount += 1;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isVisible(): boolean {
    return this.visible;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Like Electron: a closed window is destroyed, then 'closed' fires. */
  close(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

// ------------------------------------------------------------------------------------------------ electron

export class FakeTray extends EventEmitter {
  static created: FakeTray[] = [];
  image: unknown;
  toolTip = '';
  menu: unknown = null;
  destroyed = false;
  constructor(image: unknown) {
    super();
    this.image = image;
    FakeTray.created.push(this);
  }
  setImage(image: unknown): void {
    this.image = image;
  }
  setToolTip(text: string): void {
    this.toolTip = text;
  }
  setContextMenu(menu: unknown): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
}

/** What a fake utility process does with a request (default: parse it for real, in this process). */
export type UtilityScript = (request: ParseRequest, child: FakeUtilityProcess) => void;

export const parseForReal: UtilityScript = (request, child) => {
  const parse = request.kind === 'inventory' ? importInventory : importSideTable;
  void parse(request.bytes, request.fileName).then((result) => child.reply({ id: request.id, result }));
};

/**
 * Electron's UtilityProcess as utility-parser.ts uses it: it "spawns" on the next turn and says it is ready (as
 * child-runtime.ts does), then answers by `script`; it records what it was started with and whether it was killed.
 */
export class FakeUtilityProcess extends EventEmitter {
  static forked: FakeUtilityProcess[] = [];
  pid: number | undefined = 4242;
  killed = false;
  readonly posted: unknown[] = [];
  constructor(
    readonly modulePath: string,
    readonly args: string[],
    readonly options: { env?: Record<string, string | undefined>; execArgv?: string[]; stdio?: unknown },
    private readonly script: UtilityScript,
  ) {
    super();
    FakeUtilityProcess.forked.push(this);
    setImmediate(() => {
      this.emit('spawn');
      this.reply({ ready: true });
    });
  }
  postMessage(message: unknown): void {
    this.posted.push(message);
    this.script(message as ParseRequest, this);
  }
  /** What the child sends with process.parentPort.postMessage. */
  reply(message: unknown): void {
    if (this.pid !== undefined) this.emit('message', message);
  }
  /** The process ends (a crash: V8 out of memory, a native abort…). */
  exit(code: number): void {
    if (this.pid === undefined) return;
    this.pid = undefined;
    this.emit('exit', code);
  }
  kill(): boolean {
    if (this.pid === undefined) return false;
    this.killed = true;
    setImmediate(() => this.exit(15));
    return true;
  }
}

/** The parts of `electron` main.ts uses, recording what it is asked to do. */
export function createFakeElectron(userDataDir: string, appPath: string) {
  FakeWindow.created = [];
  FakeTray.created = [];
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    lockResult: true,
    requestSingleInstanceLock: vi.fn(() => app.lockResult),
    setPath: vi.fn(),
    getPath: vi.fn(() => userDataDir),
    getAppPath: vi.fn(() => appPath),
    getVersion: vi.fn(() => '0.1.0'),
    enableSandbox: vi.fn(),
    setAppUserModelId: vi.fn(),
    setLoginItemSettings: vi.fn(),
    whenReady: vi.fn(() => Promise.resolve()),
    quit: vi.fn(() => {
      const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
      app.emit('before-quit', event);
    }),
    exit: vi.fn(),
  });
  const session = {
    defaultSession: {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      webRequest: { onHeadersReceived: vi.fn() },
    },
  };
  FakeUtilityProcess.forked = [];
  const utilityProcess = {
    script: parseForReal,
    fork: vi.fn(
      (modulePath: string, args: string[] = [], options: FakeUtilityProcess['options'] = {}) =>
        new FakeUtilityProcess(modulePath, args, options, (request, child) => utilityProcess.script(request, child)),
    ),
  };
  return {
    app,
    utilityProcess,
    BrowserWindow: FakeWindow,
    Tray: FakeTray,
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => ({ template })) },
    nativeImage: { createFromPath: vi.fn((path: string) => ({ path })) },
    powerMonitor: new EventEmitter(),
    /** A 1366×768 primary screen with a 40 px taskbar at the bottom. */
    screen: { getPrimaryDisplay: vi.fn(() => ({ workArea: { x: 0, y: 0, width: 1366, height: 728 } })) },
    session,
    shell: { openExternal: vi.fn(async () => undefined), showItemInFolder: vi.fn() },
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })) },
    ipcMain: {
      handlers,
      handle: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
        handlers.set(channel, listener);
      }),
      removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
    },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/** Lets queued promise callbacks run (no real waiting). */
export async function flush(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
