// Geometry builders for the pagoda: octagonal rings, eaves, railings, braces, the seated Buddha, the spire and
// the bracket sets. Plain three.js geometry; the generator names and places it. Flat octagon faces point at the
// cardinal directions (the south facade faces +z), as on the building.
import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

const ROT = Math.PI / 8; // turns three's corner-at-+z octagon so a flat face looks south

/** Strips uv and de-indexes so parts with different attribute sets merge. */
export function clean(g: THREE.BufferGeometry): THREE.BufferGeometry {
  g.deleteAttribute('uv');
  return g.index ? g.toNonIndexed() : g;
}
export const merge = (parts: THREE.BufferGeometry[]): THREE.BufferGeometry => mergeGeometries(parts.map(clean))!;

/** An octagonal prism or frustum (radii to the corners), base at y0. */
export function octagon(rBottom: number, rTop: number, height: number, y0: number, open = false): THREE.BufferGeometry {
  return new THREE.CylinderGeometry(rTop, rBottom, height, 8, 1, open).rotateY(ROT).translate(0, y0 + height / 2, 0);
}

/** Corner i of an octagon of circumradius r (i = 0..7), matching octagon() above. */
export function corner(r: number, i: number): THREE.Vector2 {
  const a = ROT + (i / 8) * Math.PI * 2;
  return new THREE.Vector2(r * Math.sin(a), r * Math.cos(a));
}

/** Side i of the octagon: its end corners, midpoint, length and outward-facing angle. */
export function side(r: number, i: number): { a: THREE.Vector2; b: THREE.Vector2; mid: THREE.Vector2; len: number; angle: number } {
  const a = corner(r, i),
    b = corner(r, i + 1);
  const mid = a.clone().add(b).multiplyScalar(0.5);
  return { a, b, mid, len: a.distanceTo(b), angle: Math.atan2(mid.x, mid.y) };
}

/** Points spaced along the octagon's perimeter: per side, `perSide` points between the corners (corners excluded). */
export function alongSides(r: number, perSide: number): { p: THREE.Vector2; angle: number }[] {
  const out: { p: THREE.Vector2; angle: number }[] = [];
  for (let i = 0; i < 8; i++) {
    const { a, b, angle } = side(r, i);
    for (let k = 1; k <= perSide; k++) out.push({ p: a.clone().lerp(b, k / (perSide + 1)), angle });
  }
  return out;
}
export const corners = (r: number) => Array.from({ length: 8 }, (_, i) => ({ p: corner(r, i), angle: Math.atan2(corner(r, i).x, corner(r, i).y) }));

/** Round columns at the given plan positions. */
export function columns(points: THREE.Vector2[], radius: number, y0: number, height: number): THREE.BufferGeometry {
  return merge(points.map((p) => new THREE.CylinderGeometry(radius, radius * 1.05, height, 10).translate(p.x, y0 + height / 2, p.y)));
}

/** Wall panels filling each side between two radii-positions; `skipDoors` leaves the middle of the cardinal faces open. */
export function wallPanels(r: number, y0: number, height: number, thickness: number, skipDoors: boolean): THREE.BufferGeometry {
  const parts: THREE.BufferGeometry[] = [];
  for (let i = 0; i < 8; i++) {
    const { a, b, len, angle } = side(r, i);
    const cardinal = Math.abs(Math.round(angle / (Math.PI / 2)) * (Math.PI / 2) - angle) < 0.01;
    const segs =
      skipDoors && cardinal
        ? [
            [0, 0.36],
            [0.64, 1],
          ]
        : [[0, 1]];
    for (const [s0, s1] of segs) {
      const w = len * (s1! - s0!);
      const c = a.clone().lerp(b, (s0! + s1!) / 2);
      parts.push(new THREE.BoxGeometry(w, height, thickness).rotateY(angle).translate(c.x, y0 + height / 2, c.y));
    }
    if (skipDoors && cardinal) {
      const c = a.clone().lerp(b, 0.5); // lintel above the door
      parts.push(new THREE.BoxGeometry(len * 0.28, height * 0.25, thickness).rotateY(angle).translate(c.x, y0 + height * 0.875, c.y));
    }
  }
  return merge(parts);
}

