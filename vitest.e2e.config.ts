// Browser tests over the built demo site, in Debian's Chromium. The global setup builds the demo once
// (into test-output/, leaving the developer's build/ and dist/ alone) and serves it.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Two files at a time: a browser test mostly waits on Chromium, which leaves a core free on a 2-core runner.
    fileParallelism: true,
    maxWorkers: 2,
    pool: 'forks',
  },
});
