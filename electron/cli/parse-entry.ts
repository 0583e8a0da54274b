/**
 * The parsing process of the command line and the headless agent (electron/core/inventory/isolation/): the command
 * line runs from source under tsx, so its child does too — this Node, the tsx loader, the TypeScript entry.
 */
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  IsolatedParser,
  type InventoryParser,
  type IsolatedParserOptions,
} from '../core/inventory/isolation/isolated-parser';
import { nodeChildStarter, PARSE_CHILD_FLAG, type NodeParseEntry } from '../core/inventory/isolation/node-child';

/** Set by the build of dist/vigie-admin.mjs (esbuild `define`): that one file is also its own parse child. */
declare const __VIGIE_ADMIN_BUNDLE__: boolean | undefined;

/** The parse child of the command line run from source (tests start it directly too). */
export const PARSE_ENTRY: NodeParseEntry = {
  path: fileURLToPath(new URL('../core/inventory/parse-child.ts', import.meta.url)),
  // Resolved on use: the admin bundle has no tsx and never asks.
  get execArgv() {
    return ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
  },
};

function parseEntry(): NodeParseEntry {
  if (typeof __VIGIE_ADMIN_BUNDLE__ === 'boolean' && __VIGIE_ADMIN_BUNDLE__) {
    // No tsx and no other file next to the bundle: it forks itself with the flag (electron/cli/admin-main.ts).
    return { path: fileURLToPath(import.meta.url), args: [PARSE_CHILD_FLAG] };
  }
  return PARSE_ENTRY;
}

/** Each file in its own child process, capped and watched. */
export function cliParser(
  options: Partial<IsolatedParserOptions> & { entry?: NodeParseEntry; maxMb?: number } = {},
): InventoryParser {
  const { entry, maxMb, ...rest } = options;
  return new IsolatedParser({ start: nodeChildStarter(entry ?? parseEntry(), maxMb), ...rest });
}
