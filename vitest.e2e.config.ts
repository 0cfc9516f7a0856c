import { defineConfig } from 'vitest/config';

/** Browser tests: each spec file starts the real server and drives Debian's Chromium. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    // Generous: a busy machine must not turn a slow test into a failed one; a hang still ends.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Two spec files at a time, each with its own server, data directory and Chromium: a
    // spec spends much of its time waiting on its server or its browser, so two share the two
    // cores well (the suite took 183 s instead of 260 s on an idle machine; docs/PERFORMANCE.md).
    pool: 'forks',
    maxWorkers: 2,
  },
});
