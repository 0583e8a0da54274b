// Types for scripts/test-summary.mjs (used by test/unit/scripts/test-summary.test.ts).
export interface RunnerOutcome {
  report: unknown;
  exitCode: number | null;
}
export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
  notes: string[];
}
export function summarize(outcomes: { unit?: RunnerOutcome; e2e?: RunnerOutcome }): Summary;
export function summaryLine(s: Summary): string;
