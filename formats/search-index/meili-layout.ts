// The Meilisearch "format": index names and document fields, shared by the indexer (assets-pipeline/search-meili)
// and the browser runtime, like layout.ts is for the static index.
import type { FacetName, StoredDoc } from './layout.ts';
import { LOCALES, type Locale } from '../../model/locales.ts';

/** `perLocale`: one index per locale, its language's fields ranked first. `single`: one index for all three.
 * The choice was measured (see assets-pipeline/search-meili/settings.ts). */
export type MeiliLayout = 'perLocale' | 'single';
export const DEFAULT_LAYOUT: MeiliLayout = 'single';

/** What the site needs to query: never the admin key. */
export interface MeiliClientConfig {
  host: string;
  /** A search-only API key or a tenant token. */
  key: string;
  index: string;
  layout: MeiliLayout;
}

export const searchIndexUid = (base: string, layout: MeiliLayout, locale: Locale): string => (layout === 'perLocale' ? `${base}_${locale}` : base);
export const allSearchIndexUids = (base: string, layout: MeiliLayout): string[] => (layout === 'perLocale' ? LOCALES.map((l) => `${base}_${l}`) : [base]);
/** Facet labels (a few hundred documents) live in their own small index. */
export const labelsIndexUid = (base: string): string => `${base}_facets`;

export interface MeiliDoc {
  /** Primary key: `type-id`, made safe for Meilisearch's id alphabet. */
  uid: string;
  title_zh?: string;
  title_en?: string;
  title_fr?: string;
  names_zh?: string;
  names_en?: string;
  names_fr?: string;
  text_zh?: string;
  text_en?: string;
  text_fr?: string;
  /** Han unigram + bigram words (see han-grams.ts) of the title, and of names + text. */
  han_title?: string;
  han_text?: string;
  type: string;
  collection?: string;
  period?: string;
  objectType?: string;
  material: string[];
  rights?: string;
  has3d?: string;
  yearFrom?: number;
  yearTo?: number;
  display: Record<Locale, StoredDoc>;
}

export interface MeiliLabelDoc {
  uid: string;
  facet: FacetName;
  key: string;
  l: Partial<Record<Locale, string>>;
}
