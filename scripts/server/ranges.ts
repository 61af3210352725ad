// `Range: bytes=…` as RFC 9110 §14 defines it: first-last, first- (to the end) and -suffix (the last N bytes),
// several ranges at once. A header we cannot read is ignored (the whole file is sent, as §14.2 allows); a
// readable one that no byte satisfies is a 416.

export interface ByteRange {
  start: number;
  /** Inclusive. */
  end: number;
}

export type RangeRequest = { kind: 'none' } | { kind: 'unsatisfiable' } | { kind: 'ranges'; ranges: ByteRange[] };

/** More ranges than this is not a player seeking, it is someone making us do work: serve the whole file. */
const MAX_RANGES = 64;
const SPEC = /^(\d*)-(\d*)$/;

export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return { kind: 'none' };
  const eq = header.indexOf('=');
  if (eq < 0 || header.slice(0, eq).trim().toLowerCase() !== 'bytes') return { kind: 'none' };
  const specs = header
    .slice(eq + 1)
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (specs.length === 0 || specs.length > MAX_RANGES) return { kind: 'none' };
  const ranges: ByteRange[] = [];
  for (const spec of specs) {
    const m = SPEC.exec(spec);
    if (!m || (m[1] === '' && m[2] === '')) return { kind: 'none' };
    const first = m[1] === '' ? undefined : Number(m[1]);
    const last = m[2] === '' ? undefined : Number(m[2]);
    if (first === undefined) {
      // A suffix range: the last `last` bytes (all of them when the file is shorter).
      if (last === 0 || size === 0) continue;
      ranges.push({ start: Math.max(0, size - (last as number)), end: size - 1 });
      continue;
    }
    if (last !== undefined && last < first) return { kind: 'none' };
    if (first >= size) continue;
    ranges.push({ start: first, end: last === undefined ? size - 1 : Math.min(last, size - 1) });
  }
  return ranges.length === 0 ? { kind: 'unsatisfiable' } : { kind: 'ranges', ranges };
}
