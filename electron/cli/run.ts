/**
 * The IT command line (no Electron): dispatches to one command, maps errors to exit codes and to a French message.
 * Kept apart from main.ts so tests run it in-process with their own clock and streams.
 */
import type { Command } from './command';
import { dispatch, DEV_PROGRAM, lazyCommand as lazy } from './dispatch';
import type { CliIo, ExitCode } from './io';

export const COMMANDS: readonly Command[] = [
  lazy('occurrences', async () => (await import('./commands/occurrences')).occurrencesCommand),
  lazy('check-inventory', async () => (await import('./commands/check-inventory')).checkInventoryCommand),
  lazy('check-config', async () => (await import('./commands/check-config')).checkConfigCommand),
  lazy('timeline', async () => (await import('./commands/timeline')).timelineCommand),
  lazy('contact', async () => (await import('./commands/contact')).contactCommand),
  lazy('report', async () => (await import('./commands/report')).reportCommand),
  lazy('ics', async () => (await import('./commands/ics')).icsCommand),
  lazy('simulate', async () => (await import('./commands/simulate')).simulateCommand),
  lazy('agent', async () => (await import('./commands/agent')).agentCommand),
  lazy('publish', async () => (await import('./commands/publish')).publishCommand),
  lazy('keygen', async () => (await import('./commands/keygen')).keygenCommand),
  lazy('notice', async () => (await import('./commands/notice')).noticeCommand),
];

export function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[] = COMMANDS,
  program = DEV_PROGRAM,
): Promise<ExitCode> {
  return dispatch(argv, io, commands, program);
}
