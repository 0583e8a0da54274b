/** Files shipped with Vigie that the command line falls back on (the Electron app gets them from its resources). */
import { fileURLToPath } from 'node:url';

export const ASSETS_DIR = fileURLToPath(new URL('../../assets/', import.meta.url));
export const DEFAULT_INVENTORY = fileURLToPath(new URL('../../assets/inventaire-par-defaut.csv', import.meta.url));
