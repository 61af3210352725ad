// The index's file layout, shared by writer and runtime. Everything under the index directory:
//   root.json.gz            small: counts, shard parameters, facet dictionaries with global counts
//   lex/<n>.bin.gz          term dictionaries by term prefix (so prefix and one-typo lookups touch 1–4 files),
//                           with short posting lists inline and one-deletion keys for typo tolerance
//   post/<n>.bin.gz         long posting lists, one file each, fetched only when that term is queried
//   postf/<n>.bin.gz        the facet codes of post/<n>'s documents (see facet-columns.ts)
//   lexf/<n>.bin.gz         the same for the short lists inline in lex/<n>
//   facets/<n>.bin.gz       per-document facet codes and years for a block of documents: only a year-range
//                           filter needs these (the facet columns above carry no years)
//   stored/<locale>/<n>.json.gz  display fields of a block of documents, fetched only for the results shown
//   words/<letter>.json.gz  the Latin words as written (not stemmed) with their document counts, by first
//                           letter: the "did you mean" vocabulary, fetched only when a query finds nothing
//   words2/<letter>.json.gz the same words by their second letter, fetched only when no word of the typed first
//                           letter is near: a wrong, missing or extra first letter (Kuo → Guo) lands there
import type { Locale } from '../../model/locales.ts';
import { INDEX_FACETS, MULTI_INDEX_FACETS, type IndexFacet } from '../facets.ts';

export const FORMAT_VERSION = 2;
export const DOC_TYPES = ['artifact', 'collection', 'scene', 'exhibition', 'drama', 'cue', 'place', 'panorama'] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** Field kinds in BM25F weight order. A posting's mask has one bit per (kind, language). */
export const FIELD_KINDS = ['title', 'names', 'text'] as const;
export const fieldBit = (kind: number, lang: number): number => 1 << (kind * 3 + lang);

/** The index's facet columns, in column order (the index facets of formats/facets.ts). Single-valued facets are
 * stored as one code per document, multi-valued as a count and codes. */
export const FACETS: readonly IndexFacet[] = INDEX_FACETS;
export type FacetName = IndexFacet;
export const MULTI_FACETS: ReadonlySet<FacetName> = MULTI_INDEX_FACETS;

export interface FacetValue {
  /** Stable key used in URLs. */
  k: string;
  /** Label per locale. */
  l: Partial<Record<Locale, string>>;
  /** Documents with this value in the whole index (the counts of an empty query). */
  n: number;
}

export interface RootFile {
  v: number;
  docs: number;
  lexFiles: number;
  /** Two-letter prefixes so common that their terms are split again by the third letter. */
  split3: string[];
  facetBlock: number;
  storedBlock: number;
  facets: Record<FacetName, FacetValue[]>;
  /** Global year histogram by century start, for the year-range control. */
  years: { min: number; max: number };
}

export interface StoredDoc {
  type: DocType;
  /** Path below `/{locale}/`, e.g. `artifacts/abc/`. */
  href: string;
  title: string;
  /** Language of `title` when it fell back from the requested locale. */
  titleLang?: Locale;
  sub?: string;
  subLang?: Locale;
  thumb?: string;
}

// 32-bit FNV-1a: tiny and stable across runtimes; only spreads shard keys over files.
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The prefix a term (or deletion key) is filed under: its first Han character, else its first two letters,
 * three for the prefixes listed in `split3`. */
export function shardKey(term: string, split3: ReadonlySet<string>): string {
  if (term.startsWith(FACET_TERM)) return FACET_TERM;
  const first = String.fromCodePoint(term.codePointAt(0) ?? 0);
  if (/\p{Script=Han}/u.test(first)) return first;
  const two = term.slice(0, 2);
  return split3.has(two) ? term.slice(0, 3) : two;
}

/** Facet values are indexed as terms no query can type (a control character first), so a filter's documents
 * and their facet columns are fetched like a word's; they all live in one dictionary file. */
const FACET_TERM = '\u0001';
export const facetTerm = (facet: FacetName, code: number): string => `${FACET_TERM}${facet}:${code}`;

export const lexFileOf = (key: string, lexFiles: number): number => fnv1a(key) % lexFiles;

export const paths = {
  root: 'root.json.gz',
  lex: (n: number) => `lex/${n}.bin.gz`,
  post: (n: number) => `post/${n}.bin.gz`,
  postFacets: (n: number) => `postf/${n}.bin.gz`,
  lexFacets: (n: number) => `lexf/${n}.bin.gz`,
  facets: (n: number) => `facets/${n}.bin.gz`,
  stored: (locale: Locale, n: number) => `stored/${locale}/${n}.json.gz`,
  words: (letter: string) => `words/${letter}.json.gz`,
  wordsBySecond: (letter: string) => `words2/${letter}.json.gz`,
};

/** The "did you mean" vocabulary's shards: one per first letter and one per second letter, every one written
 * (even empty) so the page never asks for a file that is not there. */
export const WORD_LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** One shard: words and their document counts, most frequent first. */
export type WordShard = [word: string, docs: number][];

/** Minimum word length for one-typo matching: words of four letters or more ("jaed" finds jade). Both engines
 * use it (the Meilisearch settings too). */
export const TYPO_MIN = 4;
/** Longer tokens get no typo keys: a word has one key per letter, each as long as the word, so one 100 KB
 * "word" in a title made the index write 15× slower. Real words (even German compounds) stay under this. */
export const TYPO_MAX = 40;

/** All strings one deletion away; shared so writer and runtime build identical keys. */
export function deletions(word: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < word.length; i++) out.add(word.slice(0, i) + word.slice(i + 1));
  return [...out];
}

/** Damerau–Levenshtein distance ≤ 1 (a transposition counts as one typo: porcelian → porcelain). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
