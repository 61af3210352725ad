// What a browse facet's value is. Object type and place of origin: only a concept the record's text reconciles to
// (formats/vocabulary.ts), keyed and labelled by that concept; raw source text (a sentence of notes, a museum's
// name, "cup in the form of an archaic Chinese bronze jue vessel") stays on the record's page. Period and material:
// the concept when every language of the value names it, else the value as written (periods are reconciled
// against the collection's chronology at import, which the vocabulary does not list). Apart from formats/facets.ts so the search runtime, which imports the facet list, does not bundle
// the vocabulary.
import type { LangMap } from '../model/schema.ts';
import { type BrowseFacet, facetKey } from './facets.ts';
import { conceptDisplay, conceptsNamed, type ConceptKind, reconcile, type VocabularyConcept } from './vocabulary.ts';

/** Facets whose values must be vocabulary concepts. */
const CONCEPTS_ONLY: Partial<Record<BrowseFacet, ConceptKind>> = { objectType: 'objectType', place: 'place' };
/** Facets named by a concept when the whole value is one. */
const CONCEPTS_NAMED: Partial<Record<BrowseFacet, ConceptKind>> = { period: 'period', material: 'material' };

/** A record's value as a browse facet value (key and labels in every locale the vocabulary has); undefined when it
 * is none (an object type or place naming no concept). */
export function facetValueOf(facet: BrowseFacet, label: LangMap): { key: string; label: LangMap } | undefined {
  const strict = CONCEPTS_ONLY[facet];
  if (strict) {
    const concept = reconcile(strict, label);
    return concept && named(concept);
  }
  const kind = CONCEPTS_NAMED[facet];
  // Every language of the value must name the same concept: "jade and gold" is more than jade.
  const found = kind ? conceptsNamed(kind, label) : [];
  const texts = Object.values(label).filter(Boolean).length;
  return found.length > 0 && found.length === texts && found.every((c) => c === found[0]) ? named(found[0]!) : { key: facetKey(label), label };
}

function named(concept: VocabularyConcept): { key: string; label: LangMap } {
  const label = conceptDisplay(concept);
  return { key: facetKey(label), label };
}
