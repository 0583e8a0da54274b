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
import { nodeChildStarter, type NodeParseEntry } from '../core/inventory/isolation/node-child';

export const PARSE_ENTRY: NodeParseEntry = {
  path: fileURLToPath(new URL('../core/inventory/parse-child.ts', import.meta.url)),
  execArgv: ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href],
};

/** Each file in its own child process, capped and watched. */
export function cliParser(
  options: Partial<IsolatedParserOptions> & { entry?: NodeParseEntry; maxMb?: number } = {},
): InventoryParser {
  const { entry, maxMb, ...rest } = options;
  return new IsolatedParser({ start: nodeChildStarter(entry ?? PARSE_ENTRY, maxMb), ...rest });
}
