/**
 * Renders the core's TrayModel into the system tray: icon per state, tooltip, context menu. The core computes
 * everything (what to show, which items, labels); this class only draws it and dispatches the menu actions.
 * The tray is the source of truth when toasts are hidden by Focus Assist (issue 3), so it refreshes on every
 * state change.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { TrayState } from '../../shared/ipc/views';
import type { TrayMenuAction, TrayMenuItem, VigieAgent, WindowKind } from '../core/agent-types';
import type { Logger } from './log';

export interface TrayLike<Image, Menu> {
  setImage(image: Image): void;
  setToolTip(toolTip: string): void;
  setContextMenu(menu: Menu | null): void;
  on(event: 'click', listener: () => void): unknown;
  destroy(): void;
}

export interface TrayActions {
  openWindow(kind: WindowKind): void;
  /** An https link from the core's menu (intranet guide/calendar); the caller applies the link allowlist. */
  openLink(url: string): void;
  sync(): void;
  quit(): void;
}

export interface TrayDeps<Image, Menu> {
  agent: Pick<VigieAgent, 'tray' | 'onStateChanged'>;
  createTray(icon: Image): TrayLike<Image, Menu>;
  iconFor(state: TrayState): Image;
  buildMenu(template: MenuItemConstructorOptions[]): Menu;
  actions: TrayActions;
  log: Logger;
}

/** Windows truncates tray tooltips at 127 characters (NOTIFYICONDATA.szTip is 128 with the terminator). */
export const TOOLTIP_MAX = 127;

export class TrayController<Image, Menu> {
  private tray: TrayLike<Image, Menu> | null = null;
  private shownState: TrayState | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(private readonly deps: TrayDeps<Image, Menu>) {}

  start(): void {
    if (this.tray) return;
    const model = this.deps.agent.tray();
    this.tray = this.deps.createTray(this.deps.iconFor(model.state));
    this.shownState = model.state;
    // A left click opens the status window; the context menu (right click) is Windows' own behaviour.
    this.tray.on('click', () => this.deps.actions.openWindow('status'));
    this.render();
    this.unsubscribe = this.deps.agent.onStateChanged(() => this.render());
  }

  /** Redraws from the core's current model. */
  render(): void {
    const tray = this.tray;
    if (!tray) return;
    const model = this.deps.agent.tray();
    if (model.state !== this.shownState) {
      tray.setImage(this.deps.iconFor(model.state));
      this.shownState = model.state;
    }
    tray.setToolTip(truncate(model.tooltip, TOOLTIP_MAX));
    tray.setContextMenu(this.deps.buildMenu(this.template(model.menu)));
  }

  /** The menu template; exposed for tests, which click the items as a user would. */
  template(items: TrayMenuItem[]): MenuItemConstructorOptions[] {
    return items.map((item): MenuItemConstructorOptions => {
      if (item.separator) return { id: item.id, type: 'separator' };
      const action = item.action;
      if (action === null) return { id: item.id, label: item.label, enabled: false };
      return { id: item.id, label: item.label, enabled: item.enabled, click: () => this.dispatch(action) };
    });
  }

  dispatch(action: TrayMenuAction): void {
    try {
      switch (action.type) {
        case 'open':
          this.deps.actions.openWindow(action.window);
          return;
        case 'link':
          this.deps.actions.openLink(action.url);
          return;
        case 'sync':
          this.deps.actions.sync();
          return;
        case 'quit':
          this.deps.actions.quit();
          return;
      }
    } catch (error) {
      this.deps.log.error('action du menu en échec', { action: action.type, error: String(error) });
    }
  }

  dispose(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.tray?.destroy();
    this.tray = null;
  }
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
