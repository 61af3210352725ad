// Turns a SearchDoc into what the writer stores: facet keys (through the vocabulary), the extra cross-language
// text those concepts lend, and the display fields per locale.
import type { FacetName, StoredDoc } from '../../formats/search-index/layout.ts';
import { pick, type Localized } from '../../model/text.ts';
import { simplifiedOnPage } from '../../model/han-script.ts';
import type { LangMap } from '../../model/schema.ts';
import type { SearchDoc } from './doc.ts';
import { rightsLabel } from './doc.ts';
import { bestConcept, conceptLabel, conceptText, matchConcepts } from './vocab.ts';
import type { FacetDictionary } from './facet-dictionary.ts';
import { LOCALES, type Locale } from '../../model/locales.ts';
import { readLabels } from '../../formats/i18n.ts';
import { reconcile } from '../../formats/vocabulary.ts';

// Labels of the document types and of the 3D facet, translated with the UI strings
// (site/i18n/locales/search-values.<locale>.json).
let valueLabels: Record<string, Partial<Record<Locale, string>>> | undefined;
const valueLabel = (key: string): Partial<Record<Locale, string>> | undefined => (valueLabels ??= readLabels('search-values'))[key];

export interface PreparedDoc {
  doc: SearchDoc;
  /** Facet keys; multi-valued facets hold several. */
  facets: Record<FacetName, string[]>;
  /** Every facet value with its labels, for the facet dictionary (counts and labels). */
  values: [FacetName, string, Partial<Record<Locale, string>>][];
  extraText: LangMap[];
  stored: Record<Locale, StoredDoc>;
}

/** Collects a document's facet values; a pure stand-in for the dictionary while one document is prepared. */
class Picks {
  readonly values: PreparedDoc['values'] = [];
  add(facet: FacetName, key: string, label: Partial<Record<Locale, string>>): string {
    this.values.push([facet, key, label]);
    return key;
  }
}

function single(dict: Picks, facet: 'period' | 'objectType', value: LangMap | undefined, title: LangMap): { keys: string[]; extra: LangMap[] } {
  const kind = facet;
  const inField = value ? matchConcepts(kind, [value], true) : [];
  const inTitle = facet === 'objectType' ? matchConcepts(kind, [title], false) : [];
  const concepts = [...new Map([...inField, ...inTitle].map((c) => [c.id, c])).values()];
  const keys: string[] = [];
  // A filter is a vocabulary concept, as on the browse pages (formats/facet-values.ts), so a value in any language
  // filters the same objects: what an object is, only as a concept its text reconciles to (a description, "cup in
  // the form of an archaic bronze jue vessel", would be a raw string among the filters); a period, as the concept
  // the cell names. A text naming none is still searched, never a filter of its own.
  const named = value && (facet === 'objectType' ? reconcile('objectType', value) : bestConcept(inField, value));
  if (named) keys.push(dict.add(facet, named.id, conceptLabel(named)));
  return { keys, extra: conceptText(concepts) };
}

/** A result on a Chinese page reads in simplified characters, as the record page it leads to does. */
function shown(v: Localized | undefined, locale: Locale): Localized | undefined {
  if (!v) return v;
  const text = simplifiedOnPage(v, locale);
  return text ? { ...v, text } : v;
}

/** Registers a prepared document's facet values (counts and labels) in the index's dictionary. */
export function registerFacets(dict: FacetDictionary, p: PreparedDoc): void {
  for (const [facet, key, label] of p.values) dict.add(facet, key, label);
}

export function prepareDoc(doc: SearchDoc, dict: FacetDictionary): PreparedDoc {
  const p = prepareDocValues(doc);
  registerFacets(dict, p);
  return p;
}

/** A document's facet keys, extra text and display fields: a pure function of the document, so it can be
 * cached between builds. */
export function prepareDocValues(doc: SearchDoc): PreparedDoc {
  const dict = new Picks();
  const f = doc.facets;
  const period = single(dict, 'period', f.period, doc.title);
  const objectType = single(dict, 'objectType', f.objectType, doc.title);
  const materialKeys = new Set<string>();
  const materialConcepts = new Map<string, ReturnType<typeof matchConcepts>[number]>();
  for (const m of f.materials ?? []) {
    // A material naming no concept is searched as text, not offered as a filter of its own spelling.
    for (const c of matchConcepts('material', [m], true)) materialConcepts.set(c.id, c);
  }
  for (const c of matchConcepts('material', [doc.title], false)) materialConcepts.set(c.id, c);
  for (const c of materialConcepts.values()) materialKeys.add(dict.add('material', c.id, conceptLabel(c)));
  const facets: Record<FacetName, string[]> = {
    type: [dict.add('type', doc.type, valueLabel(`type.${doc.type}`) ?? { en: doc.type })],
    collection: f.collection ? [dict.add('collection', f.collection, { en: f.collection })] : [],
    period: period.keys,
    objectType: objectType.keys,
    material: [...materialKeys],
    rights: f.rights
      ? (() => {
          const r = rightsLabel(f.rights);
          return [dict.add('rights', r.key, r.label)];
        })()
      : [],
    // Only what can have a model says whether it has one (a subtitle line "without 3D model" would be noise).
    has3d: f.has3d === undefined ? [] : [dict.add('has3d', f.has3d ? 'yes' : 'no', valueLabel(`has3d.${f.has3d ? 'yes' : 'no'}`)!)],
  };
  const stored = {} as Record<Locale, StoredDoc>;
  for (const locale of LOCALES) {
    const title = shown(pick(doc.title, locale), locale);
    const sub = shown(pick(doc.subtitle, locale), locale);
    const s: StoredDoc = { type: doc.type, href: doc.href, title: title?.text ?? doc.id };
    if (title?.fallback) s.titleLang = title.lang;
    if (sub) {
      s.sub = sub.text;
      if (sub.fallback) s.subLang = sub.lang;
    }
    if (doc.thumbnail) s.thumb = doc.thumbnail;
    stored[locale] = s;
  }
  return { doc, facets, values: dict.values, extraText: [...period.extra, ...objectType.extra, ...conceptText([...materialConcepts.values()])], stored };
}
