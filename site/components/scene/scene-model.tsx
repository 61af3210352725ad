// The model inside the canvas, plus the evidence recolouring, the level views (exploded, section), level
// picking and the first-frame mark the benchmark reads.
import type { ThreeEvent } from '@react-three/fiber';
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import type * as THREE from 'three';
import type { EvidenceLevel } from '../../../model/scene.ts';
import { applyEvidence } from './evidence.ts';
import { applyExplode, applySection, hotspotOffsets, levelOfObject } from './level-views.ts';
import { FIRST_FRAME_EVENT, type ViewerLevel, type ViewerViews } from './types.ts';

export interface SceneModelProps {
  object: THREE.Group;
  evidence: Record<string, EvidenceLevel>;
  evidenceOn: boolean;
  onCounts: (counts: Record<string, number>) => void;
  levels?: ViewerLevel[];
  views?: ViewerViews;
  exploded?: boolean;
  sectioned?: boolean;
  onLevel?: (node: string) => void;
  /** The hotspots, so their labels can follow the levels they sit on when those move. */
  hotspots?: { id: string; position: readonly number[] }[];
  onHotspotOffsets?: (offsets: Record<string, [number, number, number]>) => void;
}

export function SceneModel({
  object,
  evidence,
  evidenceOn,
  onCounts,
  levels = [],
  views = {},
  exploded = false,
  sectioned = false,
  onLevel,
  hotspots,
  onHotspotOffsets,
}: SceneModelProps) {
  const { invalidate, gl } = useThree();
  const marked = useRef(false);
  useEffect(() => {
    onCounts(applyEvidence(object, evidence, evidenceOn));
    if (views.explode) applyExplode(object, levels, views.explode.gap, exploded);
    if (views.section) applySection(object, gl, views.section, sectioned);
    if (hotspots && onHotspotOffsets && levels.length > 0) onHotspotOffsets(hotspotOffsets(object, levels, hotspots));
    invalidate();
  }, [object, evidence, evidenceOn, invalidate, onCounts, levels, views, exploded, sectioned, gl, hotspots, onHotspotOffsets]);
  useFrame(() => {
    if (marked.current) return;
    marked.current = true;
    // useFrame runs just before this frame's render; the timeout fires once the render call has returned.
    setTimeout(() => {
      if (performance.getEntriesByName('scene-first-frame').length > 0) return;
      performance.mark('scene-first-frame');
      dispatchEvent(new Event(FIRST_FRAME_EVENT));
    }, 0);
  });
  const onClick = (e: ThreeEvent<MouseEvent>) => {
    if (!onLevel || levels.length === 0 || e.delta > 4) return; // a drag to orbit is not a pick
    // With the section on, the first hit may lie in the clipped-away half: take the first visible one.
    const plane = gl.clippingPlanes[0];
    const hit = e.intersections.find((i) => !plane || plane.distanceToPoint(i.point) >= 0);
    const node = hit && levelOfObject(hit.object, levels);
    if (!node) return;
    e.stopPropagation();
    onLevel(node);
  };
  // biome-ignore lint/a11y/noStaticElementInteractions: a three.js object, not a DOM element; levels are also keyboard buttons.
  return <primitive object={object} onClick={onClick} />;
}
