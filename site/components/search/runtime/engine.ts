// The browser half of search: fetches the root, then only the dictionary files of the query's terms, their
// long posting lists, the facet columns of the narrowest list (exact counts) and the display fields of the
// page shown.
// `fetchBytes` is injectable so the same code runs over files on disk in unit tests.
import { decodeJson, gunzip } from '../../../../formats/search-index/codec.ts';
import { foldLatin } from '../../../../formats/search-index/fold.ts';
import { decodeFacetColumns, type FacetRows } from '../../../../formats/search-index/facet-columns.ts';
import {
  FACETS,
  TYPO_MAX,
  TYPO_MIN,
  deletions,
  facetTerm,
  lexFileOf,
  paths,
  shardKey,
  withinOneEdit,
  type FacetName,
  type RootFile,
  type StoredDoc,
} from '../../../../formats/search-index/layout.ts';
import { parseQuery, prepareFor, type QueryToken } from '../../../../formats/search-index/tokenize.ts';
import { type IgnoredFilter, prepareFilters, resolveFilters } from './filter-values.ts';
import { decodeFacetBlock, filterAndCount, hasFilters, type CodeFilters, type FacetBlock, type Locate, type Located } from './facet-blocks.ts';
import { decodeInlineFacets, decodeLex, decodePostings, type LexFile, type Postings, type TermEntry } from '../../../../formats/search-index/lexicon.ts';
import { LOCALES, type Locale } from '../../../../model/locales.ts';
import { browserFetch, type FetchBytes } from './fetch-bytes.ts';

export type Filters = Partial<Record<FacetName, string[]>> & { yearFrom?: number; yearTo?: number };

export interface SearchRequest {
  q: string;
  locale: Locale;
  filters?: Filters;
  limit?: number;
  offset?: number;
}

export interface FacetCount {
  key: string;
  label: string;
  labelLang?: Locale;
  count: number;
  selected: boolean;
}

export interface SearchResponse {
  /** The filters applied, each value a facet key (filter-values.ts), and those that named nothing. */
  filters: Filters;
  ignored: IgnoredFilter[];
  total: number;
  hits: (StoredDoc & { score: number })[];
  facets: Record<FacetName, FacetCount[]>;
  years: { min: number; max: number };
}

/** BM25F field weights (title > names > text) and the bonus for fields in the visitor's language. */
const KIND_WEIGHT = [3, 2, 1];
const LOCALE_BONUS = 1.5;
const K1 = 1.2;
const PREFIX_PENALTY = 0.7;
const TYPO_PENALTY = 0.5;
const MAX_EXPANSIONS = 40;

