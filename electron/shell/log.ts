/**
 * The main process log: JSON lines in <userData>/logs/vigie.log (kept small: one rotation at 1 MB), echoed to
 * the console. IT reads it on a ward PC when toasts or the tray misbehave (docs/deployment.md says where).
 * Logging must never take the app down, so every write failure is swallowed.
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from '../core/clock';
import type { Logger } from '../core/store/log';

export type { Logger };

const MAX_BYTES = 1024 * 1024;

export function createFileLogger(logDir: string, clock: Clock, echo: Pick<Console, 'log' | 'error'> = console): Logger {
  const file = join(logDir, 'vigie.log');
  let ready = false;
  const write = (level: 'info' | 'warn' | 'error', message: string, data?: Record<string, unknown>): void => {
    const line = JSON.stringify({ at: clock.now().toISO(), level, message, ...(data ? { data } : {}) });
    (level === 'error' ? echo.error : echo.log)(line);
    try {
      if (!ready) {
        mkdirSync(logDir, { recursive: true });
        ready = true;
      }
      if (sizeOf(file) > MAX_BYTES) renameSync(file, `${file}.1`);
      appendFileSync(file, line + '\n', 'utf8');
    } catch {
      // A full or read-only disk must not stop the tray app; the console copy remains.
    }
  };
  return {
    info: (message, data) => write('info', message, data),
    warn: (message, data) => write('warn', message, data),
    error: (message, data) => write('error', message, data),
  };
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Turns anything thrown into loggable fields (message + stack for the log file only, never for users). */
export function errorData(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { error: error.message, stack: error.stack };
  return { error: String(error) };
}
