/**
 * The BUILT main process (scripts/build.mjs's bundle: main module plus chunks), started by plain Node with a fake
 * `electron` module (built-app/fake-electron.mjs, through a module hook): proves that the bundle as shipped loads,
 * that its on-demand chunks resolve, and that it boots the real core (SQLite, inventory sync, scheduler) to a tray,
 * then shuts down cleanly on quit. The Electron runtime itself cannot run on this machine (README).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN_ENTRIES, nodeBundleOptions } from '../../scripts/build.mjs';

const root = join(import.meta.dirname, '..', '..');
/** Inside the repo, so the bundle finds better-sqlite3 and node-notifier in node_modules, as the packaged app does. */
const outdir = join(root, 'node_modules', '.cache', 'vigie-built-main');

const FRENCH_MONTHS = 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' ');

interface Event {
  event: string;
  [key: string]: unknown;
}

let dir = '';
let child: ChildProcessWithoutNullStreams;
const events: Event[] = [];
const waiters: { test: (e: Event) => boolean; resolve: (e: Event) => void }[] = [];
let stderr = '';
let exited: Promise<number | null>;

/** Resolves with the first event (already seen or to come) that passes `test`. */
function next(test: (e: Event) => boolean): Promise<Event> {
  const seen = events.find(test);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve) => waiters.push({ test, resolve }));
}

beforeAll(async () => {
  rmSync(outdir, { recursive: true, force: true });
  await build(
    nodeBundleOptions({
      entryPoints: MAIN_ENTRIES,
      outdir,
      target: `node${process.versions.node.split('.')[0]}`,
      outExtension: { '.js': '.mjs' },
    }),
  );
  dir = mkdtempSync(join(tmpdir(), 'vigie-built-main-'));
  // The app runs on the real clock: a one-off window ten days from now is "next" whatever day the test runs (the
  // guide's monthly windows would make the tray say "in progress" or "verification due" on some nights).
  const day = DateTime.now().setZone('America/Toronto').plus({ days: 10 });
  const inventory = join(dir, 'inventaire.csv');
  writeFileSync(
    inventory,
    [
      'Direction;Site;Service;Application;Plage de maintenance;Commentaire',
      `DSI;Hôpital d'essai;Soins;Appli d'essai;${day.day} ${FRENCH_MONTHS[day.month - 1]} ${day.year} 2h-4h;`,
      '',
    ].join('\r\n'),
  );
  const policy = join(dir, 'config.json');
  writeFileSync(
    policy,
    JSON.stringify({ site: "Hôpital d'essai", services: ['Soins'], inventorySource: inventory, autostart: false }),
  );
  child = spawn(
    process.execPath,
    ['--import', join(import.meta.dirname, 'built-app', 'register.mjs'), join(outdir, 'main.mjs'), '--login'],
    {
      env: {
        ...process.env,
        VIGIE_USER_DATA_DIR: join(dir, 'userData'),
        VIGIE_POLICY_PATH: policy,
        SMOKE_APP_ROOT: root,
        SMOKE_DOCUMENTS_DIR: join(dir, 'Documents'),
      },
    },
  );
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  createInterface({ input: child.stdout }).on('line', (line) => {
    if (!line.startsWith('{"event"')) return; // the main log also echoes (JSON) lines to the console
    const event = JSON.parse(line) as Event;
    events.push(event);
    for (const w of waiters.filter((w) => w.test(event))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(event);
    }
  });
  exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}, 60_000);

afterAll(() => {
  child?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('built main process (bundle + chunks) under Node with a fake electron', () => {
  it('boots the real core to a tray: icon, tooltip and menu from the synced inventory', async () => {
    const tray = await next((e) => e.event === 'tray-created');
    expect(tray.icon).toMatch(/assets[\\/]tray[\\/][a-z-]+\.png$/);
    const first = await next((e) => e.event === 'tray-tooltip');
    expect(first.toolTip).toMatch(/^Vigie/);
    // Once the configured inventory is read (the embedded one does not know this site), the tray names the
    // profile's next window and its application.
    const planned = await next((e) => e.event === 'tray-tooltip' && !/aucune plage/.test(String(e.toolTip)));
    expect(planned.toolTip).toMatch(/^Vigie — prochaine plage .+ : Appli d'essai/);
    const menu = await next((e) => e.event === 'tray-menu');
    expect(menu.labels).toEqual(expect.arrayContaining([expect.stringMatching(/Quitter/)]));
    expect(events.filter((e) => e.event === 'error-box')).toEqual([]);
    expect(events.some((e) => e.event === 'ipc-handle')).toBe(true);
    // The configured inventory was parsed by the bundled parse entry in a separate process, capped, clean env.
    const forks = events.filter((e) => e.event === 'utility-fork');
    expect(forks.length).toBeGreaterThanOrEqual(1);
    expect(forks[0]?.modulePath).toBe(join(outdir, 'parse-child.mjs'));
    expect(forks[0]?.execArgv).toContain('--max-old-space-size=256');
    expect(forks[0]?.envKeys).not.toContain('NODE_OPTIONS');
    expect(events.filter((e) => e.event === 'login-item')).toEqual([]); // autostart: false in the machine config

    const userData = join(dir, 'userData');
    expect(readdirSync(userData).some((f) => f.endsWith('.sqlite') || f.endsWith('.db'))).toBe(true);
    const logs = readdirSync(join(userData, 'logs')).map((f) => readFileSync(join(userData, 'logs', f), 'utf8'));
    expect(logs.join('\n')).toContain('démarrage');
    expect(logs.join('\n')).not.toContain('démarrage impossible');
  }, 60_000);

  it('stops the core and removes the tray on quit, then exits 0', async () => {
    await next((e) => e.event === 'tray-menu');
    child.stdin.write('quit\n');
    expect(await exited).toBe(0);
    expect(events.map((e) => e.event)).toContain('tray-destroyed');
    expect(events.at(-1)?.event).toBe('quit');
    expect(stderr).not.toMatch(/Error|ERR_/);
    expect(existsSync(join(dir, 'userData'))).toBe(true);
  }, 60_000);
});
