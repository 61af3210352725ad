// The panorama's live region: where the visitor is looking, in words ("Looking ahead, to the right, at the stele"),
// said once the view stops moving so a turn is one announcement, not one per frame. Directions are named from
// where the panorama opens, as the hotspot list names them; a hotspot near the centre of the view is named too.
import type { Viewer } from '@photo-sphere-viewer/core';
import { angleBetween, directionKeys } from '../../lib/directions.ts';
import type { ViewerData } from '../../lib/panoramas.ts';
import { fill } from '../../i18n/fill.ts';

/** How close to the centre of the view, in degrees, a hotspot must be to be named. */
const NEAR = 20;
/** How long the view must rest before it is said. */
const SETTLE_MS = 400;

export function viewWords(data: ViewerData, yaw: number, pitch: number): string {
  const { words, separator, looking, lookingAt } = data.spoken;
  const direction = directionKeys(yaw, pitch, data.initialView.yaw)
    .map((k) => words[k] ?? k)
    .join(separator);
  let nearest: { label: string; angle: number } | undefined;
  for (const h of data.hotspots) {
    const angle = angleBetween({ yaw, pitch }, h);
    if (angle <= NEAR && (!nearest || angle < nearest.angle)) nearest = { label: h.label, angle };
  }
  return nearest ? fill(lookingAt, { direction, label: nearest.label }) : fill(looking, { direction });
}

/** `data` is read at each announcement: the viewer may have moved to another panorama of the tour. */
export function speakView(viewer: Viewer, data: () => ViewerData, region: HTMLElement): void {
  const deg = 180 / Math.PI;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const say = () => {
    const p = viewer.getPosition();
    const text = viewWords(data(), p.yaw * deg, p.pitch * deg);
    if (region.textContent !== text) region.textContent = text;
  };
  viewer.addEventListener('position-updated', () => {
    clearTimeout(timer);
    timer = setTimeout(say, SETTLE_MS);
  });
  viewer.addEventListener('ready', say, { once: true });
}
