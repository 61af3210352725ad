// Which record fields are translated, how each is read, and how long a translation may be. The one list the
// export, the import, the ingest merge and the coverage report share.
import { FALLBACK_ORDER, type Locale } from '../../model/locales.ts';
import type { Artifact, LangMap } from '../../model/schema.ts';
import type { ConceptKind } from '../vocabulary.ts';

/** The credit a record's translation notes for texts filled from the vocabulary's labels (no translator's work):
 * pages name it in words, never as this file name. */
export const GLOSSARY_CREDIT = 'glossary (formats/vocabulary/concepts.json)';

export interface TranslatableField {
  name: string;
  /** A list field (materials) has one text per entry; a scalar field one per record. */
  list: boolean;
  /** Longest translation accepted, in characters (XLIFF `maxwidth`, `size-unit="char"`). */
  maxChars: number;
  /** Repeated values (a material, a type, a museum) are likely shared across records: the vocabulary's concept of
   * this kind fills a language the value lacks. */
  controlled?: Exclude<ConceptKind, 'place'>;
}

// Names of people are not translated (a reading aid shows their romanization instead); identifiers, credits
// and rights are data, not prose.
export const TRANSLATABLE_FIELDS: readonly TranslatableField[] = [
  { name: 'title', list: false, maxChars: 300 },
  { name: 'alternateTitles', list: true, maxChars: 300 },
  { name: 'description', list: false, maxChars: 4000 },
  { name: 'objectType', list: false, maxChars: 120, controlled: 'objectType' },
  { name: 'materials', list: true, maxChars: 120, controlled: 'material' },
  { name: 'period', list: false, maxChars: 120, controlled: 'period' },
  { name: 'culture', list: false, maxChars: 120 },
  { name: 'dimensions', list: false, maxChars: 400 },
  { name: 'holder', list: false, maxChars: 200, controlled: 'institution' },
  { name: 'notes', list: false, maxChars: 8000 },
];

type MapKey = 'title' | 'description' | 'objectType' | 'period' | 'culture' | 'dimensions' | 'holder' | 'notes';
type ListKey = 'alternateTitles' | 'materials';

/** The language maps a record holds for a field (none, one, or a list's entries). */
export function fieldMaps(record: Artifact, field: TranslatableField): LangMap[] {
  if (field.list) return record[field.name as ListKey] ?? [];
  const m = record[field.name as MapKey];
  return m ? [m] : [];
}

const NONE: ReadonlySet<Locale> = new Set();
/** The language a translation into `target` is made from: the first other language the text has, in the
 * order visitors fall back to (French is made from English where there is English, else from Chinese). */
export function sourceLangFor(map: LangMap, target: Locale, exclude: ReadonlySet<Locale> = NONE): Locale | undefined {
  return FALLBACK_ORDER[target].find((l) => l !== target && !exclude.has(l) && map[l] !== undefined);
}

/** Where a record notes how a text reached a locale (`translations.<locale>.fields`): the field's name, and
 * for a list field the entry's index too (`materials.1`), since one entry may be source text and the next
 * a translation. */
export const stateKey = (field: TranslatableField, index: number): string => (field.list ? `${field.name}.${index}` : field.name);

/** The field a state key belongs to. */
export const fieldOfStateKey = (key: string): string => key.split('.')[0] ?? key;
