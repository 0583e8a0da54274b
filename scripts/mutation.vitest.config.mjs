// The vitest configuration Stryker runs (scripts/mutation.mjs): the project's own, narrowed to the test folders
// that matter for the mutated folder (passed in VIGIE_MUTATION_TESTS: folders, or single .test.ts files), without
// the JSON report `npm test` reads.
import base from '../vitest.config.ts';

const folders = JSON.parse(process.env.VIGIE_MUTATION_TESTS ?? '["test/unit"]');

export default {
  ...base,
  test: {
    ...base.test,
    include: folders.map((f) => (f.endsWith('.test.ts') ? f : `${f}/**/*.test.ts`)),
    reporters: ['default'],
  },
};
