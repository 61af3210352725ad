// Static output in three languages. Media (IIIF tiles, derivatives, models, video) are published to
// build/media by the asset stages and served beside dist/ by scripts/serve.ts, never copied through public/.
import { defineConfig } from 'astro/config';
import fs from 'node:fs';
import react from '@astrojs/react';
import { DEFAULT_LOCALE, LOCALES } from './model/locales.ts';
import { headersFile } from './model/csp.ts';
import { liveStreamOrigins } from './model/live.ts';
import { linkedImageOrigins } from './model/store.ts';

/** Writes `_headers` (the CSP and security headers for static hosts, allowing the live views' stream hosts and the
 * linked image hosts) beside
 * the pages; the local server sends the policy it holds. */
const securityHeaders = {
  name: 'heritage-security-headers',
  hooks: { 'astro:build:done': ({ dir }) => fs.writeFileSync(new URL('_headers', dir), headersFile(liveStreamOrigins(), linkedImageOrigins())) },
};

/** Astro writes a `[locale]/404.astro` page as `zh/404/index.html`; static hosts look for `zh/404.html`
 * (scripts/site-server.ts, Cloudflare's nearest 404.html, the `_redirects` rules written here for Netlify). */
const notFoundPages = {
  name: 'heritage-not-found-pages',
  hooks: {
    'astro:build:done': ({ dir }) => {
      for (const locale of LOCALES) {
        const folder = new URL(`${locale}/404/`, dir);
        if (!fs.existsSync(new URL('index.html', folder))) continue;
        fs.renameSync(new URL('index.html', folder), new URL(`${locale}/404.html`, dir));
        fs.rmSync(folder, { recursive: true });
      }
      fs.writeFileSync(new URL('_redirects', dir), LOCALES.map((l) => `/${l}/*  /${l}/404.html  404\n`).join(''));
    },
  },
};

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
  integrations: [react(), securityHeaders, notFoundPages],
  i18n: {
    locales: [...LOCALES],
    defaultLocale: DEFAULT_LOCALE,
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  devToolbar: { enabled: false },
  // No script inlined into a page, however small: the Content-Security-Policy allows scripts from files only.
  vite: { build: { chunkSizeWarningLimit: 4096, assetsInlineLimit: 0 } },
});
