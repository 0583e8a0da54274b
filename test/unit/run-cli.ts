/** The real command line run in-process, its output captured: shared by the cli, reports, calendar and agent tests. */
import { runCli } from '../../electron/cli/run';
import type { Command } from '../../electron/cli/command';
import { ManualClock, type Clock } from '../../electron/core/clock';
import type { InventoryParser } from '../../electron/core/inventory/isolation/isolated-parser';

export interface CapturedRun {
  code: number;
  out: string;
  err: string;
}

export async function captureCli(
  argv: readonly string[],
  options: { clock: Clock | string; cwd?: string; commands?: readonly Command[]; parser?: InventoryParser },
): Promise<CapturedRun> {
  let out = '';
  let err = '';
  const clock = typeof options.clock === 'string' ? new ManualClock(options.clock) : options.clock;
  const io = {
    out: (t: string) => (out += t),
    err: (t: string) => (err += t),
    clock,
    cwd: options.cwd ?? process.cwd(),
    ...(options.parser ? { parser: options.parser } : {}),
  };
  const code = await runCli(argv, io, options.commands);
  return { code, out, err };
}
