import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/shell/**/*.test.ts'],
    environment: 'node',
    // Tests never sleep in real time; a test that needs more than this is doing real waits.
    testTimeout: 20_000,
    pool: 'forks',
  },
});
