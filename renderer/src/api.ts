/**
 * The only module that touches `window.vigie` (lint-enforced): the preload (or the Playwright bridge) installs it,
 * typed against the one contract in shared/ipc/contract.ts. Type-only imports keep zod out of the UI bundle.
 */
import type { VigieApi } from '../../shared/ipc/contract';

declare global {
  interface Window {
    vigie?: VigieApi;
  }
}

/** The page was opened outside Vigie (e.g. straight in a browser): there is nobody to talk to. */
export class BridgeMissingError extends Error {
  constructor() {
    super('window.vigie is not installed');
    this.name = 'BridgeMissingError';
  }
}

/** The bridge, or a BridgeMissingError the caller shows as a message (never a blank screen). */
export function bridge(): VigieApi {
  const api = window.vigie;
  if (!api) throw new BridgeMissingError();
  return api;
}
