/**
 * The three app windows (checklist, status, settings): created on demand, one per kind (asking again focuses
 * it), destroyed on close so an idle tray app keeps no renderer alive (docs/architecture.md, rule 11). Each loads the
 * one renderer bundle with its route in the hash: dist/renderer/index.html#/<kind>.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowKind } from '../core/agent-types';
import { errorData } from './log';
import type { Logger } from './log';
import { secureWebPreferences } from './security';

export interface AppWindow {
  loadFile(filePath: string, options: { hash: string }): Promise<void>;
  show(): void;
  focus(): void;
  isMinimized(): boolean;
  restore(): void;
  isDestroyed(): boolean;
  close(): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  readonly webContents: { send(channel: string, ...args: unknown[]): void };
}

export interface WindowManagerDeps {
  createWindow(options: BrowserWindowConstructorOptions): AppWindow;
  /** Absolute path of dist/renderer/index.html. */
  rendererIndexPath: string;
  /** Absolute path of dist/electron/preload.cjs. */
  preloadPath: string;
  iconPath?: string;
  devTools?: boolean;
  log: Logger;
}

/** French titles (the UI's default language); sizes fit a 1366×768 ward PC screen. */
export const WINDOW_SPECS: Record<WindowKind, { title: string; width: number; height: number }> = {
  checklist: { title: 'Vigie — Vérification après la plage de maintenance', width: 980, height: 720 },
  status: { title: 'Vigie — État et calendrier des plages', width: 900, height: 680 },
  settings: { title: 'Vigie — Paramètres du poste', width: 760, height: 640 },
};

export class WindowManager {
  private readonly byKind = new Map<WindowKind, AppWindow>();

  constructor(private readonly deps: WindowManagerDeps) {}

  /** Shows the window of this kind, creating it if needed; returns it. */
  open(kind: WindowKind): AppWindow {
    const existing = this.byKind.get(kind);
    if (existing && !existing.isDestroyed()) {
      if (existing.isMinimized()) existing.restore();
      existing.show();
      existing.focus();
      return existing;
    }
    const spec = WINDOW_SPECS[kind];
    const window = this.deps.createWindow({
      title: spec.title,
      width: spec.width,
      height: spec.height,
      minWidth: 560,
      minHeight: 420,
      // Shown once painted, so a ward PC never flashes an empty white frame.
      show: false,
      autoHideMenuBar: true,
      ...(this.deps.iconPath ? { icon: this.deps.iconPath } : {}),
      webPreferences: secureWebPreferences(this.deps.preloadPath, { devTools: this.deps.devTools ?? false }),
    });
    this.byKind.set(kind, window);
    window.on('closed', () => {
      // Only forget it if it is still the registered one (a replaced window must not evict its successor).
      if (this.byKind.get(kind) === window) this.byKind.delete(kind);
    });
    window.once('ready-to-show', () => {
      window.show();
      window.focus();
    });
    window.loadFile(this.deps.rendererIndexPath, { hash: `/${kind}` }).catch((error: unknown) => {
      this.deps.log.error('chargement de la fenêtre impossible', { kind, ...errorData(error) });
    });
    return window;
  }

  get(kind: WindowKind): AppWindow | undefined {
    const window = this.byKind.get(kind);
    return window && !window.isDestroyed() ? window : undefined;
  }

  openWindows(): AppWindow[] {
    return [...this.byKind.values()].filter((window) => !window.isDestroyed());
  }

  /** The webContents of every open window, for main → renderer events. */
  *eventTargets(): Iterable<{ send(channel: string, payload: unknown): void }> {
    for (const window of this.openWindows()) yield window.webContents;
  }

  closeAll(): void {
    for (const window of this.openWindows()) window.close();
  }
}
