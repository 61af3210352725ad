// The search page tells the browser which engine to use. The admin key must never reach the built page.
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterEach, describe, expect, it, vi } from 'vitest';
import SearchPage from '../../../site/components/search/SearchPage.astro';

const ENV = ['HERITAGE_MEILI_HOST', 'HERITAGE_MEILI_SEARCH_KEY', 'HERITAGE_MEILI_ADMIN_KEY', 'HERITAGE_MEILI_INDEX'];
afterEach(() => {
  vi.unstubAllEnvs();
});

const render = async () => (await AstroContainer.create()).renderToString(SearchPage, { props: { locale: 'en' } });

describe('search page engine switch', () => {
  it('uses the static index when Meilisearch is not configured', async () => {
    for (const k of ENV) vi.stubEnv(k, undefined);
    expect(await render()).not.toContain('data-meili');
  });

  it('passes host and search key, never the admin key', async () => {
    vi.stubEnv('HERITAGE_MEILI_HOST', 'https://search.example.org');
    vi.stubEnv('HERITAGE_MEILI_SEARCH_KEY', 'search-only-4f2a');
    vi.stubEnv('HERITAGE_MEILI_ADMIN_KEY', 'admin-secret-9c1e');
    const html = await render();
    expect(html).toContain('data-meili');
    expect(html).toContain('search-only-4f2a');
    expect(html).toContain('https://search.example.org');
    expect(html).not.toContain('admin-secret-9c1e');
  });

  it('refuses to build a page with the admin key as its search key', async () => {
    vi.stubEnv('HERITAGE_MEILI_HOST', 'https://search.example.org');
    vi.stubEnv('HERITAGE_MEILI_SEARCH_KEY', 'admin-secret-9c1e');
    vi.stubEnv('HERITAGE_MEILI_ADMIN_KEY', 'admin-secret-9c1e');
    await expect(render()).rejects.toThrow(/admin key/);
  });
});
