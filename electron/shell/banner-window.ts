/**
 * The banner (issue 12, "An alert nobody misses"; docs/architecture.md, "The banner window"): a small window in the
 * bottom-right corner of the primary screen's work area, above everything, that never takes the keyboard from
 * what the nurse is doing. Toasts can be hidden (Focus Assist, a full-screen application, Windows' first hour after
 * sign-in); this window cannot.
 *
 * Not stealing focus is three locks: it is created `focusable: false` and `show: false`, and shown with
 * `showInactive()` (never show() or focus()). Once it is on screen it is made focusable again, so a click
 * in it — the nurse's own choice — lets her type her initials and press the button from the keyboard: a window
 * that stays unfocusable (WS_EX_NOACTIVATE on Windows) would send those keys to the application behind it.
 *
 * Like the other windows it loads the one renderer bundle (route #/banner) with the same secure webPreferences and
 * preload, and is destroyed when it closes (docs/architecture.md, rule 11).
 */
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import type { BannerView } from '../../shared/ipc';
import { errorData } from './log';
import type { Logger } from './log';
import { secureWebPreferences } from './security';

/** Above ordinary always-on-top windows (a full-screen EHR), below the screen saver. */
export const BANNER_LEVEL = 'pop-up-menu';
export const BANNER_SIZE = { width: 380, height: 220 } as const;
/** Gap between the banner and the work area's edges (the taskbar is outside the work area already). */
export const BANNER_MARGIN = 12;
export const BANNER_TITLE = 'Vigie — Plage de maintenance en cours';

export interface BannerWindowLike {
  loadFile(filePath: string, options: { hash: string }): Promise<void>;
  showInactive(): void;
  setAlwaysOnTop(flag: boolean, level: typeof BANNER_LEVEL): void;
  setFocusable(focusable: boolean): void;
  setBounds(bounds: Rectangle): void;
  isVisible(): boolean;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  close(): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  readonly webContents: { send(channel: string, ...args: unknown[]): void };
}

export interface BannerWindowDeps {
  createWindow(options: BrowserWindowConstructorOptions): BannerWindowLike;
  /** The primary display's work area (screen minus taskbar), read at each show: screens change. */
  workArea(): Rectangle;
  /** Absolute path of dist/renderer/index.html. */
  rendererIndexPath: string;
  /** Absolute path of dist/electron/preload.cjs. */
  preloadPath: string;
  devTools?: boolean;
  log: Logger;
}

/** Bottom-right corner of the work area, kept inside it even on a screen smaller than the banner. */
export function bannerBounds(area: Rectangle): Rectangle {
  const width = Math.min(BANNER_SIZE.width, area.width);
  const height = Math.min(BANNER_SIZE.height, area.height);
  const margin = (room: number) => Math.max(0, Math.min(BANNER_MARGIN, room));
  return {
    x: area.x + area.width - width - margin(area.width - width),
    y: area.y + area.height - height - margin(area.height - height),
    width,
    height,
  };
}

export class BannerWindow {
  private window: BannerWindowLike | null = null;
  /** What the page shows (it read it through the bridge when it loaded): a different view reloads it. */
  private shown: string | null = null;
  private painted = false;

  constructor(private readonly deps: BannerWindowDeps) {}

  /**
   * Shows this banner. Idempotent: called again (each tick, sign-in, unlock, wake) it re-places the window,
   * re-asserts always-on-top and shows it inactive again if it was hidden, or creates it anew if it was closed.
   */
  show(view: BannerView): void {
    const content = JSON.stringify(view);
    const existing = this.live();
    if (existing) {
      if (content !== this.shown) {
        this.shown = content;
        this.load(existing);
      }
      if (this.painted) this.present(existing);
      return;
    }
    this.shown = content;
    this.painted = false;
    const window = this.deps.createWindow({
      title: BANNER_TITLE,
      ...bannerBounds(this.deps.workArea()),
      show: false,
      focusable: false,
      alwaysOnTop: true,
      skipTaskbar: true,
      frame: false,
      resizable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      webPreferences: secureWebPreferences(this.deps.preloadPath, { devTools: this.deps.devTools ?? false }),
    });
    this.window = window;
    window.on('closed', () => {
      if (this.window !== window) return;
      this.window = null;
      this.shown = null;
    });
    window.once('ready-to-show', () => {
      // A banner closed before it was painted must not mark its successor as painted.
      if (this.window !== window) return;
      this.painted = true;
      this.present(window);
    });
    this.load(window);
  }

  /** Closes the banner (acknowledged, or the window is over); nothing to do when none is shown. */
  hide(): void {
    const window = this.live();
    this.window = null;
    this.shown = null;
    window?.close();
  }

  isShown(): boolean {
    return this.live() !== null;
  }

  /** The banner's webContents while it is open, for main → renderer events. */
  *eventTargets(): Iterable<{ send(channel: string, payload: unknown): void }> {
    const window = this.live();
    if (window) yield window.webContents;
  }

  private live(): BannerWindowLike | null {
    return this.window && !this.window.isDestroyed() ? this.window : null;
  }

  /**
   * The core calls onBanner at every tick while a banner is due, and again at sign-in, unlock and wake: re-placing
   * it and re-asserting its level are harmless then. It is shown again only when hidden or minimized ("Show
   * desktop", Win+D), because making it unfocusable deactivates it: done every tick, it would take the keyboard
   * away from a nurse typing her initials.
   */
  private present(window: BannerWindowLike): void {
    window.setBounds(bannerBounds(this.deps.workArea()));
    window.setAlwaysOnTop(true, BANNER_LEVEL);
    if (window.isVisible() && !window.isMinimized()) return;
    window.setFocusable(false);
    window.showInactive();
    // On screen now without having taken focus; from here a click may give it focus (see the header).
    window.setFocusable(true);
  }

  private load(window: BannerWindowLike): void {
    window.loadFile(this.deps.rendererIndexPath, { hash: '/banner' }).catch((error: unknown) => {
      this.deps.log.error('chargement du bandeau impossible', errorData(error));
    });
  }
}
