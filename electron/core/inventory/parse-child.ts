/**
 * Entry point of the separate process that parses an untrusted inventory or side file (isolation/): a hostile file
 * that exhausts memory or never ends takes this process down, not Vigie (docs/deployment.md, "Fichier refusé").
 * Bundled as dist/electron/parse-child.js by scripts/build.mjs.
 */
import { importInventory, importSideTable } from './import';
import { serveParseRequests } from './isolation/child-runtime';

serveParseRequests({ inventory: importInventory, side: importSideTable });
