// Filter values as a link or a visitor writes them, made the keys the index filters by. A facet value is a
// vocabulary concept (a period, a material, an object type) or a fixed key (a collection, a rights statement): the
// URL may give its key ("silk") or any of its labels in any locale ("soie", "絹", "Silk"), and each finds the same
// objects. A value that is none of them is ignored and reported, never turned into a filter that finds nothing.
// Both engines use this: the static one over its root file's values, the Meilisearch one over its labels index.
import { foldText, HAN } from '../../../../formats/search-index/fold.ts';
import { FACETS, type FacetName } from '../../../../formats/search-index/layout.ts';
import { prepareFor } from '../../../../formats/search-index/tokenize.ts';
import type { Locale } from '../../../../model/locales.ts';
import type { Filters } from './engine.ts';

/** A facet value the index knows: its key and its label per locale. */
export interface KnownValue {
  k: string;
  l: Partial<Record<Locale, string>>;
}

export interface IgnoredFilter {
  facet: FacetName;
  value: string;
}

/** A label or value as compared: Latin case and accents aside, Chinese in simplified characters. Chinese text is
 * only compared with Chinese, so a Latin value never needs the character table. */
const folded = (s: string): string => foldText(s.normalize('NFC').replace(/[’ʼ]/g, "'").replace(/\s+/g, ' ').trim());

/** Keys by folded label, Chinese labels or the others; where two values share a label, the more frequent (listed
 * first) keeps it. */
function labelIndex(values: readonly KnownValue[], han: boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const v of values)
    for (const l of Object.values(v.l)) {
      if (!l || HAN.test(l) !== han) continue;
      const key = folded(l);
      if (!out.has(key)) out.set(key, v.k);
    }
  return out;
}

/** Loads what folding the filter values needs (the Chinese character table, for a Chinese value), as a query would. */
export const prepareFilters = (filters: Filters): Promise<void> => prepareFor(FACETS.flatMap((f) => filters[f] ?? []).join(' '));

/** The filters with every value a key of `known(facet)`, and the values that name nothing, in URL order. Call
 * after `prepareFilters`. */
export function resolveFilters(filters: Filters, known: (facet: FacetName) => readonly KnownValue[]): { filters: Filters; ignored: IgnoredFilter[] } {
  const out: Filters = {};
  if (filters.yearFrom !== undefined) out.yearFrom = filters.yearFrom;
  if (filters.yearTo !== undefined) out.yearTo = filters.yearTo;
  const ignored: IgnoredFilter[] = [];
  for (const facet of FACETS) {
    const asked = filters[facet];
    if (!asked?.length) continue;
    const values = known(facet);
    const keys = new Set(values.map((v) => v.k));
    const byLabel: Partial<Record<'han' | 'other', Map<string, string>>> = {};
    const found: string[] = [];
    for (const value of asked) {
      let key: string | undefined = keys.has(value) ? value : undefined;
      if (key === undefined) {
        const han = HAN.test(value);
        const index = (byLabel[han ? 'han' : 'other'] ??= labelIndex(values, han));
        key = index.get(folded(value));
      }
      if (key === undefined) ignored.push({ facet, value });
      else if (!found.includes(key)) found.push(key);
    }
    if (found.length) out[facet] = found;
  }
  return { filters: out, ignored };
}
