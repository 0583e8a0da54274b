// `npm test`'s closing line (scripts/test-summary.mjs) over the JSON reports vitest and Playwright write: every
// way a run can fail outside a failed test must count as a failure, and skipped tests are shown.
import { describe, expect, it } from 'vitest';
import { summarize, summaryLine } from '../../../scripts/test-summary.mjs';

/** The shape of vitest's JSON reporter (numbers and per-file results). */
function vitestReport(files: { name: string; status: 'passed' | 'failed'; message?: string; tests: string[] }[]) {
  const tests = files.flatMap((f) => f.tests);
  return {
    numPassedTests: tests.filter((t) => t === 'passed').length,
    numFailedTests: tests.filter((t) => t === 'failed').length,
    numPendingTests: tests.filter((t) => t === 'skipped').length,
    numTodoTests: tests.filter((t) => t === 'todo').length,
    success: files.every((f) => f.status === 'passed'),
    testResults: files.map((f) => ({
      name: f.name,
      status: f.status,
      message: f.message ?? '',
      assertionResults: f.tests.map((status) => ({ status })),
    })),
  };
}

const ok = vitestReport([{ name: '/repo/test/unit/a.test.ts', status: 'passed', tests: ['passed', 'passed'] }]);
const pw = (stats: object, errors: object[] = []) => ({ stats, errors, suites: [] });

describe('summarize', () => {
  it('adds both runners: passed, failed, skipped (flaky passes count as passed)', () => {
    const s = summarize({
      unit: { report: ok, exitCode: 0 },
      e2e: { report: pw({ expected: 5, unexpected: 0, flaky: 1, skipped: 2 }), exitCode: 0 },
    });
    expect(summaryLine(s)).toBe('8 passed, 0 failed, 2 skipped');
    expect(s.notes).toEqual([]);
  });

  it('counts a test file that fails to import (no test ran in it) as a failure', () => {
    const report = vitestReport([
      ...ok.testResults.map(() => ({ name: '/repo/a.test.ts', status: 'passed' as const, tests: ['passed'] })),
      { name: '/repo/b.test.ts', status: 'failed', message: "Cannot find module './gone'\nstack", tests: [] },
    ]);
    const s = summarize({ unit: { report, exitCode: 1 } });
    expect(summaryLine(s)).toBe('1 passed, 1 failed, 0 skipped');
    expect(s.notes).toEqual(["unit: /repo/b.test.ts: Cannot find module './gone'"]);
  });

  it('counts a file whose beforeAll threw (its tests skipped, none failed) as a failure, and shows the skips', () => {
    const report = vitestReport([
      { name: '/repo/c.test.ts', status: 'failed', message: 'boom', tests: ['skipped', 'skipped', 'todo'] },
    ]);
    expect(summaryLine(summarize({ unit: { report, exitCode: 1 } }))).toBe('0 passed, 1 failed, 3 skipped');
  });

  it('does not count a file twice when its failure is a failed test', () => {
    const report = vitestReport([{ name: '/repo/d.test.ts', status: 'failed', tests: ['failed', 'passed'] }]);
    expect(summaryLine(summarize({ unit: { report, exitCode: 1 } }))).toBe('1 passed, 1 failed, 0 skipped');
  });

  it('counts an unhandled error (every test passed, vitest exited 1) as a failure', () => {
    const s = summarize({ unit: { report: ok, exitCode: 1 } });
    expect(summaryLine(s)).toBe('2 passed, 1 failed, 0 skipped');
    expect(s.notes[0]).toMatch(/^unit: the runner exited with an error no test accounts for \(exit 1\)$/);
  });

  it('counts a runner that left no report (crashed) as a failure', () => {
    const s = summarize({ unit: { report: null, exitCode: 1 }, e2e: { report: null, exitCode: 1 } });
    expect(summaryLine(s)).toBe('0 passed, 2 failed, 0 skipped');
  });

  it("counts Playwright's top-level errors (port taken, before any test) as failures", () => {
    const report = pw({ expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, [
      { message: 'Error: http://127.0.0.1:4179/ is already used, make sure that nothing is running on the port' },
    ]);
    const s = summarize({ unit: { report: ok, exitCode: 0 }, e2e: { report, exitCode: 1 } });
    expect(summaryLine(s)).toBe('2 passed, 1 failed, 0 skipped');
    expect(s.notes).toEqual([
      'e2e: Error: http://127.0.0.1:4179/ is already used, make sure that nothing is running on the port',
    ]);
  });

  it('counts unexpected Playwright results as failed tests', () => {
    const s = summarize({ e2e: { report: pw({ expected: 3, unexpected: 2, flaky: 0, skipped: 1 }), exitCode: 1 } });
    expect(summaryLine(s)).toBe('3 passed, 2 failed, 1 skipped');
  });

  it('ignores a step that did not run (a stale report of an earlier run must not count)', () => {
    const s = summarize({ unit: { report: ok, exitCode: null }, e2e: { report: pw({ expected: 9 }), exitCode: null } });
    expect(summaryLine(s)).toBe('0 passed, 0 failed, 0 skipped');
  });
});
