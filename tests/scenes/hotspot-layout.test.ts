// Hotspot labels in the 3D viewer: a label follows the level it sits on when the levels are exploded (level i
// rises by i × gap), and labels that would cover each other (hotspots, globe places) are moved apart by the
// shortest vertical move.
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { applyExplode, hotspotOffsets } from '../../site/components/scene/level-views.ts';
import { clearShift, placeLabels } from '../../site/components/common/label-layout.ts';

/** Three storeys 4 m high, the top one carrying a roof and a spire, as the pagoda's generator nests them. */
function tower(): THREE.Group {
  const root = new THREE.Group();
  for (let i = 0; i < 3; i++) {
    const storey = new THREE.Group();
    storey.name = `storey-${i + 1}`;
    storey.position.y = i * 4;
    const walls = new THREE.Mesh(new THREE.BoxGeometry(10 - i * 2, 4, 10 - i * 2));
    walls.position.y = 2;
    storey.add(walls);
    if (i === 2) {
      const spire = new THREE.Mesh(new THREE.CylinderGeometry(0.2, 0.2, 6));
      spire.position.y = 7;
      storey.add(spire);
    }
    root.add(storey);
  }
  return root;
}
const levels = [1, 2, 3].map((n) => ({ node: `storey-${n}`, label: `Storey ${n}` }));
const hotspots = [
  { id: 'door', position: [0, 1, 5] },
  { id: 'balcony', position: [3, 6, 3] },
  { id: 'spire', position: [0, 17, 0] },
  { id: 'outside', position: [40, 1, 40] },
];

describe('hotspots follow their levels', () => {
  it('at rest nothing moves', () => {
    expect(hotspotOffsets(tower(), levels, hotspots)).toEqual({});
  });

  it('exploded, each hotspot rises with its own level; a point on no level stays', () => {
    const root = tower();
    applyExplode(root, levels, 3.5, true);
    const off = hotspotOffsets(root, levels, hotspots);
    expect(off.door).toBeUndefined(); // storey 1 is level 0: it does not move
    expect(off.balcony?.[1]).toBeCloseTo(3.5);
    expect(off.spire?.[1]).toBeCloseTo(7); // the spire belongs to the top storey that carries it
    expect(off.outside).toBeUndefined();
    applyExplode(root, levels, 3.5, false);
    expect(hotspotOffsets(root, levels, hotspots)).toEqual({});
  });
});

describe('labels keep clear of each other', () => {
  const box = (left: number, top: number, w = 100, h = 24) => ({ left, top, right: left + w, bottom: top + h });
  it('a label clear of the others stays put', () => {
    expect(clearShift(box(0, 0), [box(200, 0)])).toBe(0);
  });
  it('an overlapping label moves by the shorter way, up or down, and then overlaps nothing', () => {
    const placed = [box(0, 100)];
    const down = clearShift(box(10, 110), placed);
    expect(down).toBeGreaterThan(0);
    expect(down).toBeLessThan(24);
    const up = clearShift(box(10, 90), placed);
    expect(up).toBeLessThan(0);
    expect(up).toBeGreaterThan(-24);
  });
  it('between two neighbours it finds the free gap or goes around them', () => {
    const placed = [box(0, 100), box(0, 127)];
    const dy = clearShift(box(0, 112), placed);
    const moved = { top: 112 + dy, bottom: 136 + dy };
    for (const p of placed) expect(moved.bottom <= p.top || moved.top >= p.bottom).toBe(true);
  });
  // The globe's names: each beside its point (right, else left), moved only within its point's row; one with no
  // room there is left out instead of being stacked far away, and earlier names in the priority keep their spot.
  it('places a name on the other side of its point before moving it, and leaves out one with no room near its point', () => {
    const at = (x: number, y: number, w = 100) => ({ right: box(x + 10, y - 12, w), left: box(x - 10 - w, y - 12, w) });
    // Names 24 px tall; the third may move 30 px, the others 20.
    const a = at(200, 100);
    const b = at(205, 104);
    const c = at(202, 98);
    const d = at(203, 101);
    const far = at(600, 100);
    const spots = [a, b, c, d, far].map((o) => {
      const range: [number, number] = o === c ? [-30, 30] : [-20, 20];
      return {
        options: [
          { ...o.right, range },
          { ...o.left, range },
        ],
      };
    });
    const placed = placeLabels(spots, [0, 1, 2, 3, 4]);
    expect(placed[0]).toEqual({ option: 0, dy: 0 });
    // The second takes the free left side rather than a move.
    expect(placed[1]).toEqual({ option: 1, dy: 0 });
    // The third moves within its row (by less than the range) on one side; the fourth finds no room and is left out.
    expect(Math.abs(placed[2]!.dy)).toBeGreaterThan(0);
    expect(Math.abs(placed[2]!.dy)).toBeLessThanOrEqual(30);
    expect(placed[3]).toBeUndefined();
    expect(placed[4]).toEqual({ option: 0, dy: 0 });
    // Given a place above its point, at a cost, the fourth takes it.
    const above = { ...box(150, 30), range: [0, 0] as [number, number], cost: 12 };
    const withAbove = spots.map((s, i) => (i === 3 ? { options: [...s.options, above] } : s));
    expect(placeLabels(withAbove, [0, 1, 2, 3, 4])[3]).toEqual({ option: 2, dy: 0 });
    // The priority decides who keeps the spot.
    expect(placeLabels(spots, [3, 0, 1, 2, 4])[3]).toEqual({ option: 0, dy: 0 });
    // No two shown names overlap.
    const shown = placed.flatMap((p, i) =>
      p ? [{ ...spots[i]!.options[p.option]!, top: spots[i]!.options[p.option]!.top + p.dy, bottom: spots[i]!.options[p.option]!.bottom + p.dy }] : [],
    );
    for (const [i, x] of shown.entries())
      for (const y of shown.slice(i + 1)) expect(x.bottom <= y.top || x.top >= y.bottom || x.right <= y.left || x.left >= y.right).toBe(true);
  });
});
