/**
 * `Vigie.exe --admin <command> …`: the installed app answers IT's commands (electron/cli/admin.ts: check-inventory,
 * publish, keygen…) with the same output and exit codes as dist/vigie-admin.mjs, without a window, a tray or the
 * single-instance lock (a running tray app is neither disturbed nor asked to show itself). See
 * docs/deployment.md, "Outils TI sans poste de développement". Type-checked and tested against a fake electron;
 * not run on a real Windows Electron here.
 */
import type { App } from 'electron';
import { ADMIN_COMMANDS } from '../cli/admin';
import { dispatch } from '../cli/dispatch';
import type { ExitCode } from '../cli/io';
import { SystemClock } from '../core/clock';

export const ADMIN_ARG = '--admin';
export const ADMIN_PROGRAM = 'Vigie.exe --admin';

/** The arguments after `--admin`, or null when the app was not started for an IT command. */
export function adminArgs(argv: readonly string[]): string[] | null {
  const at = argv.indexOf(ADMIN_ARG);
  return at < 0 ? null : argv.slice(at + 1);
}

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    stream.write(text, () => resolve());
  });
}

/** Runs one command, waits for its output to be flushed (a pipe on Windows is asynchronous), then exits. */
export async function runAdminMode(
  app: Pick<App, 'exit'>,
  args: readonly string[],
  cwd: string = process.cwd(),
): Promise<ExitCode> {
  const pending: Promise<void>[] = [];
  const io = {
    out: (text: string) => void pending.push(write(process.stdout, text)),
    err: (text: string) => void pending.push(write(process.stderr, text)),
    clock: new SystemClock(),
    cwd,
  };
  let code: ExitCode;
  try {
    code = await dispatch(args, io, ADMIN_COMMANDS, ADMIN_PROGRAM);
  } catch (error) {
    io.err(`Vigie --admin : ${error instanceof Error ? error.message : String(error)}\n`);
    code = 1;
  }
  await Promise.all(pending);
  app.exit(code);
  return code;
}
