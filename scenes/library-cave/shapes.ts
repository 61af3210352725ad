// Geometry builders for the Library Cave. Dimensions are in metres and come from the scene's paradata notes;
// the surface relief is illustrative (deterministic noise), never presented as survey data.
import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

/** Deterministic value noise: the generator must give the same bytes each run so the model stage can skip it. */
export function relief(x: number, y: number, z: number, amp: number): number {
  const h = (a: number, b: number, c: number) => {
    const s = Math.sin(a * 12.9898 + b * 78.233 + c * 37.719) * 43758.5453;
    return s - Math.floor(s);
  };
  const f = 7;
  const xi = Math.floor(x * f),
    yi = Math.floor(y * f),
    zi = Math.floor(z * f);
  const xf = x * f - xi,
    yf = y * f - yi,
    zf = z * f - zi;
  const lerp = (a: number, b: number, t: number) => a + (b - a) * t * t * (3 - 2 * t);
  const c = (dx: number, dy: number, dz: number) => h(xi + dx, yi + dy, zi + dz);
  const v = lerp(
    lerp(lerp(c(0, 0, 0), c(1, 0, 0), xf), lerp(c(0, 1, 0), c(1, 1, 0), xf), yf),
    lerp(lerp(c(0, 0, 1), c(1, 0, 1), xf), lerp(c(0, 1, 1), c(1, 1, 1), xf), yf),
    zf,
  );
  return (v - 0.5) * 2 * amp;
}

/** A quad (corners a,b,c,d counter-clockwise seen from the front) subdivided and pushed along its normal. */
export function reliefQuad(
  a: THREE.Vector3,
  b: THREE.Vector3,
  c: THREE.Vector3,
  d: THREE.Vector3,
  seg: number,
  amp: number,
  uvs = false,
): THREE.BufferGeometry {
  const pos: number[] = [],
    uv: number[] = [],
    idx: number[] = [];
  const n = new THREE.Vector3().subVectors(b, a).cross(new THREE.Vector3().subVectors(d, a)).normalize();
  const p = new THREE.Vector3();
  for (let j = 0; j <= seg; j++) {
    for (let i = 0; i <= seg; i++) {
      const u = i / seg,
        v = j / seg;
      // bilinear interpolation so trapezoids (the ceiling slopes) subdivide evenly
      p.copy(a)
        .multiplyScalar((1 - u) * (1 - v))
        .addScaledVector(b, u * (1 - v))
        .addScaledVector(c, u * v)
        .addScaledVector(d, (1 - u) * v);
      const edge = Math.min(u, 1 - u, v, 1 - v) < 1e-6 ? 0 : 1; // keep borders flat so surfaces meet without gaps
      p.addScaledVector(n, relief(p.x, p.y, p.z, amp) * edge);
      pos.push(p.x, p.y, p.z);
      uv.push(u, 1 - v); // glTF UVs start at the top-left of the image
    }
  }
  for (let j = 0; j < seg; j++)
    for (let i = 0; i < seg; i++) {
      const k = j * (seg + 1) + i;
      idx.push(k, k + 1, k + seg + 2, k, k + seg + 2, k + seg + 1);
    }
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.Float32BufferAttribute(pos, 3));
  if (uvs) g.setAttribute('uv', new THREE.Float32BufferAttribute(uv, 2));
  g.setIndex(idx);
  g.computeVertexNormals();
  return g;
}

const v = (x: number, y: number, z: number) => new THREE.Vector3(x, y, z);

export interface ChamberSize {
  width: number; // east–west
  depth: number; // north–south
  wallHeight: number; // where the ceiling slopes start
  height: number; // apex
  topSize: number; // side of the flat centre square
}

export function chamberWalls(s: ChamberSize, seg: number): { floor: THREE.BufferGeometry; walls: THREE.BufferGeometry } {
  const x = s.width / 2,
    z = s.depth / 2,
    h = s.wallHeight;
  const floor = reliefQuad(v(-x, 0, z), v(x, 0, z), v(x, 0, -z), v(-x, 0, -z), seg, 0.01);
  const north = reliefQuad(v(-x, 0, -z), v(x, 0, -z), v(x, h, -z), v(-x, h, -z), seg, 0.025);
  const east = reliefQuad(v(x, 0, -z), v(x, 0, z), v(x, h, z), v(x, h, -z), seg, 0.025);
  const west = reliefQuad(v(-x, 0, z), v(-x, 0, -z), v(-x, h, -z), v(-x, h, z), seg, 0.025);
  return { floor, walls: mergeGeometries([north, east, west])! };
}

