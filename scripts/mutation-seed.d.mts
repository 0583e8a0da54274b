// Types for scripts/mutation-seed.mjs (used by test/unit/scripts/mutation-seed.test.ts).
export function seedIncremental(target: string, seeds: string[]): { files: number; mutants: number; tests: number };
