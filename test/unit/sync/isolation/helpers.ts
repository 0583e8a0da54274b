/** Real parsing child processes for the isolation tests: the real entry, or the misbehaving one (hostile-child.ts). */
import path from 'node:path';
import { PARSE_ENTRY } from '../../../../electron/cli/parse-entry';
import {
  IsolatedParser,
  type IsolatedParserOptions,
  type WatchdogTimer,
} from '../../../../electron/core/inventory/isolation/isolated-parser';
import { nodeChildStarter, type NodeParseEntry } from '../../../../electron/core/inventory/isolation/node-child';

export const HOSTILE_ENTRY: NodeParseEntry = {
  path: path.join(import.meta.dirname, 'hostile-child.ts'),
  execArgv: PARSE_ENTRY.execArgv,
};

export interface Tracked {
  parser: IsolatedParser;
  /** One per started child: resolves with how it ended. */
  exits: Promise<{ code: number | null; signal: string | null }>[];
}

/** An IsolatedParser whose children are real processes, each one's end observed. */
export function trackedParser(
  entry: NodeParseEntry,
  options: Partial<IsolatedParserOptions> & { maxMb?: number } = {},
): Tracked {
  const { maxMb, ...rest } = options;
  const start = nodeChildStarter(entry, maxMb);
  const exits: Tracked['exits'] = [];
  const parser = new IsolatedParser({
    ...rest,
    start: () => {
      const child = start();
      exits.push(new Promise((resolve) => child.onExit((code, signal) => resolve({ code, signal }))));
      return child;
    },
  });
  return { parser, exits };
}

/** A watchdog the test fires by hand, so no test waits for a real timeout. */
export function manualTimer(): WatchdogTimer & { fire(): void; armed: number[] } {
  const pending = new Map<number, () => void>();
  let next = 0;
  return {
    armed: [],
    set(fire, ms) {
      next += 1;
      pending.set(next, fire);
      this.armed.push(ms);
      return next;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
    fire() {
      const last = [...pending.entries()].at(-1);
      if (!last) throw new Error('no watchdog armed');
      pending.delete(last[0]);
      last[1]();
    },
  };
}
