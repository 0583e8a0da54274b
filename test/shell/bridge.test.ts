import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc';
import type { StatusView, VigieApi } from '../../shared/ipc';
import { createBridge, GENERIC_BRIDGE_ERROR, toBridgeError } from '../../shared/ipc/bridge';
import { exposeVigie } from '../../electron/shell/preload-api';
import type { PreloadIpcRenderer } from '../../electron/shell/preload-api';
import { sampleStatus } from './fakes';

/** Every method of VigieApi: the compiler fails here if the contract gains a method the table lacks. */
const API_METHODS: Record<keyof VigieApi, true> = {
  getStatus: true,
  getChecklist: true,
  setCheck: true,
  recordRestart: true,
  submitChecklist: true,
  getGuidance: true,
  getSettings: true,
  saveSettings: true,
  syncNow: true,
  exportCalendar: true,
  openLink: true,
  getBanner: true,
  acknowledgeBanner: true,
  onStateChanged: true,
};

function fakeTransport() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const invoke = vi.fn(async (channel: string, args: unknown[]) => ({ channel, args }));
  const subscribe = vi.fn((channel: string, listener: (payload: unknown) => void) => {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
    return () => void set.delete(listener);
  });
  const emit = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l(payload));
  return { invoke, subscribe, emit, listeners };
}

describe('createBridge', () => {
  it('exposes exactly the VigieApi methods, as a frozen object', () => {
    const { invoke, subscribe } = fakeTransport();
    const api = createBridge(invoke, subscribe);
    expect(Object.keys(api).sort()).toEqual(Object.keys(API_METHODS).sort());
    expect(Object.isFrozen(api)).toBe(true);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('sends each method to its channel with the arguments as given', async () => {
    const { invoke, subscribe } = fakeTransport();
    const api = createBridge(invoke, subscribe);
    await api.getStatus();
    await api.getChecklist('run-1');
    await api.setCheck({ runId: 'r', application: 'GestLab', check: 'starts', result: 'ok' });
    await api.openLink('https://intranet.example.qc.ca/');
    expect(invoke.mock.calls).toEqual([
      [INVOKE_CHANNELS.getStatus, []],
      [INVOKE_CHANNELS.getChecklist, ['run-1']],
      [INVOKE_CHANNELS.setCheck, [{ runId: 'r', application: 'GestLab', check: 'starts', result: 'ok' }]],
      [INVOKE_CHANNELS.openLink, ['https://intranet.example.qc.ca/']],
    ]);
  });

  it('delivers state changes until unsubscribed', () => {
    const { invoke, subscribe, emit, listeners } = fakeTransport();
    const api = createBridge(invoke, subscribe);
    const seen: StatusView[] = [];
    const unsubscribe = api.onStateChanged((status) => seen.push(status));
    emit(EVENT_CHANNELS.stateChanged, sampleStatus({ trayState: 'upcoming' }));
    unsubscribe();
    emit(EVENT_CHANNELS.stateChanged, sampleStatus({ trayState: 'problem' }));
    expect(seen.map((s) => s.trayState)).toEqual(['upcoming']);
    expect(listeners.get(EVENT_CHANNELS.stateChanged)?.size).toBe(0);
    expect(() => api.onStateChanged('nope' as unknown as (s: StatusView) => void)).toThrow(TypeError);
  });

  it("rejects with the BridgeError's French sentence only: no JSON, no prefix, no stack", async () => {
    const { subscribe } = fakeTransport();
    const forbidden = { code: 'forbidden', message: 'Refusé.' };
    const electronStyle = new Error(`Error invoking remote method 'sync:now': Error: ${JSON.stringify(forbidden)}`);
    const api = createBridge(() => Promise.reject(electronStyle), subscribe);
    await expect(api.syncNow()).rejects.toThrow(/^Refusé\.$/);

    const crashing = createBridge(() => Promise.reject(new Error('ECONNRESET at Socket.<anonymous>')), subscribe);
    const generic = await crashing.getStatus().catch((e: Error) => e);
    expect(generic).toBeInstanceOf(Error);
    expect((generic as Error).message).toBe(GENERIC_BRIDGE_ERROR.message);
  });
});

describe('toBridgeError', () => {
  it('reads a BridgeError from an object, an Error with JSON, or falls back to the generic message', () => {
    expect(toBridgeError({ code: 'locked', message: 'Fixé par le soutien.' })).toEqual({
      code: 'locked',
      message: 'Fixé par le soutien.',
    });
    expect(toBridgeError(new Error('{"code":"not-found","message":"Aucune vérification."}'))).toEqual({
      code: 'not-found',
      message: 'Aucune vérification.',
    });
    expect(toBridgeError(new Error('{"code":"weird","message":"x"}'))).toEqual(GENERIC_BRIDGE_ERROR);
    expect(toBridgeError(new Error('{"code": broken'))).toEqual(GENERIC_BRIDGE_ERROR);
    expect(toBridgeError(undefined)).toEqual(GENERIC_BRIDGE_ERROR);
  });
});

describe('preload (exposeVigie, against fake contextBridge and ipcRenderer)', () => {
  it('exposes one `vigie` object wired to ipcRenderer, never ipcRenderer itself', async () => {
    const exposed = new Map<string, unknown>();
    const ipcListeners = new Map<string, Set<(...args: unknown[]) => void>>();
    const ipcRenderer = {
      invoke: vi.fn(async () => 'answer'),
      on: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        const set = ipcListeners.get(channel) ?? new Set();
        set.add(listener);
        ipcListeners.set(channel, set);
        return ipcRenderer;
      }),
      removeListener: vi.fn((channel: string, listener: (...args: unknown[]) => void) => {
        ipcListeners.get(channel)?.delete(listener);
        return ipcRenderer;
      }),
    };
    const contextBridge = { exposeInMainWorld: (key: string, value: unknown) => void exposed.set(key, value) };
    exposeVigie(contextBridge, ipcRenderer as unknown as PreloadIpcRenderer);

    expect([...exposed.keys()]).toEqual(['vigie']);
    const vigie = exposed.get('vigie') as VigieApi;
    expect(Object.keys(vigie).sort()).toEqual(Object.keys(API_METHODS).sort());
    expect(Object.values(vigie)).not.toContain(ipcRenderer);

    await expect(vigie.getGuidance({ runId: 'r', application: 'GestLab' })).resolves.toBe('answer');
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(INVOKE_CHANNELS.getGuidance, {
      runId: 'r',
      application: 'GestLab',
    });

    const seen: unknown[][] = [];
    const unsubscribe = vigie.onStateChanged((...args: unknown[]) => void seen.push(args));
    const status = sampleStatus();
    const fakeEvent = { sender: ipcRenderer };
    ipcListeners.get(EVENT_CHANNELS.stateChanged)?.forEach((listener) => listener(fakeEvent, status));
    // The page gets the status only, never the event (whose `sender` is ipcRenderer).
    expect(seen).toEqual([[status]]);
    unsubscribe();
    expect(ipcListeners.get(EVENT_CHANNELS.stateChanged)?.size).toBe(0);
  });
});
