import { describe, expect, it, vi } from 'vitest';
import { APP_ID } from '../../electron/core/app-id';
import { NodeNotifier } from '../../electron/core/notify';
import type { NotifierBackend } from '../../electron/core/notify';
import { snoreToastPath, unpackedPath, withClickRouting } from '../../electron/shell/notifier';
import { memoryLogger, sampleNotification } from './fakes';

type Callback = Parameters<NotifierBackend['notify']>[1];

function setUp(platform: NodeJS.Platform = 'win32') {
  const calls: { options: Record<string, unknown>; callback: Callback }[] = [];
  const backend: NotifierBackend = {
    notify: vi.fn((options: Record<string, unknown>, callback: Callback) => {
      calls.push({ options, callback });
    }),
  };
  const log = memoryLogger();
  // The core's adapter, as main.ts builds it.
  const adapter = new NodeNotifier({
    backend,
    appId: APP_ID,
    platform,
    iconPath: '/app/assets/icon.png',
    log,
  });
  return { adapter, calls, log, backend };
}

describe('toasts (the core NodeNotifier as the shell configures it)', () => {
  it("sends the toast under electron-builder's appId and waits for the click", () => {
    const { adapter, calls } = setUp('win32');
    adapter.notify(sampleNotification(), () => undefined);
    expect(calls[0]?.options).toEqual({
      title: 'Plage de maintenance terminée',
      message: 'Veuillez vérifier vos applications.',
      wait: true,
      icon: '/app/assets/icon.png',
      appID: 'ca.quebec.sante.vigie',
    });
  });

  it('uses app-name instead of appID on Linux (notify-send)', () => {
    const { adapter, calls } = setUp('linux');
    adapter.notify(sampleNotification(), () => undefined);
    expect(calls[0]?.options).toMatchObject({ 'app-name': 'Vigie' });
    expect(calls[0]?.options).not.toHaveProperty('appID');
  });

  it('calls back on a click only', () => {
    const { adapter, calls } = setUp();
    const onClick = vi.fn();
    for (let i = 0; i < 4; i++) adapter.notify(sampleNotification(), onClick);
    calls[0]?.callback(null, 'timeout');
    calls[1]?.callback(null, 'dismissed');
    calls[2]?.callback(null, 'activate');
    calls[3]?.callback(null, '', { activationType: 'clicked' });
    expect(onClick).toHaveBeenCalledTimes(2);
  });

  it('swallows a missing notify-send with one log line (best effort)', () => {
    const { adapter, calls, log } = setUp('linux');
    adapter.notify(sampleNotification(), () => undefined);
    adapter.notify(sampleNotification(), () => undefined);
    calls[0]?.callback(new Error('notify-send must be installed on the system.'), '');
    calls[1]?.callback(new Error('notify-send must be installed on the system.'), '');
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]?.message).toMatch(/notify-send/);
  });

  it('never throws, even when the backend does or the click handler fails', () => {
    const { adapter, backend, calls, log } = setUp();
    vi.mocked(backend.notify).mockImplementationOnce(() => {
      throw new Error('spawn EACCES');
    });
    expect(() => adapter.notify(sampleNotification(), () => undefined)).not.toThrow();
    adapter.notify(sampleNotification(), () => {
      throw new Error('window gone');
    });
    expect(() => calls[0]?.callback(null, 'activate')).not.toThrow();
    expect(log.entries.map((e) => e.level)).toEqual(['warn', 'error']);
  });
});

describe('withClickRouting', () => {
  it('opens the window the notification is about, and still tells the core', () => {
    const { adapter, calls } = setUp();
    const openWindow = vi.fn();
    const coreOnClick = vi.fn();
    const notifier = withClickRouting(adapter, openWindow);
    notifier.notify(sampleNotification({ kind: 'end', opens: 'checklist' }), coreOnClick);
    notifier.notify(sampleNotification({ kind: 'reminder', opens: 'status' }), coreOnClick);
    expect(openWindow).not.toHaveBeenCalled();
    calls[1]?.callback(null, 'activate');
    calls[0]?.callback(null, 'activate');
    expect(openWindow.mock.calls).toEqual([['status'], ['checklist']]);
    expect(coreOnClick).toHaveBeenCalledTimes(2);
  });
});

describe('SnoreToast path', () => {
  it('points inside app.asar.unpacked when packaged, and is left alone in development', () => {
    expect(unpackedPath('C:\\Program Files\\Vigie\\resources\\app.asar\\node_modules\\x')).toBe(
      'C:\\Program Files\\Vigie\\resources\\app.asar.unpacked\\node_modules\\x',
    );
    expect(unpackedPath('/work/node_modules/node-notifier/index.js')).toBe('/work/node_modules/node-notifier/index.js');
    expect(snoreToastPath('/r/app.asar/node_modules/node-notifier/index.js', 'x64')).toBe(
      '/r/app.asar.unpacked/node_modules/node-notifier/vendor/snoreToast/snoretoast-x64.exe',
    );
    expect(snoreToastPath('/n/node-notifier/index.js', 'ia32')).toBe(
      '/n/node-notifier/vendor/snoreToast/snoretoast-x86.exe',
    );
  });
});
