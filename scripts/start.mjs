// `npm start`: launches the real tray app.
//  0. Under the project's Node LTS (scripts/lts-node.mjs), once `npm ci` has run.
//  1. The Electron binary: `npm ci` does not run electron's install script (package.json "allowScripts"), so
//     fetch it now if missing; where it cannot be had, say so in one sentence and point to the headless mode.
//  2. better-sqlite3 for Electron: nothing to do for its Node-API prebuilds (better-sqlite3 ≥ 13); an addon built
//     for V8's ABI is rebuilt for Electron's (cached builds, see native-abi.mjs) and `npm test` switches back.
//  3. Build, then run Electron on the project folder (package.json "main": dist/electron/main.js).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  addonPath,
  currentBuild,
  electronAbi,
  probeInNode,
  recordBuild,
  restoreFromCache,
  root,
  saveToCache,
  usesNodeApi,
} from './native-abi.mjs';
import { dependenciesInstalled, relaunchUnderLts, RUN_NPM_CI_FIRST } from './lts-node.mjs';

if (!dependenciesInstalled()) {
  console.error(RUN_NPM_CI_FIRST);
  process.exit(1);
}
await relaunchUnderLts();

const NO_BINARY =
  'Le binaire Electron est introuvable et ne peut pas être téléchargé ici : utilisez le mode sans interface `npm run cli -- agent`.';

function electronBinary() {
  const electronDir = join(root, 'node_modules', 'electron');
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, readFileSync(pathFile, 'utf8'))
    : join(electronDir, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(binary) ? binary : null;
}

function ensureElectronBinary() {
  let binary = electronBinary();
  if (binary) return binary;
  // Only for a person at a terminal: where the download cannot succeed, the output is the one NO_BINARY sentence.
  if (process.stdout.isTTY) console.log('start : téléchargement du binaire Electron…');
  const env = { ...process.env };
  delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
  // Output captured: offline, the installer's network stack trace would bury the one sentence that matters.
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: join(root, 'node_modules', 'electron'),
    env,
    encoding: 'utf8',
  });
  binary = electronBinary();
  if (!binary) {
    if (process.env.VIGIE_DEBUG) console.error(`${r.stdout ?? ''}${r.stderr ?? ''}`);
    console.error(NO_BINARY);
    process.exit(1);
  }
  return binary;
}

async function ensureElectronAddon() {
  if (usesNodeApi()) return;
  const abi = electronAbi();
  const current = currentBuild();
  const inNode = probeInNode();
  if (!inNode.ok && current?.runtime === 'electron' && current.abi === abi && existsSync(addonPath())) return;
  if (inNode.ok) saveToCache('node', process.versions.modules);
  if (restoreFromCache('electron', abi)) return;

  console.log(`start : construction de better-sqlite3 pour Electron (ABI ${abi})…`);
  const electronVersion = createRequire(join(root, 'package.json'))('electron/package.json').version;
  try {
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({ buildPath: root, electronVersion, onlyModules: ['better-sqlite3'], force: true });
    saveToCache('electron', abi);
    recordBuild('electron', abi);
  } catch (error) {
    // A failed rebuild can delete the addon: put the Node build back so `npm test` keeps working.
    restoreFromCache('node', process.versions.modules);
    console.error(
      `start : better-sqlite3 n'a pas pu être construit pour Electron (${error instanceof Error ? error.message : error}).`,
    );
    process.exit(1);
  }
}

const binary = ensureElectronBinary();
await ensureElectronAddon();

const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const env = { ...process.env };
// Set by some shells/IDEs: would make the binary a plain Node.js.
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(binary, [root, ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
