import { describe, expect, it, vi } from 'vitest';
import type { Notification } from '../../../electron/core/agent-types';
import { APP_ID } from '../../../electron/core/app-id';
import { ManualClock } from '../../../electron/core/clock';
import { NodeNotifier, type NotifierBackend } from '../../../electron/core/notify/node-notifier';
import { ConsoleNotifier, RecordingNotifier } from '../../../electron/core/notify/simple';

const TOAST: Notification = {
  kind: 'catch-up',
  title: 'Plage de maintenance terminée',
  body: 'La plage de 2 h – 4 h est terminée : vérifiez maintenant les applications (GestLab).',
  opens: 'checklist',
  windowStart: '2026-12-02T02:00:00-05:00',
  windowEnd: '2026-12-02T04:00:00-05:00',
};

type Callback = Parameters<NotifierBackend['notify']>[1];

function fakeBackend() {
  const calls: { options: Record<string, unknown>; callback: Callback }[] = [];
  const backend: NotifierBackend = {
    notify: (options, callback) => {
      calls.push({ options, callback });
    },
  };
  return { backend, calls };
}

function logger() {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
}

describe('NodeNotifier', () => {
  it('sends the toast under the app id on Windows and waits for the click', () => {
    const { backend, calls } = fakeBackend();
    const onClick = vi.fn();
    new NodeNotifier({ backend, platform: 'win32', log: logger() }).notify(TOAST, onClick);
    expect(calls[0]?.options).toEqual({ title: TOAST.title, message: TOAST.body, wait: true, appID: APP_ID });
    calls[0]?.callback(null, 'activate');
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('names the app for notify-send elsewhere, and ignores a dismissal', () => {
    const { backend, calls } = fakeBackend();
    const onClick = vi.fn();
    new NodeNotifier({ backend, platform: 'linux', log: logger(), iconPath: '/opt/vigie/icon.png' }).notify(
      TOAST,
      onClick,
    );
    expect(calls[0]?.options).toMatchObject({ 'app-name': 'Vigie', icon: '/opt/vigie/icon.png' });
    expect(calls[0]?.options).not.toHaveProperty('appID');
    calls[0]?.callback(null, 'timeout');
    expect(onClick).not.toHaveBeenCalled();
  });

  it('swallows failures, logs them (notify-send missing only once) and falls back', () => {
    const { backend, calls } = fakeBackend();
    const log = logger();
    const lines: string[] = [];
    const notifier = new NodeNotifier({
      backend,
      platform: 'linux',
      log,
      fallback: new ConsoleNotifier((l) => lines.push(l)),
    });
    notifier.notify(TOAST, () => undefined);
    notifier.notify(TOAST, () => undefined);
    for (const call of calls) call.callback(new Error('notify-send must be installed on the system.'), '');
    expect(log.warn).toHaveBeenCalledTimes(1);
    expect(lines).toEqual([`[Vigie] ${TOAST.title} — ${TOAST.body}`, `[Vigie] ${TOAST.title} — ${TOAST.body}`]);

    const throwing = new NodeNotifier({
      backend: {
        notify: () => {
          throw new Error('spawn EACCES');
        },
      },
      platform: 'win32',
      log,
    });
    expect(() => throwing.notify(TOAST, () => undefined)).not.toThrow();
    expect(log.warn).toHaveBeenLastCalledWith('notification non affichée', { kind: 'catch-up', error: 'spawn EACCES' });
  });

  it('a click handler that throws is logged, not thrown into node-notifier', () => {
    const { backend, calls } = fakeBackend();
    const log = logger();
    new NodeNotifier({ backend, platform: 'win32', log }).notify(TOAST, () => {
      throw new Error('window gone');
    });
    expect(() => calls[0]?.callback(null, '', { activationType: 'clicked' })).not.toThrow();
    expect(log.error).toHaveBeenCalled();
  });
});

describe('RecordingNotifier', () => {
  it('records each toast with the clock time and replays clicks', () => {
    const clock = new ManualClock('2026-12-02T05:00:00');
    const recorder = new RecordingNotifier(clock);
    const onClick = vi.fn();
    recorder.notify(TOAST, onClick);
    expect(recorder.shown).toEqual([{ ...TOAST, at: '2026-12-02T05:00:00-05:00' }]);
    recorder.click(0);
    expect(onClick).toHaveBeenCalled();
    expect(() => recorder.click(1)).toThrow();
  });
});