export function createSearch(base: string, fetchBytes: FetchBytes = browserFetch) {
  const cache = new Map<string, Promise<unknown>>();
  const load = <T>(rel: string, decode: (data: Uint8Array) => T): Promise<T> => {
    let p = cache.get(rel) as Promise<T> | undefined;
    if (!p) {
      p = fetchBytes(`${base.replace(/\/$/, '')}/${rel}`)
        .then(gunzip)
        .then(decode);
      cache.set(rel, p);
      p.catch(() => cache.delete(rel));
    }
    return p;
  };
  const root = () => load(paths.root, (d) => decodeJson<RootFile>(d));

  async function lexFor(key: string): Promise<LexFile> {
    const r = await root();
    const n = lexFileOf(key, r.lexFiles);
    return load(paths.lex(n), (d) => decodeLex(d, n));
  }
  async function entry(term: string): Promise<TermEntry | undefined> {
    const r = await root();
    return (await lexFor(shardKey(term, new Set(r.split3)))).terms.get(term);
  }
  async function postingsOf(e: TermEntry): Promise<Postings> {
    if (e.inline) return decodePostings(e.inline, e.df);
    return load(paths.post(e.file!), (d) => decodePostings(d, e.df));
  }
  async function columnsOf(e: TermEntry): Promise<FacetRows> {
    if (e.file !== undefined) return load(paths.postFacets(e.file), (d) => decodeFacetColumns(d, e.df));
    const slots = await load(paths.lexFacets(e.lex), decodeInlineFacets);
    return decodeFacetColumns(slots[e.slot!]!, e.df);
  }

  /** Finds each document's facet codes in the columns of the posting lists that hold it. */
  async function columnLocator(lists: [TermEntry, Postings][]): Promise<{ docs: Int32Array; locate: Locate }> {
    const r = await root();
    const columns = await Promise.all(lists.map(([e]) => columnsOf(e)));
    const source = new Int32Array(r.docs).fill(-1);
    const row = new Int32Array(r.docs);
    let n = 0;
    lists.forEach(([, p], k) => {
      for (let i = 0; i < p.docs.length; i++) {
        const d = p.docs[i]!;
        if (source[d]! >= 0) continue;
        source[d] = k;
        row[d] = i;
        n++;
      }
    });
    const docs = new Int32Array(n);
    for (let d = 0, j = 0; d < r.docs; d++) if (source[d]! >= 0) docs[j++] = d;
    const at: Located = { rows: columns[0]!, i: 0 };
    return {
      docs,
      locate: (d) => {
        at.rows = columns[source[d]!]!;
        at.i = row[d]!;
        return at;
      },
    };
  }

  /** The documents having any of `codes` for `facet`, with their facet codes. */
  async function facetCover(facet: FacetName, codes: Set<number>) {
    const entries = (await Promise.all([...codes].map((c) => entry(facetTerm(facet, c))))).filter((e) => e !== undefined);
    return columnLocator(await Promise.all(entries.map(async (e): Promise<[TermEntry, Postings]> => [e, await postingsOf(e)])));
  }

  /** Year filters need the per-document blocks, the only files with years. */
  async function blockLocator(docs: Int32Array): Promise<Locate> {
    const r = await root();
    const ids = new Set<number>();
    for (const d of docs) ids.add(Math.floor(d / r.facetBlock));
    const blocks = new Map<number, FacetBlock>();
    await Promise.all(
      [...ids].map(async (b) => {
        blocks.set(b, await load(paths.facets(b), (data) => decodeFacetBlock(data, b * r.facetBlock)));
      }),
    );
    const at: Located = { rows: blocks.values().next().value!, i: 0 };
    return (d) => {
      const b = blocks.get(Math.floor(d / r.facetBlock))!;
      at.rows = b;
      at.i = d - b.start;
      return at;
    };
  }

  /** The index terms a query token stands for, with a penalty for prefix and typo matches. */
  async function expand(token: QueryToken, split3: Set<string>): Promise<[string, TermEntry, number][]> {
    const out = new Map<string, [string, TermEntry, number]>();
    for (const alt of token.alts) {
      const e = await entry(alt);
      if (e) out.set(alt, [alt, e, 1]);
    }
    const surface = token.surface;
    if (token.prefix && surface) {
      const key = shardKey(surface, split3);
      if (surface.length >= key.length) {
        const lex = await lexFor(key);
        const found = [...lex.terms]
          .filter(([t]) => t.startsWith(surface) && !out.has(t))
          .sort((a, b) => b[1].df - a[1].df || (a[0] < b[0] ? -1 : 1))
          .slice(0, MAX_EXPANSIONS);
        for (const [t, e] of found) out.set(t, [t, e, PREFIX_PENALTY]);
      }
    }
    if (out.size === 0 && surface && surface.length >= TYPO_MIN) {
      for (const q of new Set([surface, ...token.alts])) {
        if (q.length < TYPO_MIN - 1 || q.length > TYPO_MAX + 1) continue;
        const keys = [q, ...deletions(q)];
        const lexes = await Promise.all(keys.map((k) => lexFor(shardKey(k, split3))));
        const candidates = new Set<string>();
        keys.forEach((k, i) => {
          if (lexes[i]!.terms.has(k)) candidates.add(k);
          for (const t of lexes[i]!.dels.get(k) ?? []) candidates.add(t);
        });
        for (const t of [...candidates].sort()) {
          if (out.has(t) || !withinOneEdit(q, t)) continue;
          const e = await entry(t);
          if (e) out.set(t, [t, e, TYPO_PENALTY]);
        }
      }
    }
    return [...out.values()];
  }

  async function search(req: SearchRequest): Promise<SearchResponse> {
    const query = req.q.trim();
    // The root and the query's language modules (stemmers, Chinese folding) load side by side.
    const [r] = await Promise.all([root(), prepareFor(query), prepareFilters(req.filters ?? {})]);
    const asked = resolveFilters(req.filters ?? {}, (f) => r.facets[f]);
    const filters = toCodes(r, asked.filters);
    const yearFilter = filters.yearFrom !== undefined || filters.yearTo !== undefined;
    const split3 = new Set(r.split3);
    const limit = req.limit ?? 10;
    const offset = req.offset ?? 0;
    const uiLang = Math.max(0, LOCALES.indexOf(req.locale));
    const fieldWeight = new Float64Array(512);
    for (let mask = 1; mask < 512; mask++) {
      let w = 0;
      for (let bit = 0; bit < 9; bit++) if (mask & (1 << bit)) w += KIND_WEIGHT[Math.floor(bit / 3)]! * (bit % 3 === uiLang ? LOCALE_BONUS : 1);
      fieldWeight[mask] = (w * (K1 + 1)) / (w + K1);
    }

    const { tokens, phrase } = query ? parseQuery(req.q) : { tokens: [], phrase: '' };
    const required = tokens.filter((t) => t.required);
    let docs: Int32Array;
    let scores: Float64Array | undefined;
    // Every match holds each required token, so the posting lists of the narrowest one cover all matches.
    let narrowest: [TermEntry, Postings][] = [];
    if (required.length === 0 && tokens.length === 0) {
      docs = Int32Array.from({ length: r.docs }, (_, i) => i);
    } else {
      scores = new Float64Array(r.docs);
      const hits = new Uint8Array(r.docs);
      const expansions = await Promise.all(tokens.map((t) => expand(t, split3)));
      const size = (ti: number) => expansions[ti]!.reduce((n, [, e]) => n + e.df, 0);
      const [best] = tokens
        .map((_, ti) => ti)
        .filter((ti) => tokens[ti]!.required)
        .sort((a, b) => size(a) - size(b));
      // The dictionary already names the narrowest token, so its facet columns load beside the posting lists.
      if (best !== undefined && !yearFilter) for (const [, e] of expansions[best]!) columnsOf(e).catch(() => {});
      const lists = await Promise.all(expansions.map((ex) => Promise.all(ex.map(([, e]) => postingsOf(e)))));
      if (best !== undefined) narrowest = expansions[best]!.map(([, e], k) => [e, lists[best]![k]!]);
      const tokenScore = new Float64Array(r.docs);
      tokens.forEach((t, ti) => {
        if (!t.required) return;
        tokenScore.fill(0);
        expansions[ti]!.forEach(([, e, penalty], k) => {
          const idf = Math.log(1 + (r.docs - e.df + 0.5) / (e.df + 0.5));
          const p = lists[ti]![k]!;
          for (let i = 0; i < p.docs.length; i++) {
            const s = idf * penalty * fieldWeight[p.masks[i]!]!;
            if (s > tokenScore[p.docs[i]!]!) tokenScore[p.docs[i]!] = s;
          }
        });
        for (let d = 0; d < r.docs; d++)
          if (tokenScore[d]! > 0) {
            hits[d]!++;
            scores![d]! += tokenScore[d]!;
          }
      });
      const need = required.length;
      const matched: number[] = [];
      for (let d = 0; d < r.docs; d++) if (hits[d] === need && need > 0) matched.push(d);
      // Optional tokens (Chinese words of 3+ characters) only reorder what the required ones matched.
      tokens.forEach((t, ti) => {
        if (t.required) return;
        expansions[ti]!.forEach(([, e], k) => {
          const p = lists[ti]![k]!;
          const idf = Math.log(1 + (r.docs - e.df + 0.5) / (e.df + 0.5));
          for (let i = 0; i < p.docs.length; i++) if (hits[p.docs[i]!] === need) scores![p.docs[i]!]! += 0.5 * idf * fieldWeight[p.masks[i]!]!;
        });
      });
      docs = Int32Array.from(matched);
    }

    const counts = emptyCounts(r);
    if (scores === undefined && !hasFilters(filters)) {
      for (const f of FACETS)
        r.facets[f].forEach((v, i) => {
          counts[f][i] = v.n;
        });
    } else if (yearFilter) {
      docs = filterAndCount(docs, await blockLocator(docs), filters, counts);
    } else if (scores) {
      // Only the narrowest token's facet columns are fetched.
      if (docs.length > 0) docs = filterAndCount(docs, (await columnLocator(narrowest)).locate, filters, counts);
    } else {
      // An empty query with facet filters: the smallest selected facet's documents cover the results and
      // give every other facet's counts; that facet's own counts ignore its filter, so they come from the
      // next smallest one (or are the global counts when it is the only one).
      const weight = (f: FacetName) => [...filters.facets[f]!].reduce((n, c) => n + r.facets[f][c]!.n, 0);
      const [first, second] = FACETS.filter((f) => (filters.facets[f]?.size ?? 0) > 0).sort((a, b) => weight(a) - weight(b));
      const cover = await facetCover(first!, filters.facets[first!]!);
      docs = filterAndCount(cover.docs, cover.locate, filters, counts);
      if (second) {
        const other = emptyCounts(r);
        const next = await facetCover(second, filters.facets[second]!);
        filterAndCount(next.docs, next.locate, filters, other);
        counts[first!] = other[first!];
      } else {
        r.facets[first!].forEach((v, i) => {
          counts[first!][i] = v.n;
        });
      }
    }

    const ranked = scores ? Array.from(docs).sort((a, b) => scores![b]! - scores![a]! || a - b) : Array.from(docs);
    const page = ranked.slice(offset, offset + limit);
    const stored = await Promise.all(
      page.map(async (d) => {
        const block = await load(paths.stored(req.locale, Math.floor(d / r.storedBlock)), (data) => decodeJson<StoredDoc[]>(data));
        return { ...block[d % r.storedBlock]!, score: scores?.[d] ?? 0 };
      }),
    );
    // Exact-phrase boost, applied to the page being shown (its titles are the stored fields already fetched).
    const needle = foldLatin(phrase);
    if (scores && needle.includes(' ')) {
      for (const h of stored) if (foldLatin(h.title).includes(needle)) h.score *= 1.5;
      stored.sort((a, b) => b.score - a.score);
    }
    return { ...asked, total: docs.length, hits: stored, facets: facetCounts(r, counts, filters, req.locale), years: r.years };
  }

  return { search, root };
}

