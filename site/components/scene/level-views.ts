// Views over a scene's declared levels (storeys): the exploded view moves level i up by i × gap, the section
// view clips the model with a plane. Both work on any scene whose YAML declares them; nothing here knows a
// building. Original transforms and material sides are remembered on the objects, so toggling is lossless.
import * as THREE from 'three';
import type { ViewerLevel, ViewerViews } from './types.ts';

const BASE_Y = 'heritageBaseY';
const BASE_SIDE = 'heritageBaseSide';

export function applyExplode(root: THREE.Object3D, levels: ViewerLevel[], gap: number, on: boolean): void {
  levels.forEach((l, i) => {
    const o = root.getObjectByName(l.node);
    if (!o) return;
    o.userData[BASE_Y] ??= o.position.y;
    o.position.y = (o.userData[BASE_Y] as number) + (on ? i * gap : 0);
  });
}

/** The section plane, or none. Cut faces show their inside, so materials turn double-sided while it is on. */
export function applySection(root: THREE.Object3D, gl: THREE.WebGLRenderer, section: ViewerViews['section'], on: boolean): void {
  gl.clippingPlanes = on && section ? [new THREE.Plane(new THREE.Vector3(...section.normal).normalize(), section.constant)] : [];
  root.traverse((o) => {
    if (!(o instanceof THREE.Mesh)) return;
    for (const m of Array.isArray(o.material) ? o.material : [o.material]) {
      const mat = m as THREE.Material;
      mat.userData[BASE_SIDE] ??= mat.side;
      mat.side = on ? THREE.DoubleSide : (mat.userData[BASE_SIDE] as THREE.Side);
    }
  });
}

/** The declared level an object belongs to: itself or its nearest ancestor in the list. */
export function levelOfObject(object: THREE.Object3D, levels: ViewerLevel[]): string | undefined {
  const names = new Set(levels.map((l) => l.node));
  for (let o: THREE.Object3D | null = object; o; o = o.parent) if (names.has(o.name)) return o.name;
  return undefined;
}
