// The controlled vocabulary: object types, materials, periods, places of origin and holding institutions with labels in zh/en/fr
// (vocabulary/concepts.json, display label first). One home for both sides: the importer's glossary fills a language
// a value lacks and warns of values that name no concept, the search stage indexes every label, and facets (browse
// pages, search filters) hold only concepts (`reconcile`), named by their labels in each locale.
import raw from './vocabulary/concepts.json';
import { simplifiedHan } from '../model/han-script.ts';
import { LOCALES, type Locale } from '../model/locales.ts';
import type { LangMap } from '../model/schema.ts';

export type ConceptKind = 'objectType' | 'material' | 'period' | 'place' | 'institution';
export const CONCEPT_KINDS: readonly ConceptKind[] = ['objectType', 'material', 'period', 'place', 'institution'];
export type ConceptLabels = Record<Locale, string[]>;
export interface VocabularyConcept {
  kind: ConceptKind;
  id: string;
  labels: ConceptLabels;
}

// French labels are written with the typographic apostrophe (d’album); a source that types the straight one still
// names the concept.
const norm = (s: string): string => s.normalize('NFC').trim().toLowerCase().replace(/[’ʼ]/g, "'");
/** Chinese folded to simplified characters (the conversion Chinese pages use, model/han-script.ts). */
const folded = (s: string): string => norm(simplifiedHan(s) ?? s);

let cache:
  | {
      concepts: VocabularyConcept[];
      index: Map<string, VocabularyConcept>;
      /** Chinese labels by their simplified form; null where two concepts fold to the same text. */
      simplified: Map<string, VocabularyConcept | null>;
    }
  | undefined;

// Exact label matches only (after case and Unicode normalization): guessing from partial matches would put a wrong
// word on a page with nobody having translated it. Traditional Chinese labels match where the vocabulary lists them
// (椀, 盌 beside 碗), and any other traditional text matches the label its simplified form is (青銅 → 青铜, bronze),
// unless that form belongs to two concepts.
function load(): NonNullable<typeof cache> {
  if (cache) return cache;
  const groups = raw as unknown as Record<string, Record<string, ConceptLabels> | string>;
  const concepts: VocabularyConcept[] = [];
  const index = new Map<string, VocabularyConcept>();
  const simplified = new Map<string, VocabularyConcept | null>();
  for (const kind of CONCEPT_KINDS) {
    const group = groups[kind];
    if (typeof group !== 'object') continue;
    for (const [id, labels] of Object.entries(group)) {
      const concept = { kind, id, labels };
      concepts.push(concept);
      for (const [lang, list] of Object.entries(labels)) for (const l of list ?? []) index.set(`${kind}\n${lang}\n${norm(l)}`, concept);
      for (const l of labels.zh ?? []) {
        const key = `${kind}\n${folded(l)}`;
        const before = simplified.get(key);
        simplified.set(key, before === undefined || before === concept ? concept : null);
      }
    }
  }
  cache = { concepts, index, simplified };
  return cache;
}

export function vocabularyConcepts(): VocabularyConcept[] {
  return load().concepts;
}

/** The concepts a value's texts are labels of, in the value's language order (none when no text is one). `except`
 * leaves out one language (the one a translation is sought for). */
export function conceptsNamed(kind: ConceptKind, map: LangMap, except?: Locale): VocabularyConcept[] {
  const { index, simplified } = load();
  const out: VocabularyConcept[] = [];
  for (const [lang, text] of Object.entries(map)) {
    if (lang === except || !text) continue;
    const hit = index.get(`${kind}\n${lang}\n${norm(text)}`) ?? (lang === 'zh' ? simplified.get(`${kind}\n${folded(text)}`) : undefined);
    if (hit) out.push(hit);
  }
  return out;
}

/** A concept's display label in each locale that has one. */
export function conceptDisplay(c: VocabularyConcept): LangMap {
  const out: LangMap = {};
  for (const l of LOCALES) {
    const label = c.labels[l]?.[0];
    if (label) out[l] = label;
  }
  return out;
}

/** The one concept a facet value is, or none: some language's text is one of the concept's labels and no language's
 * text is another concept's. A text that merely contains a label ("cup in the form of a jue vessel", a sentence
 * naming three regions) is not reconciled: the facet would put a guess on a page. 椀 / "bowl with handles" is a
 * bowl (the Chinese names it; the English says more without naming anything else). */
export function reconcile(kind: ConceptKind, map: LangMap): VocabularyConcept | undefined {
  const found = conceptsNamed(kind, map);
  return found.length > 0 && found.every((c) => c === found[0]) ? found[0] : undefined;
}
