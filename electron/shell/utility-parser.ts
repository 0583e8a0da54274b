/**
 * The tray app's parsing process: Electron's utilityProcess running the bundled parse entry
 * (dist/electron/parse-child.js, scripts/build.mjs), so a hostile inventory on the share exhausts or hangs that
 * process, never the main one (docs/deployment.md, "Fichier refusé"). Watchdog, schema check and French reasons are
 * the core's (electron/core/inventory/isolation/isolated-parser.ts).
 */
import type { ForkOptions, UtilityProcess } from 'electron';
import { memoryArgs, parseChildEnv } from '../core/inventory/isolation/env';
import {
  DEFAULT_PARSE_MEMORY_MB,
  IsolatedParser,
  type InventoryParser,
  type IsolatedParserOptions,
  type StartParseChild,
} from '../core/inventory/isolation/isolated-parser';
import type { Logger } from '../core/store';

export type ForkUtility = (modulePath: string, args: string[], options: ForkOptions) => UtilityProcess;

export function utilityChildStarter(
  forkUtility: ForkUtility,
  entryPath: string,
  log: Logger,
  maxMb = DEFAULT_PARSE_MEMORY_MB,
): StartParseChild {
  return () => {
    const memory = memoryArgs(maxMb);
    const child = forkUtility(entryPath, memory.args, {
      // Not process.env (Electron's default): no NODE_OPTIONS, no ELECTRON_* switches reach the parser.
      env: parseChildEnv(),
      execArgv: memory.execArgv,
      serviceName: 'Vigie - analyse de fichier',
      stdio: 'ignore',
    });
    // V8's fatal errors (heap exhausted): 'exit' always follows, and that is what refuses the file.
    child.once('error', (type, location) =>
      log.warn("analyse isolée : erreur fatale de l'analyse", { type, location }),
    );
    return {
      send: (request) => child.postMessage(request),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', (code) => listener(code, null)),
      // A utilityProcess that cannot start simply exits before saying it is ready (then: "parser unavailable").
      onError: () => undefined,
      kill: () => {
        if (child.pid !== undefined) child.kill();
      },
    };
  };
}

export function utilityParser(
  forkUtility: ForkUtility,
  entryPath: string,
  log: Logger,
  options: Partial<Omit<IsolatedParserOptions, 'start' | 'log'>> = {},
): InventoryParser {
  return new IsolatedParser({ start: utilityChildStarter(forkUtility, entryPath, log), log, ...options });
}
