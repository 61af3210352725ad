// Term dictionary files and posting lists: fetched on demand, decoded once, cached for the page's lifetime.
import { ByteReader } from '../core/codec.ts';

export interface TermEntry {
  df: number;
  inline?: Uint8Array;
  file?: number;
}

export interface LexFile {
  terms: Map<string, TermEntry>;
  dels: Map<string, string[]>;
}

export function decodeLex(data: Uint8Array): LexFile {
  const r = new ByteReader(data);
  const terms = new Map<string, TermEntry>();
  for (let n = r.uint(); n > 0; n--) {
    const term = r.str();
    const df = r.uint();
    const ref = r.uint();
    terms.set(term, ref % 2 === 0 ? { df, inline: r.bytes(ref / 2) } : { df, file: (ref - 1) / 2 });
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
