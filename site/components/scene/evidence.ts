// The evidence view: recolour every mesh by the evidence level of its nearest named ancestor.
// Colours are the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies).
import * as THREE from 'three';
import type { EvidenceLevel } from '../../../model/scene.ts';

export const EVIDENCE_COLOURS: Record<EvidenceLevel | 'unrecorded', string> = {
  surveyed: '#0072b2',
  documented: '#e69f00',
  conjectured: '#cc79a7',
  unrecorded: '#8a8a8a',
};

/** Legend order, most to least certain. Listed here (not imported from model/scene.ts) so the island bundle
 * does not pull in the schema, zod and the YAML reader. */
export const LEGEND_LEVELS = ['surveyed', 'documented', 'conjectured'] as const satisfies readonly EvidenceLevel[];

export function levelOf(object: THREE.Object3D, evidence: Record<string, EvidenceLevel>): EvidenceLevel | 'unrecorded' {
  for (let o: THREE.Object3D | null = object; o; o = o.parent) {
    const level = evidence[o.name];
    if (level) return level;
  }
  return 'unrecorded';
}

const ORIGINAL = 'heritageOriginalMaterial';
const evidenceMaterials = new Map<string, THREE.MeshLambertMaterial>();

function evidenceMaterial(level: EvidenceLevel | 'unrecorded'): THREE.MeshLambertMaterial {
  let m = evidenceMaterials.get(level);
  if (!m) {
    m = new THREE.MeshLambertMaterial({ color: EVIDENCE_COLOURS[level] });
    evidenceMaterials.set(level, m);
  }
  return m;
}

/** Swaps materials in place (and back); returns how many meshes each level covers, for the legend. */
export function applyEvidence(root: THREE.Object3D, evidence: Record<string, EvidenceLevel>, on: boolean): Record<string, number> {
  const counts: Record<string, number> = {};
  const seen = new Set<string>();
  root.traverse((o) => {
    if (!(o instanceof THREE.Mesh)) return;
    const level = levelOf(o, evidence);
    const owner = ownerName(o, evidence);
    if (!seen.has(owner)) {
      seen.add(owner);
      counts[level] = (counts[level] ?? 0) + 1;
    }
    if (on) {
      o.userData[ORIGINAL] ??= o.material;
      o.material = evidenceMaterial(level);
    } else if (o.userData[ORIGINAL]) {
      o.material = o.userData[ORIGINAL] as THREE.Material;
      delete o.userData[ORIGINAL];
    }
  });
  return counts;
}

function ownerName(object: THREE.Object3D, evidence: Record<string, EvidenceLevel>): string {
  for (let o: THREE.Object3D | null = object; o; o = o.parent) if (evidence[o.name]) return o.name;
  return object.uuid;
}
