// The project's runtime: a supported Node.js LTS (README, "Runtime"). Tests, the IT command line, the bench and
// `npm start` need Node >= MIN_NODE (better-sqlite3 13 is a Node-API 10 addon, vitest and Electron's tooling
// declare Node >= 22.12). Where the machine's Node is older, Node LTS_MAJOR is installed once from the npm
// registry (the official `node-<platform>-<arch>` packages: the binary and the `include/node` headers node-gyp
// needs offline) into .cache/node, which is git-ignored and survives `npm ci`, and the command re-runs under it.
//
//   node scripts/lts-node.mjs provision        `postinstall`: install Node LTS_MAJOR when the machine's is too old
//   node scripts/lts-node.mjs <bin> [args…]    run a dependency's bin (tsx, …) under a supported Node
//   await relaunchUnderLts()                   first line of scripts/test.mjs and scripts/start.mjs
//
// Only `node:` built-ins here: this file runs before `npm ci` too, and under the machine's old Node.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The LTS major the project is developed and tested on: .nvmrc (also read by nvm/fnm and the Windows workflow). */
export const LTS_MAJOR = Number.parseInt(readFileSync(join(root, '.nvmrc'), 'utf8'), 10);
/** Keep in step with package.json "engines". */
export const MIN_NODE = [22, 14];
const CACHE = join(root, '.cache', 'node');
const PACKAGE = `node-${process.platform}-${process.arch}`;
/** Set in the re-run process to the provisioned binary: guards against a loop if it were unsupported too. */
const MARK = 'VIGIE_LTS_NODE';

export function isSupported(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
}

/** Dependencies installed? (`npm test`/`npm start`/`npm run cli` before `npm ci` get one sentence, not a stack.) */
export function dependenciesInstalled() {
  return existsSync(join(root, 'node_modules', '.package-lock.json'));
}

export const RUN_NPM_CI_FIRST =
  "Les dépendances ne sont pas installées : lancez d'abord `npm ci` (dependencies missing: run `npm ci` first).";

/** The provisioned Node, if any: { binary, dir, version }. No process is started (this runs on every command). */
export function provisionedNode() {
  if (!existsSync(CACHE)) return null;
  for (const entry of readdirSync(CACHE).sort().reverse()) {
    if (!entry.startsWith(`${LTS_MAJOR}.`) || !entry.endsWith(`-${process.platform}-${process.arch}`)) continue;
    const dir = join(CACHE, entry, 'node_modules', PACKAGE);
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      const binary = join(dir, typeof pkg.bin === 'string' ? pkg.bin : pkg.bin.node);
      if (existsSync(binary)) return { binary, dir, version: pkg.version };
    } catch {
      // An interrupted install: ignored, the next provisioning replaces it.
    }
  }
  return null;
}

