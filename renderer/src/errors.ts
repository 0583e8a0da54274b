/**
 * Turns whatever a bridge call rejected with into one sentence for the user. The core sends French sentences
 * (BridgeError.message); Electron wraps them as "Error invoking remote method 'x': Error: …", which we peel off.
 * Anything that looks like a stack or is empty becomes the generic message.
 */
import { BridgeMissingError } from './api';

export type ErrorText = { kind: 'bridge-missing' } | { kind: 'generic' } | { kind: 'message'; text: string };

const ELECTRON_PREFIX = /^Error invoking remote method '[^']*':\s*/;
const ERROR_NAME_PREFIX = /^(?:[A-Z]\w*)?Error:\s*/;

export function describeError(error: unknown): ErrorText {
  if (error instanceof BridgeMissingError) return { kind: 'bridge-missing' };
  const raw =
    typeof error === 'string'
      ? error
      : typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string'
        ? (error as { message: string }).message
        : '';
  const firstLine = raw.replace(ELECTRON_PREFIX, '').replace(ERROR_NAME_PREFIX, '').split('\n')[0]?.trim() ?? '';
  if (!firstLine || /^\s*at\s/.test(firstLine)) return { kind: 'generic' };
  return { kind: 'message', text: firstLine };
}
