/**
 * Runs a benchmark entry in a child `node` process from an esbuild bundle, the way the packaged app runs its
 * main process: under tsx, the loader thread alone adds ~40 MB of RSS and would swamp the memory target.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { nodeBundleOptions } from '../scripts/build.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Inside the repo so the bundle resolves the external native addon from ./node_modules. */
const OUT_DIR = path.join(ROOT, 'node_modules', '.cache', 'vigie-bench');

/**
 * Bundles `entry` as the app's main process is bundled (scripts/build.mjs: one module plus chunks loaded on demand),
 * for the Node running the bench; returns the entry module's path.
 */
export async function bundleEntry(entry: string): Promise<string> {
  const name = path.basename(entry, '.ts');
  const outdir = path.join(OUT_DIR, name);
  fs.rmSync(outdir, { recursive: true, force: true });
  await build(
    nodeBundleOptions({
      entryPoints: [entry],
      outdir,
      target: `node${process.versions.node.split('.')[0]}`,
      outExtension: { '.js': '.mjs' },
    }),
  );
  return path.join(outdir, `${name}.mjs`);
}

/** Runs `node <bundle> ...args` and returns its stdout; its stderr goes to ours. */
export function runNode(file: string, args: readonly string[], execArgv: readonly string[] = []): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...execArgv, file, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`bench: ${file} exited with ${code}`))));
  });
}
