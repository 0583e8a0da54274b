/**
 * One entry point for every bridge call (docs/architecture.md, rule 4): validate the arguments with INPUT_SCHEMAS,
 * refuse bad input with 'invalid-input' BEFORE the core runs, and turn any failure into an Error whose message is
 * BridgeError JSON — the only thing Electron's invoke (and Playwright's exposeBinding) carry back to the page. Used by
 * the Playwright bridge in the tests; the shell adds its sender-frame check in front of the same steps.
 */
import { INPUT_SCHEMAS, type BridgeError, type VigieCoreApi } from '../../../shared/ipc/contract';
import { INVOKE_CHANNELS, type InvokeChannel, type InvokeMethod } from '../../../shared/ipc/channels';
import { GENERIC_BRIDGE_ERROR } from '../../../shared/ipc/bridge';
import type { Logger } from '../store';
import { silentLogger } from '../store';
import { readBridgeError } from './errors';

export const INVALID_INPUT: BridgeError = {
  code: 'invalid-input',
  message: 'Les informations envoyées ne sont pas valides ; rien n’a été modifié.',
};

const UNKNOWN_CALL: BridgeError = { code: 'not-found', message: 'Cette demande est inconnue de Vigie.' };

export type Dispatcher = (methodOrChannel: string, args: unknown[]) => Promise<unknown>;

const BY_CHANNEL = new Map<string, InvokeMethod>(
  (Object.entries(INVOKE_CHANNELS) as [InvokeMethod, InvokeChannel][]).map(([method, channel]) => [channel, method]),
);

/** The method for a channel ("checklist:set-check") or a method name ("setCheck"); null when neither. */
export function methodOf(methodOrChannel: string): InvokeMethod | null {
  if (Object.prototype.hasOwnProperty.call(INVOKE_CHANNELS, methodOrChannel)) return methodOrChannel as InvokeMethod;
  return BY_CHANNEL.get(methodOrChannel) ?? null;
}

/** An Error carrying the BridgeError as JSON in its message (what shared/ipc/bridge.ts reads back). */
export function bridgeFailure(error: BridgeError): Error {
  const failure = new Error(JSON.stringify(error));
  failure.name = 'BridgeFailure';
  return failure;
}

export function createDispatcher(core: VigieCoreApi, log: Logger = silentLogger): Dispatcher {
  return async (methodOrChannel, args) => {
    const method = methodOf(methodOrChannel);
    if (!method) {
      log.warn('api: unknown call', { call: String(methodOrChannel).slice(0, 100) });
      throw bridgeFailure(UNKNOWN_CALL);
    }
    const parsed = INPUT_SCHEMAS[method].safeParse(Array.isArray(args) ? args : [args]);
    if (!parsed.success) {
      log.warn('api: invalid arguments', {
        method,
        issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      });
      throw bridgeFailure(INVALID_INPUT);
    }
    // Called with .apply(core) below: unbound on purpose.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    const call = core[method] as (...callArgs: unknown[]) => Promise<unknown>;
    try {
      return await call.apply(core, parsed.data as unknown[]);
    } catch (error) {
      const known = readBridgeError(error);
      if (known) {
        log.warn('api: call refused', { method, code: known.code });
        throw bridgeFailure(known);
      }
      // A bug or a store failure: details to the log, a calm sentence to the person.
      log.error('api: call failed', {
        method,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      throw bridgeFailure({ ...GENERIC_BRIDGE_ERROR });
    }
  };
}
