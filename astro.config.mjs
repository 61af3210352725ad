// Static output in three languages. Media (IIIF tiles, derivatives, models, video) are published to
// build/media by the asset stages and served beside dist/ by scripts/serve.ts, never copied through public/.
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import { DEFAULT_LOCALE, LOCALES } from './model/locales.ts';

export default defineConfig({
  srcDir: './site',
  publicDir: './site/public',
  outDir: process.env.HERITAGE_DIST_DIR || './dist',
  // Parallel page parts (assets-pipeline/pages/stage.ts) each get their own cache.
  cacheDir: process.env.HERITAGE_ASTRO_CACHE_DIR || './node_modules/.astro',
  output: 'static',
  site: process.env.HERITAGE_SITE_URL || 'http://localhost:4321',
  trailingSlash: 'always',
  // Several pages in flight, so one page's file writes overlap the next one's rendering.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 4 },
  integrations: [react()],
  i18n: {
    locales: [...LOCALES],
    defaultLocale: DEFAULT_LOCALE,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  devToolbar: { enabled: false },
  vite: { build: { chunkSizeWarningLimit: 4096 } },
});
