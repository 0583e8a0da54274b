/**
 * The parsing process for the headless agent and the CLI: `child_process.fork` of this Node with the parse entry
 * (electron/core/inventory/parse-child.ts, or its bundle), a clean environment and a memory cap (isolated-parser.ts).
 */
import { fork } from 'node:child_process';
import { memoryArgs, parseChildEnv } from './env';
import { DEFAULT_PARSE_MEMORY_MB, type StartParseChild } from './isolated-parser';

export interface NodeParseEntry {
  /** The entry module (parse-child.ts under tsx, parse-child.js when bundled). */
  path: string;
  /** Node options it needs to load (e.g. the tsx loader when run from source). */
  execArgv?: readonly string[];
  /** Arguments telling a multi-purpose entry to act as the parse child (the admin bundle: PARSE_CHILD_FLAG). */
  args?: readonly string[];
}

/** Makes an entry that is not only a parse child (dist/vigie-admin.mjs) serve one parse request instead. */
export const PARSE_CHILD_FLAG = '--vigie-parse-child';

export function nodeChildStarter(entry: NodeParseEntry, maxMb = DEFAULT_PARSE_MEMORY_MB): StartParseChild {
  return () => {
    const memory = memoryArgs(maxMb);
    const child = fork(entry.path, [...(entry.args ?? []), ...memory.args], {
      execPath: process.execPath,
      execArgv: [...(entry.execArgv ?? []), ...memory.execArgv],
      env: parseChildEnv(),
      // Structured clone: the file's bytes travel as a Uint8Array, not as a JSON array of numbers.
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    return {
      send: (request) => {
        child.send(request, (error) => {
          // The child died before reading (its exit is reported on its own).
          void error;
        });
      },
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', (code, signal) => listener(code, signal)),
      onError: (listener) => child.once('error', listener),
      kill: () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      },
    };
  };
}
