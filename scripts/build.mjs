// `npm run build`: the Electron main process, the preload and the renderer, into dist/.
//   dist/electron/main.js      ESM (package.json "type": "module"; Electron loads an ESM main), with
//   dist/electron/parse-child.js  the utilityProcess that parses inventory files from the share, and
//   dist/electron/chunks/      the parts it loads on demand (nodeBundleOptions)
//   dist/electron/preload.cjs  CommonJS: sandboxed preloads cannot be ES modules and may only require 'electron'
//   dist/renderer/             `vite build` (vite.config.ts)
//   dist/vigie-admin.mjs       the IT commands as one file for plain Node ≥ 20 (buildAdmin)
// Usage: node scripts/build.mjs [--no-renderer]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
 * The main process and the entry of the separate process that parses untrusted inventory files (started by
 * utilityProcess from next to main.js: electron/shell/main.ts; docs/deployment.md, "Fichier refusé").
 */
export const MAIN_ENTRIES = {
  main: 'electron/shell/main.ts',
  'parse-child': 'electron/core/inventory/parse-child.ts',
};

/**
 * How a Node-side entry is bundled: one ES module per entry plus shared chunks (dist/electron/chunks/), so what the
 * code loads with `await import()` — exceljs (1.2 MB of source) for a workbook, the JSON reader, the CLI commands —
 * stays out of memory until used. As one file, that source was parsed into every process at start: the bench's
 * processes start 6 MB lower split (bench import, "RSS au départ"). Also used by `npm run bench`, so the benchmark
 * measures what the app runs; test/unit/packaging/main-bundle.test.ts checks what the main process loads at start.
 */
/**
 * @touch4it/ical-timezones reads its VTIMEZONE files from beside its own source (`__dirname`), which a bundle does
 * not have (an ES module has no `__dirname` at all: calendar export failed in the built app). The one zone Vigie
 * plans in is compiled in instead (docs/inventory-format.md). Used by the main process and the admin bundle.
 */
export function vtimezonePlugin() {
  return {
    name: 'vigie-vtimezone',
    setup(b) {
      b.onResolve({ filter: /^@touch4it\/ical-timezones$/ }, () => ({ path: 'vtimezone', namespace: 'vigie-tz' }));
      b.onLoad({ filter: /.*/, namespace: 'vigie-tz' }, () => {
        const file = join(root, 'node_modules', '@touch4it', 'ical-timezones', 'zones', 'America', 'Toronto.ics');
        const zones = { 'America/Toronto': readFileSync(file, 'utf8') };
        return {
          loader: 'js',
          contents:
            `const ZONES = ${JSON.stringify(zones)};\n` +
            'export function getVtimezoneComponent(zone) {\n' +
            '  const ics = Object.hasOwn(ZONES, zone) ? ZONES[zone] : null;\n' +
            "  return ics && ics.slice(ics.indexOf('BEGIN:VTIMEZONE'), ics.indexOf('END:VCALENDAR'));\n" +
            '}\n',
        };
      });
    },
  };
}

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
    plugins: [vtimezonePlugin()],
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
    ...nodeBundleOptions({ entryPoints: MAIN_ENTRIES, outdir: 'dist/electron' }),
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

/** The admin bundle runs on IT's own machines: any Node ≥ 20, not Electron's Node 22. */
export const ADMIN_NODE_TARGET = 'node20';
export const ADMIN_BUNDLE = join(root, 'dist', 'vigie-admin.mjs');

/**
 * Modules the admin commands must never reach: a native addon or Electron would make the bundle need node_modules
 * (or fail at its first line) on IT's machine. Reaching one fails the build instead.
 */
const ADMIN_FORBIDDEN = /^(better-sqlite3|electron|node-notifier|fsevents)$/;

/**
 * dist/vigie-admin.mjs: check-inventory, publish, keygen… (electron/cli/admin.ts) in ONE ES module with everything
 * inlined (no chunks, no externals), the version and the default inventory compiled in, and a shebang.
 */
export async function buildAdmin() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const defaultInventory = readFileSync(join(root, 'assets', 'inventaire-par-defaut.csv')).toString('base64');
  await build({
    absWorkingDir: root,
    entryPoints: ['electron/cli/admin-main.ts'],
    outfile: ADMIN_BUNDLE,
    bundle: true,
    splitting: false,
    platform: 'node',
    format: 'esm',
    target: ADMIN_NODE_TARGET,
    logLevel: 'warning',
    define: {
      __VIGIE_ADMIN_BUNDLE__: 'true',
      __VIGIE_VERSION__: JSON.stringify(pkg.version),
      __VIGIE_DEFAULT_INVENTORY_B64__: JSON.stringify(defaultInventory),
    },
    banner: {
      js:
        '#!/usr/bin/env node\n' +
        "import { createRequire as __vigieCreateRequire } from 'node:module';\nconst require = __vigieCreateRequire(import.meta.url);",
    },
    plugins: [
      vtimezonePlugin(),
      {
        name: 'vigie-admin-forbidden',
        setup(b) {
          b.onResolve({ filter: ADMIN_FORBIDDEN }, (args) => ({
            errors: [
              { text: `${args.path} ne doit pas entrer dans dist/vigie-admin.mjs (importé par ${args.importer})` },
            ],
          }));
        },
      },
    ],
  });
}

/**
 * dist/policy/: vigie.admx and <langue>/vigie.adml, generated from the policy schema the app reads
 * (electron/core/settings/admx.ts), shipped by electron-builder as resources/policy (docs/deployment.md).
 */
export async function buildPolicyTemplates() {
  const result = await build({
    absWorkingDir: root,
    entryPoints: ['electron/core/settings/admx.ts'],
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    target: NODE_TARGET,
    logLevel: 'warning',
  });
  const code = result.outputFiles[0].text;
  const { policyTemplateFiles } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  const out = join(root, 'dist', 'policy');
  rmSync(out, { recursive: true, force: true });
  for (const [relative, text] of Object.entries(policyTemplateFiles())) {
    const file = join(out, relative);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text, 'utf8');
  }
  return out;
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
    await buildAdmin();
    console.log('build : dist/vigie-admin.mjs');
    await buildPolicyTemplates();
    console.log('build : dist/policy (modèles ADMX/ADML)');
    if (!process.argv.includes('--no-renderer')) {
      buildRenderer();
      console.log('build : dist/renderer');
    }
  } catch (error) {
    console.error(`build : ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
