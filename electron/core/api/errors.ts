/**
 * Failures the core wants a person to read. The message is plain text in the UI language; the transport (the
 * dispatcher here, electron/shell/ipc.ts in the app) turns it into BridgeError JSON, the only part of an error that
 * survives Electron's invoke (shared/ipc/bridge.ts). Keeping the message plain means the shell's own error mapping
 * ("an Error with a BridgeError code passes") and this module's dispatcher agree without double encoding.
 */
import type { BridgeError } from '../../../shared/ipc/contract';
import { isBridgeError } from '../../../shared/ipc/bridge';

export class CoreError extends Error {
  override readonly name = 'CoreError';
  constructor(
    readonly code: BridgeError['code'],
    message: string,
  ) {
    super(message);
  }

  /** The BridgeError this failure becomes on the renderer side. */
  get bridgeError(): BridgeError {
    return { code: this.code, message: this.message };
  }
}

/** A failure for the renderer: `message` is French or English (per settings), never technical. */
export function bridgeError(code: BridgeError['code'], message: string): CoreError {
  return new CoreError(code, message);
}

/**
 * The BridgeError a thrown value stands for, or null when it is not one of ours (a bug, a store failure: those get
 * the generic message, and the details go to the log only). Accepts our CoreError, any Error carrying a BridgeError
 * code with a plain message, and an Error whose message is already BridgeError JSON.
 */
export function readBridgeError(thrown: unknown): BridgeError | null {
  if (thrown instanceof CoreError) return thrown.bridgeError;
  if (typeof thrown !== 'object' || thrown === null) return null;
  const { code, message } = thrown as { code?: unknown; message?: unknown };
  if (typeof message === 'string' && message.startsWith('{"code"')) {
    try {
      const parsed: unknown = JSON.parse(message);
      if (isBridgeError(parsed)) return { code: parsed.code, message: parsed.message };
    } catch {
      // not JSON after all: fall through
    }
  }
  const candidate = { code, message };
  return isBridgeError(candidate) ? { code: candidate.code, message: candidate.message } : null;
}
