/**
 * Runs one command of a given list, maps errors to exit codes and to a French message. Apart from run.ts (which
 * lists every command) so the admin bundle (admin.ts) reaches only the modules of its own commands.
 */
import { UsageError } from './args';
import type { Command } from './command';
import type { CliIo, ExitCode } from './io';
import { USAGE, type CommandName } from './usage';

/** A command whose module is imported when it runs: `occurrences` must not pay for SQLite, zod or exceljs. */
export function lazyCommand(name: CommandName, load: () => Promise<Command>): Command {
  return { name, usage: USAGE[name], run: async (argv, io) => (await load()).run(argv, io) };
}

/**
 * Failures of the thing a command works on (an unusable inventory, an unreadable results folder, an output file
 * that cannot be written): exit 1 with their reason. Matched by name so this module need not load the commands.
 */
const EXPECTED_FAILURES = new Set([
  'InventoryUnusable',
  'ResultsFolderError',
  'OutputError',
  'UnknownName',
  'NoticeError',
]);

/** How the help names the program: the development command line, the admin bundle or `Vigie.exe --admin`. */
export const DEV_PROGRAM = 'npm run --silent cli --';

export function usage(commands: readonly Command[], program = DEV_PROGRAM): string {
  return [`Usage : ${program} <commande> [options]`, '', ...commands.map((c) => `  ${c.usage}`), ''].join('\n');
}

export async function dispatch(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[],
  program = DEV_PROGRAM,
): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === 'help' || name === '-h') {
    (name === undefined ? io.err : io.out)(usage(commands, program));
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`Commande inconnue : ${name}\n\n${usage(commands, program)}`);
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
