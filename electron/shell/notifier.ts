/**
 * The Electron-specific parts of the toasts. The adapter itself is the core's NodeNotifier (shared with the
 * headless `cli agent`: appID = APP_ID, best effort, never throws); the packaged app needs node-notifier pointed
 * at the SnoreToast copy outside app.asar, and a click on a toast must open the window it is about.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import nodeNotifier from 'node-notifier';
import type { Notifier, WindowKind } from '../core/agent-types';
import type { NotifierBackend } from '../core/notify';

/**
 * node-notifier's SnoreToast lives in node_modules/node-notifier/vendor, which electron-builder leaves outside
 * the asar (asarUnpack): Windows cannot run an .exe from inside app.asar, so point node-notifier at the
 * unpacked copy.
 */
export function unpackedPath(path: string): string {
  return path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

export function snoreToastPath(nodeNotifierIndex: string, arch: string): string {
  const vendor = join(dirname(nodeNotifierIndex), 'vendor', 'snoreToast');
  return unpackedPath(join(vendor, `snoretoast-${arch === 'x64' || arch === 'arm64' ? 'x64' : 'x86'}.exe`));
}

/** The real backend for this platform. */
export function createNotifierBackend(platform: NodeJS.Platform, arch: string): NotifierBackend {
  if (platform !== 'win32') return nodeNotifier;
  const index = createRequire(import.meta.url).resolve('node-notifier');
  // withFallback: false — the Windows 7 balloon fallback is not wanted on Windows 10/11 ward PCs.
  return new nodeNotifier.WindowsToaster({
    withFallback: false,
    customPath: snoreToastPath(index, arch),
  });
}

/**
 * Clicking a toast opens the window it is about (Notification.opens), whatever the core does with the click
 * itself. WindowManager.open focuses an already open window, so the core opening it too is harmless.
 */
export function withClickRouting(inner: Notifier, openWindow: (kind: WindowKind) => void): Notifier {
  return {
    notify(notification, onClick) {
      inner.notify(notification, () => {
        openWindow(notification.opens);
        onClick();
      });
    },
  };
}
