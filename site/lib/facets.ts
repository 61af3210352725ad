// Facet landing pages: dynasty/period, object type, material, place of origin and holding institution (concepts
// only, formats/facet-values.ts), artist, classification, movement and subject, each value with its artifacts.
import { BROWSE_FACETS, type BrowseFacet } from '../../formats/facets.ts';
import { facetValueOf } from '../../formats/facet-values.ts';
import type { LangMap } from '../../model/schema.ts';
import type { ArtifactCardData } from './records.ts';

export const FACETS = BROWSE_FACETS;
export type FacetName = BrowseFacet;
/** No listing page shows more than this many values or items; facet pages use the maximum so a
 * 150k site has a few thousand of them rather than tens of thousands. */
export const VALUES_PER_PAGE = 200;

export interface FacetValue {
  key: string;
  label: LangMap;
  items: ArtifactCardData[];
}

const valuesOf: Record<FacetName, (a: ArtifactCardData) => LangMap[]> = {
  period: (a) => (a.period ? [a.period] : []),
  objectType: (a) => (a.objectType ? [a.objectType] : []),
  material: (a) => a.materials,
  place: (a) => a.places,
  maker: (a) => (a.maker ? [a.maker] : []),
  holder: (a) => (a.holder ? [a.holder] : []),
  classification: (a) => a.classifications ?? [],
  movement: (a) => a.movements ?? [],
  subject: (a) => a.subjects ?? [],
};

const cache = new Map<FacetName, FacetValue[]>();

/** Values sorted by how many artifacts carry them, most first. A record whose text reconciles to no concept is in
 * no value of that facet (the importer warns of it, per collection and field). */
export function facetValues(facet: FacetName, cards: ArtifactCardData[]): FacetValue[] {
  const hit = cache.get(facet);
  if (hit) return hit;
  const byKey = new Map<string, FacetValue>();
  for (const card of cards) {
    const seen = new Set<string>();
    for (const value of valuesOf[facet](card)) {
      const named = facetValueOf(facet, value);
      if (!named) continue;
      const { key, label } = named;
      if (seen.has(key)) continue;
      seen.add(key);
      const v = byKey.get(key) ?? { key, label, items: [] };
      v.items.push(card);
      byKey.set(key, v);
    }
  }
  const out = [...byKey.values()].sort((a, b) => b.items.length - a.items.length || a.key.localeCompare(b.key));
  cache.set(facet, out);
  return out;
}
