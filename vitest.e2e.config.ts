import { defineConfig } from 'vitest/config';

/** Browser tests: each spec file starts the real server and drives Debian's Chromium. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    // Generous: a busy machine must not turn a slow test into a failed one; a hang still ends.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
