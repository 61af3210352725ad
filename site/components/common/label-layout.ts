// Labels drawn over a 3D view (scene hotspots, globe places) are placed one by one by their libraries, so two
// near points cover each other's names. This moves each label, in screen space, by the shortest vertical step
// that clears the labels already placed: labels stay next to their points and never overlap. `placeLabels` also
// tries the other side of the point and leaves out a label that would have to move away from its point.

/** A label's box in CSS pixels. */
export interface LabelBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Space kept between two labels, in CSS pixels. */
const GAP = 3;

const overlaps = (a: LabelBox, b: LabelBox) => a.left < b.right + GAP && b.left < a.right + GAP && a.top < b.bottom + GAP && b.top < a.bottom + GAP;
export const shifted = (b: LabelBox, dy: number): LabelBox => ({ ...b, top: b.top + dy, bottom: b.bottom + dy });

/** The smallest vertical move (up or down) that keeps `box` clear of every box in `placed`; with `range`, only a
 * move within it (undefined when none is). */
export function clearShift(box: LabelBox, placed: LabelBox[]): number;
export function clearShift(box: LabelBox, placed: LabelBox[], range: [number, number]): number | undefined;
export function clearShift(box: LabelBox, placed: LabelBox[], range?: [number, number]): number | undefined {
  const candidates = [0];
  for (const p of placed) candidates.push(p.bottom + GAP - box.top + 0.5, p.top - GAP - box.bottom - 0.5);
  candidates.sort((a, b) => Math.abs(a) - Math.abs(b));
  const within = range ? candidates.filter((dy) => dy >= range[0] && dy <= range[1]) : candidates;
  const found = within.find((dy) => !placed.some((p) => overlaps(shifted(box, dy), p)));
  return found ?? (range ? undefined : 0);
}

/** A box a label may take, the vertical moves allowed from it, and what taking it costs beside the move (px). */
export interface LabelOption extends LabelBox {
  range: [number, number];
  cost?: number;
}

/** Where a label may go: boxes around its point (right, left, above, below…), each with the vertical moves that
 * keep it next to the point. */
export interface LabelSpot {
  options: LabelOption[];
  skip?: boolean;
}

/** For each label (same order), the option it takes and its vertical move, or undefined when it is not shown.
 * Labels are placed in `priority` order (indices); each takes the option whose move clear of the labels placed
 * before it and of `obstacles`, plus its cost, is smallest (the first on a tie). A label with no such place is left out rather than stacked far from
 * its point: on a phone-sized globe ten names near two points cannot all sit beside them, and a name 150 px below
 * its point names nothing (the page lists every place as text, and zooming in brings names back). */
export function placeLabels(spots: LabelSpot[], priority: number[], obstacles: LabelBox[] = []): ({ option: number; dy: number } | undefined)[] {
  const out: ({ option: number; dy: number } | undefined)[] = spots.map(() => undefined);
  const placed: LabelBox[] = [...obstacles];
  for (const i of priority) {
    const s = spots[i]!;
    if (s.skip) continue;
    let best: { option: number; dy: number; cost: number } | undefined;
    s.options.forEach((box, option) => {
      const dy = clearShift(box, placed, box.range);
      const cost = dy === undefined ? 0 : Math.abs(dy) + (box.cost ?? 0);
      if (dy !== undefined && (!best || cost < best.cost)) best = { option, dy, cost };
    });
    if (!best) continue;
    out[i] = { option: best.option, dy: best.dy };
    placed.push(shifted(s.options[best.option]!, best.dy));
  }
  return out;
}
