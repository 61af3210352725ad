// The unit tests that render .astro components, with Astro's Vite config (see vitest.config.ts).
import { getViteConfig } from 'astro/config';

/** Shared by both unit-test projects. */
export const TIMEOUTS = { testTimeout: 60_000, hookTimeout: 120_000 };

export const ASTRO_TESTS = ['tests/site/**/*.test.ts', 'tests/assets-pipeline/search-meili/search-page-config.test.ts'];

export default getViteConfig({
  test: { name: 'site', include: ASTRO_TESTS, pool: 'forks', ...TIMEOUTS },
});
