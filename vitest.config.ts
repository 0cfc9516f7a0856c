import { defineConfig } from 'vitest/config';
import SlowFirst from './test/support/sequencer.ts';

const onPostgres = process.env.OUTSIGHT_TEST_DB === 'postgres';

// API and unit tests. OUTSIGHT_TEST_DB=postgres runs the database-backed suites again on
// the PostgreSQL server (a fresh database per run); pure and CLI suites run once, and so
// do the heavy real-data checks that test the engine rather than the database.
const ONCE = ['test/domain/**', 'test/cli/**', 'test/api/uci-made-sla.test.ts'];
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: onPostgres ? [...ONCE, '**/node_modules/**'] : ['**/node_modules/**'],
    globalSetup: ['test/support/global-setup.ts'],
    // Generous: a busy machine must not turn a slow test into a failed one; a hang still ends.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 2,
    // Each worker imports the app once for all its files instead of once per file (about 2 s
    // a file: the PGlite pass went from about 12 to about 9 minutes, the PostgreSQL pass from
    // 4 to 2¼; docs/PERFORMANCE.md). Files share no state: each opens its own database (a
    // PGlite from the template, or its own organisations on PostgreSQL) and its own app.
    isolate: false,
    // On PostgreSQL every file shares one database, and some (reminders) act on every
    // organisation in it: that pass keeps Vitest's order, which its tests were written against.
    ...(onPostgres ? {} : { sequence: { sequencer: SlowFirst } }),
  },
});
