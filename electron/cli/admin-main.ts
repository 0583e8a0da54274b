/**
 * Entry of dist/vigie-admin.mjs (`npm run build`): the IT commands as one file for plain Node ≥ 20, no
 * node_modules, no native module (docs/deployment.md, "Outils TI sans poste de développement").
 */
import { SystemClock } from '../core/clock';
import { importInventory, importSideTable } from '../core/inventory/import';
import { serveParseRequests } from '../core/inventory/isolation/child-runtime';
import { PARSE_CHILD_FLAG } from '../core/inventory/isolation/node-child';
import { ADMIN_COMMANDS } from './admin';
import { dispatch } from './dispatch';

/** Set by the build (esbuild `define`); "dev" when run from the sources. */
declare const __VIGIE_VERSION__: string | undefined;
const VERSION = typeof __VIGIE_VERSION__ === 'string' ? __VIGIE_VERSION__ : 'dev';

const argv = process.argv.slice(2);
const major = Number(process.versions.node.split('.')[0]);
if (argv.includes(PARSE_CHILD_FLAG)) {
  // Forked by check-inventory/publish (electron/cli/parse-entry.ts): parse one untrusted file, in this process only.
  serveParseRequests({ inventory: importInventory, side: importSideTable });
} else if (major < 20) {
  process.stderr.write(`vigie-admin : Node 20 ou plus récent est requis (trouvé ${process.versions.node}).\n`);
  process.exitCode = 1;
} else if (argv[0] === '--version') {
  process.stdout.write(`vigie-admin ${VERSION}\n`);
} else {
  const io = {
    out: (text: string) => process.stdout.write(text),
    err: (text: string) => process.stderr.write(text),
    clock: new SystemClock(),
    cwd: process.cwd(),
  };
  dispatch(argv, io, ADMIN_COMMANDS, 'node vigie-admin.mjs').then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`vigie-admin : ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
