/**
 * Smoke test of the real Electron app (`npm run test:electron`, machines with the Electron binary only):
 * it starts, opens its status window on the app's own page with the secure options, and the page reaches the
 * core through window.vigie only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import type { ElectronApplication } from '@playwright/test';
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
