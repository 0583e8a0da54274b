/**
 * The parse isolation with REAL child processes (electron/core/inventory/isolation/): a child that blows its heap
 * cap, its RSS cap (Buffers), hangs or exits is refused in French and ends, and this process carries on; the real
 * parse entry returns the schema-checked result; NODE_OPTIONS never reaches the child.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PARSE_ENTRY } from '../../../../electron/cli/parse-entry';
import { OVER_MEMORY_EXIT } from '../../../../electron/core/inventory/isolation/child-runtime';
import { EMBEDDED, tempDir } from '../helpers';
import { HOSTILE_ENTRY, manualTimer, trackedParser } from './helpers';

const CSV = fs.readFileSync(EMBEDDED);
const bytes = (text: string) => new TextEncoder().encode(text);
const savedNodeOptions = process.env.NODE_OPTIONS;

afterEach(() => {
  if (savedNodeOptions === undefined) delete process.env.NODE_OPTIONS;
  else process.env.NODE_OPTIONS = savedNodeOptions;
});

describe('parsing in a real child process', () => {
  it('returns the real entry’s result, checked, and ends the child', async () => {
    const { parser, exits } = trackedParser(PARSE_ENTRY);
    const result = await parser.inventory(CSV, 'inventaire.csv');
    expect(result.ok && result.inventory.applications.length).toBe(18);
    expect(exits).toHaveLength(1);
    await exits[0];
  }, 60_000);

  it('refuses a file whose parse blows the heap cap; the child dies, this process does not', async () => {
    const { parser, exits } = trackedParser(HOSTILE_ENTRY, { maxMb: 64 });
    const result = await parser.inventory(bytes('HEAP'), 'piege.csv');
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.message).toMatch(/^Le fichier d'inventaire a été refusé : son analyse a échoué/);
    const exit = await exits[0];
    expect(exit?.code === 0).toBe(false);
    // And the same parser serves the next file normally.
    const next = await parser.inventory(CSV, 'inventaire.csv');
    expect(next.ok).toBe(true);
  }, 60_000);

  it('refuses a file whose parse piles up Buffers (outside the V8 heap): the child’s RSS guard stops it', async () => {
    const { parser, exits } = trackedParser(HOSTILE_ENTRY, { maxMb: 128 });
    const result = await parser.sideTable(bytes('BUFFER'), 'services.csv');
    expect(result.ok).toBe(false);
    expect(result.problems[0]?.message).toContain(`code ${OVER_MEMORY_EXIT}`);
    expect((await exits[0])?.code).toBe(OVER_MEMORY_EXIT);
  }, 60_000);

  it('kills a child stuck in a loop when the watchdog fires, and refuses the file', async () => {
    const marker = path.join(tempDir(), 'pid');
    const timer = manualTimer();
    const { parser, exits } = trackedParser(HOSTILE_ENTRY, { timer, timeoutMs: 12_000 });
    const pending = parser.inventory(bytes(`HANG:${marker}`), 'piege.csv');
    // The child is really inside its endless loop before the watchdog fires.
    await vi.waitFor(() => expect(fs.existsSync(marker) && fs.readFileSync(marker, 'utf8')).toMatch(/^\d+$/), {
      timeout: 30_000,
      interval: 50,
    });
    expect(timer.armed.at(-1)).toBe(12_000);
    timer.fire();
    const result = await pending;
    expect(result.problems[0]?.message).toMatch(/^Le fichier d'inventaire a été refusé : son analyse a dépassé 12 s/);
    expect((await exits[0])?.signal).toBe('SIGKILL');
    const pid = Number(fs.readFileSync(marker, 'utf8'));
    expect(() => process.kill(pid, 0)).toThrow(); // gone
  }, 60_000);

  it('refuses a file whose parse makes the child exit', async () => {
    const { parser } = trackedParser(HOSTILE_ENTRY);
    const result = await parser.inventory(bytes('EXIT'), 'piege.csv');
    expect(result.problems[0]?.message).toMatch(/refusé : son analyse a échoué .*code 3\)/);
  }, 60_000);

  it('starts the child with a clean environment: a NODE_OPTIONS that would break it is not passed on', async () => {
    process.env.NODE_OPTIONS = `--require ${path.join(tempDir(), 'absent.cjs')}`;
    const { parser } = trackedParser(PARSE_ENTRY);
    const result = await parser.inventory(CSV, 'inventaire.csv');
    expect(result.ok).toBe(true);
  }, 60_000);
});
