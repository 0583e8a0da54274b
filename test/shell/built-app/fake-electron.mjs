// A stand-in for the `electron` module, for running the BUILT main process (dist-style bundle) under plain Node
// (built-main.test.ts). It reports what the app does to the tray, dialogs and app object as JSON lines on stdout,
// and quits the app when it reads "quit" on stdin. Anything the test does not look at is a silent no-op.
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createInterface } from 'node:readline';

const report = (event, data = {}) => process.stdout.write(`${JSON.stringify({ event, ...data })}\n`);

/** A no-op for any property chain and any call (`session.defaultSession.webRequest.onHeadersReceived(...)`). */
function anything(overrides = {}) {
  const target = function () {};
  return new Proxy(target, {
    get: (_t, key) => {
      if (key in overrides) return overrides[key];
      if (key === 'then' || typeof key === 'symbol') return undefined;
      return anything();
    },
    apply: () => undefined,
  });
}

const paths = new Map([['documents', process.env.SMOKE_DOCUMENTS_DIR ?? '']]);
const appEvents = new EventEmitter();

export const app = {
  isPackaged: false,
  getAppPath: () => process.env.SMOKE_APP_ROOT,
  getVersion: () => '0.0.0-smoke',
  getPath: (name) => paths.get(name) ?? '',
  setPath: (name, value) => paths.set(name, value),
  requestSingleInstanceLock: () => true,
  enableSandbox: () => undefined,
  setAppUserModelId: (id) => report('app-user-model-id', { id }),
  getLoginItemSettings: () => ({ openAtLogin: false, executableWillLaunchAtLogin: false }),
  setLoginItemSettings: (settings) => report('login-item', { settings }),
  whenReady: () => Promise.resolve(),
  on: (event, listener) => {
    appEvents.on(event, listener);
    return app;
  },
  quit: () => {
    let prevented = false;
    appEvents.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    report('quit');
    process.exit(0);
  },
  exit: (code) => {
    report('exit', { code });
    process.exit(code);
  },
};

export class Tray extends EventEmitter {
  constructor(image) {
    super();
    report('tray-created', { icon: image.path });
  }
  setImage(image) {
    report('tray-icon', { icon: image.path });
  }
  setToolTip(toolTip) {
    report('tray-tooltip', { toolTip });
  }
  setContextMenu(menu) {
    report('tray-menu', { labels: (menu?.template ?? []).map((item) => item.label ?? item.type) });
  }
  destroy() {
    report('tray-destroyed');
  }
}

export const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: () => undefined,
};

export const nativeImage = { createFromPath: (path) => ({ path, isEmpty: () => false }) };

export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    report('window-created', { preload: options?.webPreferences?.preload });
    this.webContents = anything();
  }
  loadFile(file, options) {
    report('window-load', { file, hash: options?.hash });
    return Promise.resolve();
  }
  isDestroyed() {
    return false;
  }
}
// The banner window's calls too (electron/shell/banner-window.ts): it opens only while a window is in progress.
for (const name of [
  'show',
  'focus',
  'close',
  'destroy',
  'restore',
  'isMinimized',
  'isVisible',
  'setMenuBarVisibility',
  'showInactive',
  'setAlwaysOnTop',
  'setFocusable',
  'setBounds',
]) {
  BrowserWindow.prototype[name] = function () {
    return name === 'isMinimized' || name === 'isVisible' ? false : undefined;
  };
}

export const dialog = {
  showErrorBox: (title, content) => report('error-box', { title, content }),
  showMessageBox: (options) => {
    report('message-box', { message: options.message });
    return Promise.resolve({ response: 0 });
  },
};

/**
 * Electron's utilityProcess as a real Node child (the bundled parse entry speaks process.send when there is no
 * parentPort): the built main process really parses the inventory in a separate process here.
 */
export const utilityProcess = {
  fork(modulePath, args = [], options = {}) {
    report('utility-fork', {
      modulePath,
      execArgv: options.execArgv ?? [],
      envKeys: Object.keys(options.env ?? process.env),
    });
    const child = fork(modulePath, args, {
      execArgv: options.execArgv ?? [],
      env: options.env ?? process.env,
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const proc = new EventEmitter();
    proc.pid = undefined;
    child.on('spawn', () => {
      proc.pid = child.pid;
      proc.emit('spawn');
    });
    child.on('message', (message) => proc.emit('message', message));
    child.on('exit', (code) => {
      proc.pid = undefined;
      proc.emit('exit', code ?? 1);
    });
    proc.postMessage = (message) => child.send(message);
    proc.kill = () => child.kill();
    return proc;
  },
};

export const powerMonitor = new EventEmitter();
export const screen = { getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1366, height: 728 } }) };
export const ipcMain = { handle: (channel) => report('ipc-handle', { channel }), removeHandler: () => undefined };
export const session = { defaultSession: anything() };
export const shell = anything();

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'quit') app.quit();
});
