// The Sakyamuni Pagoda of Fogong Temple (应县木塔, 1056) as a parametric glTF, one model per documented phase.
// Level nodes (`storey-1`…`storey-5`, `mezzanine-1`…`mezzanine-4`) are what the viewer explodes, clips and lets
// a visitor click to pick a monitoring series; every named node is a paradata key in
// content/scenes/yingxian-pagoda.yaml (a test checks both lists). Deterministic: same phase → same bytes.
import type { Document, Node } from '@gltf-transform/core';
import * as THREE from 'three';
import { SceneDocument } from '../gltf-document.ts';
import {
  BASE_ACROSS,
  DEFORMATION_EXAGGERATION,
  LEVELS,
  PHASES,
  PLATFORM,
  ROOF_BASE,
  ROOF_HEIGHT,
  SPIRE_BASE,
  SPIRE_HEIGHT,
  TODAY_DISPLACEMENT_MM,
  levelBases,
  phaseIndex,
  type Level,
  type Phase,
} from './dimensions.ts';
import { Instancer, type Placement } from './instancing.ts';
import {
  alongSides,
  bracketSet,
  braces,
  columns,
  corners,
  deck,
  eave,
  latticePanels,
  merge,
  octagon,
  plaque,
  railing,
  seatedBuddha,
  spire,
  wallPanels,
} from './shapes.ts';

export interface GenerateParams {
  phase?: string;
}

const PLAQUES: { node: string; level: string; from: Phase }[] = [
  { node: 'plaque-shijia-ta', level: 'storey-3', from: 'jin-1195' },
  { node: 'plaque-junji-shengong', level: 'storey-4', from: 'ming-qing' },
  { node: 'plaque-tianxia-qiguan', level: 'storey-2', from: 'ming-qing' },
];

