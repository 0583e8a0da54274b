/**
 * The headless agent as IT runs it (`npm run cli -- agent`: a real process, the real parse child) pointed at the
 * workbook of issue 9 whose only row is numbered 2,000,000,000: it keeps running, reports the refusal, stays under
 * 300 MB (peak RSS of the agent process, read from /proc), and after a restart does not parse that file again.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { PARSE_ENTRY } from '../../../electron/cli/parse-entry';
import { xlsxWithRowNumber } from '../sync/hostile-files';

const root = path.join(import.meta.dirname, '..', '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-agent-hostile-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Run {
  stdout: string[];
  stderr: string;
  peakRssMb: number | null;
  code: number | null;
}

/** VmHWM: the process's peak resident set so far (Linux). */
function peakRssMb(pid: number): number | null {
  try {
    const kb = /VmHWM:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : null;
  } catch {
    return null;
  }
}

/** Starts the agent, waits for a state line that passes `until`, notes its peak RSS, stops it with SIGTERM. */
function runAgent(file: string, until: (line: string) => boolean): Promise<Run> {
  const child = spawn(
    process.execPath,
    [
      ...(PARSE_ENTRY.execArgv ?? []),
      path.join(root, 'electron', 'cli', 'main.ts'),
      'agent',
      '--inventory',
      file,
      '--site',
      'IUSMM',
      '--service',
      'Laboratoire',
      '--data-dir',
      path.join(dir, 'data'),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const run: Run = { stdout: [], stderr: '', peakRssMb: null, code: null };
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (run.stderr += chunk));
  return new Promise((resolve, reject) => {
    let stopping = false;
    createInterface({ input: child.stdout }).on('line', (line) => {
      run.stdout.push(line);
      if (!stopping && until(line)) {
        stopping = true;
        run.peakRssMb = child.pid === undefined ? null : peakRssMb(child.pid);
        child.kill('SIGTERM');
      }
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      run.code = code;
      if (!stopping) reject(new Error(`agent exited early (${String(code)}):\n${run.stderr.slice(-2000)}`));
      else resolve(run);
    });
  });
}

/**
 * Refused by the parse child's memory cap today ("fichier d'inventaire refusé"); by the readers' own limits once
 * they refuse such a sheet before allocating ("inventaire non valide"): either way refused, and the agent alive.
 */
const refusedLine = (line: string) =>
  line.startsWith('État :') && /fichier d’inventaire refusé|inventaire non valide/.test(line);

describe('headless agent and a hostile workbook', () => {
  it('keeps running under 300 MB, reports the refusal, and does not parse the file again after a restart', async () => {
    const file = path.join(dir, 'inventaire.xlsx');
    fs.writeFileSync(file, await xlsxWithRowNumber(2_000_000_000));

    const first = await runAgent(file, refusedLine);
    expect(first.code).toBe(0); // stopped by us, cleanly: it did not die
    expect(first.stderr).toMatch(/sync: attempt .*"outcome":"invalid"/);
    expect(first.stderr).toMatch(/analyse isolée : démarrage.*inventaire\.xlsx/);
    if (first.peakRssMb !== null) expect(first.peakRssMb).toBeLessThan(300);
    console.info(`agent peak RSS (VmHWM): ${first.peakRssMb?.toFixed(1) ?? 'n/a'} MB`);

    const second = await runAgent(file, refusedLine);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('version déjà refusée, pas analysée de nouveau');
    expect(second.stderr).not.toMatch(/analyse isolée : démarrage.*inventaire\.xlsx/);
  }, 240_000);
});
