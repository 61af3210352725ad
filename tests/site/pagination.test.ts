import { describe, expect, it } from 'vitest';
import { pageLinks } from '../../site/lib/pagination.ts';

describe('pageLinks', () => {
  it('lists every page of a short listing', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
    expect(pageLinks(2, 5)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps the first, the last and the neighbours of the current page of a long one, with gaps between', () => {
    expect(pageLinks(1, 11)).toEqual([1, 2, 'gap', 11]);
    expect(pageLinks(6, 11)).toEqual([1, 'gap', 5, 6, 7, 'gap', 11]);
    expect(pageLinks(11, 11)).toEqual([1, 'gap', 10, 11]);
  });

  it('shows a page rather than a gap that would hide only that page', () => {
    expect(pageLinks(4, 11)).toEqual([1, 2, 3, 4, 5, 'gap', 11]);
    expect(pageLinks(8, 11)).toEqual([1, 'gap', 7, 8, 9, 10, 11]);
  });

  it('clamps a current page outside the listing and returns nothing for an empty one', () => {
    expect(pageLinks(40, 3)).toEqual([1, 2, 3]);
    expect(pageLinks(1, 0)).toEqual([]);
  });
});
