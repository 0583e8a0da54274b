import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc';
import type { BridgeError, ChecklistView } from '../../shared/ipc';
import { toBridgeError } from '../../shared/ipc/bridge';
import { broadcastStateChanges, registerIpcHandlers, trustedAppFrame } from '../../electron/shell/ipc';
import type { InvokeEventLike, IpcMainLike } from '../../electron/shell/ipc';
import { appUrlMatcher } from '../../electron/shell/security';
import { fakeAgent, fakeApi, memoryLogger, sampleStatus } from './fakes';

const INDEX = 'file:///opt/Vigie/resources/app.asar/dist/renderer/index.html';
const appFrame = { url: `${INDEX}#/checklist`, parent: null };

function setUp() {
  const handlers = new Map<string, (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const api = fakeApi();
  const log = memoryLogger();
  const unregister = registerIpcHandlers(ipcMain, api, trustedAppFrame(appUrlMatcher(INDEX, false)), log);
  const call = (channel: string, frame: InvokeEventLike['senderFrame'], ...args: unknown[]) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler({ senderFrame: frame }, ...args);
  };
  return { handlers, api, log, unregister, call };
}

/** What the renderer would read from the rejection. */
async function rejection(promise: Promise<unknown>): Promise<BridgeError> {
  try {
    await promise;
  } catch (error) {
    // Electron forwards only the message: it must be the BridgeError itself, as JSON.
    expect(error).toBeInstanceOf(Error);
    const parsed = JSON.parse((error as Error).message) as BridgeError;
    expect(toBridgeError(error)).toEqual(parsed);
    return parsed;
  }
  throw new Error('expected a rejection');
}

describe('registerIpcHandlers', () => {
  it('registers one handler per channel of the contract, and removes them all', () => {
    const { handlers, unregister } = setUp();
    expect([...handlers.keys()].sort()).toEqual(Object.values(INVOKE_CHANNELS).sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it.each([
    ['another page', { url: 'https://evil.example.com/', parent: null }],
    ['our page in a sub-frame', { url: INDEX, parent: { url: INDEX } }],
    ['another local file', { url: 'file:///tmp/evil.html', parent: null }],
    ['a destroyed frame', null],
  ])('rejects a call from %s as forbidden, without calling the core', async (_name, frame) => {
    const { api, call, log } = setUp();
    const error = await rejection(call(INVOKE_CHANNELS.syncNow, frame));
    expect(error.code).toBe('forbidden');
    expect(api.syncNow).not.toHaveBeenCalled();
    expect(log.entries.some((e) => e.message.includes('expéditeur inconnu'))).toBe(true);
  });

  it.each([
    ['an extra argument', INVOKE_CHANNELS.getStatus, ['x']],
    ['a missing argument', INVOKE_CHANNELS.setCheck, []],
    ['an unknown key', INVOKE_CHANNELS.submitChecklist, [{ runId: 'r1', initials: 'AB', admin: true }]],
    [
      'a wrong type',
      INVOKE_CHANNELS.recordRestart,
      [{ runId: 'r1', application: 'GestLab', check: 'starts', fixed: 'yes' }],
    ],
    ['a non-URL link', INVOKE_CHANNELS.openLink, ['pas une adresse']],
    ['blank initials', INVOKE_CHANNELS.submitChecklist, [{ runId: 'r1', initials: '   ' }]],
  ])('rejects %s as invalid input, without calling the core', async (_name, channel, args) => {
    const { api, call } = setUp();
    const error = await rejection(call(channel, appFrame, ...args));
    expect(error.code).toBe('invalid-input');
    for (const method of Object.values(api)) expect(method).not.toHaveBeenCalled();
  });

  it('passes valid arguments (as parsed) to the core and returns its answer', async () => {
    const { api, call } = setUp();
    const submitted = { runId: 'r1', status: 'submitted' } as ChecklistView;
    api.submitChecklist.mockResolvedValue(submitted);
    await expect(call(INVOKE_CHANNELS.submitChecklist, appFrame, { runId: 'r1', initials: '  AB ' })).resolves.toBe(
      submitted,
    );
    // zod trims the initials: the core gets the parsed value, not the raw one.
    expect(api.submitChecklist).toHaveBeenCalledWith({ runId: 'r1', initials: 'AB' });
    await expect(call(INVOKE_CHANNELS.getStatus, appFrame)).resolves.toMatchObject({ trayState: 'idle' });
    await call(INVOKE_CHANNELS.getChecklist, appFrame);
    await call(INVOKE_CHANNELS.getChecklist, appFrame, 'run-7');
    expect(api.getChecklist.mock.calls).toEqual([[], ['run-7']]);
  });

  it("passes on the core's own user-facing errors", async () => {
    const { api, call } = setUp();
    api.saveSettings.mockRejectedValue(
      Object.assign(new Error('Ce réglage est fixé par le soutien informatique.'), { code: 'locked' }),
    );
    const error = await rejection(call(INVOKE_CHANNELS.saveSettings, appFrame, { language: 'en' }));
    expect(error).toEqual({ code: 'locked', message: 'Ce réglage est fixé par le soutien informatique.' });
  });

  it('turns unexpected errors into a generic French message: no stack, no internals reach the page', async () => {
    const { api, call, log } = setUp();
    api.exportCalendar.mockRejectedValue(new TypeError("Cannot read properties of undefined (reading 'start')"));
    const error = await rejection(call(INVOKE_CHANNELS.exportCalendar, appFrame));
    expect(error.code).toBe('failed');
    expect(error.message).not.toMatch(/Cannot read|TypeError|at /);
    expect(error.message).toMatch(/soutien informatique/);
    const logged = log.entries.find((e) => e.level === 'error');
    expect(JSON.stringify(logged?.data)).toContain('TypeError');
  });
});

describe('broadcastStateChanges', () => {
  it('sends each new status to every open window, and keeps going when one fails', () => {
    const agent = fakeAgent();
    const log = memoryLogger();
    const ok = { send: vi.fn() };
    const closing = {
      send: vi.fn(() => {
        throw new Error('Object has been destroyed');
      }),
    };
    const other = { send: vi.fn() };
    const stop = broadcastStateChanges(agent, () => [ok, closing, other], log);
    const status = sampleStatus({ trayState: 'in-progress' });
    agent.emitState(status);
    expect(ok.send).toHaveBeenCalledWith(EVENT_CHANNELS.stateChanged, status);
    expect(other.send).toHaveBeenCalledWith(EVENT_CHANNELS.stateChanged, status);
    expect(log.entries.filter((e) => e.level === 'warn')).toHaveLength(1);
    stop();
    agent.emitState();
    expect(ok.send).toHaveBeenCalledTimes(1);
  });
});
