// Summaries of repeated measurements, the same in every benchmark: the median, and percentiles by nearest rank (a
// value that was measured, never one between two; p95 of 20 runs is the 19th, not the slowest).

const sorted = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);

/** The nearest-rank percentile, p in (0, 100]; NaN for no measurement. */
export function percentile(xs: readonly number[], p: number): number {
  if (!xs.length) return Number.NaN;
  return sorted(xs)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)]!;
}

/** The middle value, or the mean of the two middle ones for an even count; NaN for no measurement. */
export function median(xs: readonly number[]): number {
  if (!xs.length) return Number.NaN;
  const s = sorted(xs);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
