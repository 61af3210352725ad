// Mogao Cave 17 (the Library Cave) as a parametric glTF. Every node name below is a paradata key in
// content/scenes/library-cave.yaml; a test checks that the two lists match exactly.
import type { Document } from '@gltf-transform/core';
import * as THREE from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { SceneDocument } from '../gltf-document.ts';
import { bundlePiles } from './bundles.ts';
import { muralPng } from './mural.ts';
import { box, chamberWalls, reliefQuad, seatedMonk, southWallAndDoor, stele, truncatedPyramidCeiling, type ChamberSize } from './shapes.ts';

/** Published: about 2.8 m × 2.7 m, about 3 m high, 覆斗形 ceiling. Where the slopes start and the top size are assumed. */
export const CHAMBER: ChamberSize = { width: 2.7, depth: 2.8, wallHeight: 1.9, height: 3.0, topSize: 0.9 };
const DOOR = { width: 0.9, height: 1.75, thickness: 0.3 };
const CORRIDOR = { x: [-3, 3] as const, z: [CHAMBER.depth / 2 + DOOR.thickness, 4.4] as const, height: 3.4 };

export interface GenerateOptions {
  /** Grid subdivisions of wall and ceiling surfaces (the full model's detail). */
  segments?: number;
}

export async function generate(options: GenerateOptions = {}): Promise<Document> {
  const seg = options.segments ?? 128;
  const s = new SceneDocument('library-cave');
  const v = (x: number, y: number, z: number) => new THREE.Vector3(x, y, z);

  const clay = s.material({ name: 'clay-plaster', color: [0.74, 0.6, 0.44], roughness: 0.95 });
  const floorMat = s.material({ name: 'floor', color: [0.55, 0.45, 0.34], roughness: 1 });
  const corridorMat = s.material({ name: 'corridor-plaster', color: [0.66, 0.56, 0.43], roughness: 0.95 });
  const statueMat = s.material({ name: 'painted-clay', color: [0.6, 0.42, 0.33], roughness: 0.8 });
  const daisMat = s.material({ name: 'dais', color: [0.62, 0.52, 0.4], roughness: 0.9 });
  const stoneMat = s.material({ name: 'stele-stone', color: [0.47, 0.47, 0.45], roughness: 0.7 });
  const clothMat = s.material({ name: 'bundle-cloth', color: [1, 1, 1], roughness: 0.95 });
  const muralMat = s.material({ name: 'mural', color: [1, 1, 1], roughness: 0.95, texture: s.texture('north-mural', await muralPng()) });

  const { floor, walls } = chamberWalls(CHAMBER, seg);
  const south = southWallAndDoor(CHAMBER, DOOR);
  s.node('chamber-walls', [
    { geometry: floor, material: floorMat },
    { geometry: mergeGeometries([walls.toNonIndexed(), south.wall])!, material: clay },
  ]);
  s.node('chamber-ceiling', [{ geometry: truncatedPyramidCeiling(CHAMBER, seg >> 1), material: clay }]);
  s.node('doorway', [{ geometry: south.door, material: clay }]);

  const [x0, x1] = CORRIDOR.x,
    [z0, z1] = CORRIDOR.z,
    ch = CORRIDOR.height,
    dw = DOOR.width / 2;
  const corridorNorth = new THREE.ShapeGeometry(
    Object.assign(new THREE.Shape([new THREE.Vector2(x0, 0), new THREE.Vector2(x1, 0), new THREE.Vector2(x1, ch), new THREE.Vector2(x0, ch)]), {
      holes: [new THREE.Path([new THREE.Vector2(-dw, 0), new THREE.Vector2(-dw, DOOR.height), new THREE.Vector2(dw, DOOR.height), new THREE.Vector2(dw, 0)])],
    }),
  ).translate(0, 0, z0);
  corridorNorth.deleteAttribute('uv');
  s.node('cave16-corridor', [
    {
      geometry: mergeGeometries([
        corridorNorth.toNonIndexed(),
        reliefQuad(v(x0, 0, z1), v(x1, 0, z1), v(x1, 0, z0), v(x0, 0, z0), 24, 0.01).toNonIndexed(),
        reliefQuad(v(x1, ch, z1), v(x0, ch, z1), v(x0, ch, z0), v(x1, ch, z0), 16, 0.02).toNonIndexed(),
        reliefQuad(v(x1, 0, z1), v(x0, 0, z1), v(x0, ch, z1), v(x1, ch, z1), 24, 0.02).toNonIndexed(),
      ])!,
      material: corridorMat,
    },
  ]);

  const north = -CHAMBER.depth / 2;
  s.node('hongbian-dais', [{ geometry: box(1.8, 0.35, 0.8, v(0, 0, north + 0.4), 6), material: daisMat }]);
  s.node('hongbian-statue', [{ geometry: seatedMonk(v(0, 0.35, north + 0.45), 0.95), material: statueMat }]);
  s.node('north-mural', [
    {
      geometry: reliefQuad(v(-1.25, 0.4, north + 0.03), v(1.25, 0.4, north + 0.03), v(1.25, 1.82, north + 0.03), v(-1.25, 1.82, north + 0.03), 32, 0, true),
      material: muralMat,
    },
  ]);
  s.node('stele', [{ geometry: stele(v(-CHAMBER.width / 2 + 0.01, 0.15, -0.15), 0.7, 1.5, 0.14), material: stoneMat }]);
  const east = CHAMBER.width / 2,
    south1 = CHAMBER.depth / 2;
  s.node('manuscript-bundles', [
    {
      geometry: bundlePiles([
        { x: [0.3, east - 0.02], z: [north + 0.85, 0.95], top: [1.75, 0.5], wallAtMaxX: true },
        { x: [-east + 0.02, -0.5], z: [0.5, south1 - 0.05], top: [1.2, 0.4], wallAtMaxX: false },
      ]).geometry,
      material: clothMat,
    },
  ]);
  return s.doc;
}

/** Node names this generator writes (everything under the root). */
export const NODE_NAMES = [
  'chamber-walls',
  'chamber-ceiling',
  'doorway',
  'cave16-corridor',
  'hongbian-dais',
  'hongbian-statue',
  'north-mural',
  'stele',
  'manuscript-bundles',
];
