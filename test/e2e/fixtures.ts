/**
 * Per test: the REAL agent in a temp folder (test/e2e/world.ts) and a page whose `window.vigie` is built, before any
 * page script runs, by the very same createBridge (shared/ipc/bridge.ts) the preload uses — bundled here with
 * esbuild — over two page bindings: calls go to the core's dispatcher (zod validation included), state changes come
 * back through `__vigieEmit`. Nothing is faked: what the page shows is what the core answered.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { EVENT_CHANNELS } from '../../shared/ipc/channels';
import { createWorld, REPO_ROOT, type World, type WorldOptions } from './world';

export { expect };

const BRIDGE_ENTRY = `
import { createBridge } from './shared/ipc/bridge';
const listeners = new Map();
window.__vigieEmit = (channel, payload) => {
  for (const listener of listeners.get(channel) ?? []) listener(payload);
};
window.vigie = createBridge(
  (channel, args) => window.__vigieInvoke(channel, args),
  (channel, listener) => {
    const set = listeners.get(channel) ?? new Set();
    set.add(listener);
    listeners.set(channel, set);
    return () => set.delete(listener);
  },
);
`;

let bundled: Promise<string> | null = null;

/** The bridge as one classic script for addInitScript (built once per worker). */
function bridgeScript(): Promise<string> {
  bundled ??= build({
    stdin: { contents: BRIDGE_ENTRY, resolveDir: REPO_ROOT, loader: 'ts', sourcefile: 'vigie-e2e-bridge.ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bundled;
}

/**
 * Installs window.vigie on every document the page loads (reloads included), backed by `world`'s agent: calls go
 * through the shell's dispatcher, and the agent's own state broadcasts (onStateChanged, which the shell sends to
 * every window as state:changed) come back to the page.
 */
export async function installVigie(page: Page, world: World): Promise<void> {
  await page.exposeBinding('__vigieInvoke', (_source, channel: string, args: unknown[]) =>
    world.dispatch(channel, args),
  );
  await page.addInitScript({ content: await bridgeScript() });
  world.agent.onStateChanged((status) => {
    // After the call that caused it has returned, like Electron's webContents.send.
    setTimeout(() => {
      page
        .evaluate(
          ([channel, payload]) =>
            (window as unknown as { __vigieEmit?: (c: string, p: unknown) => void }).__vigieEmit?.(channel, payload),
          [EVENT_CHANNELS.stateChanged, status] as const,
        )
        .catch(() => {
          // The page is navigating or closed: it reloads its state itself.
        });
    }, 0);
  });
}

export const SCREENSHOTS = path.join(REPO_ROOT, 'test-results', 'screenshots');

/** Saves a full-page screenshot under test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // Caret and focus rings blink or move: hide the caret so screenshots are stable.
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
  return file;
}

/** Saves one element (a card, a panel) under test-results/screenshots/<name>.png. */
export async function screenshotOf(locator: Locator, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await locator.scrollIntoViewIfNeeded();
  // The checklist's send bar stays at the bottom of the window: an element taller than the window, captured in
  // several scrolls, would have it painted over its middle. Unstuck for the shot (through the CSSOM: the page's
  // CSP refuses the <style> that the screenshot's `style` option would add).
  const stuck = (position: string) =>
    locator.page().evaluate((value) => {
      document.querySelectorAll<HTMLElement>('.submit-bar').forEach((bar) => (bar.style.position = value));
    }, position);
  await stuck('static');
  await locator.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  await stuck('');
  return file;
}

interface Fixtures {
  /** How the core is set up for this test (test.use({ worldOptions: … })). */
  worldOptions: WorldOptions;
  world: World;
  /** Collected page errors and dialogs (an injected script would show up here). */
  incidents: string[];
}

export const test = base.extend<Fixtures>({
  worldOptions: [
    { start: '2026-12-02T04:00', profile: { site: 'IUSMM', services: ['Laboratoire'] } },
    { option: true },
  ],
  world: async ({ worldOptions }, use) => {
    const world = await createWorld(worldOptions);
    try {
      await use(world);
    } finally {
      await world.close();
    }
  },
  // Playwright requires the destructuring pattern even when a fixture depends on nothing.
  // eslint-disable-next-line no-empty-pattern
  incidents: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, world, incidents }, use) => {
    page.on('pageerror', (error) => incidents.push(`pageerror: ${error.message}`));
    page.on('dialog', (dialog) => {
      incidents.push(`dialog: ${dialog.type()} ${dialog.message()}`);
      void dialog.dismiss();
    });
    await installVigie(page, world);
    await use(page);
  },
});
