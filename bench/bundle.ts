/**
 * Runs a benchmark entry in a child `node` process from an esbuild bundle, the way the packaged app runs its
 * main process: under tsx, the loader thread alone adds ~40 MB of RSS and would swamp the memory target.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Inside the repo so the bundle resolves the external native addon from ./node_modules. */
const OUT_DIR = path.join(ROOT, 'node_modules', '.cache', 'vigie-bench');

export async function bundleEntry(entry: string): Promise<string> {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const outfile = path.join(OUT_DIR, `${path.basename(entry, '.ts')}.mjs`);
  await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'warning',
    banner: {
      js: "import { createRequire as __benchRequire } from 'node:module';\nconst require = __benchRequire(import.meta.url);",
    },
  });
  return outfile;
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
