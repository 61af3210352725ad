// A small curator .glb and its scene file, for the model stage's tests (in-process and as jobs).
import { Document, NodeIO } from '@gltf-transform/core';
import { stringify } from 'yaml';

const tri = (s: string) => ({ zh: s, en: s, fr: s });

/** A subdivided, wavy plane: enough triangles for the simplifier to have something to remove. */
export async function plane(name: string, n = 60): Promise<Uint8Array> {
  const doc = new Document();
  const buf = doc.createBuffer();
  const pos: number[] = [],
    idx: number[] = [];
  for (let j = 0; j <= n; j++) for (let i = 0; i <= n; i++) pos.push(i / n, Math.sin(i / 7) * 0.01, j / n);
  for (let j = 0; j < n; j++)
    for (let i = 0; i < n; i++) {
      const k = j * (n + 1) + i;
      idx.push(k, k + n + 1, k + 1, k + 1, k + n + 1, k + n + 2);
    }
  const prim = doc
    .createPrimitive()
    .setAttribute('POSITION', doc.createAccessor().setType('VEC3').setArray(new Float32Array(pos)).setBuffer(buf))
    .setIndices(doc.createAccessor().setType('SCALAR').setArray(new Uint32Array(idx)).setBuffer(buf));
  const node = doc.createNode(name).setMesh(doc.createMesh(name).addPrimitive(prim));
  doc.createScene().addChild(node);
  return new NodeIO().writeBinary(doc);
}

export function sceneYaml(id: string, variants: { id: string; path: string }[]) {
  return stringify({
    type: 'scene',
    id,
    title: tri(id),
    introduction: tri('intro'),
    rights: 'https://creativecommons.org/licenses/by/4.0/',
    credit: tri('test'),
    variants: variants.map((v) => ({ id: v.id, label: tri(v.id), source: { path: v.path } })),
    camera: { position: [0, 1, 2], target: [0, 0, 0] },
    paradata: {
      sources: [{ id: 'src', cite: { zh: '来源 2000', en: 'Source 2000', fr: 'Source 2000' }, citation: 'A source' }],
      elements: [{ node: 'floor', label: tri('floor'), evidence: 'surveyed', sources: ['src'], note: tri('n') }],
    },
  });
}
