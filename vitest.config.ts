import { defineConfig } from 'vitest/config';

// API and unit tests. OUTSIGHT_TEST_DB=postgres runs the same suite on the PostgreSQL
// server (a fresh database per run) instead of embedded PGlite.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
