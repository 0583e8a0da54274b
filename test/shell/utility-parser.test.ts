/**
 * The tray app's parse isolation (electron/shell/utility-parser.ts) against the fake utilityProcess (fakes.ts):
 * what the process is started with (clean environment, memory cap), and that a crash, a hang, a malformed or
 * mismatched answer each refuse the file in French and end the process, while a good answer comes back checked.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { UtilityProcess } from 'electron';
import { FakeUtilityProcess, createFakeElectron, flush, memoryLogger, type FakeElectron } from './fakes';
import { utilityParser, type ForkUtility } from '../../electron/shell/utility-parser';
import type { WatchdogTimer } from '../../electron/core/inventory/isolation/isolated-parser';

const CSV = readFileSync('assets/inventaire-par-defaut.csv');
const ENTRY = '/app/dist/electron/parse-child.js';

/** A watchdog the test fires by hand: no real waiting. */
function manualTimer(): WatchdogTimer & { fire(): void; armed: number[] } {
  const pending = new Map<number, { fire: () => void; ms: number }>();
  let next = 0;
  return {
    armed: [],
    set(fire, ms) {
      next += 1;
      pending.set(next, { fire, ms });
      this.armed.push(ms);
      return next;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
    fire() {
      const [id, last] = [...pending.entries()].at(-1) ?? [];
      if (id === undefined || !last) throw new Error('no watchdog armed');
      pending.delete(id);
      last.fire();
    },
  };
}

let electron: FakeElectron;
let savedNodeOptions: string | undefined;

beforeEach(() => {
  electron = createFakeElectron('/tmp/userData', '/app');
  savedNodeOptions = process.env.NODE_OPTIONS;
  process.env.NODE_OPTIONS = '--require /tmp/evil.cjs';
});

afterEach(() => {
  if (savedNodeOptions === undefined) delete process.env.NODE_OPTIONS;
  else process.env.NODE_OPTIONS = savedNodeOptions;
});

const fork: () => ForkUtility = () => (modulePath, args, options) =>
  electron.utilityProcess.fork(modulePath, args, options as FakeUtilityProcess['options']) as unknown as UtilityProcess;

describe('utilityProcess parser', () => {
  it('starts the bundled entry with a clean environment and a memory cap, and returns the checked result', async () => {
    const parser = utilityParser(fork(), ENTRY, memoryLogger());
    const result = await parser.inventory(CSV, 'inventaire.csv');
    expect(result.ok).toBe(true);
    expect(result.ok && result.inventory.applications.length).toBe(18);
    const [child] = FakeUtilityProcess.forked;
    expect(child?.modulePath).toBe(ENTRY);
    expect(child?.options.execArgv).toContain('--max-old-space-size=256');
    expect(child?.args).toContain('--vigie-max-rss-mb=256');
    expect(Object.keys(child?.options.env ?? { missing: 1 })).not.toContain('NODE_OPTIONS');
    expect(child?.options.env).toBeDefined(); // not Electron's default (process.env)
    expect(child?.killed).toBe(true); // one request per process
  });

  it('refuses the file when the process dies while parsing (e.g. V8 out of memory)', async () => {
    electron.utilityProcess.script = (_request, child) => setImmediate(() => child.exit(134));
    const log = memoryLogger();
    const result = await utilityParser(fork(), ENTRY, log).inventory(CSV, 'piege.xlsx');
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.message).toMatch(/^Le fichier d'inventaire a été refusé : son analyse a échoué/);
    expect(result.problems[0]?.message).toContain('code 134');
  });

  it('kills a process that does not answer in time and refuses the file', async () => {
    electron.utilityProcess.script = () => undefined; // a parse that never ends
    const timer = manualTimer();
    const pending = utilityParser(fork(), ENTRY, memoryLogger(), { timer, timeoutMs: 15_000 }).inventory(CSV, 'x.csv');
    await flush();
    expect(timer.armed).toEqual([30_000, 15_000]); // start budget, then the file's once the child is ready
    timer.fire();
    const result = await pending;
    expect(result.problems[0]?.message).toMatch(/^Le fichier d'inventaire a été refusé : son analyse a dépassé 15 s/);
    expect(FakeUtilityProcess.forked[0]?.killed).toBe(true);
  });

  it('refuses an answer that does not match the schema, or another request id', async () => {
    electron.utilityProcess.script = (request, child) =>
      child.reply({ id: request.id, result: { ok: true, format: 'csv', inventory: { applications: 'all' } } });
    const bad = await utilityParser(fork(), ENTRY, memoryLogger()).inventory(CSV, 'x.csv');
    expect(bad.problems[0]?.message).toMatch(/refusé : son analyse a échoué \(réponse non conforme/);

    electron.utilityProcess.script = (_request, child) =>
      child.reply({ id: 'someone-else', result: { ok: false, format: null, problems: [] } });
    const other = await utilityParser(fork(), ENTRY, memoryLogger()).inventory(CSV, 'x.csv');
    expect(other.problems[0]?.message).toMatch(/réponse non conforme/);
    expect(FakeUtilityProcess.forked.every((c) => c.killed)).toBe(true);
  });

  it('reports a process that exits before it is ready as unavailable (not the file’s fault)', async () => {
    electron.utilityProcess.fork.mockImplementationOnce((modulePath, args, options) => {
      const child = new FakeUtilityProcess(modulePath, args ?? [], options ?? {}, () => undefined);
      child.pid = 1;
      queueMicrotask(() => child.exit(1)); // before its "ready" (setImmediate)
      return child;
    });
    await expect(utilityParser(fork(), ENTRY, memoryLogger()).inventory(CSV, 'x.csv')).rejects.toThrow(
      /n'a pas démarré \(code 1\)/,
    );
  });
});
