import type { CliIo, ExitCode } from './io';

export interface Command {
  name: string;
  /** One line of French help. */
  usage: string;
  run: (argv: readonly string[], io: CliIo) => Promise<ExitCode>;
}