const emptyCounts = (r: RootFile) => Object.fromEntries(FACETS.map((f) => [f, new Uint32Array(r.facets[f].length)])) as Record<FacetName, Uint32Array>;

function toCodes(r: RootFile, filters: Filters): CodeFilters {
  const out: CodeFilters = { facets: {} };
  for (const f of FACETS) {
    const keys = filters[f];
    if (!keys?.length) continue;
    out.facets[f] = new Set(keys.map((k) => r.facets[f].findIndex((v) => v.k === k)).filter((c) => c >= 0));
  }
  if (filters.yearFrom !== undefined) out.yearFrom = filters.yearFrom;
  if (filters.yearTo !== undefined) out.yearTo = filters.yearTo;
  return out;
}

function facetCounts(r: RootFile, counts: Record<FacetName, Uint32Array>, filters: CodeFilters, locale: Locale): Record<FacetName, FacetCount[]> {
  const out = {} as Record<FacetName, FacetCount[]>;
  for (const f of FACETS) {
    out[f] = r.facets[f]
      .map((v, code) => {
        const label = v.l[locale] ?? v.l.en ?? v.l.zh ?? v.l.fr ?? v.k;
        const fc: FacetCount = { key: v.k, label, count: counts[f][code]!, selected: filters.facets[f]?.has(code) ?? false };
        if (!v.l[locale]) fc.labelLang = LOCALES.find((l) => v.l[l] === label) ?? 'en';
        return fc;
      })
      .filter((v) => v.count > 0 || v.selected)
      .sort((a, b) => b.count - a.count);
  }
  return out;
}