/** Lattice doors (格扇): a frame with a grid of bars in each bay, lighter than a wall and see-through. */
export function latticePanels(r: number, y0: number, height: number): THREE.BufferGeometry {
  const parts: THREE.BufferGeometry[] = [];
  for (let i = 0; i < 8; i++) {
    const { a, b, len, angle } = side(r, i);
    const bar = (w: number, h: number, u: number, y: number) => {
      const c = a.clone().lerp(b, u);
      parts.push(new THREE.BoxGeometry(w, h, 0.12).rotateY(angle).translate(c.x, y0 + y, c.y));
    };
    bar(len, 0.2, 0.5, 0.1);
    bar(len, 0.2, 0.5, height - 0.1);
    bar(len, 0.15, 0.5, height * 0.35);
    for (let k = 1; k < 12; k++) bar(0.08, height * 0.62, k / 12, height * 0.66);
    for (let k = 1; k < 6; k++) bar(len, 0.06, 0.5, height * 0.35 + (k / 6) * height * 0.62);
  }
  return merge(parts);
}

/** A flared eave: an open octagonal frustum from the wall up, plus the fascia at its lower edge. */
export function eave(rInner: number, rOuter: number, yLow: number, rise: number): THREE.BufferGeometry {
  const skirt = new THREE.CylinderGeometry(rInner, rOuter, rise, 8, 2, true).rotateY(ROT).translate(0, yLow + rise / 2, 0);
  const fascia = octagon(rOuter, rOuter, 0.35, yLow - 0.35, true);
  const soffit = new THREE.RingGeometry(rInner, rOuter, 8, 1)
    .rotateX(Math.PI / 2)
    .rotateY(ROT)
    .translate(0, yLow - 0.3, 0);
  return merge([skirt, fascia, soffit]);
}

/** A flat octagonal ring (balcony deck, floor). */
export function deck(rInner: number, rOuter: number, y: number, thickness: number): THREE.BufferGeometry {
  const top = new THREE.RingGeometry(rInner, rOuter, 8, 1)
    .rotateX(-Math.PI / 2)
    .rotateY(ROT)
    .translate(0, y, 0);
  const edge = octagon(rOuter, rOuter, thickness, y - thickness, true);
  return merge([top, edge]);
}

/** Balcony railing (勾栏): a top rail and posts. */
export function railing(r: number, y0: number, height: number): THREE.BufferGeometry {
  const rail = octagon(r, r, 0.12, y0 + height - 0.12, true);
  const mid = octagon(r, r, 0.08, y0 + height * 0.45, true);
  const posts = [...corners(r), ...alongSides(r, 5)].map(({ p }) => new THREE.BoxGeometry(0.12, height, 0.12).translate(p.x, y0 + height / 2, p.y));
  return merge([rail, mid, ...posts]);
}

/** Diagonal braces (斜撑) in the mezzanine's wall frame: an X per bay of the given sides. */
export function braces(r: number, y0: number, height: number, sides: number[]): THREE.BufferGeometry {
  const parts: THREE.BufferGeometry[] = [];
  for (const i of sides) {
    const { len, mid, angle } = side(r, i);
    const diag = Math.hypot(len, height);
    const tilt = Math.atan2(height, len);
    for (const s of [1, -1])
      parts.push(
        new THREE.BoxGeometry(diag, 0.22, 0.22)
          .rotateZ(s * tilt)
          .rotateY(angle)
          .translate(mid.x, y0 + height / 2, mid.y),
      );
  }
  return merge(parts);
}

/** Sakyamuni seated on a lotus throne (the ground storey's ~11 m clay figure, simplified). */
export function seatedBuddha(y0: number, height: number): THREE.BufferGeometry {
  const k = height / 11;
  const throne = new THREE.CylinderGeometry(3.4 * k, 3.8 * k, 2.4 * k, 16).translate(0, 1.2 * k, 0);
  const petals = new THREE.SphereGeometry(3.6 * k, 16, 6, 0, Math.PI * 2, Math.PI / 2, Math.PI / 4).translate(0, 2.4 * k, 0);
  const body = new THREE.LatheGeometry(
    [
      [0, 0],
      [3.0, 0],
      [3.1, 0.6],
      [2.2, 1.4],
      [1.7, 2.8],
      [1.6, 4.2],
      [1.3, 5.0],
      [0.5, 5.3],
      [0, 5.35],
    ].map(([r, y]) => new THREE.Vector2(r! * k, y! * k)),
    20,
  ).translate(0, 2.6 * k, 0);
  const head = new THREE.SphereGeometry(1.05 * k, 20, 14).scale(0.9, 1.15, 0.95).translate(0, 8.9 * k, 0);
  const ushnisha = new THREE.SphereGeometry(0.55 * k, 12, 8).translate(0, 10.2 * k, 0);
  const halo = new THREE.CylinderGeometry(2.4 * k, 2.4 * k, 0.2 * k, 24).rotateX(Math.PI / 2).translate(0, 8.6 * k, -0.9 * k);
  return merge([throne, petals, body, head, ushnisha, halo]).translate(0, y0, 0);
}

