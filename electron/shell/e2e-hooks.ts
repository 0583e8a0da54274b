/**
 * A read-only window into the running shell for `npm run test:electron` (test/electron-e2e, run by the Windows
 * workflow: README, "Windows pipeline"). Electron gives no way to find an app's Tray or its context menu from
 * outside, and a toast's fate is only in node-notifier's callback: the test reaches them through
 * `globalThis.__vigieE2e`. Installed only when the app is NOT packaged and VIGIE_E2E_HOOKS=1, so the installed
 * app never has it (and its fuses refuse the flags a test runner would need anyway).
 */
import type { Notification } from '../core/agent-types';
import type { NotifierBackend } from '../core/notify';

export const E2E_HOOKS_ENV = 'VIGIE_E2E_HOOKS';

export interface ToastRecord {
  options: Record<string, unknown>;
  /** node-notifier's callback, once it came (SnoreToast answers when the toast is dismissed or times out). */
  outcome: { error: string | null; response: string } | null;
}

export interface E2eHooks<TrayT, MenuT> {
  tray(): TrayT | null;
  trayMenu(): MenuT | null;
  /** Sends a toast through the app's own notifier (appID, icon, SnoreToast path) and returns its record. */
  toast(notification: Notification): ToastRecord;
  toasts: ToastRecord[];
}

export function e2eHooksEnabled(isPackaged: boolean, env: NodeJS.ProcessEnv): boolean {
  return !isPackaged && env[E2E_HOOKS_ENV] === '1';
}

/** The real backend, with every call and its answer recorded (what the options were; did SnoreToast run?). */
export function recordingBackend(inner: NotifierBackend, records: ToastRecord[]): NotifierBackend {
  return {
    notify(options, callback) {
      const record: ToastRecord = { options, outcome: null };
      records.push(record);
      return inner.notify(options, (error, response, metadata) => {
        record.outcome = { error: error ? error.message : null, response: String(response ?? '') };
        callback(error, response, metadata);
      });
    },
  };
}

export function installE2eHooks<TrayT, MenuT>(hooks: E2eHooks<TrayT, MenuT>): void {
  (globalThis as { __vigieE2e?: unknown }).__vigieE2e = hooks;
}
