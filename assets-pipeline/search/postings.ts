// In-memory posting lists, built in document order so each list is written as delta varints on the fly
// (150k documents × 3 languages is ~20M postings: as JS arrays that would be several hundred MB).
import { ByteWriter } from '../../formats/search-index/codec.ts';
import { FIELD_KINDS, fieldBit } from '../../formats/search-index/layout.ts';
import { indexTerms } from '../../formats/search-index/tokenize.ts';
import type { LangMap } from '../../model/schema.ts';
import { LOCALES } from '../../model/locales.ts';

export interface TermPostings {
  bytes: ByteWriter;
  last: number;
  df: number;
}

export class PostingsBuilder {
  readonly terms = new Map<string, TermPostings>();

  /** Adds document `docId` (strictly increasing across calls) with its fields by kind, and `keys`: terms
   * that belong to no field (facet values), stored with an empty field mask. */
  add(docId: number, fields: DocFields, keys: string[] = []): void {
    this.addMasks(docId, termMasks(fields), keys);
  }

  /** Adds a document whose terms were already found (see termMasks). */
  addMasks(docId: number, masks: Iterable<[string, number]>, keys: string[] = []): void {
    for (const k of keys) this.post(k, docId, 0);
    for (const [term, mask] of masks) this.post(term, docId, mask);
  }

  private post(term: string, docId: number, mask: number): void {
    let p = this.terms.get(term);
    if (!p) {
      p = { bytes: new ByteWriter(8), last: -1, df: 0 };
      this.terms.set(term, p);
    }
    p.bytes.uint(docId - p.last - 1);
    p.bytes.uint(mask);
    p.last = docId;
    p.df++;
  }
}

export type DocFields = Record<(typeof FIELD_KINDS)[number], (LangMap | undefined)[]>;

/** Every index term of a document with the fields (kind × language bits) it occurs in. */
export function termMasks(fields: DocFields): Map<string, number> {
  const masks = new Map<string, number>();
  FIELD_KINDS.forEach((kind, k) => {
    for (const map of fields[kind]) {
      if (!map) continue;
      LOCALES.forEach((lang, l) => {
        const text = map[lang];
        if (!text) return;
        const bit = fieldBit(k, l);
        for (const term of indexTerms(text, lang)) masks.set(term, (masks.get(term) ?? 0) | bit);
      });
    }
  });
  return masks;
}