/** The iron spire (塔刹): lotus seat, inverted bowl, seven rings, a jewel; base at y0, tip at y0 + height. */
export function spire(y0: number, height: number): THREE.BufferGeometry {
  const k = height / 11.5;
  const parts = [
    octagon(1.8 * k, 1.4 * k, 1.0 * k, y0),
    new THREE.SphereGeometry(1.3 * k, 16, 8, 0, Math.PI * 2, 0, Math.PI / 2).translate(0, y0 + 1.0 * k, 0),
    new THREE.CylinderGeometry(0.18 * k, 0.22 * k, 8.6 * k, 8).translate(0, y0 + 2.2 * k + 4.3 * k, 0),
  ];
  for (let i = 0; i < 7; i++)
    parts.push(new THREE.TorusGeometry((1.0 - i * 0.07) * k, 0.09 * k, 6, 16).rotateX(Math.PI / 2).translate(0, y0 + (3.0 + i * 0.75) * k, 0));
  parts.push(new THREE.SphereGeometry(0.45 * k, 12, 8).translate(0, y0 + 10.9 * k, 0));
  parts.push(new THREE.ConeGeometry(0.15 * k, 0.35 * k, 8).translate(0, y0 + height - 0.175 * k, 0));
  return merge(parts);
}

/** A plaque (匾额): a framed board; its face toward +z before placing. */
export function plaque(width: number, height: number): { board: THREE.BufferGeometry; frame: THREE.BufferGeometry } {
  const board = new THREE.BoxGeometry(width, height, 0.12);
  const t = 0.16;
  const frame = merge([
    new THREE.BoxGeometry(width + t, t, 0.2).translate(0, height / 2, 0),
    new THREE.BoxGeometry(width + t, t, 0.2).translate(0, -height / 2, 0),
    new THREE.BoxGeometry(t, height, 0.2).translate(-width / 2, 0, 0),
    new THREE.BoxGeometry(t, height, 0.2).translate(width / 2, 0, 0),
  ]);
  return { board: clean(board), frame };
}

/**
 * One bracket set (斗栱), simplified to its reading at a distance: a cap block (栌斗), two tiers of crossed
 * arms (华栱 out, 泥道栱 along the wall) with small blocks (散斗), and a projecting lever arm (昂). The building has
 * some 54 distinct kinds; the model uses three (corner, column-top, intercolumnar) — a stated simplification.
 * Local frame: the wall face at z = 0, projecting towards +z, base at y = 0.
 */
export function bracketSet(kind: 'corner' | 'column' | 'intercolumn'): THREE.BufferGeometry {
  const parts: THREE.BufferGeometry[] = [];
  const block = (w: number, h: number, d: number, x: number, y: number, z: number) => parts.push(new THREE.BoxGeometry(w, h, d).translate(x, y + h / 2, z));
  const reach = kind === 'intercolumn' ? 0.9 : 1.3;
  const width = kind === 'corner' ? 1.9 : kind === 'column' ? 1.6 : 1.2;
  block(0.55, 0.35, 0.55, 0, 0, 0);
  block(width, 0.22, 0.2, 0, 0.35, 0);
  block(0.2, 0.22, reach * 2, 0, 0.35, reach * 0.5);
  for (const x of [-width / 2 + 0.12, width / 2 - 0.12]) block(0.26, 0.16, 0.26, x, 0.57, 0);
  block(0.26, 0.16, 0.26, 0, 0.57, reach * 0.5 + reach - 0.15);
  block(width * 0.75, 0.22, 0.2, 0, 0.73, reach * 0.5 + reach - 0.15);
  block(width * 1.2, 0.22, 0.2, 0, 0.73, 0);
  if (kind !== 'intercolumn') {
    // 昂: a slanting lever arm reaching out under the eave
    parts.push(new THREE.BoxGeometry(0.2, 0.2, reach * 2.6).rotateX(-0.35).translate(0, 0.95, reach * 0.9));
  }
  if (kind === 'corner')
    for (const s of [-1, 1]) parts.push(new THREE.BoxGeometry(0.2, 0.22, reach * 2).rotateY((s * Math.PI) / 4).translate(0, 0.35 + 0.11, reach * 0.4));
  return merge(parts);
}
