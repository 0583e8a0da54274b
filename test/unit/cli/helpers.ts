import { captureCli } from '../run-cli';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json<T = Record<string, unknown>>(): T;
}

/** Runs the real command line in-process with a fixed clock (2026-11-25 09:00 Montréal unless told). */
export async function cli(argv: string[], now = '2026-11-25T09:00:00'): Promise<CliRun> {
  const { code, out, err } = await captureCli(argv, { clock: now });
  return { code, stdout: out, stderr: err, json: <T>() => JSON.parse(out) as T };
}

export const DEFAULT_INVENTORY = 'assets/inventaire-par-defaut.csv';
