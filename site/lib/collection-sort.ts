// Sorted listings of a collection. Why static pages per order, not a script or the search page: the listing
// pages are 1/48 of the artifact pages (COLLECTION_PAGE_SIZE), so each order adds ~2 % to a 150k-record site
// (3,125 pages per locale, ≈0.7 ms each) and works without JavaScript, with page numbers a visitor can link
// and go back to. Filters, whose combinations would multiply pages, go to the search page preset with the
// collection, which counts and combines them from its index at no page cost (CollectionTools.astro).
import type { Locale } from '../../model/locales.ts';
import { pickText } from '../../model/text.ts';
import type { CollectionSort } from '../../formats/urls.ts';
import type { ArtifactCardData } from './records.ts';

const cache = new Map<string, ArtifactCardData[]>();

const collator = (locale: Locale): Intl.Collator =>
  // Chinese titles in pinyin order, as Chinese indexes and catalogues sort them.
  new Intl.Collator(locale === 'zh' ? 'zh-u-co-pinyin' : locale, { numeric: true, sensitivity: 'base' });

/** The collection's cards in one order; ties (and records without a date) keep the catalogue order, last. */
export function sortedCards(collection: string, cards: readonly ArtifactCardData[], sort: CollectionSort, locale: Locale): ArtifactCardData[] {
  const key = `${collection}\t${sort}\t${sort === 'title' ? locale : ''}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let out: ArtifactCardData[];
  if (sort === 'title') {
    const c = collator(locale);
    const titles = new Map(cards.map((a) => [a, pickText(a.title, locale)]));
    out = [...cards].sort((a, b) => c.compare(titles.get(a)!, titles.get(b)!));
  } else {
    const dated = cards.filter((a) => a.year !== undefined);
    out = [...dated.sort((a, b) => a.year! - b.year!), ...cards.filter((a) => a.year === undefined)];
  }
  cache.set(key, out);
  return out;
}
