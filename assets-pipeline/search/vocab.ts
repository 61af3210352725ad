// Cross-language vocabulary (formats/vocabulary.ts) for search: object types, materials and periods with zh/en/fr labels.
// Records carry one or two languages; a concept found in a record lends the record its labels in the other
// languages (indexed as low-weight text), and gives facets a stable key and a label in every locale.
import { foldText } from '../../formats/search-index/fold.ts';
import { indexTerms } from '../../formats/search-index/tokenize.ts';
import type { LangMap } from '../../model/schema.ts';
import type { Locale } from '../../model/locales.ts';
import { vocabularyConcepts, type ConceptKind, type VocabularyConcept } from '../../formats/vocabulary.ts';

type Concept = VocabularyConcept;

interface Matcher {
  concept: Concept;
  han: string[];
  /** Per language, each label as its list of stemmed terms. */
  latin: { lang: Locale; terms: string[] }[];
}

let matchers: Record<ConceptKind, Matcher[]> | undefined;

/** Call after `prepareFor()` loaded the folding table and stemmers. */
export function loadVocabulary(): void {
  const out: Record<ConceptKind, Matcher[]> = { objectType: [], material: [], period: [], place: [], institution: [] };
  for (const concept of vocabularyConcepts())
    out[concept.kind].push({
      concept,
      han: (concept.labels.zh ?? []).map(foldText),
      latin: (['en', 'fr'] as const).flatMap((lang) => (concept.labels[lang] ?? []).map((l) => ({ lang, terms: indexTerms(l, lang) }))),
    });
  matchers = out;
}

/** Concepts whose label occurs in the texts. `loose` (facet fields) accepts one-character Chinese labels,
 * which inside free text (titles) match too much (清 in 清晨). */
export function matchConcepts(kind: ConceptKind, texts: (LangMap | undefined)[], loose: boolean): Concept[] {
  if (!matchers) throw new Error('loadVocabulary() first');
  const zh = texts.map((t) => (t?.zh ? foldText(t.zh) : '')).join('|');
  const terms: Record<'en' | 'fr', Set<string>> = {
    en: new Set(texts.flatMap((t) => (t?.en ? indexTerms(t.en, 'en') : []))),
    fr: new Set(texts.flatMap((t) => (t?.fr ? indexTerms(t.fr, 'fr') : []))),
  };
  const found: Concept[] = [];
  for (const m of matchers[kind]) {
    const han = m.han.some((label) => (loose || [...label].length > 1) && zh.includes(label));
    const latin = m.latin.some((l) => l.lang !== 'zh' && l.terms.length > 0 && l.terms.every((t) => terms[l.lang as 'en' | 'fr'].has(t)));
    if (han || latin) found.push(m.concept);
  }
  return found;
}

/** The concept a field's value names when several match (茶壶 holds 壶, a jar's label, and is a teapot): one with
 * a label equal to the value, else the one with the longest label found in it, else the vocabulary's first. */
export function bestConcept(found: Concept[], value: LangMap): Concept | undefined {
  if (found.length < 2) return found[0];
  const texts = (['zh', 'en', 'fr'] as const).flatMap((l) => (value[l] ? [{ l, text: l === 'zh' ? foldText(value[l]) : value[l].toLowerCase() }] : []));
  const score = (c: Concept): number => {
    let best = 0;
    for (const { l, text } of texts)
      for (const raw of c.labels[l] ?? []) {
        const label = l === 'zh' ? foldText(raw) : raw.toLowerCase();
        if (label === text) return Number.POSITIVE_INFINITY;
        if (text.includes(label)) best = Math.max(best, [...label].length);
      }
    return best;
  };
  return found.reduce((a, b) => (score(b) > score(a) ? b : a));
}

/** Every label of the concepts, as extra text in its own language. */
export function conceptText(concepts: Concept[]): LangMap[] {
  return concepts.map((c) => ({
    zh: c.labels.zh.join(' '),
    en: c.labels.en.join(' '),
    fr: c.labels.fr.join(' '),
  }));
}

export function conceptLabel(c: Concept): Partial<Record<Locale, string>> {
  return { zh: c.labels.zh[0], en: c.labels.en[0], fr: c.labels.fr[0] };
}
