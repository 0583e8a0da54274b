// `npm run build`: the Electron main process, the preload and the renderer, into dist/.
//   dist/electron/main.js      ESM (package.json "type": "module"; Electron loads an ESM main), with
//   dist/electron/chunks/      the parts it loads on demand (nodeBundleOptions)
//   dist/electron/preload.cjs  CommonJS: sandboxed preloads cannot be ES modules and may only require 'electron'
//   dist/renderer/             `vite build` (vite.config.ts)
// Usage: node scripts/build.mjs [--no-renderer]
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { root } from './native-abi.mjs';

// Electron 45 ships Node 24 (docs/platform.md), the LTS the tooling, the CLI and the bench run on too.
const NODE_TARGET = 'node24';

/**
 * Left out of the bundle and loaded from node_modules at run time: native addons (better-sqlite3, loaded with
 * dlopen from app.asar.unpacked), node-notifier (finds its vendor .exe next to its own files), electron itself,
 * and fsevents (macOS-only optional dependency of file watchers).
 */
export const MAIN_EXTERNALS = ['electron', 'better-sqlite3', 'node-notifier', 'fsevents'];

const outDir = join(root, 'dist', 'electron');

/**
 * How a Node-side entry is bundled: one ES module per entry plus shared chunks (dist/electron/chunks/), so what the
 * code loads with `await import()` — exceljs (1.2 MB of source) for a workbook, the JSON reader, the CLI commands —
 * stays out of memory until used. As one file, that source was parsed into every process at start: the bench's
 * processes start 6 MB lower split (bench import, "RSS au départ"). Also used by `npm run bench`, so the benchmark
 * measures what the app runs; test/unit/packaging/main-bundle.test.ts checks what the main process loads at start.
 */
export function nodeBundleOptions({
  entryPoints,
  outdir,
  target = NODE_TARGET,
  external = MAIN_EXTERNALS,
  outExtension,
}) {
  return {
    absWorkingDir: root,
    entryPoints,
    outdir,
    outExtension,
    bundle: true,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    platform: 'node',
    format: 'esm',
    target,
    external,
    logLevel: 'warning',
    // CommonJS packages bundled into an ES module still call require('fs'): give them a real require.
    banner: {
      js: "import { createRequire as __vigieCreateRequire } from 'node:module';\nconst require = __vigieCreateRequire(import.meta.url);",
    },
  };
}

export async function buildElectron() {
  rmSync(outDir, { recursive: true, force: true });
  await build({
    ...nodeBundleOptions({ entryPoints: { main: 'electron/shell/main.ts' }, outdir: 'dist/electron' }),
    sourcemap: 'linked',
  });
  await build({
    absWorkingDir: root,
    entryPoints: ['electron/shell/preload.cts'],
    outfile: 'dist/electron/preload.cjs',
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: NODE_TARGET,
    external: ['electron'],
    logLevel: 'warning',
  });
}

export function buildRenderer() {
  if (!existsSync(join(root, 'vite.config.ts'))) {
    throw new Error('vite.config.ts est introuvable : le rendu (renderer) ne peut pas être construit.');
  }
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('`vite build` a échoué.');
}

const isMain = process.argv[1] && join(process.argv[1]) === join(root, 'scripts', 'build.mjs');
if (isMain) {
  try {
    await buildElectron();
    console.log('build : dist/electron/main.js et dist/electron/preload.cjs');
    if (!process.argv.includes('--no-renderer')) {
      buildRenderer();
      console.log('build : dist/renderer');
    }
  } catch (error) {
    console.error(`build : ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
