import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/shell/**/*.test.ts'],
    environment: 'node',
    // Tests never sleep in real time; a test that needs more than this is doing real waits.
    testTimeout: 20_000,
    pool: 'forks',
    // The JSON copy lets `npm test` print one "N passed, N failed" line for both runners (scripts/test.mjs).
    reporters: ['default', ['json', { outputFile: '.test-reports/vitest.json' }]],
  },
});
