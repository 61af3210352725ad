// The built site's /search/ page, as a visitor reaches it with ?q=: its script loads the published index, and the
// count and first hit it shows must be those the same engine gives in Node over the same published index files.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { createSearch } from '../../site/components/search/runtime/engine.ts';
import fr from '../../site/i18n/locales/search.fr.json';
import { E2E_DIST } from './env.ts';
import { useBrowser } from './use-browser.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

/** What the page must print for a total (the French strings of the search feature). */
const statusFor = (total: number): string =>
  total === 0 ? fr.noResults : total === 1 ? fr.resultsOne : fr.results.replace('{{count}}', total.toLocaleString('fr'));

describe('search page of the built site', () => {
  it('shows the same count and first hit in Chromium as the engine in Node over the published index', async () => {
    const node = createSearch(path.join(E2E_DIST, 'search'), async (f) => new Uint8Array(fs.readFileSync(f)));
    const page = await browser.newPage();
    const left: string[] = [];
    page.on('request', (r) => !r.url().startsWith(base) && !r.url().startsWith('data:') && left.push(r.url()));
    try {
      // Names from the shared data (a Song painter, a jade), a French query, a misspelling and a typo'd phrase.
      for (const q of ['郭熙', 'Guo Xi', 'bol en jade', '樹色', 'porcelian', 'jade bowl handels']) {
        const expected = await node.search({ q, locale: 'fr' });
        const res = await page.goto(`${base}/fr/search/?q=${encodeURIComponent(q)}`);
        expect(res?.status(), q).toBe(200);
        const status = page.locator('search-page [data-status]');
        await expect.poll(() => status.textContent(), { timeout: 20_000 }).toBe(statusFor(expected.total));
        const links = page.locator('search-page [data-results] a');
        if (expected.hits[0]) expect(await links.first().getAttribute('href'), q).toBe(`/fr/${expected.hits[0].href}`);
        else expect(await links.count(), q).toBe(0);
      }
      // The painter is in the data: an empty answer would make the comparison above prove nothing.
      expect((await node.search({ q: '郭熙', locale: 'fr' })).total).toBeGreaterThan(0);
      expect(left).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
