// The controlled vocabulary (formats/vocabulary.ts) used as the translation glossary: a controlled value whose text
// is one of a concept's labels gets that concept's display label in a locale it lacks, without anyone translating it
// again, and CAT tools get it as TBX-like glossary entries through the TMX export.
import type { Locale } from '../../model/locales.ts';
import type { LangMap } from '../../model/schema.ts';
import { conceptsNamed, vocabularyConcepts, type ConceptKind } from '../../formats/vocabulary.ts';

export const glossaryEntries = vocabularyConcepts;

/** The concept's display label in `target` for a controlled value, when any of its texts is a label. */
export function glossaryTarget(kind: ConceptKind, map: LangMap, target: Locale): string | undefined {
  for (const c of conceptsNamed(kind, map, target)) {
    const label = c.labels[target]?.[0];
    if (label) return label;
  }
  return undefined;
}
