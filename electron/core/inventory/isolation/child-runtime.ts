/**
 * The parsing child's side of the protocol (protocol.ts), for both kinds of parent: a Node child process started
 * with `child_process.fork` (headless agent, CLI: `process.send`) and Electron's utilityProcess (the tray app:
 * `process.parentPort`, typed here by shape because electron/core never imports 'electron'). One request per child:
 * the parent kills the process once it has the answer, so a parse never inherits memory from the previous one.
 */
import { MEMORY_ARG } from './env';
import type { ParseKind, ParseRequest } from './protocol';

export type ParseHandler = (bytes: Uint8Array, fileName: string) => Promise<unknown>;

interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

function isRequest(value: unknown): value is ParseRequest {
  const r = value as Partial<ParseRequest> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.id === 'string' &&
    (r.kind === 'inventory' || r.kind === 'side') &&
    typeof r.fileName === 'string' &&
    r.bytes instanceof Uint8Array
  );
}

/** How often the child compares its RSS with its cap while parsing. */
const RSS_CHECK_MS = 100;
/** Exit code of a child that stopped itself at its memory cap. */
export const OVER_MEMORY_EXIT = 70;

/**
 * `--max-old-space-size` caps V8's heap only: Buffers and ArrayBuffers (a zip's inflated entries) are not counted,
 * so the child also watches its RSS and stops itself at the same cap. A synchronous loop never lets this run: the
 * parent's wall-clock watchdog is the last line.
 */
function guardMemory(): void {
  const arg = process.argv.find((a) => a.startsWith(MEMORY_ARG));
  const maxMb = arg ? Number(arg.slice(MEMORY_ARG.length)) : NaN;
  if (!Number.isFinite(maxMb) || maxMb <= 0) return;
  const timer = setInterval(() => {
    if (process.memoryUsage.rss() > maxMb * 1024 * 1024) process.exit(OVER_MEMORY_EXIT);
  }, RSS_CHECK_MS);
  timer.unref();
}

export function serveParseRequests(handlers: Record<ParseKind, ParseHandler>): void {
  const port = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
  const reply = (message: unknown): void => {
    if (port) port.postMessage(message);
    else process.send?.(message);
  };
  const handle = (message: unknown): void => {
    if (!isRequest(message)) return;
    guardMemory();
    void handlers[message.kind](message.bytes, message.fileName).then(
      (result) => reply({ id: message.id, result }),
      (error: unknown) => reply({ id: message.id, error: error instanceof Error ? error.message : String(error) }),
    );
  };
  if (port) port.on('message', (event) => handle(event.data));
  else process.on('message', handle);
  // Up and listening: from now on, dying means the file did it (before, it is this installation's problem).
  reply({ ready: true });
}
