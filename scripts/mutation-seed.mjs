// `npm run mutation -- <folder> --incremental --seed <incremental file>…`: merges Stryker incremental reports
// (runs of single files, possibly from other checkouts of the same commit) into the run's own incremental file, so
// that a folder run reuses the per-file results and retests only what changed since (docs/testing.md).
// Test and mutant ids are numbers local to each run: they are renumbered, tests keyed by file and full name.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * @param {string} target the run's incremental file (read first when it exists, then overwritten)
 * @param {string[]} seeds other incremental files; for each source file, the last one that has it wins
 * @returns {{ files: number, mutants: number, tests: number }}
 */
export function seedIncremental(target, seeds) {
  const reports = [...(existsSync(target) ? [target] : []), ...seeds].map((file) => {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof report !== 'object' || report === null || typeof report.files !== 'object') {
      throw new Error(`${file}: pas un rapport Stryker / not a Stryker report`);
    }
    return report;
  });
  if (reports.length === 0) throw new Error('--seed: aucun rapport / no report');

  const testIds = new Map(); // `${testFile}\0${name}` → new id
  const testFiles = {};
  const files = {};
  let nextMutant = 0;
  for (const report of reports) {
    const local = new Map(); // this report's test id → new id
    for (const [testFile, entry] of Object.entries(report.testFiles ?? {})) {
      const kept = (testFiles[testFile] ??= { source: entry.source, tests: [] });
      kept.source = entry.source;
      for (const test of entry.tests) {
        const key = `${testFile}\0${test.name}`;
        let id = testIds.get(key);
        if (id === undefined) {
          id = String(testIds.size);
          testIds.set(key, id);
          kept.tests.push({ ...test, id });
        }
        local.set(test.id, id);
      }
    }
    const remap = (ids) => ids?.map((id) => local.get(id)).filter((id) => id !== undefined);
    for (const [sourceFile, entry] of Object.entries(report.files)) {
      files[sourceFile] = {
        ...entry,
        mutants: entry.mutants.map((m) => ({
          ...m,
          id: String(nextMutant++),
          coveredBy: remap(m.coveredBy),
          killedBy: remap(m.killedBy),
        })),
      };
    }
  }
  const base = reports[reports.length - 1];
  writeFileSync(target, JSON.stringify({ ...base, files, testFiles }));
  const mutants = Object.values(files).reduce((n, f) => n + f.mutants.length, 0);
  return { files: Object.keys(files).length, mutants, tests: testIds.size };
}
