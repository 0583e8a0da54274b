/**
 * The IT command line (no Electron): dispatches to one command, maps errors to exit codes and to a French message.
 * Kept apart from main.ts so tests run it in-process with their own clock and streams.
 */
import { UsageError } from './args';
import type { Command } from './command';
import type { CliIo, ExitCode } from './io';
import { USAGE, type CommandName } from './usage';

/** A command whose module is imported when it runs: `occurrences` must not pay for SQLite, zod or exceljs. */
function lazy(name: CommandName, load: () => Promise<Command>): Command {
  return { name, usage: USAGE[name], run: async (argv, io) => (await load()).run(argv, io) };
}

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
];

/**
 * Failures of the thing a command works on (an unusable inventory, an unreadable results folder, an output file
 * that cannot be written): exit 1 with their reason. Matched by name so this module need not load the commands.
 */
const EXPECTED_FAILURES = new Set(['InventoryUnusable', 'ResultsFolderError', 'OutputError']);

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
    if (error instanceof Error && EXPECTED_FAILURES.has(error.name)) {
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
