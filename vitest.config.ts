import { defineConfig } from 'vitest/config';

const onPostgres = process.env.OUTSIGHT_TEST_DB === 'postgres';

// API and unit tests. OUTSIGHT_TEST_DB=postgres runs the database-backed suites again on
// the PostgreSQL server (a fresh database per run); pure and CLI suites run once.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: onPostgres ? ['test/domain/**', 'test/cli/**', '**/node_modules/**'] : ['**/node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
