// `npm test`: type-check, lint, dead code (knip), format, unit tests, browser tests. Every step runs; the run fails if
// any step failed. The Node version and each step's time are printed before the closing count line.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dependenciesInstalled, relaunchUnderLts, RUN_NPM_CI_FIRST } from './lts-node.mjs';
import { summarize, summaryLine } from './test-summary.mjs';

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
  ['knip', 'npm', ['run', '--silent', 'knip']],
  ['format', 'npm', ['run', '--silent', 'format:check']],
  ['unit', 'npm', ['run', '--silent', 'test:unit']],
];
const hasE2e = existsSync('test/e2e') && readdirSync('test/e2e').some((f) => f.endsWith('.spec.ts'));
if (hasE2e) steps.push(['e2e', 'npm', ['run', '--silent', 'test:e2e']]);

// Each runner leaves a JSON summary here (vitest.config.ts, playwright.config.ts); stale ones must not count.
const REPORTS = '.test-reports';
rmSync(REPORTS, { recursive: true, force: true });

const failed = [];
/** Exit status of each step that ran (the summary counts a runner that failed outside any test). */
const exitCodes = {};
const timings = [];
const started = Date.now();
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  exitCodes[name] = r.status ?? 1;
  timings.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (r.status !== 0) failed.push(name);
}
/** The runners' JSON reports (vitest.config.ts, playwright.config.ts); null when missing or unreadable. */
function readReport(name) {
  try {
    return JSON.parse(readFileSync(`${REPORTS}/${name}`, 'utf8'));
  } catch {
    return null;
  }
}

const total = summarize({
  unit: { report: readReport('vitest.json'), exitCode: exitCodes.unit ?? null },
  e2e: { report: readReport('playwright.json'), exitCode: exitCodes.e2e ?? null },
});
for (const note of total.notes) console.log(`  ${note}`);
console.log(failed.length ? `\nnpm test: FAILED (${failed.join(', ')})` : '\nnpm test: all steps passed');
console.log(`Node ${process.versions.node}, ${((Date.now() - started) / 1000).toFixed(1)} s (${timings.join(', ')})`);
console.log(summaryLine(total));
process.exit(failed.length ? 1 : 0);
