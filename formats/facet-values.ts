// What a browse facet's value is: only a concept, never raw source text (a sentence of notes, a museum's name,
// "cup in the form of an archaic Chinese bronze jue vessel", a period label no chronology knows), which stays on the
// record's page; the importer warns of each such value with its file, row and field. Object type, place of origin
// and material: a concept of the vocabulary (formats/vocabulary.ts). Period: a period of a chronology
// (model/periods.ts), which the importer reconciled or derived the value to, named by the vocabulary's concept where
// it has one. Apart from formats/facets.ts so the search runtime, which imports the facet list, does not bundle the
// vocabulary.
import type { LangMap } from '../model/schema.ts';
import { contentDir } from '../model/paths.ts';
import { periodNameKey, periodsByName, type Period } from '../model/periods.ts';
import { artistNamed } from './artists.ts';
import { type BrowseFacet, facetKey } from './facets.ts';
import { conceptDisplay, conceptsNamed, type ConceptKind, reconcile, type VocabularyConcept } from './vocabulary.ts';

/** Facets whose values must be vocabulary concepts, and how strictly. */
const RECONCILED: Partial<Record<BrowseFacet, ConceptKind>> = { objectType: 'objectType', place: 'place', holder: 'institution' };
/** Facets whose every language must name the one concept: "jade and gold" is more than jade. */
const NAMED_IN_FULL: Partial<Record<BrowseFacet, ConceptKind>> = { material: 'material' };

let periods: { dir: string; byName: Map<string, Period> } | undefined;
function chronologyPeriod(label: LangMap): Period | undefined {
  const dir = `${contentDir()}/chronologies`;
  if (periods?.dir !== dir) periods = { dir, byName: periodsByName(dir) };
  return periods.byName.get(periodNameKey(label));
}

/** A record's value as a browse facet value (key and labels in every locale the vocabulary or chronology has);
 * undefined when it is none. */
export function facetValueOf(facet: BrowseFacet, label: LangMap): { key: string; label: LangMap } | undefined {
  if (facet === 'period') {
    const p = chronologyPeriod(label);
    if (!p) return undefined;
    const concept = namedInFull('period', p.name);
    return concept ? named(concept) : { key: facetKey(p.name), label: p.name };
  }
  if (facet === 'maker') return artistValue(label);
  const loose = RECONCILED[facet];
  if (loose) {
    const concept = reconcile(loose, label);
    return concept && named(concept);
  }
  const strict = NAMED_IN_FULL[facet];
  if (strict) {
    const concept = namedInFull(strict, label);
    return concept && named(concept);
  }
  return { key: facetKey(label), label };
}

/** The concept every language of the value names, or none. */
export function namedInFull(kind: ConceptKind, label: LangMap): VocabularyConcept | undefined {
  const found = conceptsNamed(kind, label);
  const texts = Object.values(label).filter(Boolean).length;
  return found.length > 0 && found.length === texts && found.every((c) => c === found[0]) ? found[0] : undefined;
}

/** "Unidentified artist", 佚名, "artiste anonyme": a statement that the maker is not known, not an artist to browse. */
const UNKNOWN_MAKER = /^(?:unidentified|unknown|anonymous)\b|^(?:artiste )?(?:anonyme|inconnu)|^(?:佚名|无款|無款|不详|不詳)/iu;

/** A romanised name and nothing else ("Wu Zhen", "Ma He Zhi"): the same in English and French. */
const ROMANISED_NAME = /^\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*)*$/u;

/** An artist as the record names them, in Chinese and romanised, qualifiers ("attributed to", 傳) kept: a record's
 * attribution is the museum's, not ours to widen. A bare romanised name serves the French page too; one with English
 * words ("Li Gonglin (attributed to)") is shown there as English. */
function artistValue(label: LangMap): { key: string; label: LangMap } | undefined {
  const texts = Object.values(label).filter((t): t is string => Boolean(t));
  if (texts.length === 0 || texts.some((t) => UNKNOWN_MAKER.test(t.trim()))) return undefined;
  // A curated artist (content/artists.yaml) is one value whatever spelling the record uses.
  const curated = artistNamed(label);
  if (curated) return { key: curated.id, label: curated.name };
  const shown: LangMap = { ...label };
  if (shown.en && !shown.fr && ROMANISED_NAME.test(shown.en)) shown.fr = shown.en;
  return { key: facetKey(shown), label: shown };
}

function named(concept: VocabularyConcept): { key: string; label: LangMap } {
  const label = conceptDisplay(concept);
  return { key: facetKey(label), label };
}
