// Manuscript bundles (帙), stacked as found in 1900. The arrangement is CONJECTURED (see paradata): Stein and
// Pelliot describe a chamber packed nearly to the ceiling; we stack lower piles so the statue stays visible.
import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

const CLOTH = [0xcdb38a, 0xb08d5f, 0x8c6d4a, 0xd8c7a3, 0x7d8c8f, 0x9b5b45, 0xc9b27c];

/** Deterministic pseudo-random sequence so the model bytes do not change between runs. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

interface Pile {
  x: [number, number];
  z: [number, number];
  /** Height of the pile's top at its wall side and at its room side. */
  top: [number, number];
  wallAtMaxX: boolean;
}

export function bundlePiles(piles: Pile[], seed = 1900): { geometry: THREE.BufferGeometry; count: number } {
  const rand = rng(seed);
  const parts: THREE.BufferGeometry[] = [];
  const colour = new THREE.Color();
  for (const pile of piles) {
    const len = 0.32,
      cellZ = 0.15,
      layer = 0.13;
    for (let x = pile.x[0] + len / 2; x <= pile.x[1] - len / 2 + 1e-6; x += len + 0.02) {
      const t = (x - pile.x[0]) / (pile.x[1] - pile.x[0]);
      const top = pile.wallAtMaxX ? pile.top[1] + (pile.top[0] - pile.top[1]) * t : pile.top[0] + (pile.top[1] - pile.top[0]) * t;
      for (let z = pile.z[0] + cellZ / 2; z <= pile.z[1] - cellZ / 2 + 1e-6; z += cellZ) {
        for (let y = layer / 2; y < top; y += layer) {
          const r = 0.055 + rand() * 0.02;
          const g = new THREE.CylinderGeometry(r, r * (0.92 + rand() * 0.1), len * (0.85 + rand() * 0.2), 14, 2);
          g.deleteAttribute('uv');
          g.rotateZ(Math.PI / 2)
            .rotateY((rand() - 0.5) * 0.35)
            .rotateX(rand() * Math.PI);
          g.translate(x + (rand() - 0.5) * 0.04, y + (rand() - 0.5) * 0.02, z + (rand() - 0.5) * 0.03);
          colour.setHex(CLOTH[Math.floor(rand() * CLOTH.length)]!);
          const n = g.getAttribute('position').count;
          const c = new Float32Array(n * 3);
          for (let i = 0; i < n; i++) c.set([colour.r, colour.g, colour.b], i * 3);
          g.setAttribute('color', new THREE.BufferAttribute(c, 3));
          parts.push(g.toNonIndexed());
        }
      }
    }
  }
  const merged = mergeGeometries(parts)!;
  return { geometry: merged, count: parts.length };
}
