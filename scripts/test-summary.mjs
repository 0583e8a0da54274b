// The closing line of `npm test` ("N passed, N failed, N skipped"), from the two runners' JSON reports and exit codes.
// Pure (no I/O) so test/unit/scripts/test-summary.test.ts can feed it every way a run goes wrong: a failure the
// runners do not count as a failed test (a file that fails to import, a beforeAll that throws, an unhandled error,
// Playwright stopping before any test because its port is taken) must still show as a failure here.

/**
 * @typedef {{ report: any, exitCode: number | null }} RunnerOutcome  report: the parsed JSON (null if missing);
 *   exitCode: the step's exit status (null when the step did not run).
 * @typedef {{ passed: number, failed: number, skipped: number, notes: string[] }} Summary
 */

/** Vitest: failed tests, plus each file that failed without a failed test (import error, hook error). */
function unitCounts(report) {
  const files = Array.isArray(report.testResults) ? report.testResults : [];
  const fileErrors = files.filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
  );
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + fileErrors.length,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
    notes: fileErrors.map((f) => `unit: ${f.name}: ${String(f.message || 'failed outside any test').split('\n')[0]}`),
  };
}

/** Playwright: unexpected results, plus its top-level errors (web server, global setup, config). */
function e2eCounts(report) {
  const stats = report.stats ?? {};
  const errors = Array.isArray(report.errors) ? report.errors : [];
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: (stats.unexpected ?? 0) + errors.length,
    skipped: stats.skipped ?? 0,
    notes: errors.map((e) => `e2e: ${String(e.message ?? e.value ?? 'error').split('\n')[0]}`),
  };
}

/**
 * One runner's counts. A runner that ran and exited non-zero with nothing counted as failed (an unhandled error,
 * a crash before writing its report) counts one failure: "0 failed" must never follow a failed step.
 * @param {string} name
 * @param {RunnerOutcome | undefined} outcome
 * @param {(report: any) => Summary} count
 * @returns {Summary}
 */
function runnerCounts(name, outcome, count) {
  if (!outcome || outcome.exitCode === null) return { passed: 0, failed: 0, skipped: 0, notes: [] };
  const c = outcome.report ? count(outcome.report) : { passed: 0, failed: 0, skipped: 0, notes: [] };
  if (outcome.exitCode !== 0 && c.failed === 0) {
    const why = outcome.report ? 'exited with an error no test accounts for' : 'left no report';
    return { ...c, failed: 1, notes: [...c.notes, `${name}: the runner ${why} (exit ${outcome.exitCode})`] };
  }
  return c;
}

/**
 * @param {{ unit?: RunnerOutcome, e2e?: RunnerOutcome }} outcomes
 * @returns {Summary}
 */
export function summarize(outcomes) {
  const parts = [runnerCounts('unit', outcomes.unit, unitCounts), runnerCounts('e2e', outcomes.e2e, e2eCounts)];
  return {
    passed: parts.reduce((n, p) => n + p.passed, 0),
    failed: parts.reduce((n, p) => n + p.failed, 0),
    skipped: parts.reduce((n, p) => n + p.skipped, 0),
    notes: parts.flatMap((p) => p.notes),
  };
}

/** @param {Summary} s */
export function summaryLine(s) {
  return `${s.passed} passed, ${s.failed} failed, ${s.skipped} skipped`;
}
