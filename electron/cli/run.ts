/**
 * The IT command line (no Electron): dispatches to one command, maps errors to exit codes and to a French message.
 * Kept apart from main.ts so tests run it in-process with their own clock and streams.
 */
import { UsageError } from './args';
import type { Command } from './command';
import type { CliIo, ExitCode } from './io';
import { InventoryUnusable } from './load';
import { OutputError } from './commands/write-output';
import { ResultsFolderError } from '../core/reports/fleet-read';
import { occurrencesCommand } from './commands/occurrences';
import { checkInventoryCommand } from './commands/check-inventory';
import { timelineCommand } from './commands/timeline';
import { contactCommand } from './commands/contact';
import { simulateCommand } from './commands/simulate';
import { agentCommand } from './commands/agent';
import { reportCommand } from './commands/report';
import { icsCommand } from './commands/ics';

export const COMMANDS: readonly Command[] = [
  occurrencesCommand,
  checkInventoryCommand,
  timelineCommand,
  contactCommand,
  reportCommand,
  icsCommand,
  simulateCommand,
  agentCommand,
];

export function usage(commands: readonly Command[] = COMMANDS): string {
  return ['Usage : npm run --silent cli -- <commande> [options]', '', ...commands.map((c) => `  ${c.usage}`), ''].join(
    '\n',
  );
}

export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[] = COMMANDS,
): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === 'help' || name === '-h') {
    (name === undefined ? io.err : io.out)(usage(commands));
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`Commande inconnue : ${name}\n\n${usage(commands)}`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`${command.name} : ${error.message}\nUsage : ${command.usage}\n`);
      return 2;
    }
    // The thing the command works on is not usable (inventory, results folder, output file): exit 1, its reason.
    if (error instanceof InventoryUnusable || error instanceof ResultsFolderError || error instanceof OutputError) {
      io.err(`${command.name} : ${error.message}\n`);
      return 1;
    }
    // An unexpected failure: one readable line, never a stack (set VIGIE_DEBUG=1 to see it).
    const message = error instanceof Error ? error.message : String(error);
    io.err(`${command.name} : erreur inattendue : ${message}\n`);
    if (process.env.VIGIE_DEBUG) io.err(String(error instanceof Error ? error.stack : error) + '\n');
    return 1;
  }
}
