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

/**
 * How far each hotspot has moved with its level in the exploded view (world units; none at rest). A hotspot
 * belongs to the smallest level whose box, taken at rest, holds it (a point on the roof goes with the top storey
 * that carries the roof), so labels follow the storeys they name without the scene saying which is which.
 */
export function hotspotOffsets(
  root: THREE.Object3D,
  levels: ViewerLevel[],
  hotspots: { id: string; position: readonly number[] }[],
): Record<string, [number, number, number]> {
  root.updateMatrixWorld(true);
  const boxes: { box: THREE.Box3; shift: THREE.Vector3; volume: number }[] = [];
  for (const l of levels) {
    const o = root.getObjectByName(l.node);
    if (!o) continue;
    const now = o.getWorldPosition(new THREE.Vector3());
    const rest = o.parent
      ? o.parent.localToWorld(new THREE.Vector3(o.position.x, (o.userData[BASE_Y] as number | undefined) ?? o.position.y, o.position.z))
      : now.clone();
    const shift = now.clone().sub(rest);
    const box = new THREE.Box3().setFromObject(o).translate(shift.clone().negate());
    const size = box.getSize(new THREE.Vector3());
    boxes.push({ box: box.expandByScalar(0.05), shift, volume: size.x * size.y * size.z });
  }
  const out: Record<string, [number, number, number]> = {};
  const p = new THREE.Vector3();
  for (const h of hotspots) {
    p.set(h.position[0] ?? 0, h.position[1] ?? 0, h.position[2] ?? 0);
    const home = boxes.filter((b) => b.box.containsPoint(p)).sort((a, b) => a.volume - b.volume)[0];
    if (home && home.shift.lengthSq() > 0) out[h.id] = [home.shift.x, home.shift.y, home.shift.z];
  }
  return out;
}
