// Facet landing pages: dynasty/period, object type, material and place, each value with its artifacts.
import { BROWSE_FACETS, type BrowseFacet, facetKey } from '../../formats/facets.ts';
import type { LangMap } from '../../model/schema.ts';
import { conceptDisplay, conceptsNamed, type ConceptKind } from '../../formats/vocabulary.ts';
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
  classification: (a) => a.classifications ?? [],
  movement: (a) => a.movements ?? [],
  subject: (a) => a.subjects ?? [],
};

/** Facets whose values the vocabulary names. */
const CONCEPTS: Partial<Record<FacetName, ConceptKind>> = { period: 'period', objectType: 'objectType', material: 'material' };

/** A value as the browse pages name it: a vocabulary concept's labels in every locale when the value's text is one
 * of its labels (so "Théière", "teapot" and 茶壺 are one value, shown as each locale names it), else the record's. */
function named(facet: FacetName, label: LangMap): LangMap {
  const kind = CONCEPTS[facet];
  if (!kind) return label;
  // Every language of the value must name the same concept: 椀 / "bowl with handles" is more than a bowl.
  const found = conceptsNamed(kind, label);
  const texts = Object.values(label).filter(Boolean).length;
  return found.length === texts && found.every((c) => c === found[0]) ? conceptDisplay(found[0]!) : label;
}

const cache = new Map<FacetName, FacetValue[]>();

/** Values sorted by how many artifacts carry them, most first. */
export function facetValues(facet: FacetName, cards: ArtifactCardData[]): FacetValue[] {
  const hit = cache.get(facet);
  if (hit) return hit;
  const byKey = new Map<string, FacetValue>();
  for (const card of cards) {
    const seen = new Set<string>();
    for (const value of valuesOf[facet](card)) {
      const label = named(facet, value);
      const key = facetKey(label);
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
