// Hotspots as real <button>s positioned over the canvas by drei's <Html>: page fonts (so CJK renders), Tab order,
// screen-reader names, all for free. Numbers match the list in the text alternative.
import { Html } from '@react-three/drei';
import type { ViewerHotspot } from './types.ts';

export interface HotspotMarkersProps {
  hotspots: ViewerHotspot[];
  active?: string;
  onSelect: (id: string) => void;
}

export function HotspotMarkers({ hotspots, active, onSelect }: HotspotMarkersProps) {
  return (
    <>
      {hotspots.map((h, i) => (
        <Html key={h.id} position={h.position} center zIndexRange={[20, 10]}>
          <button
            type="button"
            className="scene-hotspot"
            data-hotspot={h.id}
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
