// `npm test`: type-check, lint, unit tests, browser tests. Every step runs; the run fails if any step failed.
// The Node version and each step's time are printed with the counts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dependenciesInstalled, relaunchUnderLts, RUN_NPM_CI_FIRST } from './lts-node.mjs';

if (!dependenciesInstalled()) {
  console.error(RUN_NPM_CI_FIRST);
  process.exit(1);
}
// On a machine whose Node is too old, every step below runs under the provisioned LTS (scripts/lts-node.mjs).
await relaunchUnderLts();

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

// Each runner leaves a JSON summary here (vitest.config.ts, playwright.config.ts); stale ones must not count.
const REPORTS = '.test-reports';
rmSync(REPORTS, { recursive: true, force: true });

const failed = [];
const timings = [];
const started = Date.now();
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (r.status !== 0) failed.push(name);
}
/** Passed/failed test counts of both runners, from their JSON reports (a missing report counts as nothing run). */
function counts() {
  const read = (name) => {
    try {
      return JSON.parse(readFileSync(`${REPORTS}/${name}`, 'utf8'));
    } catch {
      return null;
    }
  };
  const unit = read('vitest.json');
  const e2e = read('playwright.json');
  const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
  const failedTests = (unit?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0);
  return { passed, failed: failedTests };
}

const total = counts();
console.log(failed.length ? `\nnpm test: FAILED (${failed.join(', ')})` : '\nnpm test: all steps passed');
console.log(`${total.passed} passed, ${total.failed} failed`);
console.log(`Node ${process.versions.node}, ${((Date.now() - started) / 1000).toFixed(1)} s (${timings.join(', ')})`);
process.exit(failed.length ? 1 : 0);
