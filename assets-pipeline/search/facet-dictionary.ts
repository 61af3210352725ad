// Facet values seen while indexing: a stable key, a label per locale, a global count, and a compact code
// (assigned by descending count once every document has been seen).
import type { FacetName, FacetValue } from '../../formats/search-index/layout.ts';
import { FACETS } from '../../formats/search-index/layout.ts';
import type { Locale } from '../../model/locales.ts';

interface Entry {
  key: string;
  label: Partial<Record<Locale, string>>;
  n: number;
  first: number;
}

export class FacetDictionary {
  private values: Record<FacetName, Map<string, Entry>>;
  private codes: Record<FacetName, Map<string, number>> | undefined;

  constructor() {
    this.values = Object.fromEntries(FACETS.map((f) => [f, new Map<string, Entry>()])) as Record<FacetName, Map<string, Entry>>;
  }

  /** Registers one document's value; returns the key to store with the document. */
  add(facet: FacetName, key: string, label: Partial<Record<Locale, string>>): string {
    const map = this.values[facet];
    const entry = map.get(key);
    if (entry) {
      entry.n++;
      for (const [l, t] of Object.entries(label)) if (t && !entry.label[l as Locale]) entry.label[l as Locale] = t;
    } else {
      map.set(key, { key, label: { ...label }, n: 1, first: map.size });
    }
    return key;
  }

  /** Sets a label without counting (collection titles come from the collection records). */
  label(facet: FacetName, key: string, label: Partial<Record<Locale, string>>): void {
    const entry = this.values[facet].get(key);
    if (entry) entry.label = { ...label };
  }

  /** Call once every document was added: freezes codes, most frequent first. */
  finish(): Record<FacetName, FacetValue[]> {
    const out = {} as Record<FacetName, FacetValue[]>;
    this.codes = {} as Record<FacetName, Map<string, number>>;
    for (const f of FACETS) {
      const sorted = [...this.values[f].values()].sort((a, b) => b.n - a.n || a.first - b.first);
      this.codes[f] = new Map(sorted.map((e, i) => [e.key, i]));
      out[f] = sorted.map((e) => ({ k: e.key, l: e.label, n: e.n }));
    }
    return out;
  }

  code(facet: FacetName, key: string): number {
    const code = this.codes?.[facet].get(key);
    if (code === undefined) throw new Error(`facet ${facet}: unknown value ${key} (finish() not called?)`);
    return code;
  }
}
