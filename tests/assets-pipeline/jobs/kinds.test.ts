import { describe, expect, it } from 'vitest';
import { largestFirst } from '../../../assets-pipeline/jobs/kinds.ts';

// BullMQ runs a lower priority number first, within 1 … 2,097,151 (0 would mean "no priority", run before all).
describe('largestFirst', () => {
  it('gives a larger file a lower (earlier) priority, always within BullMQ’s range', () => {
    const mb = 1024 * 1024;
    expect(largestFirst(300 * mb)).toBeLessThan(largestFirst(2 * mb));
    expect(largestFirst(2 * mb)).toBeLessThan(largestFirst(100 * 1024));
    expect(largestFirst(0)).toBe(2_097_151);
    expect(largestFirst(10 * 1024 * mb)).toBe(1);
  });
});
