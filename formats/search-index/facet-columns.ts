// Facet codes of a list of documents (a term's posting list, or a facet value's), stored column by column
// beside that list so a query can count facets exactly from the documents it already matched, instead of
// fetching per-document facet data for the whole index (≈575 KB at 150k documents).
// Single-valued columns are run-length encoded: documents are numbered so that neighbours share collection,
// period and object type, so runs are long and the files small even before gzip.
import { ByteReader, ByteWriter } from './codec.ts';
import { FACETS, MULTI_FACETS, type FacetName } from './layout.ts';

/** Per-document facet codes of the whole index, as the writer holds them. */
export interface FacetTable {
  /** Single-valued facets: code per document, -1 when absent. */
  single: Partial<Record<FacetName, Int32Array>>;
  /** Multi-valued facets: codes per document. */
  multi: Partial<Record<FacetName, number[][]>>;
}

/** The same codes for a list of documents, row i being the list's i-th document. */
export interface FacetRows {
  single: Partial<Record<FacetName, Int32Array>>;
  multi: Partial<Record<FacetName, { offsets: Uint32Array; codes: Uint32Array }>>;
}

export function encodeFacetColumns(docs: ArrayLike<number>, table: FacetTable): Uint8Array {
  const w = new ByteWriter(64 + docs.length);
  for (const f of FACETS) {
    if (MULTI_FACETS.has(f)) {
      const col = table.multi[f]!;
      for (let i = 0; i < docs.length; i++) {
        const codes = col[docs[i]!]!;
        w.uint(codes.length);
        for (const c of codes) w.uint(c);
      }
      continue;
    }
    const col = table.single[f]!;
    for (let i = 0; i < docs.length; ) {
      const value = col[docs[i]!]!;
      let run = 1;
      while (i + run < docs.length && col[docs[i + run]!] === value) run++;
      w.uint(value + 1);
      w.uint(run);
      i += run;
    }
  }
  return w.result();
}

export function decodeFacetColumns(data: Uint8Array, count: number): FacetRows {
  const r = new ByteReader(data);
  const rows: FacetRows = { single: {}, multi: {} };
  for (const f of FACETS) {
    if (MULTI_FACETS.has(f)) {
      const offsets = new Uint32Array(count + 1);
      const codes: number[] = [];
      for (let i = 0; i < count; i++) {
        for (let n = r.uint(); n > 0; n--) codes.push(r.uint());
        offsets[i + 1] = codes.length;
      }
      rows.multi[f] = { offsets, codes: Uint32Array.from(codes) };
      continue;
    }
    const col = new Int32Array(count);
    for (let i = 0; i < count; ) {
      const value = r.uint() - 1;
      const run = r.uint();
      col.fill(value, i, i + run);
      i += run;
    }
    rows.single[f] = col;
  }
  return rows;
}
