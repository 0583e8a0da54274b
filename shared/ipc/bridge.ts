/**
 * Builds the `window.vigie` object from the channel table (docs/architecture.md, rule 3). Pure: the sandboxed preload
 * passes ipcRenderer-backed functions, the Playwright tests pass page bindings, so both get the very same object.
 *
 * Errors: main → preload, Electron's invoke keeps only an error's message, so the main process puts the
 * BridgeError there as JSON (electron/shell/ipc.ts). Here, at the page boundary, that JSON becomes a plain
 * `Error(<French sentence>)`: contextBridge would drop any other property anyway, and the renderer shows the
 * message as is (renderer/src/errors.ts). Anything unreadable becomes the generic sentence: stacks and technical
 * messages never reach the page.
 */
import { EVENT_CHANNELS, INVOKE_CHANNELS } from './channels';
import type { InvokeChannel, InvokeMethod } from './channels';
import type { BridgeError, VigieApi } from './contract';
import type { StatusView } from './views';

export type EventChannel = (typeof EVENT_CHANNELS)[keyof typeof EVENT_CHANNELS];

/** Sends one call to the main process; `args` is the method's argument list, as given. */
export type BridgeInvoke = (channel: InvokeChannel, args: unknown[]) => Promise<unknown>;
/** Listens to a main → renderer event; returns the unsubscribe function. */
export type BridgeSubscribe = (channel: EventChannel, listener: (payload: unknown) => void) => () => void;

export const BRIDGE_ERROR_CODES: readonly BridgeError['code'][] = [
  'invalid-input',
  'forbidden',
  'not-found',
  'locked',
  'failed',
];

/** Shown when a failure carries no readable explanation (never a stack or a technical message). */
export const GENERIC_BRIDGE_ERROR: BridgeError = {
  code: 'failed',
  message:
    "L'opération n'a pas pu être effectuée. Réessayez dans un instant ; si le problème persiste, contactez le soutien informatique.",
};

export function isBridgeError(value: unknown): value is BridgeError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { code?: unknown; message?: unknown };
  return (
    typeof candidate.message === 'string' &&
    typeof candidate.code === 'string' &&
    (BRIDGE_ERROR_CODES as readonly string[]).includes(candidate.code)
  );
}

/**
 * Reads a BridgeError back from anything thrown across the bridge: a BridgeError itself, or an Error whose
 * message holds its JSON (possibly behind Electron's "Error invoking remote method '…': Error: " prefix).
 */
export function toBridgeError(thrown: unknown): BridgeError {
  if (isBridgeError(thrown) && !(thrown instanceof Error)) return { code: thrown.code, message: thrown.message };
  const message =
    thrown instanceof Error
      ? thrown.message
      : typeof thrown === 'object' && thrown !== null && typeof (thrown as { message?: unknown }).message === 'string'
        ? (thrown as { message: string }).message
        : typeof thrown === 'string'
          ? thrown
          : '';
  const start = message.indexOf('{"code"');
  if (start >= 0) {
    try {
      const parsed: unknown = JSON.parse(message.slice(start));
      if (isBridgeError(parsed)) return { code: parsed.code, message: parsed.message };
    } catch {
      // Not our JSON: fall through to the generic message rather than showing technical text.
    }
  }
  return { ...GENERIC_BRIDGE_ERROR };
}

export function createBridge(invoke: BridgeInvoke, subscribe: BridgeSubscribe): VigieApi {
  const api: Record<string, unknown> = {};
  for (const method of Object.keys(INVOKE_CHANNELS) as InvokeMethod[]) {
    const channel = INVOKE_CHANNELS[method];
    api[method] = async (...args: unknown[]): Promise<unknown> => {
      try {
        return await invoke(channel, args);
      } catch (error) {
        // No `cause` on purpose: the technical error (and its stack) must not reach the page.
        // eslint-disable-next-line preserve-caught-error
        throw new Error(toBridgeError(error).message);
      }
    };
  }
  api.onStateChanged = (listener: (status: StatusView) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onStateChanged attend une fonction.');
    // The payload is built by the core (views.ts: trusted), so it is passed on as is.
    return subscribe(EVENT_CHANNELS.stateChanged, (payload) => listener(payload as StatusView));
  };
  return Object.freeze(api) as unknown as VigieApi;
}
