// `npm run mutation -- <folder> [--json] [--tests <test folder>]… [--checker]`: Stryker (vitest runner) on one
// source folder, against the tests that matter for it, then one line with the mutation score (or only JSON with
// --json). Not part of `npm test`: a folder takes minutes. Concurrency 1 (the machine is small and shared); the
// TypeScript checker (which drops mutants that do not compile before running them) only with --checker.
// What it measures and the scores reached: docs/testing.md.
import { mkdirSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { relaunchUnderLts } from './lts-node.mjs';

// Stryker starts vitest with this process's Node: it must be the supported LTS (scripts/lts-node.mjs).
await relaunchUnderLts();

/** Source folder → the test folders that exercise it (default: test/unit/<last segment>). */
const TESTS = {
  'shared/schedule': ['test/unit/schedule'],
  'shared/escalation': ['test/unit/escalation'],
  'shared/planning': ['test/unit/planning'],
  'electron/core/scheduler': ['test/unit/scheduler'],
};

function usage(message) {
  console.error(`${message}\nUsage: npm run mutation -- <dossier> [--json] [--tests <dossier de tests>]… [--checker]`);
  process.exit(2);
}

const args = process.argv.slice(2);
let folder;
let json = false;
let checker = false;
const extraTests = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--json') json = true;
  else if (a === '--checker') checker = true;
  else if (a === '--tests') {
    const t = args[++i];
    if (t === undefined) usage('--tests attend un dossier / --tests needs a folder');
    extraTests.push(t.replace(/\/+$/, ''));
  } else if (a.startsWith('-')) usage(`Option inconnue : ${a} / Unknown option: ${a}`);
  else if (folder === undefined) folder = a.replace(/\\/g, '/').replace(/\/+$/, '');
  else usage(`Un seul dossier à la fois / One folder at a time: ${a}`);
}
if (folder === undefined) usage('Dossier manquant / Missing folder');
if (!existsSync(folder)) usage(`Dossier introuvable / Folder not found: ${folder}`);
const tests = extraTests.length > 0 ? extraTests : (TESTS[folder] ?? [`test/unit/${path.basename(folder)}`]);
for (const t of tests) if (!existsSync(t)) usage(`Dossier de tests introuvable / Test folder not found: ${t}`);

const slug = folder.replace(/[^a-z0-9]+/gi, '-');
const reportDir = path.join('reports', 'mutation');
mkdirSync(reportDir, { recursive: true });

const { Stryker } = await import('@stryker-mutator/core');

// Stryker's vitest runner takes one `dir`: with several test folders, their common parent, and the include list
// narrows it down.
const options = {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner', ...(checker ? ['@stryker-mutator/typescript-checker'] : [])],
  mutate: [`${folder}/**/*.ts`, `!${folder}/**/index.ts`, `!${folder}/**/*.d.ts`],
  vitest: { configFile: 'scripts/mutation.vitest.config.mjs', related: false },
  concurrency: 1,
  coverageAnalysis: 'perTest',
  ignoreStatic: false,
  incremental: false,
  checkers: checker ? ['typescript'] : [],
  tsconfigFile: 'tsconfig.json',
  reporters: json ? ['json'] : ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: path.join(reportDir, `${slug}.json`) },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  tempDirName: `.stryker-tmp/${slug}`,
  cleanTempDir: 'always',
  logLevel: json ? 'error' : 'info',
  fileLogLevel: 'off',
  timeoutMS: 10_000,
};
process.env.VIGIE_MUTATION_TESTS = JSON.stringify(tests);

const started = Date.now();
const results = await new Stryker(options).runMutationTest();
const seconds = Math.round((Date.now() - started) / 1000);
rmSync(`.stryker-tmp/${slug}`, { recursive: true, force: true });

const count = (...statuses) => results.filter((r) => statuses.includes(r.status)).length;
const killed = count('Killed');
const timeout = count('Timeout');
const survived = count('Survived');
const noCoverage = count('NoCoverage');
const ignored = count('Ignored');
const errors = count('CompileError', 'RuntimeError');
const detected = killed + timeout;
const valid = detected + survived + noCoverage;
const score = valid === 0 ? null : Math.round((detected / valid) * 1000) / 10;
const survivors = results
  .filter((r) => r.status === 'Survived' || r.status === 'NoCoverage')
  .map((r) => ({
    file: r.fileName,
    line: r.location.start.line,
    mutator: r.mutatorName,
    replacement: r.replacement,
    status: r.status,
  }));
const summary = {
  folder,
  tests,
  score,
  killed,
  timeout,
  survived,
  noCoverage,
  ignored,
  errors,
  seconds,
  survivors,
};
if (json) console.log(JSON.stringify(summary, null, 2));
else {
  console.log(
    `\nScore de mutation / mutation score ${folder}: ${score ?? '—'} % ` +
      `(${detected} détectés / detected, ${survived} survivants / survived, ${noCoverage} sans couverture / ` +
      `no coverage, ${ignored} ignorés / ignored, ${seconds} s)`,
  );
}