/** Installs Node LTS_MAJOR from the npm registry into .cache/node (atomic: a half-done install is never used). */
export function provisionNode() {
  const existing = provisionedNode();
  if (existing) return existing;
  console.log(
    `lts-node : Node ${process.versions.node} est trop ancien (Node ≥ ${MIN_NODE.join('.')} requis) ; ` +
      `installation de Node ${LTS_MAJOR} LTS dans .cache/node depuis le registre npm…`,
  );
  mkdirSync(CACHE, { recursive: true });
  const staging = join(CACHE, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging);
  const args = ['install', '--prefix', staging, '--no-save', '--no-package-lock', '--no-audit', '--no-fund'];
  const r = spawnSync('npm', [...args, '--ignore-scripts', '--loglevel=error', `${PACKAGE}@${LTS_MAJOR}`], {
    cwd: staging,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    shell: process.platform === 'win32',
  });
  try {
    const pkg = JSON.parse(readFileSync(join(staging, 'node_modules', PACKAGE, 'package.json'), 'utf8'));
    if (r.status !== 0) throw new Error(r.stderr);
    const target = join(CACHE, `${pkg.version}-${process.platform}-${process.arch}`);
    // Another process may have finished first: keep its copy.
    if (!existsSync(target)) renameSync(staging, target);
  } catch (error) {
    if (process.env.VIGIE_DEBUG) console.error(r.stderr || error);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  const node = provisionedNode();
  if (!node) {
    throw new Error(
      `Node ${process.versions.node} est trop ancien et Node ${LTS_MAJOR} n'a pas pu être installé depuis le ` +
        `registre npm : installez Node ${LTS_MAJOR} LTS (https://nodejs.org) puis relancez.`,
    );
  }
  console.log(`lts-node : Node ${node.version} prêt (${node.binary}).`);
  return node;
}

/** The environment for the LTS Node: first on PATH (so `npm run …`, `npx` and bins' `#!/usr/bin/env node` use
 *  it) and its headers for node-gyp (a from-source build of a native addon works offline). */
export function ltsEnv(node, env = process.env) {
  const out = { ...env, [MARK]: node.binary };
  const pathKey = Object.keys(out).find((k) => k.toUpperCase() === 'PATH') ?? 'PATH';
  out[pathKey] = `${dirname(node.binary)}${delimiter}${out[pathKey] ?? ''}`;
  // An inherited nodedir (npm sets one for the machine's Node) would give node-gyp the old Node's headers.
  for (const key of Object.keys(out)) if (key.toLowerCase() === 'npm_config_nodedir') delete out[key];
  if (existsSync(join(node.dir, 'include', 'node', 'node.h'))) out.npm_config_nodedir = node.dir;
  return out;
}

/** A supported Node: this one, or the provisioned LTS (installed now if needed). Exits with one sentence if none. */
function supportedNode() {
  if (isSupported()) return { binary: process.execPath, env: process.env };
  // This process IS the provisioned Node and it is still too old: stop rather than relaunch forever. (The mark is
  // inherited by everything `npm test` starts; only the binary it names is refused.)
  if (process.env[MARK] === process.execPath) {
    console.error(`lts-node : ${process.env[MARK]} n'est pas une version de Node prise en charge.`);
    process.exit(1);
  }
  try {
    const node = provisionNode();
    return { binary: node.binary, env: ltsEnv(node) };
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}

/** Runs `binary args` and exits with its code; the signals a terminal or a service manager sends are passed on. */
function runAndExit(binary, args, env) {
  const child = spawn(binary, args, { cwd: process.cwd(), env, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('error', (error) => {
    console.error(`lts-node : ${binary} n'a pas pu être lancé (${error.message}).`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  // Never resolves: the caller's module must not go on running under the old Node.
  return new Promise(() => {});
}

/** Under an unsupported Node, re-runs the calling script under the LTS and never returns; otherwise returns. */
export async function relaunchUnderLts() {
  if (isSupported()) return;
  const node = supportedNode();
  // The old Node's own flags (execArgv) are not passed on: they may not mean the same to the LTS.
  await runAndExit(node.binary, [process.argv[1], ...process.argv.slice(2)], node.env);
}

/** `node scripts/lts-node.mjs <package> [args…]`: a dependency's bin (its package.json "bin" entry named like the
 *  package, without the scope) under a supported Node. */
export async function runBin(name, args) {
  if (!dependenciesInstalled()) {
    console.error(RUN_NPM_CI_FIRST);
    process.exit(1);
  }
  const pkgDir = join(root, 'node_modules', name);
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin[name.split('/').pop()];
  const node = supportedNode();
  await runAndExit(node.binary, [join(pkgDir, bin), ...args], node.env);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'provision') {
    if (isSupported()) process.exit(0);
    try {
      provisionNode();
    } catch (error) {
      // Not fatal for `npm ci`: `npm test`/`npm start` try again and say what to do.
      console.warn(error instanceof Error ? error.message : String(error));
    }
  } else if (command) {
    await runBin(command, rest);
  } else {
    console.error('Usage : node scripts/lts-node.mjs provision | <bin> [arguments…]');
    process.exit(2);
  }
}
