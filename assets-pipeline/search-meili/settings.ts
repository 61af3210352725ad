// Index settings. Ranking follows the static engine: title > names > text, the visitor's language first where
// the layout allows it; Chinese is matched through the gram fields (han-grams.ts), never through Meilisearch's
// own segmentation.
//
// Layout: one index with localizedAttributes (DEFAULT_LAYOUT = 'single'), chosen by measuring both with
// `npm run bench -- meilisearch --artifacts 30000 --layout both` (same documents, same 100 queries, busy 2-core box):
//   single     49.9 s to index, 2.0 GiB peak server RSS, 243 MiB on disk, p50 45 ms, p95 54 ms
//   perLocale 115.9 s to index, 3.3 GiB peak server RSS, 715 MiB on disk, p50 48 ms, p95 61 ms
// Every record carries all three languages (cross-language search needs them in every locale), so per-locale
// indexes hold the same text three times: 2.3× the indexing time and 2.9× the disk for one gain only, the
// visitor's language ranked first among equal matches. The relevance cases pass on the single index, and
// localizedAttributes still gives each field its own tokenizer (cmn/eng/fra). perLocale stays available
// (HERITAGE_MEILI_LAYOUT=perLocale) for a site that needs that ranking more than the resources.
import { createHash } from 'node:crypto';
import type { Settings } from 'meilisearch';
import { FACETS, TYPO_MIN } from '../../formats/search-index/layout.ts';
import type { MeiliLayout } from '../../formats/search-index/meili-layout.ts';
import { STOP } from '../../formats/search-index/tokenize.ts';
import { LOCALES, type Locale } from '../../model/locales.ts';

const LOCALE: Record<Locale, 'cmn' | 'eng' | 'fra'> = { zh: 'cmn', en: 'eng', fr: 'fra' };

/** Searchable attributes in rank order. `first` puts one language's fields ahead of the others. */
function searchable(first?: Locale): string[] {
  const order = first ? [first, ...LOCALES.filter((l) => l !== first)] : LOCALES;
  const kind = (k: string) => order.map((l) => `${k}_${l}`);
  return [...kind('title'), 'han_title', ...kind('names'), ...kind('text'), 'han_text'];
}

/** Sized for 150k artifacts × their cues and collections: an empty query's total and deep pages stay exact. */
export const MAX_TOTAL_HITS = 200_000;

export function indexSettings(layout: MeiliLayout, locale: Locale | undefined, synonyms: Record<string, string[]>): Settings {
  return {
    searchableAttributes: searchable(layout === 'perLocale' ? locale : undefined),
    displayedAttributes: ['uid', 'display'],
    filterableAttributes: [...FACETS, 'yearFrom', 'yearTo'],
    sortableAttributes: ['yearFrom', 'yearTo'],
    rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
    // The static engine's stop words, so "bol en jade" does not require "en".
    stopWords: [...STOP],
    synonyms,
    localizedAttributes: LOCALES.map((l) => ({ attributePatterns: [`*_${l}`], locales: [LOCALE[l]] })),
    // Gram words are opaque codes: a "typo" in one is another character.
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: TYPO_MIN, twoTypos: 9 }, disableOnAttributes: ['han_title', 'han_text'] },
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    faceting: { maxValuesPerFacet: 500, sortFacetValuesBy: { '*': 'count' } },
    facetSearch: false,
  };
}

export function labelSettings(): Settings {
  return { filterableAttributes: ['facet'], searchableAttributes: ['key'], pagination: { maxTotalHits: 100_000 } };
}

/** Changes to settings or synonyms force a full reindex (incremental sync only moves documents). */
export const settingsHash = (layout: MeiliLayout, synonyms: Record<string, string[]>): string =>
  createHash('sha1')
    .update(JSON.stringify([layout, ...LOCALES.map((l) => indexSettings(layout, l, synonyms))]))
    .digest('hex');
