// `npm test`: type-check, lint, unit tests, browser tests. Every step runs; the run fails if any step failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const steps = [
  // After `npm start`, better-sqlite3 is built for Electron's ABI: switch it back to Node's first.
  ['native-abi', 'node', ['scripts/ensure-node-abi.mjs']],
  ['typecheck', 'npm', ['run', '--silent', 'typecheck']],
  ['lint', 'npm', ['run', '--silent', 'lint']],
  ['format', 'npm', ['run', '--silent', 'format:check']],
  ['unit', 'npm', ['run', '--silent', 'test:unit']],
];
const hasE2e = existsSync('test/e2e') && readdirSync('test/e2e').some((f) => f.endsWith('.spec.ts'));
if (hasE2e) steps.push(['e2e', 'npm', ['run', '--silent', 'test:e2e']]);

const failed = [];
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) failed.push(name);
}
console.log(failed.length ? `\nnpm test: FAILED (${failed.join(', ')})` : '\nnpm test: all steps passed');
process.exit(failed.length ? 1 : 0);
