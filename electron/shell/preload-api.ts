/**
 * What the preload does, with Electron's renderer modules passed in (so the tests can pass fakes):
 * expose exactly one object, `window.vigie`, built from the channel table by shared/ipc/bridge.ts — never
 * ipcRenderer itself, nor the IPC event whose `sender` is ipcRenderer (docs/architecture.md, rule 3).
 * Bundled into the sandboxed preload: it may import only 'electron' types and shared/ipc/bridge + channels.
 */
import type { ContextBridge, IpcRenderer, IpcRendererEvent } from 'electron';
import { createBridge } from '../../shared/ipc/bridge';
import type { VigieApi } from '../../shared/ipc/contract';

export type PreloadContextBridge = Pick<ContextBridge, 'exposeInMainWorld'>;
export type PreloadIpcRenderer = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function exposeVigie(contextBridge: PreloadContextBridge, ipcRenderer: PreloadIpcRenderer): VigieApi {
  const vigie = createBridge(
    (channel, args) => ipcRenderer.invoke(channel, ...args),
    (channel, listener) => {
      const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipcRenderer.on(channel, handler);
      return () => {
        ipcRenderer.removeListener(channel, handler);
      };
    },
  );
  contextBridge.exposeInMainWorld('vigie', vigie);
  return vigie;
}
