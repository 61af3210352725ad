// Term dictionary files and posting lists: fetched on demand, decoded once, cached for the page's lifetime.
import { ByteReader } from './codec.ts';

export interface TermEntry {
  df: number;
  /** A short posting list, kept in the dictionary file `lex`, whose facet columns are the `slot`-th entry of
   * lexf/<lex>; a long one is in post/<file> with its facet columns in postf/<file>. */
  inline?: Uint8Array;
  lex: number;
  slot?: number;
  file?: number;
}

export interface LexFile {
  terms: Map<string, TermEntry>;
  dels: Map<string, string[]>;
}

export function decodeLex(data: Uint8Array, lex: number): LexFile {
  const r = new ByteReader(data);
  const terms = new Map<string, TermEntry>();
  let slot = 0;
  for (let n = r.uint(); n > 0; n--) {
    const term = r.str();
    const df = r.uint();
    const ref = r.uint();
    terms.set(term, ref % 2 === 0 ? { df, lex, inline: r.bytes(ref / 2), slot: slot++ } : { df, lex, file: (ref - 1) / 2 });
  }
  const dels = new Map<string, string[]>();
  for (let n = r.uint(); n > 0; n--) {
    const key = r.str();
    const list: string[] = [];
    for (let k = r.uint(); k > 0; k--) list.push(r.str());
    dels.set(key, list);
  }
  return { terms, dels };
}

export interface Postings {
  docs: Int32Array;
  masks: Uint16Array;
}

export function decodePostings(data: Uint8Array, df: number): Postings {
  const r = new ByteReader(data);
  const docs = new Int32Array(df);
  const masks = new Uint16Array(df);
  let doc = -1;
  for (let i = 0; i < df; i++) {
    doc += r.uint() + 1;
    docs[i] = doc;
    masks[i] = r.uint();
  }
  return { docs, masks };
}

/** lexf/<n>: the facet columns of each inline list of lex/<n>, in dictionary order. */
export function decodeInlineFacets(data: Uint8Array): Uint8Array[] {
  const r = new ByteReader(data);
  const out: Uint8Array[] = [];
  while (!r.done) out.push(r.bytes(r.uint()));
  return out;
}
