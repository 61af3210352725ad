// The pagoda generator: every phase writes the level nodes and every node its paradata names, keeps the
// published dimensions, draws the bracket sets as GPU instances (and the model stage keeps them), differs from
// phase to phase, and gives the same bytes on every run.
import fs from 'node:fs';
import path from 'node:path';
import type { Document, Node } from '@gltf-transform/core';
import { getBounds } from '@gltf-transform/functions';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { LODS } from '../../assets-pipeline/models/lods.ts';
import { modelIO, optimizeLod } from '../../assets-pipeline/models/optimize.ts';
import { ROOT } from '../../model/paths.ts';
import { scene, type Scene } from '../../model/scene.ts';
import { PHASES } from '../../scenes/yingxian-pagoda/dimensions.ts';
import { generate, LEVEL_NODES } from '../../scenes/yingxian-pagoda/generate.ts';

// The tower as published, written here from the source and not imported from the generator: Chen Mingda 陈明达,
// 应县木塔 (The Yingxian Timber Pagoda), Beijing: Wenwu chubanshe, 1966; 2nd ed. 1980 — about 67.31 m from the
// ground to the tip of the spire, about 30.27 m across the ground storey; octagonal, five storeys outside with four
// mezzanines inside (nine structural levels).
const PUBLISHED = { height: 67.31, groundStoreyAcross: 30.27, storeys: 5, mezzanines: 4 } as const;

let pagoda: Scene;
const docs = new Map<string, Document>();
beforeAll(async () => {
  pagoda = scene.parse(parse(fs.readFileSync(path.join(ROOT, 'content/scenes/yingxian-pagoda.yaml'), 'utf8')));
  for (const v of pagoda.variants) {
    if (!('generator' in v.source)) throw new Error('expected generator variants');
    docs.set(v.id, await generate(v.source.params ?? {}));
  }
});

const names = (doc: Document) =>
  new Set(
    doc
      .getRoot()
      .listNodes()
      .map((n) => n.getName()),
  );
const byName = (doc: Document, name: string): Node =>
  doc
    .getRoot()
    .listNodes()
    .find((n) => n.getName() === name)!;

describe('Yingxian pagoda generator', () => {
  it("has one variant per documented phase, and the yaml levels are the generator's level nodes", () => {
    expect(pagoda.variants.map((v) => v.id)).toEqual([...PHASES]);
    expect(pagoda.levels.map((l) => l.node)).toEqual(LEVEL_NODES);
    expect(LEVEL_NODES.filter((n) => n.startsWith('storey-'))).toHaveLength(PUBLISHED.storeys);
    expect(LEVEL_NODES.filter((n) => n.startsWith('mezzanine-'))).toHaveLength(PUBLISHED.mezzanines);
    expect(LEVEL_NODES).toEqual(['storey-1', 'mezzanine-1', 'storey-2', 'mezzanine-2', 'storey-3', 'mezzanine-3', 'storey-4', 'mezzanine-4', 'storey-5']);
  });

  it('writes every level node and every node the paradata names, in each phase', () => {
    for (const v of pagoda.variants) {
      const written = names(docs.get(v.id)!);
      for (const level of LEVEL_NODES) expect(written, `${v.id}: ${level}`).toContain(level);
      for (const e of pagoda.paradata.elements.filter((x) => !x.variants || x.variants.includes(v.id)))
        expect(written, `${v.id}: paradata node ${e.node}`).toContain(e.node);
    }
    // Plaques appear from their phase on, never before.
    expect(names(docs.get('liao-1056')!)).not.toContain('plaque-shijia-ta');
    expect(names(docs.get('jin-1195')!)).toContain('plaque-shijia-ta');
    expect(names(docs.get('jin-1195')!)).not.toContain('plaque-junji-shengong');
  });

  it('keeps the published dimensions: 67.31 m to the spire tip, 30.27 m across the ground storey', () => {
    const doc = docs.get('liao-1056')!;
    const all = getBounds(doc.getRoot().listScenes()[0]!);
    expect(all.max[1]).toBeCloseTo(PUBLISHED.height, 1);
    expect(getBounds(byName(doc, 'spire')).max[1]).toBeCloseTo(PUBLISHED.height, 1);
    // Farthest point of the peristyle's columns from the axis (octagon corners).
    const positions = byName(doc, 'peristyle').getMesh()!.listPrimitives()[0]!.getAttribute('POSITION')!;
    let r = 0;
    for (let i = 0; i < positions.getCount(); i++) {
      const [x, , z] = positions.getElement(i, [0, 0, 0]);
      r = Math.max(r, Math.hypot(x!, z!));
    }
    expect(2 * r).toBeGreaterThan(PUBLISHED.groundStoreyAcross - 0.3);
    expect(2 * r).toBeLessThan(PUBLISHED.groundStoreyAcross + 0.3);
  });

  it('draws the bracket sets as GPU instances, and the model stage keeps them', async () => {
    const doc = docs.get('today')!;
    const instanced = doc
      .getRoot()
      .listNodes()
      .filter((n) => n.getExtension('EXT_mesh_gpu_instancing'));
    expect(instanced.length).toBe(27); // 9 levels × 3 kinds
    expect(instanced.every((n) => n.getName().startsWith('dougong-'))).toBe(true);
    expect(new Set(instanced.map((n) => n.getMesh())).size).toBe(3); // one mesh per kind, shared by every level
    const io = await modelIO();
    for (const lod of LODS) {
      const out = await io.readBinary((await optimizeLod(await io.writeBinary(doc), lod)).glb);
      const kept = out
        .getRoot()
        .listNodes()
        .filter((n) => n.getExtension('EXT_mesh_gpu_instancing'));
      expect(kept.length, lod.level).toBe(27);
      expect(
        out
          .getRoot()
          .listExtensionsUsed()
          .map((e) => e.extensionName),
      ).toContain('EXT_mesh_gpu_instancing');
    }
  });

  it("leans today's second storey and carries the levels above towards the north-east", () => {
    const today = docs.get('today')!;
    expect(byName(docs.get('twentieth-century')!, 'storey-5').getTranslation()).toEqual([0, 0, 0]);
    const [x, , z] = byName(today, 'storey-5').getTranslation();
    expect(x).toBeGreaterThan(1); // 0.6 m × 5 (exaggerated, as the UI says)
    expect(z).toBeLessThan(-1); // north is -z
    expect(byName(today, 'storey-2').getRotation()).not.toEqual([0, 0, 0, 1]);
  });

  it('gives the same bytes on every run', async () => {
    const io = await modelIO();
    const a = await io.writeBinary(await generate({ phase: 'today' }));
    const b = await io.writeBinary(docs.get('today')!);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('refuses an unknown phase with a clear message', async () => {
    await expect(generate({ phase: 'song-960' })).rejects.toThrow(/unknown phase "song-960"/);
  });
});