export async function generate(params: GenerateParams = {}): Promise<Document> {
  const phase = (params.phase ?? 'liao-1056') as Phase;
  if (!PHASES.includes(phase)) throw new Error(`yingxian-pagoda: unknown phase "${params.phase}" (one of ${PHASES.join(', ')})`);
  const at = (p: Phase) => phaseIndex(phase) >= phaseIndex(p);
  const s = new SceneDocument('yingxian-pagoda');
  const inst = new Instancer(s);
  const mat = {
    stone: s.material({ name: 'stone', color: [0.58, 0.56, 0.52], roughness: 0.95 }),
    wood: s.material({ name: 'red-ochre-timber', color: [0.52, 0.2, 0.13], roughness: 0.85 }),
    // Repairs after 1933 show as lighter, unweathered timber: the same palette, so the change reads without a legend.
    newWood: s.material({ name: 'renewed-timber', color: [0.66, 0.36, 0.2], roughness: 0.8 }),
    plaster: s.material({ name: 'lime-plaster', color: [0.86, 0.82, 0.74], roughness: 0.95 }),
    tile: s.material({ name: 'grey-tile', color: [0.27, 0.27, 0.28], roughness: 0.9 }),
    bracket: s.material({ name: 'painted-brackets', color: [0.36, 0.44, 0.38], roughness: 0.85 }),
    iron: s.material({ name: 'iron', color: [0.16, 0.16, 0.17], roughness: 0.6 }),
    clay: s.material({ name: 'gilded-clay', color: [0.74, 0.58, 0.3], roughness: 0.7 }),
    board: s.material({ name: 'plaque-board', color: [0.12, 0.2, 0.4], roughness: 0.6 }),
    gold: s.material({ name: 'plaque-gold', color: [0.85, 0.66, 0.25], roughness: 0.5 }),
  };
  const group = (name: string, parent: Node = s.root) => {
    const n = s.doc.createNode(name);
    parent.addChild(n);
    return n;
  };

  // Two-tier stone platform: square below, octagonal above.
  s.node('platform', [
    {
      geometry: merge([
        new THREE.BoxGeometry(PLATFORM.lowerSide, PLATFORM.lowerHeight, PLATFORM.lowerSide).translate(0, PLATFORM.lowerHeight / 2, 0),
        octagon(PLATFORM.upperRadius, PLATFORM.upperRadius, PLATFORM.upperHeight, PLATFORM.lowerHeight),
      ]),
      material: mat.stone,
    },
  ]);

  const bases = levelBases();
  const nodes = new Map<string, Node>();
  LEVELS.forEach((level, i) => {
    const y = bases[i]!;
    const n = group(level.node);
    nodes.set(level.node, n);
    if (level.kind === 'storey') buildStorey(level, y, n, i);
    else buildMezzanine(level, y, n);
  });

  function bracketRing(name: string, r: number, y: number, parent: Node) {
    const g = group(name, parent);
    const col: Placement[] = [],
      mid: Placement[] = [],
      cor: Placement[] = [];
    const v = (p: THREE.Vector2) => new THREE.Vector3(p.x, y, p.y);
    for (const c of corners(r)) cor.push({ position: v(c.p), heading: c.angle });
    alongSides(r, 5).forEach((a, k) => {
      (k % 5 === 1 || k % 5 === 3 ? col : mid).push({ position: v(a.p), heading: a.angle });
    });
    inst.node(`${name}-corner`, 'corner', () => [{ geometry: bracketSet('corner'), material: mat.bracket }], cor, g);
    inst.node(`${name}-column`, 'column', () => [{ geometry: bracketSet('column'), material: mat.bracket }], col, g);
    inst.node(`${name}-intercolumn`, 'intercolumn', () => [{ geometry: bracketSet('intercolumn'), material: mat.bracket }], mid, g);
  }

  function buildStorey(level: Level, y: number, n: Node, index: number) {
    const { radius: r, height: h } = level;
    const colTop = h - 1.4;
    const colPoints = [...corners(r), ...alongSides(r, 2)].map((c) => c.p);
    const inner = corners(r * 0.55).map((c) => c.p);
    const wood = level.node === 'storey-2' && at('twentieth-century') ? mat.newWood : mat.wood;
    const parts = [
      { geometry: columns(colPoints, 0.32, y, colTop), material: wood },
      { geometry: columns(inner, 0.3, y, colTop), material: wood },
      { geometry: merge([deck(0, r, y + 0.25, 0.25), octagon(r + 0.2, r + 0.2, 0.45, y + colTop - 0.05, true)]), material: mat.wood },
    ];
    s.node(`frame-${level.node}`, parts, n);
    if (index === 0) {
      // Ground storey: thick earthen walls with doors, the great Buddha, and the peristyle (副阶) with the lower eave.
      s.node('walls-storey-1', [{ geometry: wallPanels(r * 0.98, y, colTop, 1.1, true), material: mat.plaster }], n);
      s.node('statue-sakyamuni', [{ geometry: seatedBuddha(y + 0.5, 11), material: mat.clay }], n);
      const R = BASE_ACROSS / 2 - 0.35; // column centres; the column faces reach the published 30.27 m across
      s.node(
        'peristyle',
        [
          {
            geometry: columns(
              [...corners(R), ...alongSides(R, 2)].map((c) => c.p),
              0.35,
              y,
              4.6,
            ),
            material: mat.wood,
          },
          { geometry: eave(r, R + 2.4, y + 4.5, 2.2), material: mat.tile },
        ],
        n,
      );
    } else {
      const walls = at('twentieth-century')
        ? { geometry: latticePanels(r * 0.99, y + 0.5, colTop - 0.5), material: mat.newWood }
        : { geometry: wallPanels(r * 0.99, y + 0.5, colTop - 0.5, 0.3, true), material: mat.plaster };
      s.node(`walls-${level.node}`, [walls], n);
    }
    bracketRing(`dougong-${level.node}`, r + 0.05, y + colTop, n);
    if (level.node === 'storey-5') {
      s.node(
        'roof',
        [{ geometry: merge([eave(r, r + 3.6, ROOF_BASE - 0.1, 0.6), octagon(r + 0.2, 1.8, ROOF_HEIGHT - 0.5, ROOF_BASE + 0.5)]), material: mat.tile }],
        n,
      );
      s.node('spire', [{ geometry: spire(SPIRE_BASE, SPIRE_HEIGHT), material: mat.iron }], n);
    } else s.node(`eave-${level.node}`, [{ geometry: eave(r, r + 3.4, y + h - 0.2, 1.5), material: mat.tile }], n);
    for (const p of PLAQUES.filter((q) => q.level === level.node && at(q.from))) {
      const { board, frame } = plaque(3.6, 1.5);
      const z = r * Math.cos(Math.PI / 8) + 0.45;
      s.node(
        p.node,
        [
          { geometry: board.translate(0, y + colTop - 1.2, z), material: mat.board },
          { geometry: frame.translate(0, y + colTop - 1.2, z), material: mat.gold },
        ],
        n,
      );
    }
  }

  function buildMezzanine(level: Level, y: number, n: Node) {
    const { radius: r, height: h, node } = level;
    s.node(
      `balcony-${node}`,
      [
        { geometry: deck(r * 0.96, r + 1.6, y + 0.9, 0.3), material: mat.wood },
        { geometry: railing(r + 1.5, y + 0.9, 1.1), material: mat.wood },
      ],
      n,
    );
    bracketRing(`dougong-${node}`, r + 0.05, y - 0.35, n);
    s.node(`walls-${node}`, [{ geometry: wallPanels(r * 0.97, y + 0.9, h - 0.9, 0.35, false), material: mat.plaster }], n);
    // Diagonal braces (斜撑) in the hidden storey's frame. The 1930s repairs removed some of them (which bays is not
    // recorded in what we could consult: we take the mezzanine above the leaning second storey, alternate bays).
    const all = [0, 1, 2, 3, 4, 5, 6, 7];
    const sides = at('twentieth-century') && node === 'mezzanine-2' ? [0, 2, 4, 6] : all;
    s.node(`braces-${node}`, [{ geometry: merge([braces(r * 0.93, y + 0.9, h - 0.9, sides), deck(0, r * 0.93, y + 0.9, 0.25)]), material: mat.wood }], n);
  }

  if (phase === 'today') lean(nodes, bases);
  return s.doc;
}

