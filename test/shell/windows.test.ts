import type { BrowserWindowConstructorOptions } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { WINDOW_SPECS, WindowManager } from '../../electron/shell/windows';
import { FakeWindow, flush, memoryLogger } from './fakes';

const INDEX = '/opt/Vigie/resources/app.asar/dist/renderer/index.html';
const PRELOAD = '/opt/Vigie/resources/app.asar/dist/electron/preload.cjs';

function manager(prepare: (window: FakeWindow) => void = () => undefined) {
  const log = memoryLogger();
  const windows = new WindowManager({
    createWindow: (options: BrowserWindowConstructorOptions) => {
      const window = new FakeWindow(options as Record<string, unknown>);
      prepare(window);
      return window;
    },
    rendererIndexPath: INDEX,
    preloadPath: PRELOAD,
    log,
  });
  return { windows, log };
}

beforeEach(() => {
  FakeWindow.created = [];
});

describe('WindowManager', () => {
  it('creates a window on demand with the secure options, loading the route in the hash', () => {
    const { windows } = manager();
    expect(FakeWindow.created).toHaveLength(0);
    windows.open('checklist');
    const [window] = FakeWindow.created;
    expect(window?.options).toMatchObject({
      title: WINDOW_SPECS.checklist.title,
      show: false,
      webPreferences: { preload: PRELOAD, contextIsolation: true, sandbox: true, nodeIntegration: false },
    });
    expect(window?.loadFile).toHaveBeenCalledWith(INDEX, { hash: '/checklist' });
    // Shown only once painted.
    expect(window?.visible).toBe(false);
    window?.emit('ready-to-show');
    expect(window?.visible).toBe(true);
  });

  it('keeps one window per kind: asking again restores and focuses it', () => {
    const { windows } = manager();
    const first = windows.open('status') as unknown as FakeWindow;
    first.minimized = true;
    const again = windows.open('status') as unknown as FakeWindow;
    expect(again).toBe(first);
    expect(FakeWindow.created).toHaveLength(1);
    expect(first.minimized).toBe(false);
    expect(first.focusCount).toBe(1);
    windows.open('settings');
    expect(FakeWindow.created.map((w) => (w.loadFile.mock.calls[0]?.[1] as { hash: string }).hash)).toEqual([
      '/status',
      '/settings',
    ]);
  });

  it('forgets a window once closed (no renderer kept alive) and makes a new one next time', () => {
    const { windows } = manager();
    const first = windows.open('checklist') as unknown as FakeWindow;
    first.close();
    expect(windows.get('checklist')).toBeUndefined();
    expect(windows.openWindows()).toHaveLength(0);
    const second = windows.open('checklist') as unknown as FakeWindow;
    expect(second).not.toBe(first);
    expect(FakeWindow.created).toHaveLength(2);
  });

  it('lists the open windows as event targets and closes them all on quit', () => {
    const { windows } = manager();
    windows.open('status');
    windows.open('settings');
    expect([...windows.eventTargets()]).toHaveLength(2);
    windows.closeAll();
    expect(FakeWindow.created.every((w) => w.destroyed)).toBe(true);
    expect([...windows.eventTargets()]).toHaveLength(0);
  });

  it('logs a page that fails to load instead of throwing', async () => {
    const { windows, log } = manager((window) =>
      window.loadFile.mockRejectedValueOnce(new Error('ERR_FILE_NOT_FOUND')),
    );
    expect(() => windows.open('status')).not.toThrow();
    await flush(2);
    expect(log.entries.some((e) => e.level === 'error' && e.data?.kind === 'status')).toBe(true);
  });
});
