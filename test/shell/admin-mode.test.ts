/**
 * `Vigie.exe --admin <command>`: main.ts imported for real against the fake `electron`, with the arguments a
 * packaged exe receives. It answers like the admin bundle and exits with the command's code, without a window,
 * a tray, the agent or the single-instance lock. (Not run on a real Windows Electron here.)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { adminArgs } from '../../electron/shell/admin-mode';
import { createFakeElectron, FakeTray, FakeWindow, flush, type FakeElectron } from './fakes';

// The fake electron is set in beforeEach: `unknown` until then (the assertion widens null, it is needed).
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
const holder = vi.hoisted(() => ({ electron: null as unknown, agentCreated: 0 }));

vi.mock('electron', () => {
  const names = [
    'app',
    'BrowserWindow',
    'Tray',
    'Menu',
    'nativeImage',
    'powerMonitor',
    'session',
    'shell',
    'dialog',
    'ipcMain',
  ];
  const module: Record<string, unknown> = {};
  for (const name of names) {
    Object.defineProperty(module, name, {
      enumerable: true,
      get: () => (holder.electron as Record<string, unknown>)[name],
    });
  }
  return module;
});
vi.mock('../../electron/core/agent', () => ({
  createAgent: () => {
    holder.agentCreated += 1;
    throw new Error('no agent in admin mode');
  },
}));

let electron: FakeElectron;
let dir = '';
let out = '';
let err = '';
const argv = process.argv;

beforeEach(() => {
  vi.resetModules();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-admin-shell-'));
  electron = createFakeElectron(path.join(dir, 'userData'), path.join(dir, 'app'));
  holder.electron = electron;
  holder.agentCreated = 0;
  out = '';
  err = '';
  const capture = (sink: (t: string) => void) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      sink(String(chunk));
      const callback = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof process.stdout.write;
  vi.spyOn(process.stdout, 'write').mockImplementation(capture((t) => (out += t)));
  vi.spyOn(process.stderr, 'write').mockImplementation(capture((t) => (err += t)));
});

afterEach(() => {
  process.argv = argv;
  vi.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Boots main.ts as the packaged exe would be started, and waits for app.exit. */
async function runExe(...args: string[]): Promise<number> {
  process.argv = ['C:\\Program Files\\Vigie\\Vigie.exe', ...args];
  const exited = new Promise<number>((resolve) =>
    electron.app.exit.mockImplementation((code?: number) => resolve(code ?? 0)),
  );
  await import('../../electron/shell/main');
  const code = await exited;
  await flush();
  expect(electron.app.exit).toHaveBeenCalledTimes(1);
  return code;
}

function expectNoApp(): void {
  expect(electron.app.requestSingleInstanceLock).not.toHaveBeenCalled();
  expect(electron.app.enableSandbox).not.toHaveBeenCalled();
  expect(FakeWindow.created).toEqual([]);
  expect(FakeTray.created).toEqual([]);
  expect(holder.agentCreated).toBe(0);
}

describe('Vigie.exe --admin', () => {
  it('finds the command after --admin (Chromium switches may come before it)', () => {
    expect(adminArgs(['Vigie.exe', '--admin', 'keygen', '--out', 'k'])).toEqual(['keygen', '--out', 'k']);
    expect(adminArgs(['electron', '.', '--no-sandbox', '--admin'])).toEqual([]);
    expect(adminArgs(['Vigie.exe', '--login'])).toBeNull();
  });

  it('runs an IT command with its output and exit code 0, and opens nothing', async () => {
    const code = await runExe(
      '--admin',
      'occurrences',
      '--rule',
      '1er mercredi 2h-4h',
      '--from',
      '2026-11-25',
      '--count',
      '1',
      '--json',
    );
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({
      status: 'scheduled',
      occurrences: [{ start: '2026-12-02T02:00:00-05:00', end: '2026-12-02T04:00:00-05:00' }],
    });
    expectNoApp();
  });

  it('exits 1 when the thing checked is unusable', async () => {
    const file = path.join(dir, 'vide.csv');
    fs.writeFileSync(file, '');
    expect(await runExe('--admin', 'check-inventory', file, '--json')).toBe(1);
    expect(JSON.parse(out)).toMatchObject({ ok: false });
    expectNoApp();
  });

  it('exit 2 for a command that is not an IT command (agent), with the usage', async () => {
    expect(await runExe('--admin', 'agent')).toBe(2);
    expect(err).toMatch(/Commande inconnue : agent/);
    expect(err).toContain('Usage : Vigie.exe --admin <commande>');
    expectNoApp();
  });
});
