// Browser tests over the built demo site, in Debian's Chromium. The global setup builds the demo once
// (into test-output/, leaving the developer's build/ and dist/ alone) and serves it.
import { defineConfig } from 'vitest/config';

/** Files that need the machine to themselves: the live view's test plays a stream a real-time encoder makes, and
 * beside another browser test file on a 2-core runner the encoder fell behind and playback stalled. */
const ALONE = ['tests/e2e/live.e2e.ts'];

export default defineConfig({
  test: {
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        // Two files at a time: a browser test mostly waits on Chromium, which leaves a core free on a 2-core runner.
        test: { name: 'browser', include: ['tests/e2e/**/*.e2e.ts'], exclude: ALONE, fileParallelism: true, maxWorkers: 2, sequence: { groupOrder: 0 } },
      },
      // Run after every other file has finished.
      { extends: true, test: { name: 'browser-alone', include: ALONE, fileParallelism: false, sequence: { groupOrder: 1 } } },
    ],
  },
});
