// The Meilisearch half of the search page: same request and response as the static engine (engine.ts), so
// search-page.ts renders both alike. Chinese reaches Meilisearch as gram words (core/han-grams.ts), the form
// the indexer wrote. Facet counts are disjunctive like the static engine's: a facet's own selection does not
// narrow its counts (one extra query per active facet, in the same multi-search request).
import { Meilisearch, type MultiSearchQuery, type SearchResponse as MeiliResponse } from 'meilisearch';
import { FACETS, type FacetName, type StoredDoc } from '../../../../formats/search-index/layout.ts';
import { labelsIndexUid, searchIndexUid, type MeiliClientConfig, type MeiliLabelDoc } from '../../../../formats/search-index/meili-layout.ts';
import { rewriteQuery } from '../../../../formats/search-index/han-grams.ts';
import { prepareFor } from '../../../../formats/search-index/tokenize.ts';
import type { FacetCount, Filters, SearchRequest, SearchResponse } from './engine.ts';
import { type KnownValue, prepareFilters, resolveFilters } from './filter-values.ts';
import { LOCALES, type Locale } from '../../../../model/locales.ts';

type Hit = { display: Record<Locale, StoredDoc>; _rankingScore?: number };
type Labels = Map<string, Partial<Record<Locale, string>>>;
/** The labels index's values per facet, for reading the URL's filter values (filter-values.ts). */
type Known = Map<FacetName, KnownValue[]>;

const quote = (v: string) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

function filterOf(filters: Filters, except?: FacetName): string[] {
  const out: string[] = [];
  for (const f of FACETS) {
    const v = filters[f];
    if (f !== except && v?.length) out.push(`${f} IN [${v.map(quote).join(', ')}]`);
  }
  // Same as the static engine: a record without a date fails any year bound.
  if (filters.yearFrom !== undefined) out.push(`yearTo >= ${Number(filters.yearFrom)}`);
  if (filters.yearTo !== undefined) out.push(`yearFrom <= ${Number(filters.yearTo)}`);
  return out;
}

export function createMeiliSearch(config: MeiliClientConfig) {
  const client = new Meilisearch({ host: config.host, apiKey: config.key });
  let meta: Promise<{ labels: Labels; known: Known; years: { min: number; max: number } }> | undefined;

  function loadMeta(locale: Locale) {
    meta ??= (async () => {
      const [labels, stats] = await Promise.all([
        client.index<MeiliLabelDoc>(labelsIndexUid(config.index)).search('', { limit: 10_000 }),
        client.index(searchIndexUid(config.index, config.layout, locale)).search('', { limit: 0, facets: ['yearFrom', 'yearTo'] }),
      ]);
      const map: Labels = new Map(labels.hits.map((h) => [`${h.facet}\u0000${h.key}`, h.l]));
      const known: Known = new Map();
      for (const h of labels.hits) known.set(h.facet, [...(known.get(h.facet) ?? []), { k: h.key, l: h.l }]);
      const s = stats.facetStats ?? {};
      return { labels: map, known, years: { min: s.yearFrom?.min ?? 0, max: s.yearTo?.max ?? s.yearFrom?.max ?? 0 } };
    })();
    meta.catch(() => {
      meta = undefined;
    });
    return meta;
  }

  async function search(req: SearchRequest): Promise<SearchResponse> {
    // The filter values become keys before the query goes out: a label ("soie") finds what its key does, and a
    // value naming nothing is reported rather than sent as a filter that matches no document.
    const [m] = await Promise.all([loadMeta(req.locale), prepareFor(req.q), prepareFilters(req.filters ?? {})]);
    const asked = resolveFilters(req.filters ?? {}, (f) => m.known.get(f) ?? []);
    const q = rewriteQuery(req.q.replace(/^\s+/, ''));
    const filters = asked.filters;
    const limit = req.limit ?? 10;
    const offset = req.offset ?? 0;
    const indexUid = searchIndexUid(config.index, config.layout, req.locale);
    const active = FACETS.filter((f) => filters[f]?.length);
    const base = { indexUid, q, matchingStrategy: 'all' as const };
    const queries: MultiSearchQuery[] = [
      // page/hitsPerPage (not offset/limit) makes totalHits exact, like the static engine's total.
      {
        ...base,
        filter: filterOf(filters),
        facets: [...FACETS],
        hitsPerPage: offset + limit,
        page: 1,
        attributesToRetrieve: ['display'],
        showRankingScore: true,
      },
      ...active.map((f) => ({ ...base, filter: filterOf(filters, f), facets: [f], hitsPerPage: 0, page: 1 })),
    ];
    const { results } = await client.multiSearch({ queries });
    // multiSearch types its results generically; the first query is ours, with our document shape.
    const main = results[0] as unknown as MeiliResponse<Hit>;
    const dist: Record<string, Record<string, number>> = { ...(main.facetDistribution ?? {}) };
    active.forEach((f, i) => {
      dist[f] = results[i + 1]!.facetDistribution?.[f] ?? {};
    });
    const facets = {} as Record<FacetName, FacetCount[]>;
    for (const f of FACETS) {
      const counts = new Map(Object.entries(dist[f] ?? {}));
      for (const k of filters[f] ?? []) if (!counts.has(k)) counts.set(k, 0);
      facets[f] = [...counts]
        .map(([key, count]) => {
          const l = m.labels.get(`${f}\u0000${key}`) ?? {};
          const label = l[req.locale] ?? l.en ?? l.zh ?? l.fr ?? key;
          const fc: FacetCount = { key, label, count, selected: filters[f]?.includes(key) ?? false };
          if (!l[req.locale]) fc.labelLang = LOCALES.find((x) => l[x] === label) ?? 'en';
          return fc;
        })
        .sort((a, b) => b.count - a.count);
    }
    const hits = main.hits.slice(offset).map((h) => ({ ...h.display[req.locale], score: h._rankingScore ?? 0 }));
    return { ...asked, total: main.totalHits ?? main.estimatedTotalHits ?? hits.length, hits, facets, years: m.years };
  }

  return { search };
}
