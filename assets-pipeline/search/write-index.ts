// Writes the static search index: see formats/search-index/layout.ts for the files and why.
// The whole index is written into a fresh sibling directory and renamed into place, so a killed build never
// leaves a half-updated index (per-file temp+rename would cost an fsync per file for ~15k files).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import pLimit from 'p-limit';
import { ByteWriter } from '../../formats/search-index/codec.ts';
import { encodeFacetColumns, type FacetTable } from '../../formats/search-index/facet-columns.ts';
import {
  DOC_TYPES,
  FACETS,
  FORMAT_VERSION,
  MULTI_FACETS,
  TYPO_MAX,
  TYPO_MIN,
  deletions,
  facetTerm,
  lexFileOf,
  paths,
  shardKey,
  type RootFile,
} from '../../formats/search-index/layout.ts';
import { decodePostings } from '../../formats/search-index/lexicon.ts';
import { prepareFor } from '../../formats/search-index/tokenize.ts';
import type { SearchDoc } from './doc.ts';
import { FacetDictionary } from './facet-dictionary.ts';
import { prepareDocValues, registerFacets, type PreparedDoc } from './prepare-doc.ts';
import { PostingsBuilder, termMasks } from './postings.ts';
import { loadVocabulary } from './vocab.ts';
import { WordCounts, docWords } from './words.ts';
import { LOCALES, type Locale } from '../../model/locales.ts';

export interface WriteOptions {
  /** Collection titles for facet labels when no collection document is indexed. */
  collectionLabels?: Record<string, Partial<Record<Locale, string>>>;
  onProgress?: (stage: string, done: number, total: number) => void;
}

export interface WriteSummary {
  docs: number;
  terms: number;
  files: number;
  bytes: number;
  seconds: number;
}

/** Posting lists longer than this go to a file of their own instead of inline in the term dictionary. */
const INLINE_MAX = 768;
/** Target compressed-ish size of a dictionary file; a 2-letter prefix above SPLIT_AT is split by 3 letters. */
const LEX_TARGET = 12_000;
const SPLIT_AT = 24_000;
const FACET_BLOCK = 4096;
const STORED_BLOCK = 32;

/** A document ready for the index: its facet values, display fields and terms (found once, so the search
 * stage can cache these between builds; finding terms is most of the indexing time). */
export interface IndexedDoc extends PreparedDoc {
  /** Terms joined by newlines (no term contains one), with their field masks in the same order. */
  terms: string;
  masks: Uint16Array;
  /** The document's words as written, for the "did you mean" vocabulary (see words.ts). */
  words: string;
}

export function indexDoc(doc: SearchDoc): IndexedDoc {
  const p = prepareDocValues(doc);
  const found = termMasks({ title: [doc.title], names: doc.names ?? [], text: [...(doc.text ?? []), ...p.extraText] });
  // Only what the writer reads after this point is kept, so a cached document stays small.
  const slim: SearchDoc = {
    type: doc.type,
    id: doc.id,
    href: doc.href,
    title: doc.title,
    facets: { yearFrom: doc.facets.yearFrom, yearTo: doc.facets.yearTo },
  };
  return {
    ...p,
    doc: slim,
    extraText: [],
    terms: [...found.keys()].join('\n'),
    masks: Uint16Array.from(found.values()),
    words: docWords(doc, p.extraText),
  };
}

/** The tokenizer's and the vocabulary's tables, loaded before any document is indexed (indexDoc needs them). */
export async function readyToIndex(): Promise<void> {
  await prepareFor('中a');
  loadVocabulary();
}

