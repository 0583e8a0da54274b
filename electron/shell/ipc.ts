/**
 * The main-process side of the bridge (docs/architecture.md, rule 4): one handler per INVOKE_CHANNELS entry, each
 * checking the sender frame first, then handing the call to the core's dispatcher (electron/core/api/dispatch.ts),
 * which validates the arguments with INPUT_SCHEMAS before the core runs. The Playwright bridge uses the same
 * dispatcher, so both transports validate and report errors alike: BridgeError JSON in the error message (the only part
 * Electron's invoke carries to the renderer), never a stack; the details go to the log.
 */
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../../shared/ipc';
import type { BridgeError, InvokeMethod, StatusView, VigieCoreApi } from '../../shared/ipc';
import { bridgeFailure, createDispatcher } from '../core/api';
import type { VigieAgent } from '../core/agent-types';
import { errorData } from './log';
import type { Logger } from './log';

export const FORBIDDEN: BridgeError = {
  code: 'forbidden',
  message: "Cette demande ne vient pas d'une fenêtre de Vigie : elle a été refusée.",
};

export interface SenderFrameLike {
  readonly url: string;
  readonly parent: unknown;
}
export interface InvokeEventLike {
  readonly senderFrame: SenderFrameLike | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}
export type TrustedSenderCheck = (frame: SenderFrameLike | null) => boolean;

/** Our page, in a top-level frame (an iframe, even of our own page, has no business calling the core). */
export function trustedAppFrame(isAppUrl: (url: string) => boolean): TrustedSenderCheck {
  return (frame) => frame !== null && frame.parent === null && isAppUrl(frame.url);
}

/** Registers every channel; returns a function that removes them (shutdown, tests). */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  api: VigieCoreApi,
  isTrustedSender: TrustedSenderCheck,
  log: Logger,
): () => void {
  const dispatch = createDispatcher(api, log);
  const methods = Object.keys(INVOKE_CHANNELS) as InvokeMethod[];
  for (const method of methods) {
    const channel = INVOKE_CHANNELS[method];
    ipcMain.handle(channel, async (event, ...args) => {
      if (!isTrustedSender(event.senderFrame)) {
        log.warn('appel refusé : expéditeur inconnu', { channel, frame: event.senderFrame?.url ?? null });
        throw bridgeFailure(FORBIDDEN);
      }
      return dispatch(method, args);
    });
  }
  return () => {
    for (const method of methods) ipcMain.removeHandler(INVOKE_CHANNELS[method]);
  };
}

export interface EventTarget {
  send(channel: string, payload: unknown): void;
}

/** Forwards the core's state changes to every open window (closed windows are simply not in the list). */
export function broadcastStateChanges(
  agent: Pick<VigieAgent, 'onStateChanged'>,
  targets: () => Iterable<EventTarget>,
  log: Logger,
): () => void {
  return agent.onStateChanged((status: StatusView) => {
    for (const target of targets()) {
      try {
        target.send(EVENT_CHANNELS.stateChanged, status);
      } catch (error) {
        // A window closing at this very moment must not stop the others from being told.
        log.warn('diffusion de l’état impossible vers une fenêtre', errorData(error));
      }
    }
  });
}
