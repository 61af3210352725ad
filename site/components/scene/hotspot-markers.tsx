// Hotspots as real <button>s positioned over the canvas by drei's <Html>: page fonts (so CJK renders), Tab order,
// screen-reader names, all for free. Numbers match the list in the text alternative.
// A marker wholly outside the view (beside or behind the camera) is hidden, so Tab never lands on a button clipped
// by the stage; the text alternative's list still holds it. Labels that would cover each other are nudged up or
// down, whichever is the shorter move (drei places each label alone), and a label on a level that moves (the
// exploded view) moves with it.
import { Html } from '@react-three/drei';
import { useFrame } from '@react-three/fiber';
import { useMemo, useRef } from 'react';
import { Vector3 } from 'three';
import type { Vec3 } from '../../../model/scene.ts';
import type { ViewerHotspot } from './types.ts';
import { clearShift, shifted, type LabelBox } from '../common/label-layout.ts';

export interface HotspotMarkersProps {
  hotspots: ViewerHotspot[];
  active?: string;
  /** World-space shift of a hotspot whose level has moved. */
  offsets?: Record<string, Vec3>;
  onSelect: (id: string) => void;
}

const positionOf = (h: ViewerHotspot, offsets?: Record<string, Vec3>): Vec3 => {
  const o = offsets?.[h.id];
  return o ? [h.position[0] + o[0], h.position[1] + o[1], h.position[2] + o[2]] : h.position;
};

export function HotspotMarkers({ hotspots, active, offsets, onSelect }: HotspotMarkersProps) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const point = useMemo(() => new Vector3(), []);
  useFrame(({ camera, size }) => {
    const items: { button: HTMLButtonElement; box: LabelBox; inFront: boolean }[] = [];
    for (const h of hotspots) {
      const button = buttons.current.get(h.id);
      if (!button) continue;
      const [x, y, z] = positionOf(h, offsets);
      point.set(x, y, z).project(camera);
      // Where drei's centred label lies, from the projection rather than the layout: the same numbers drei uses,
      // and independent of the order in which the frame callbacks run.
      const cx = ((point.x + 1) / 2) * size.width;
      const cy = ((1 - point.y) / 2) * size.height;
      const w = button.offsetWidth;
      const hgt = button.offsetHeight;
      items.push({ button, box: { left: cx - w / 2, right: cx + w / 2, top: cy - hgt / 2, bottom: cy + hgt / 2 }, inFront: point.z < 1 });
    }
    const placed: LabelBox[] = [];
    const onStage = (b: LabelBox) => b.right > 0 && b.left < size.width && b.bottom > 0 && b.top < size.height;
    // Top to bottom, so the nudges stack in reading order.
    for (const it of [...items].sort((a, b) => a.box.top - b.box.top)) {
      let dy = 0;
      let shown = it.inFront && onStage(it.box);
      if (shown) {
        dy = clearShift(it.box, placed);
        const box = shifted(it.box, dy);
        // Shown while any part of the label is over the view.
        shown = onStage(box);
        if (shown) placed.push(box);
      }
      const transform = dy ? `translateY(${Math.round(dy)}px)` : '';
      if (it.button.style.transform !== transform) it.button.style.transform = transform;
      const visibility = shown ? '' : 'hidden';
      if (it.button.style.visibility !== visibility) it.button.style.visibility = visibility;
    }
  });
  return (
    <>
      {hotspots.map((h, i) => (
        <Html key={h.id} position={positionOf(h, offsets)} center zIndexRange={[20, 10]}>
          <button
            type="button"
            className="scene-hotspot"
            data-hotspot={h.id}
            ref={(el) => {
              if (el) buttons.current.set(h.id, el);
              else buttons.current.delete(h.id);
            }}
            aria-expanded={active === h.id}
            aria-controls="scene-hotspot-panel"
            lang={h.lang}
            onClick={() => onSelect(h.id)}
          >
            <span className="scene-hotspot-number" aria-hidden="true">
              {i + 1}
            </span>
            <span className="scene-hotspot-title">{h.title}</span>
          </button>
        </Html>
      ))}
    </>
  );
}
