// The search feature's UI strings, read at build time by the Astro components and passed to the client
// script as data (the client never loads i18next).
import type { Locale } from '../../../model/locales.ts';
import type { FacetName } from '../../../formats/search-index/layout.ts';
import zh from '../../i18n/locales/search.zh.json';
import en from '../../i18n/locales/search.en.json';
import fr from '../../i18n/locales/search.fr.json';

export type SearchStrings = typeof en;
const ALL: Record<Locale, SearchStrings> = { zh, en, fr };
export const searchStrings = (locale: Locale): SearchStrings => ALL[locale];

/** A search facet's name, as its filter group is labelled: every facet the index stores needs its `facet.<name>`
 * string, or this does not compile. */
export const facetLabel = (t: SearchStrings, f: FacetName): string => t[`facet.${f}`];