/** Today's deformation: each level is carried by the displacement of the one below and leans by its own. */
function lean(nodes: Map<string, Node>, bases: number[]): void {
  const dir = new THREE.Vector3(1, 0, -1).normalize(); // towards the north-east
  let below = 0;
  LEVELS.forEach((level, i) => {
    const top = (TODAY_DISPLACEMENT_MM[level.node] ?? below * 1000) / 1000;
    const base = bases[i]!;
    const rel = (top - below) * DEFORMATION_EXAGGERATION;
    const q = new THREE.Quaternion().setFromUnitVectors(
      new THREE.Vector3(0, 1, 0),
      new THREE.Vector3(0, level.height, 0).addScaledVector(dir, rel).normalize(),
    );
    const pivot = new THREE.Vector3(0, base, 0);
    const m = new THREE.Matrix4()
      .makeTranslation(dir.x * below * DEFORMATION_EXAGGERATION, 0, dir.z * below * DEFORMATION_EXAGGERATION)
      .multiply(new THREE.Matrix4().makeTranslation(pivot.x, pivot.y, pivot.z))
      .multiply(new THREE.Matrix4().makeRotationFromQuaternion(q))
      .multiply(new THREE.Matrix4().makeTranslation(-pivot.x, -pivot.y, -pivot.z));
    const t = new THREE.Vector3(),
      r = new THREE.Quaternion(),
      sc = new THREE.Vector3();
    m.decompose(t, r, sc);
    const round = (x: number) => Math.round(x * 1e6) / 1e6; // stable bytes across platforms' float noise
    nodes
      .get(level.node)!
      .setTranslation([round(t.x), round(t.y), round(t.z)])
      .setRotation([round(r.x), round(r.y), round(r.z), round(r.w)]);
    below = top;
  });
}

/** The level nodes (bottom to top): the scene YAML's `levels` must list exactly these. */
export const LEVEL_NODES = LEVELS.map((l) => l.node);
