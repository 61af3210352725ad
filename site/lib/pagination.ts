// Which page numbers a listing's page links show: the first and last, and the current one with `around` pages on
// each side; a gap stands for the pages left out. Seven to nine links whatever the length, so they fit a phone.

/** A page number to link, or `gap` for an ellipsis. */
export type PageLink = number | 'gap';

export function pageLinks(current: number, last: number, around = 1): PageLink[] {
  if (last < 1) return [];
  const c = Math.min(Math.max(1, current), last);
  // A gap that would hide a single page shows that page instead.
  let from = Math.max(1, c - around);
  let to = Math.min(last, c + around);
  if (from <= 3) from = 1;
  if (to >= last - 2) to = last;
  const out: PageLink[] = [];
  if (from > 1) out.push(1, 'gap');
  for (let n = from; n <= to; n++) out.push(n);
  if (to < last) out.push('gap', last);
  return out;
}
