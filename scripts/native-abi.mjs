// better-sqlite3 is a native addon. From version 13 it is a Node-API addon shipped prebuilt in its package
// (prebuilds/<platform>-<arch>.node): one binary serves Node and Electron alike, nothing is compiled or switched
// (`usesNodeApi()`). An addon built against V8's own ABI (better-sqlite3 ≤ 12, or a from-source build of another
// addon) serves either Node (tests, CLI) or Electron (`npm start`), never both (different NODE_MODULE_VERSION): scripts/start.mjs switches it to Electron's ABI, scripts/ensure-node-abi.mjs
// (first step of `npm test`) back to Node's. Each build is kept in node_modules/.cache/vigie-native so switching
// is a file copy, not a 50-second compile (docs/architecture.md, "Known pitfalls").
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const cacheDir = join(root, 'node_modules', '.cache', 'vigie-native');
const markerFile = join(cacheDir, 'current.json');

export function addonPath() {
  return join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
}

/** Loads better-sqlite3 in a child Node process: { ok, abiMismatch, missing, message }. */
export function probeInNode() {
  const code = "const D = require('better-sqlite3'); new D(':memory:').close();";
  const r = spawnSync(process.execPath, ['-e', code], { cwd: root, encoding: 'utf8' });
  const message = `${r.stderr ?? ''}${r.stdout ?? ''}`;
  return {
    ok: r.status === 0,
    abiMismatch: /NODE_MODULE_VERSION|compiled against a different Node\.js version/.test(message),
    missing: /Could not locate the bindings file|Cannot find module .*better_sqlite3\.node/.test(message),
    message: message.trim().split('\n').slice(0, 3).join('\n'),
  };
}

/** Which build is in place, as last recorded ({ runtime: 'node'|'electron', abi }) or null. */
export function currentBuild() {
  try {
    return JSON.parse(readFileSync(markerFile, 'utf8'));
  } catch {
    return null;
  }
}

export function recordBuild(runtime, abi) {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(markerFile, JSON.stringify({ runtime, abi: String(abi) }) + '\n');
}

function cachedCopy(runtime, abi) {
  return join(cacheDir, `${runtime}-${abi}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
}

/** Keeps a copy of the addon now in place as the build for (runtime, abi). */
export function saveToCache(runtime, abi) {
  const target = cachedCopy(runtime, abi);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(addonPath(), target);
}

/** Puts the cached build for (runtime, abi) in place; false when there is none. Throws if the file is locked. */
export function restoreFromCache(runtime, abi) {
  const source = cachedCopy(runtime, abi);
  if (!existsSync(source)) return false;
  mkdirSync(dirname(addonPath()), { recursive: true });
  copyFileSync(source, addonPath());
  recordBuild(runtime, abi);
  return true;
}

/** better-sqlite3 is a Node-API addon (its binding.gyp pins NAPI_VERSION): the same build loads in Node and
 *  Electron, so `npm start` neither rebuilds nor switches it. */
export function usesNodeApi() {
  try {
    const gyp = readFileSync(join(dirname(require.resolve('better-sqlite3/package.json')), 'binding.gyp'), 'utf8');
    return /NAPI_VERSION=\d+/.test(gyp);
  } catch {
    return false;
  }
}

export function electronAbi() {
  return readFileSync(join(dirname(require.resolve('electron/package.json')), 'abi_version'), 'utf8').trim();
}
