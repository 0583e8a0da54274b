/**
 * Browser tests of the windows (issue 4): the built renderer served over http by `vite preview` (file:// fails on
 * CORS for module scripts), Debian's Chromium here, Edge on a Windows dev machine. `window.vigie` is installed by
 * test/e2e/fixtures.ts and backed by the REAL core running in the test process.
 */
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.VIGIE_E2E_PORT ?? 4179);
const onWindows = process.platform === 'win32';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  // 2 cores shared with the build: one worker keeps timings honest.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '.test-reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    headless: true,
    locale: 'fr-CA',
    timezoneId: 'America/Toronto',
    viewport: { width: 1024, height: 800 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(onWindows && !process.env.CHROMIUM_PATH
        ? { channel: 'msedge' }
        : { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' }),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    // Always rebuilt: a stale dist/renderer would test yesterday's windows.
    command: `npx vite build --logLevel warn && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/index.html`,
    reuseExistingServer: process.env.VIGIE_E2E_REUSE === '1',
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
