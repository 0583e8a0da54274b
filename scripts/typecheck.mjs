// Type-checks each runtime with its own tsconfig (shared: no Node/DOM; electron: Node; renderer: DOM).
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
let failed = false;
for (const project of ['shared', 'electron', 'renderer', 'test']) {
  const r = spawnSync(process.execPath, [tsc, '-p', `${project}/tsconfig.json`], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`typecheck: ${project} failed`);
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
