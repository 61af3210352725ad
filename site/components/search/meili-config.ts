// Build-time: whether the search page talks to Meilisearch, and with what. Only a search-only key or a tenant
// token may reach the page; the admin key is refused so a misconfigured build fails instead of publishing it.
import { DEFAULT_LAYOUT, type MeiliClientConfig, type MeiliLayout } from '../../../formats/search-index/meili-layout.ts';

export function meiliClientConfig(env: Record<string, string | undefined> = process.env): MeiliClientConfig | undefined {
  const host = env.HERITAGE_MEILI_HOST;
  const key = env.HERITAGE_MEILI_SEARCH_KEY;
  if (!host || !key) return undefined;
  if (env.HERITAGE_MEILI_ADMIN_KEY && key === env.HERITAGE_MEILI_ADMIN_KEY) {
    throw new Error('HERITAGE_MEILI_SEARCH_KEY is the admin key: give the site a search-only key or a tenant token');
  }
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(host)) {
    throw new Error('HERITAGE_MEILI_HOST carries a user name or password, which the search page would publish');
  }
  const layout = (env.HERITAGE_MEILI_LAYOUT ?? DEFAULT_LAYOUT) as MeiliLayout;
  return { host, key, index: env.HERITAGE_MEILI_INDEX ?? 'heritage', layout };
}
