/**
 * "A failed write is retried" (issue 3). better-sqlite3 is synchronous, so the retry is too: busy_timeout already
 * waits for ordinary locks; this catches what is left — SQLITE_BUSY after the timeout, and SQLITE_IOERR, which on
 * Windows is typically an antivirus or backup agent holding the file for a moment.
 */
import type { Logger } from './log';
import { silentLogger } from './log';

export interface WriteRetryOptions {
  /** Pauses between attempts, in ms; its length + 1 is the number of attempts. */
  delaysMs?: readonly number[];
  /** Blocking pause (the store is synchronous). Tests inject a recorder instead of sleeping. */
  pause?: (ms: number) => void;
  log?: Logger;
}

const DEFAULT_DELAYS = [50, 200, 500] as const;

export function isTransientSqliteError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|IOERR|LOCKED)/.test(code);
}

function blockingPause(ms: number): void {
  // Atomics.wait is the only synchronous sleep Node offers; used only between rare retries.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export class WriteRetry {
  private readonly delays: readonly number[];
  private readonly pause: (ms: number) => void;
  private readonly log: Logger;

  constructor(options: WriteRetryOptions = {}) {
    this.delays = options.delaysMs ?? DEFAULT_DELAYS;
    this.pause = options.pause ?? blockingPause;
    this.log = options.log ?? silentLogger;
  }

  run<T>(label: string, write: () => T): T {
    for (let attempt = 0; ; attempt++) {
      try {
        return write();
      } catch (error) {
        const delay = this.delays[attempt];
        if (!isTransientSqliteError(error) || delay === undefined) throw error;
        this.log.warn('store: write failed, retrying', {
          label,
          attempt: attempt + 1,
          code: (error as { code?: string }).code,
        });
        this.pause(delay);
      }
    }
  }
}
