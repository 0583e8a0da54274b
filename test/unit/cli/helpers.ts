import { ManualClock } from '../../../electron/core/clock';
import { runCli } from '../../../electron/cli/run';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json<T = Record<string, unknown>>(): T;
}

/** Runs the real command line in-process with a fixed clock (2026-11-25 09:00 Montréal unless told). */
export async function cli(argv: string[], now = '2026-11-25T09:00:00'): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
    clock: new ManualClock(now),
    cwd: process.cwd(),
  });
  return { code, stdout, stderr, json: <T>() => JSON.parse(stdout) as T };
}

export const DEFAULT_INVENTORY = 'assets/inventaire-par-defaut.csv';
