/**
 * Smoke test of the real Electron app (`npm run test:electron`: the Windows workflow, or a machine with the
 * Electron binary): it starts, opens its status window on the app's own page with the secure options, and the
 * page reaches the core through window.vigie only; the real Tray is in the notification area with the core's
 * menu, a menu item opens a window whose page talks to the core through the real preload, and a toast goes
 * through node-notifier (SnoreToast on Windows) with the app's id. The tray and the toast are reached through
 * electron/shell/e2e-hooks.ts (VIGIE_E2E_HOOKS=1; never in the packaged app).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';
import type { Menu, Tray } from 'electron';
import { APP_ID } from '../../electron/core/app-id';
import type { E2eHooks } from '../../electron/shell/e2e-hooks';
import { INVOKE_CHANNELS } from '../../shared/ipc/channels';
import type { VigieApi } from '../../shared/ipc/contract';

const root = join(import.meta.dirname, '..', '..');

let app: ElectronApplication;
let userData: string;

test.beforeEach(async () => {
  userData = mkdtempSync(join(tmpdir(), 'vigie-electron-'));
  app = await electron.launch({
    args: [root],
    cwd: root,
    env: {
      ...process.env,
      // A fresh profile and no IT policy: the test never touches the real user's data or %ProgramData%.
      VIGIE_USER_DATA_DIR: userData,
      VIGIE_POLICY_PATH: join(userData, 'no-policy.json'),
      VIGIE_E2E_HOOKS: '1',
    },
  });
});

test.afterEach(async () => {
  await app?.close();
  rmSync(userData, { recursive: true, force: true });
});

test('the tray app starts and opens its status window', async () => {
  const page = await app.firstWindow();
  await expect.poll(() => page.url()).toMatch(/dist\/renderer\/index\.html#\/status$/);
  await expect(page).toHaveTitle(/Vigie/);

  // Created on demand: the status window is the only renderer alive.
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);

  // The page has the bridge and nothing of Node.
  const surface = await page.evaluate(() => ({
    vigie: Object.keys((window as unknown as { vigie: VigieApi }).vigie).sort(),
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
  }));
  expect(surface).toEqual({
    vigie: [...Object.keys(INVOKE_CHANNELS), 'onStateChanged'].sort(),
    require: 'undefined',
    process: 'undefined',
  });

  const status = await page.evaluate(() => (window as unknown as { vigie: VigieApi }).vigie.getStatus());
  expect(status.trayState).toMatch(/^(idle|upcoming|in-progress|verification-due|problem|offline)$/);

  // window.open is denied: still one window.
  await page.evaluate(() => void window.open('https://example.com/'));
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

type Hooks = E2eHooks<Tray, Menu>;

test('the real tray is in the notification area with the core menu, and its items open windows', async () => {
  await app.firstWindow();
  const tray = await app.evaluate((_electron, hooksKey) => {
    const hooks = (globalThis as unknown as Record<string, Hooks>)[hooksKey];
    const t = hooks?.tray();
    const menu = hooks?.trayMenu();
    return {
      exists: Boolean(t) && !t?.isDestroyed(),
      bounds: t?.getBounds() ?? null,
      items: menu?.items.map((item) => ({ id: item.id, enabled: item.enabled, type: item.type })) ?? [],
    };
  }, '__vigieE2e');
  expect(tray.exists).toBe(true);
  // Windows reports where the icon sits in the notification area (0×0 elsewhere).
  if (process.platform === 'win32') expect(tray.bounds?.width).toBeGreaterThan(0);
  expect(tray.items.map((i) => i.id)).toEqual(expect.arrayContaining(['status', 'calendar', 'sync', 'settings']));
  expect(tray.items.find((i) => i.id === 'settings')?.enabled).toBe(true);

  // A click on "Paramètres" from the real menu opens the settings window...
  const before = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);
  const opened = app.waitForEvent('window', (page) => page.url().endsWith('#/settings'));
  await app.evaluate((_electron, hooksKey) => {
    const hooks = (globalThis as unknown as Record<string, Hooks>)[hooksKey];
    hooks?.trayMenu()?.getMenuItemById('settings')?.click();
  }, '__vigieE2e');
  const settings = await opened;
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(before + 1);

  // ...whose page reaches the core through the real preload (contextBridge → ipcRenderer → validated handler).
  const view = await settings.evaluate(() => (window as unknown as { vigie: VigieApi }).vigie.getSettings());
  expect(view).toHaveProperty('values');
  // The bridge validates its input: a wrong argument is refused by the main process, not run.
  const refused = await settings.evaluate(() =>
    (window as unknown as { vigie: { getSettings: (x: unknown) => Promise<unknown> } }).vigie.getSettings('extra').then(
      () => 'accepted',
      () => 'refused',
    ),
  );
  expect(refused).toBe('refused');
});

test('a toast goes through node-notifier with the app id and its icon (SnoreToast runs on Windows)', async () => {
  await app.firstWindow();
  const record = await app.evaluate((_electron, hooksKey) => {
    const hooks = (globalThis as unknown as Record<string, Hooks>)[hooksKey];
    return hooks?.toast({
      kind: 'reminder',
      title: 'Vigie — test',
      body: 'Notification envoyée par le test Electron.',
      opens: 'status',
      windowStart: '2026-12-02T02:00:00-05:00',
      windowEnd: '2026-12-02T04:00:00-05:00',
    });
  }, '__vigieE2e');
  expect(record?.options).toMatchObject({ title: 'Vigie — test', wait: true });
  expect(String(record?.options.icon)).toMatch(/icon\.png$/);
  if (process.platform === 'win32') expect(record?.options.appID).toBe(APP_ID);

  // SnoreToast answers when the toast is dismissed or times out; until then it is on screen. What must never
  // come back is a launch failure (the executable missing outside app.asar, or refused).
  const outcome = () =>
    app.evaluate(
      (_electron, hooksKey) =>
        (globalThis as unknown as Record<string, Hooks>)[hooksKey]?.toasts.at(-1)?.outcome ?? null,
      '__vigieE2e',
    );
  // A launch failure answers at once; a toast still on screen leaves the outcome null, which is fine.
  await expect
    .poll(outcome, { timeout: 3_000 })
    .not.toBeNull()
    .catch(() => undefined);
  const answered = await outcome();
  expect(answered?.error ?? '').not.toMatch(/ENOENT|EACCES|spawn|not found/i);
});
