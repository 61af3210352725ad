// What the camera looks at, in words, for the viewer's polite live region ("North-wall mural, upper part"), as
// model-viewer says where its camera is: once the view has rested (a flight or a held arrow key is one
// announcement), a ray from the centre of the view names the first part of the model it meets (the paradata's
// label for that glTF node, else the level's) and where on that part it lands, from its bounding box.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import * as THREE from 'three';
import { fill } from '../../i18n/fill.ts';

const SETTLE_MS = 400;

export interface SpokenViewProps {
  /** glTF node name → its label in the page's language. */
  parts: Record<string, string>;
  strings: Record<string, string>;
  onSpoken: (text: string) => void;
}

type Height = 'upper' | 'middle' | 'lower';

function heightOn(box: THREE.Box3, y: number): Height {
  const f = (y - box.min.y) / Math.max(1e-6, box.max.y - box.min.y);
  return f > 2 / 3 ? 'upper' : f < 1 / 3 ? 'lower' : 'middle';
}

/** The part a hit lands on: the nearest ancestor (or itself) that has a label. */
function partOf(object: THREE.Object3D, parts: Record<string, string>): THREE.Object3D | undefined {
  for (let o: THREE.Object3D | null = object; o; o = o.parent) if (parts[o.name]) return o;
  return undefined;
}

export function SpokenView({ parts, strings: s, onSpoken }: SpokenViewProps) {
  const { camera, scene, gl } = useThree();
  const last = useRef(new THREE.Matrix4());
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const say = () => {
    const ray = new THREE.Raycaster();
    ray.setFromCamera(new THREE.Vector2(0, 0), camera);
    // With the section on, the near half is clipped away: the first hit that is drawn counts.
    const plane = gl.clippingPlanes[0];
    let text = s['spoken.nothing'] ?? '';
    for (const hit of ray.intersectObjects(scene.children, true)) {
      if (!hit.object.visible || (plane && plane.distanceToPoint(hit.point) < 0)) continue;
      const part = partOf(hit.object, parts);
      if (!part) continue;
      // Measured each time: the exploded view moves the levels.
      const where = s[`spoken.${heightOn(new THREE.Box3().setFromObject(part), hit.point.y)}`] ?? '';
      text = fill(s['spoken.looking'] ?? '', { part: parts[part.name]!, where });
      break;
    }
    onSpoken(text);
  };

  // Frames are drawn on demand, so a frame means something moved; the view is said once no frame has moved the
  // camera for a moment.
  useFrame(() => {
    if (last.current.equals(camera.matrixWorld)) return;
    last.current.copy(camera.matrixWorld);
    clearTimeout(timer.current);
    timer.current = setTimeout(say, SETTLE_MS);
  });
  return null;
}
