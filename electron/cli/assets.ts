/** Files shipped with Vigie that the command line falls back on (the Electron app gets them from its resources). */
import fsp from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * Set by the admin bundle's build (scripts/build.mjs, `buildAdmin`): the default inventory's bytes in base64, so
 * dist/vigie-admin.mjs needs no file beside it. Undefined when run from the sources (tsx).
 */
declare const __VIGIE_DEFAULT_INVENTORY_B64__: string | undefined;

export const ASSETS_DIR = fileURLToPath(new URL('../../assets/', import.meta.url));
export const DEFAULT_INVENTORY = fileURLToPath(new URL('../../assets/inventaire-par-defaut.csv', import.meta.url));
export const DEFAULT_INVENTORY_NAME = 'inventaire-par-defaut.csv';

export async function readDefaultInventory(): Promise<Uint8Array> {
  if (typeof __VIGIE_DEFAULT_INVENTORY_B64__ === 'string') {
    return new Uint8Array(Buffer.from(__VIGIE_DEFAULT_INVENTORY_B64__, 'base64'));
  }
  return new Uint8Array(await fsp.readFile(DEFAULT_INVENTORY));
}
