// Per-document facet codes, decoded from one facets/<n>.bin.gz block, and the exact (disjunctive) counting:
// a facet's counts use every filter except its own, so ticking a value never hides its siblings.
import { ByteReader } from '../../../../formats/search-index/codec.ts';
import type { FacetRows } from '../../../../formats/search-index/facet-columns.ts';
import { FACETS, MULTI_FACETS, type FacetName } from '../../../../formats/search-index/layout.ts';

/** Facet codes of some documents; `yearFrom`/`yearTo` only where the file carries years (facets/ blocks). */
export interface YearRows extends FacetRows {
  yearFrom?: Float64Array;
  yearTo?: Float64Array;
}

export interface FacetBlock extends YearRows {
  start: number;
  count: number;
  yearFrom: Float64Array;
  yearTo: Float64Array;
}

/** Where a document's codes are: row `i` of `rows`. The counting loop reuses one object per call. */
export interface Located {
  rows: YearRows;
  i: number;
}
export type Locate = (doc: number) => Located;

export function decodeFacetBlock(data: Uint8Array, start: number): FacetBlock {
  const r = new ByteReader(data);
  const count = r.uint();
  const block: FacetBlock = { start, count, single: {}, multi: {}, yearFrom: new Float64Array(count).fill(NaN), yearTo: new Float64Array(count).fill(NaN) };
  for (const f of FACETS) {
    if (MULTI_FACETS.has(f)) {
      const offsets = new Uint32Array(count + 1);
      const codes: number[] = [];
      for (let i = 0; i < count; i++) {
        const n = r.uint();
        for (let j = 0; j < n; j++) codes.push(r.uint());
        offsets[i + 1] = codes.length;
      }
      block.multi[f] = { offsets, codes: Uint32Array.from(codes) };
    } else {
      const col = new Int32Array(count);
      for (let i = 0; i < count; i++) col[i] = r.uint() - 1;
      block.single[f] = col;
    }
  }
  const has: boolean[] = [];
  for (let i = 0; i < count; i++) has.push(r.uint() === 1);
  for (let i = 0; i < count; i++) if (has[i]) block.yearFrom[i] = r.int();
  for (let i = 0; i < count; i++) if (has[i]) block.yearTo[i] = block.yearFrom[i]! + r.int();
  return block;
}

/** Selected codes per facet, and an optional year range; absent means "no filter". */
export interface CodeFilters {
  facets: Partial<Record<FacetName, Set<number>>>;
  yearFrom?: number;
  yearTo?: number;
}

export function hasFilters(f: CodeFilters): boolean {
  return Object.values(f.facets).some((s) => s && s.size > 0) || f.yearFrom !== undefined || f.yearTo !== undefined;
}

/** Filters `docs` and counts every facet value over them. Returns the docs that pass every filter. */
export function filterAndCount(docs: Int32Array, locate: Locate, filters: CodeFilters, counts: Record<FacetName, Uint32Array>): Int32Array {
  const active = FACETS.filter((f) => (filters.facets[f]?.size ?? 0) > 0);
  const yearActive = filters.yearFrom !== undefined || filters.yearTo !== undefined;
  const out = new Int32Array(docs.length);
  let kept = 0;
  const fails: FacetName[] = [];
  for (const doc of docs) {
    const { rows: b, i } = locate(doc);
    fails.length = 0;
    let yearFails = false;
    for (const f of active) {
      const sel = filters.facets[f]!;
      let ok = false;
      const m = b.multi[f];
      if (m) {
        for (let j = m.offsets[i]!; j < m.offsets[i + 1]! && !ok; j++) ok = sel.has(m.codes[j]!);
      } else {
        ok = sel.has(b.single[f]![i]!);
      }
      if (!ok) fails.push(f);
    }
    if (yearActive) {
      if (!b.yearFrom || !b.yearTo) throw new Error('search: a year filter needs facet blocks with years');
      const from = b.yearFrom[i]!;
      const to = b.yearTo[i]!;
      yearFails = Number.isNaN(from) || (filters.yearTo !== undefined && from > filters.yearTo) || (filters.yearFrom !== undefined && to < filters.yearFrom);
    }
    if (yearFails && fails.length > 0) continue;
    if (fails.length > 1) continue;
    if (!yearFails && fails.length === 0) out[kept++] = doc;
    // A doc failing only facet F still counts toward F's values (disjunctive faceting).
    for (const f of FACETS) {
      if (yearFails || (fails.length === 1 && fails[0] !== f)) continue;
      const m = b.multi[f];
      if (m) {
        for (let j = m.offsets[i]!; j < m.offsets[i + 1]!; j++) counts[f][m.codes[j]!]!++;
      } else {
        const c = b.single[f]![i]!;
        if (c >= 0) counts[f][c]!++;
      }
    }
  }
  return out.subarray(0, kept);
}
