// `npm run mutation -- <folder> [--file <source file>]… [--json] [--tests <test folder or file>]… [--incremental]
// [--seed <incremental file>]… [--checker]`: Stryker (vitest runner) on one source folder (or only some of its files or lines: --file
// shared/schedule/dayspec.ts:55-61), against the tests that
// matter for it, then one line with the mutation score (or only JSON with --json). Not part of `npm test`: a
// folder takes minutes. Concurrency 1 (the machine is small and shared); the TypeScript checker (which drops
// mutants that do not compile before running them) only with --checker. --file narrows the mutants to those files
// and the dry run to the test files that import them (vitest `related`); --incremental keeps the results in
// reports/mutation/ (git-ignored) and reruns only the mutants whose code or covering tests changed; --seed <file>
// (repeatable, implies --incremental) first merges other runs' incremental files into this run's (scripts/mutation-seed.mjs).
// What it measures and the scores reached: docs/testing.md.
import { mkdirSync, rmSync, existsSync } from 'node:fs';
import path from 'node:path';
import { relaunchUnderLts } from './lts-node.mjs';
import { seedIncremental } from './mutation-seed.mjs';

// Stryker starts vitest with this process's Node: it must be the supported LTS (scripts/lts-node.mjs).
await relaunchUnderLts();

/** Source folder → the test folders that exercise it (default: test/unit/<last segment>). */
const TESTS = {
  'shared/schedule': ['test/unit/schedule'],
  'shared/escalation': ['test/unit/escalation'],
  // The Exceptions table's planner tests (issue 13) live beside the table's other tests.
  'shared/planning': ['test/unit/planning', 'test/unit/exceptions/planner.test.ts'],
  // simulate.ts is exercised end to end by `cli simulate`'s tests; the Exceptions announcements (changes.ts) and the
  // verified-elsewhere suppression (verified.ts) by their own issue's tests.
  'electron/core/scheduler': [
    'test/unit/scheduler',
    'test/unit/exceptions',
    'test/unit/verified',
    'test/unit/cli/simulate.test.ts',
  ],
};

function usage(message) {
  console.error(
    `${message}\nUsage: npm run mutation -- <dossier> [--file <fichier source>]… [--json] ` +
      `[--tests <dossier ou fichier de tests>]… [--incremental] [--seed <fichier incrémental>]… [--checker]`,
  );
  process.exit(2);
}

const args = process.argv.slice(2);
let folder;
let json = false;
let checker = false;
let incremental = false;
const seeds = [];
const files = [];
const extraTests = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--json') json = true;
  else if (a === '--checker') checker = true;
  else if (a === '--incremental') incremental = true;
  else if (a === '--seed') {
    const f = args[++i];
    if (f === undefined || !existsSync(f))
      usage(`--seed attend un fichier incrémental existant / --seed needs an incremental file: ${f}`);
    seeds.push(f);
    incremental = true;
  } else if (a === '--file') {
    const f = args[++i];
    if (f === undefined) usage('--file attend un fichier source / --file needs a source file');
    files.push(f.replace(/\\/g, '/'));
  } else if (a === '--tests') {
    const t = args[++i];
    if (t === undefined) usage('--tests attend un dossier / --tests needs a folder');
    extraTests.push(t.replace(/\/+$/, ''));
  } else if (a.startsWith('-')) usage(`Option inconnue : ${a} / Unknown option: ${a}`);
  else if (folder === undefined) folder = a.replace(/\\/g, '/').replace(/\/+$/, '');
  else usage(`Un seul dossier à la fois / One folder at a time: ${a}`);
}
if (folder === undefined) usage('Dossier manquant / Missing folder');
if (!existsSync(folder)) usage(`Dossier introuvable / Folder not found: ${folder}`);
for (const f of files) {
  if (!f.startsWith(`${folder}/`)) usage(`Fichier hors du dossier / File outside the folder: ${f}`);
  // Stryker's own syntax narrows a file to lines: shared/schedule/dayspec.ts:55-61.
  if (!existsSync(f.replace(/:\d+(?:-\d+)?$/, ''))) usage(`Fichier introuvable / File not found: ${f}`);
}
const tests = extraTests.length > 0 ? extraTests : (TESTS[folder] ?? [`test/unit/${path.basename(folder)}`]);
for (const t of tests) if (!existsSync(t)) usage(`Dossier de tests introuvable / Test folder not found: ${t}`);

// One report (and incremental file) per folder, or per set of files: a run of one file keeps only that file's
// mutants, so it must not overwrite the folder's.
const slug = [folder, ...files.map((f) => path.basename(f).replace(/\.ts(?=:|$)/, ''))]
  .join('-')
  .replace(/[^a-z0-9]+/gi, '-');
const reportDir = path.join('reports', 'mutation');
mkdirSync(reportDir, { recursive: true });

const incrementalFile = path.join(reportDir, `${slug}.incremental.json`);
if (seeds.length > 0) {
  const seeded = seedIncremental(incrementalFile, seeds);
  if (!json)
    console.log(`Seeded ${incrementalFile}: ${seeded.files} files, ${seeded.mutants} mutants, ${seeded.tests} tests`);
}

const { Stryker } = await import('@stryker-mutator/core');

// Stryker's vitest runner takes one `dir`: with several test folders, their common parent, and the include list
// narrows it down.
const options = {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner', ...(checker ? ['@stryker-mutator/typescript-checker'] : [])],
  mutate: files.length > 0 ? files : [`${folder}/**/*.ts`, `!${folder}/**/index.ts`, `!${folder}/**/*.d.ts`],
  // With --file, the dry run runs only the test files that import the mutated files (then each mutant, as always,
  // only the tests that cover it).
  vitest: { configFile: 'scripts/mutation.vitest.config.mjs', related: files.length > 0 },
  concurrency: 1,
  coverageAnalysis: 'perTest',
  ignoreStatic: false,
  incremental,
  incrementalFile,
  checkers: checker ? ['typescript'] : [],
  tsconfigFile: 'tsconfig.json',
  reporters: json ? ['json'] : ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: path.join(reportDir, `${slug}.json`) },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true, reportMutants: true },
  tempDirName: `.stryker-tmp/${slug}`,
  // Not copied into the sandbox: other runs' sandboxes (two runs at once copied each other's, thousands of files),
  // reports and build output.
  ignorePatterns: [
    '/.stryker-tmp',
    '/reports',
    '/dist',
    '/release',
    '/test-results',
    '/playwright-report',
    '/.test-reports',
  ],
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
