// The benchmarks' median and percentiles against their definitions: nearest rank (the ⌈p/100 · n⌉-th smallest
// value) and the middle value (the mean of the two middle ones for an even count).
import { describe, expect, it } from 'vitest';
import { median, percentile } from '../../scripts/bench/stats.ts';

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => n - i); // n … 1, unsorted on purpose

describe('bench stats', () => {
  it('percentiles by nearest rank', () => {
    expect(percentile(oneTo(20), 95)).toBe(19); // ⌈19⌉ = 19th of 20, not the slowest
    expect(percentile(oneTo(20), 50)).toBe(10);
    expect(percentile(oneTo(20), 100)).toBe(20);
    expect(percentile(oneTo(10), 95)).toBe(10); // ⌈9.5⌉ = 10th
    expect(percentile(oneTo(3), 1)).toBe(1);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 95)).toBeNaN();
  });

  it('the median of an odd and an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNaN();
  });

  it('leaves its input as it was', () => {
    const xs = [3, 1, 2];
    median(xs);
    percentile(xs, 50);
    expect(xs).toEqual([3, 1, 2]);
  });
});
