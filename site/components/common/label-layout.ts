// Labels drawn over a 3D view (scene hotspots, globe places) are placed one by one by their libraries, so two
// near points cover each other's names. This moves each label, in screen space, by the shortest vertical step
// that clears the labels already placed: labels stay next to their points and never overlap.

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

/** The smallest vertical move (up or down) that keeps `box` clear of every box in `placed`. */
export function clearShift(box: LabelBox, placed: LabelBox[]): number {
  const candidates = [0];
  for (const p of placed) candidates.push(p.bottom + GAP - box.top + 0.5, p.top - GAP - box.bottom - 0.5);
  candidates.sort((a, b) => Math.abs(a) - Math.abs(b));
  return candidates.find((dy) => !placed.some((p) => overlaps(shifted(box, dy), p))) ?? 0;
}

/** Vertical moves for `boxes` (same order), placed top to bottom so the moves stack in reading order; boxes with
 * `skip` (not shown) neither move nor block. `obstacles` (the points the labels name) stay where they are and no
 * label covers them. */
export function layoutLabels(boxes: (LabelBox & { skip?: boolean })[], obstacles: LabelBox[] = []): number[] {
  const out = boxes.map(() => 0);
  const placed: LabelBox[] = [...obstacles];
  const order = boxes.map((_, i) => i).sort((a, b) => boxes[a]!.top - boxes[b]!.top);
  for (const i of order) {
    const b = boxes[i]!;
    if (b.skip) continue;
    out[i] = clearShift(b, placed);
    placed.push(shifted(b, out[i]));
  }
  return out;
}
