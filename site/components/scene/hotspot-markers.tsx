// Hotspots as real <button>s positioned over the canvas by drei's <Html>: page fonts (so CJK renders), Tab order,
// screen-reader names, all for free. Numbers match the list in the text alternative.
// A marker wholly outside the view (beside or behind the camera) is hidden, so Tab never lands on a
// button clipped by the stage or drawn under the page header; the text alternative's list still holds it.
import { Html } from '@react-three/drei';
import { useFrame } from '@react-three/fiber';
import { useMemo, useRef } from 'react';
import { Vector3 } from 'three';
import type { ViewerHotspot } from './types.ts';

export interface HotspotMarkersProps {
  hotspots: ViewerHotspot[];
  active?: string;
  onSelect: (id: string) => void;
}

export function HotspotMarkers({ hotspots, active, onSelect }: HotspotMarkersProps) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const point = useMemo(() => new Vector3(), []);
  useFrame(({ camera, gl }) => {
    const stage = gl.domElement.getBoundingClientRect();
    for (const h of hotspots) {
      const button = buttons.current.get(h.id);
      if (!button) continue;
      point.set(h.position[0], h.position[1], h.position[2]).project(camera);
      // Shown while any part of the label is over the view (it keeps its layout box while hidden).
      const r = button.getBoundingClientRect();
      const overlaps = r.right > stage.left && r.left < stage.right && r.bottom > stage.top && r.top < stage.bottom;
      const shown = point.z < 1 && overlaps;
      const visibility = shown ? '' : 'hidden';
      if (button.style.visibility !== visibility) button.style.visibility = visibility;
    }
  });
  return (
    <>
      {hotspots.map((h, i) => (
        <Html key={h.id} position={h.position} center zIndexRange={[20, 10]}>
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
