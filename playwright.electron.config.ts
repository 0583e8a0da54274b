/**
 * `npm run test:electron`: the real tray app under Playwright's Electron driver. Only for machines that have the
 * Electron binary (`npm start` fetches it); the CI machine here has none, so this suite is not part of `npm test`.
 */
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: './test/electron-e2e',
  testMatch: '*.spec.ts',
  globalSetup: './test/electron-e2e/global-setup.ts',
  // One Electron at a time: the app holds a single-instance lock per user-data folder anyway.
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
