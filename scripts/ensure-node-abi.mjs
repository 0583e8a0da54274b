// First step of `npm test`: make sure better-sqlite3 loads in Node. After `npm start` it is built for
// Electron's ABI; put the Node build back (from the cache, or `npm rebuild better-sqlite3` the first time).
// Anything other than an ABI/missing-file problem is left for the tests to report.
import { spawnSync } from 'node:child_process';
import { probeInNode, recordBuild, restoreFromCache, root, saveToCache } from './native-abi.mjs';

const nodeAbi = process.versions.modules;
const first = probeInNode();
if (first.ok) {
  recordBuild('node', nodeAbi);
  process.exit(0);
}
if (!first.abiMismatch && !first.missing) {
  console.warn(`ensure-node-abi : better-sqlite3 ne se charge pas (autre cause) :\n${first.message}`);
  process.exit(0);
}

console.log(
  "ensure-node-abi : better-sqlite3 n'est pas prêt pour Node (construit pour Electron, ou absent) ; remise en place…",
);
let restored = false;
try {
  restored = restoreFromCache('node', nodeAbi);
} catch (error) {
  console.error(
    `ensure-node-abi : impossible de remplacer better-sqlite3 (${error.code ?? error.message}) : fermez Vigie/Electron puis relancez.`,
  );
  process.exit(1);
}
if (!restored || !probeInNode().ok) {
  const r = spawnSync('npm', ['rebuild', 'better-sqlite3'], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (r.status !== 0 || !probeInNode().ok) {
    console.error('ensure-node-abi : `npm rebuild better-sqlite3` a échoué.');
    process.exit(1);
  }
  saveToCache('node', nodeAbi);
}
recordBuild('node', nodeAbi);
console.log('ensure-node-abi : better-sqlite3 prêt pour Node.');
