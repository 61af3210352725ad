// Unit and integration tests, in two projects: only the tests that render .astro components load Astro's Vite
// config (its plugins make every import slower: about a third of the pipeline tests' time went to it), and the two
// workers keep both of CI's cores busy, since much of a test file's time is importing, not testing.
import { defineConfig } from 'vitest/config';
import { ASTRO_TESTS, TIMEOUTS } from './vitest.site.config.ts';

export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [{ test: { name: 'pipeline', include: ['tests/**/*.test.ts'], exclude: ASTRO_TESTS, pool: 'forks', ...TIMEOUTS } }, './vitest.site.config.ts'],
  },
});
