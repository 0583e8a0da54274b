/**
 * The logging port the core services write to. Structural on purpose: the shell/CLI pass whatever logger they
 * have (console, a file logger) as long as it has these three methods.
 */
export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
