/**
 * Toasts through node-notifier (issue 3). Best effort: Focus Assist, a missing notify-send or a broken SnoreToast
 * only cost the toast (the tray stays the truth), so every failure is logged — and handed to the fallback, the
 * console in the headless agent — never thrown. On Windows the toast's appID must be electron-builder's appId
 * (APP_ID), or Windows attributes the toast to no installed app and may drop it.
 */
import nodeNotifier from 'node-notifier';
import type { Notification, Notifier } from '../agent-types';
import { APP_ID, PRODUCT_NAME } from '../app-id';
import type { Logger } from '../store/log';

/** What we use of node-notifier (all its notifiers have this shape). */
export interface NotifierBackend {
  notify(
    options: Record<string, unknown>,
    callback: (error: Error | null, response: string, metadata?: { activationType?: string }) => void,
  ): unknown;
}

export interface NodeNotifierDeps {
  log: Logger;
  /** Default: node-notifier's own choice for this platform. */
  backend?: NotifierBackend;
  platform?: NodeJS.Platform;
  /** Default APP_ID (electron-builder's appId). */
  appId?: string;
  /** Absolute path of a PNG shown in the toast. */
  iconPath?: string;
  /** Shown instead when the toast fails (the headless agent passes a ConsoleNotifier). */
  fallback?: Notifier;
}

/** node-notifier reports a click as "activate" (SnoreToast) or "click"/"clicked" (other backends). */
const CLICK_RESPONSES = new Set(['activate', 'click', 'clicked']);

export class NodeNotifier implements Notifier {
  private unavailableLogged = false;

  constructor(private readonly deps: NodeNotifierDeps) {}

  notify(notification: Notification, onClick: () => void): void {
    const platform = this.deps.platform ?? process.platform;
    const backend = this.deps.backend ?? nodeNotifier;
    const options: Record<string, unknown> = {
      title: notification.title,
      message: notification.body,
      // Wait for the person's action so the click can open the matching window.
      wait: true,
      ...(this.deps.iconPath ? { icon: this.deps.iconPath } : {}),
      // SnoreToast rejects unknown flags and notify-send ignores appID: each gets its own name field.
      ...(platform === 'win32' ? { appID: this.deps.appId ?? APP_ID } : { 'app-name': PRODUCT_NAME }),
    };
    let failed = false;
    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      this.logFailure(error, notification.kind);
      try {
        this.deps.fallback?.notify(notification, onClick);
      } catch (fallbackError) {
        this.deps.log.warn('notification : secours en échec', { error: String(fallbackError) });
      }
    };
    try {
      backend.notify(options, (error, response, metadata) => {
        if (error) {
          fail(error);
          return;
        }
        const answer = (response || metadata?.activationType || '').toLowerCase();
        if (!CLICK_RESPONSES.has(answer)) return;
        try {
          onClick();
        } catch (clickError) {
          this.deps.log.error('clic sur la notification : action en échec', {
            kind: notification.kind,
            error: String(clickError),
          });
        }
      });
    } catch (error) {
      fail(error);
    }
  }

  private logFailure(error: unknown, kind: string): void {
    const text = error instanceof Error ? error.message : String(error);
    if (/notify-send/i.test(text)) {
      // Linux without notify-send: say it once, then stay quiet.
      if (!this.unavailableLogged) this.deps.log.warn('notifications indisponibles (notify-send absent)', { kind });
      this.unavailableLogged = true;
      return;
    }
    this.deps.log.warn('notification non affichée', { kind, error: text });
  }
}