export async function writeSearchIndex(
  docs: AsyncIterable<SearchDoc | IndexedDoc> | Iterable<SearchDoc | IndexedDoc>,
  outDir: string,
  options: WriteOptions = {},
): Promise<WriteSummary> {
  const started = performance.now();
  await readyToIndex();
  const progress = options.onProgress ?? (() => {});

  const dict = new FacetDictionary();
  const prepared: IndexedDoc[] = [];
  const words = new WordCounts();
  for await (const doc of docs) {
    const p = 'terms' in doc ? doc : indexDoc(doc);
    registerFacets(dict, p);
    words.add(p.words);
    prepared.push(p);
    if (prepared.length % 5000 === 0) progress('read', prepared.length, 0);
  }
  for (const p of prepared) {
    if (p.doc.type === 'collection') dict.label('collection', p.doc.id, p.doc.title);
  }
  for (const [slug, label] of Object.entries(options.collectionLabels ?? {})) dict.label('collection', slug, label);
  const facetValues = dict.finish();

  // Documents that share facet values get neighbouring ids, so facet columns have long runs and
  // its posting deltas are smaller.
  const typeRank = (t: string) => DOC_TYPES.indexOf(t as (typeof DOC_TYPES)[number]);
  const code = (p: PreparedDoc, f: (typeof FACETS)[number]) => (p.facets[f][0] === undefined ? -1 : dict.code(f, p.facets[f][0]!));
  prepared.sort(
    (a, b) =>
      typeRank(a.doc.type) - typeRank(b.doc.type) ||
      code(a, 'collection') - code(b, 'collection') ||
      code(a, 'period') - code(b, 'period') ||
      code(a, 'objectType') - code(b, 'objectType') ||
      (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0),
  );

  const table: FacetTable = { single: {}, multi: {} };
  for (const f of FACETS) {
    if (MULTI_FACETS.has(f)) table.multi[f] = prepared.map((p) => p.facets[f].map((k) => dict.code(f, k)));
    else table.single[f] = Int32Array.from(prepared, (p) => code(p, f));
  }

  const postings = new PostingsBuilder();
  prepared.forEach((p, id) => {
    const keys = FACETS.flatMap((f) => p.facets[f].map((k) => facetTerm(f, dict.code(f, k))));
    const terms = p.terms ? p.terms.split('\n') : [];
    postings.addMasks(
      id,
      terms.map((t, i): [string, number] => [t, p.masks[i]!]),
      keys,
    );
    if (id % 5000 === 0) progress('index', id, prepared.length);
  });

  const tmp = `${outDir}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  for (const d of ['lex', 'lexf', 'post', 'postf', 'facets', 'words', 'words2', ...LOCALES.map((l) => `stored/${l}`)])
    fs.mkdirSync(path.join(tmp, d), { recursive: true });
  const limit = pLimit(16);
  const writes: Promise<void>[] = [];
  let files = 0;
  let bytes = 0;
  const put = (rel: string, data: Uint8Array | string) => {
    // Level 6: a third of level 9's time on this index for 0.7% more bytes (measured at 150k documents).
    const gz = zlib.gzipSync(data, { level: 6 });
    files++;
    bytes += gz.length;
    writes.push(limit(() => fs.promises.writeFile(path.join(tmp, rel), gz)));
  };

  // Deletion keys for one-typo matching, only for Latin words long enough to be typo-tolerant.
  const dels = new Map<string, string[]>();
  for (const term of postings.terms.keys()) {
    if (term.length < TYPO_MIN || term.length > TYPO_MAX || !/^[a-z]+$/.test(term)) continue;
    for (const d of deletions(term)) {
      const list = dels.get(d);
      if (list) list.push(term);
      else dels.set(d, [term]);
    }
  }

  // Which 2-letter prefixes to split: estimate each key's dictionary bytes.
  const weight = new Map<string, number>();
  const bump = (key: string, n: number) => weight.set(key, (weight.get(key) ?? 0) + n);
  for (const [term, p] of postings.terms) bump(shardKey(term, new Set()), term.length + 4 + (p.bytes.length <= INLINE_MAX ? p.bytes.length : 0));
  for (const [d, list] of dels) bump(shardKey(d, new Set()), d.length + 2 + list.reduce((s, t) => s + t.length + 1, 0));
  const split3 = [...weight]
    .filter(([k, w]) => w > SPLIT_AT && !/\p{Script=Han}/u.test(k) && k.length === 2)
    .map(([k]) => k)
    .sort();
  const splitSet = new Set(split3);
  const total = [...weight.values()].reduce((a, b) => a + b, 0);
  const lexFiles = Math.max(8, Math.min(4096, Math.ceil(total / LEX_TARGET)));

  type LexBucket = { terms: string[]; dels: string[] };
  const buckets: LexBucket[] = Array.from({ length: lexFiles }, () => ({ terms: [], dels: [] }));
  for (const term of postings.terms.keys()) buckets[lexFileOf(shardKey(term, splitSet), lexFiles)]!.terms.push(term);
  for (const d of dels.keys()) buckets[lexFileOf(shardKey(d, splitSet), lexFiles)]!.dels.push(d);
  let postFiles = 0;
  buckets.forEach((bucket, n) => {
    const w = new ByteWriter(4096);
    // Facet columns of the inline lists, in dictionary order, in a file of their own: only a query whose
    // narrowest word is one of these fetches it.
    const inlineFacets = new ByteWriter(4096);
    bucket.terms.sort();
    w.uint(bucket.terms.length);
    for (const term of bucket.terms) {
      const p = postings.terms.get(term)!;
      w.str(term);
      w.uint(p.df);
      const data = p.bytes.result();
      const columns = encodeFacetColumns(decodePostings(data, p.df).docs, table);
      if (data.length <= INLINE_MAX) {
        w.uint(data.length * 2);
        w.bytes(data);
        inlineFacets.uint(columns.length);
        inlineFacets.bytes(columns);
      } else {
        w.uint(postFiles * 2 + 1);
        put(paths.postFacets(postFiles), columns);
        put(paths.post(postFiles++), data);
      }
    }
    put(paths.lexFacets(n), inlineFacets.result());
    bucket.dels.sort();
    w.uint(bucket.dels.length);
    for (const d of bucket.dels) {
      const list = dels.get(d)!;
      w.str(d);
      w.uint(list.length);
      for (const t of list) w.str(t);
    }
    put(paths.lex(n), w.result());
  });
  progress('write', 1, 3);

  // Facet codes, column by column within each block (columns compress far better than rows).
  for (let start = 0, n = 0; start < prepared.length; start += FACET_BLOCK, n++) {
    const block = prepared.slice(start, start + FACET_BLOCK);
    const w = new ByteWriter(block.length * 8);
    w.uint(block.length);
    for (const f of FACETS) {
      for (const p of block) {
        const keys = p.facets[f];
        if (MULTI_FACETS.has(f)) {
          w.uint(keys.length);
          for (const k of keys) w.uint(dict.code(f, k));
        } else {
          w.uint(keys[0] === undefined ? 0 : dict.code(f, keys[0]) + 1);
        }
      }
    }
    for (const p of block) w.uint(p.doc.facets.yearFrom === undefined ? 0 : 1);
    for (const p of block) if (p.doc.facets.yearFrom !== undefined) w.int(p.doc.facets.yearFrom);
    for (const p of block) if (p.doc.facets.yearFrom !== undefined) w.int((p.doc.facets.yearTo ?? p.doc.facets.yearFrom) - p.doc.facets.yearFrom);
    put(paths.facets(n), w.result());
  }

  for (const locale of LOCALES) {
    for (let start = 0, n = 0; start < prepared.length; start += STORED_BLOCK, n++) {
      put(paths.stored(locale, n), JSON.stringify(prepared.slice(start, start + STORED_BLOCK).map((p) => p.stored[locale])));
    }
  }
  for (const [rel, json] of words.shards()) put(rel, json);
  progress('write', 2, 3);

  const years = prepared.map((p) => p.doc.facets.yearFrom).filter((y): y is number => y !== undefined);
  const root: RootFile = {
    v: FORMAT_VERSION,
    docs: prepared.length,
    lexFiles,
    split3,
    facetBlock: FACET_BLOCK,
    storedBlock: STORED_BLOCK,
    facets: facetValues,
    years: years.length ? { min: years.reduce((a, b) => Math.min(a, b)), max: years.reduce((a, b) => Math.max(a, b)) } : { min: 0, max: 0 },
  };
  put(paths.root, JSON.stringify(root));
  await Promise.all(writes);

  // Swap the finished index in; the old one is renamed aside first so the swap itself is a rename.
  const old = `${outDir}.old-${process.pid}`;
  if (fs.existsSync(outDir)) fs.renameSync(outDir, old);
  fs.renameSync(tmp, outDir);
  progress('write', 3, 3);
  // The old index is out of the way already; its ~16k files are removed without holding up the build.
  await fs.promises.rm(old, { recursive: true, force: true });
  return { docs: prepared.length, terms: postings.terms.size, files, bytes, seconds: (performance.now() - started) / 1000 };
}