/** The south wall with its doorway cut out, and the door's reveal through the wall's thickness. */
export function southWallAndDoor(s: ChamberSize, door: { width: number; height: number; thickness: number }) {
  const x = s.width / 2,
    z = s.depth / 2,
    h = s.wallHeight,
    dw = door.width / 2;
  const shape = new THREE.Shape([new THREE.Vector2(-x, 0), new THREE.Vector2(x, 0), new THREE.Vector2(x, h), new THREE.Vector2(-x, h)]);
  shape.holes.push(
    new THREE.Path([new THREE.Vector2(-dw, 0), new THREE.Vector2(-dw, door.height), new THREE.Vector2(dw, door.height), new THREE.Vector2(dw, 0)]),
  );
  const wall = new THREE.ShapeGeometry(shape).rotateY(Math.PI).translate(0, 0, z);
  const t = door.thickness;
  const reveal = mergeGeometries([
    reliefQuad(v(-dw, 0, z + t), v(-dw, 0, z), v(-dw, door.height, z), v(-dw, door.height, z + t), 8, 0.01),
    reliefQuad(v(dw, 0, z), v(dw, 0, z + t), v(dw, door.height, z + t), v(dw, door.height, z), 8, 0.01),
    reliefQuad(v(-dw, door.height, z + t), v(-dw, door.height, z), v(dw, door.height, z), v(dw, door.height, z + t), 8, 0.005),
    reliefQuad(v(-dw, 0, z), v(-dw, 0, z + t), v(dw, 0, z + t), v(dw, 0, z), 8, 0), // threshold
  ])!;
  wall.deleteAttribute('uv');
  reveal.deleteAttribute('uv');
  return { wall: wall.toNonIndexed(), door: reveal };
}

/** 覆斗形: four trapezoids from the wall tops up to a flat square. */
export function truncatedPyramidCeiling(s: ChamberSize, seg: number): THREE.BufferGeometry {
  const x = s.width / 2,
    z = s.depth / 2,
    h = s.wallHeight,
    t = s.topSize / 2,
    H = s.height;
  return mergeGeometries([
    reliefQuad(v(-x, h, -z), v(x, h, -z), v(t, H, -t), v(-t, H, -t), seg, 0.02),
    reliefQuad(v(x, h, -z), v(x, h, z), v(t, H, t), v(t, H, -t), seg, 0.02),
    reliefQuad(v(x, h, z), v(-x, h, z), v(-t, H, t), v(t, H, t), seg, 0.02),
    reliefQuad(v(-x, h, z), v(-x, h, -z), v(-t, H, -t), v(-t, H, t), seg, 0.02),
    reliefQuad(v(-t, H, -t), v(t, H, -t), v(t, H, t), v(-t, H, t), Math.max(2, seg >> 3), 0.005),
  ])!;
}

/** A seated monk in meditation, simplified: robe (lathe), crossed legs, hands, head. Faces +z (the door). */
export function seatedMonk(base: THREE.Vector3, height: number): THREE.BufferGeometry {
  const k = height / 0.95;
  const profile = [
    [0.0, 0.0],
    [0.3, 0.0],
    [0.31, 0.05],
    [0.26, 0.16],
    [0.2, 0.3],
    [0.19, 0.45],
    [0.2, 0.55],
    [0.17, 0.62],
    [0.08, 0.68],
    [0.0, 0.69],
  ].map(([r, y]) => new THREE.Vector2(r! * k, y! * k));
  const body = new THREE.LatheGeometry(profile, 96).scale(1, 1, 0.72);
  const legs = new THREE.CapsuleGeometry(0.11 * k, 0.42 * k, 12, 48)
    .rotateZ(Math.PI / 2)
    .scale(1, 0.6, 1.1)
    .translate(0, 0.08 * k, 0.12 * k);
  const hands = new THREE.SphereGeometry(0.07 * k, 32, 16).scale(1.3, 0.7, 1).translate(0, 0.2 * k, 0.2 * k);
  const neck = new THREE.CylinderGeometry(0.05 * k, 0.06 * k, 0.08 * k, 32).translate(0, 0.71 * k, 0);
  const head = new THREE.SphereGeometry(0.105 * k, 64, 48).scale(0.9, 1.12, 0.95).translate(0, 0.85 * k, 0.01 * k);
  const ears = [-1, 1].map((side) => new THREE.SphereGeometry(0.025 * k, 16, 12).scale(0.5, 1.4, 1).translate(side * 0.095 * k, 0.85 * k, 0));
  const parts = [body, legs, hands, neck, head, ...ears].map((g) => {
    g.deleteAttribute('uv');
    return g.index ? g.toNonIndexed() : g;
  });
  const merged = mergeGeometries(parts)!.translate(base.x, base.y, base.z);
  return merged;
}

export function box(w: number, h: number, d: number, at: THREE.Vector3, seg = 1): THREE.BufferGeometry {
  const g = new THREE.BoxGeometry(w, h, d, seg, seg, seg).translate(at.x, at.y + h / 2, at.z);
  g.deleteAttribute('uv');
  return g;
}

/** The stele: a slab with a rounded head, set against the west wall, its face toward +x (into the room). */
export function stele(at: THREE.Vector3, width: number, height: number, thickness: number): THREE.BufferGeometry {
  const w = width / 2,
    shoulder = height - w;
  const outline = new THREE.Shape();
  outline.moveTo(-w, 0).lineTo(w, 0).lineTo(w, shoulder).absarc(0, shoulder, w, 0, Math.PI, false).lineTo(-w, 0);
  const g = new THREE.ExtrudeGeometry(outline, { depth: thickness, bevelEnabled: true, bevelSize: 0.01, bevelThickness: 0.01, curveSegments: 32 })
    .rotateY(Math.PI / 2)
    .translate(at.x, at.y, at.z);
  g.deleteAttribute('uv');
  g.computeVertexNormals();
  return g;
}
