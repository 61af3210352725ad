// The model stage over a temporary content folder with curator-supplied .glb files made by gltf-transform.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, NodeIO } from '@gltf-transform/core';
import { stringify } from 'yaml';
import { beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../../model/paths.ts';
import type { ModelManifest } from '../../../formats/manifests/models.ts';
import { runModelStage } from '../../../assets-pipeline/models/stage.ts';
import { checkContentType } from '../../../assets-pipeline/ingest/content.ts';
import { scenes as sceneType } from '../../../assets-pipeline/ingest/content-types/scenes.ts';
import { validateGlb } from '../../../assets-pipeline/models/validate.ts';

const tri = (s: string) => ({ zh: s, en: s, fr: s });

/** A subdivided, wavy plane: enough triangles for the simplifier to have something to remove. */
async function plane(name: string, n = 60): Promise<Uint8Array> {
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

function sceneYaml(id: string, variants: { id: string; path: string }[]) {
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
      sources: [{ id: 'src', citation: 'A source' }],
      elements: [{ node: 'floor', label: tri('floor'), evidence: 'surveyed', sources: ['src'], note: tri('n') }],
    },
  });
}

let root: string;
// The stage reads validated scenes: here, the temporary content checked as `heritage ingest` does.
const withScenes = () => ({ ...dirs, scenes: checkContentType(sceneType, dirs.contentDir).records });
let dirs: { contentDir: string; mediaDir: string; assetsDir: string };
const manifest = () => JSON.parse(fs.readFileSync(path.join(dirs.assetsDir, 'models.json'), 'utf8')) as ModelManifest;
const glbs = () =>
  fs
    .readdirSync(dirs.mediaDir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.glb'))
    .sort();

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'models-stage-'));
  dirs = { contentDir: path.join(root, 'content'), mediaDir: path.join(root, 'media'), assetsDir: path.join(root, 'assets') };
  fs.mkdirSync(path.join(dirs.contentDir, 'scenes/models'), { recursive: true });
  fs.writeFileSync(path.join(dirs.contentDir, 'scenes/models/a.glb'), await plane('floor'));
  fs.writeFileSync(path.join(dirs.contentDir, 'scenes/models/broken.glb'), 'glTF but not really');
  fs.writeFileSync(
    path.join(dirs.contentDir, 'scenes/demo.yaml'),
    sceneYaml('demo', [
      { id: 'good', path: 'models/a.glb' },
      { id: 'bad', path: 'models/broken.glb' },
    ]),
  );
});

describe('model stage', () => {
  it('writes validated LODs and a manifest; a broken file is reported by name and the rest is built', async () => {
    const s = await runModelStage(withScenes());
    expect(s.built).toEqual(['demo/good']);
    expect(s.failed).toHaveLength(1);
    expect(s.failed[0]!.key).toBe('demo/bad');
    expect(s.failed[0]!.errors[0]).toContain('models/broken.glb');
    const m = manifest().models['demo/good']!;
    expect(m.lods.map((l) => [l.level, l.compression])).toEqual([
      ['first', 'meshopt'],
      ['full', 'draco'],
    ]);
    expect(m.lods[0]!.triangles).toBeLessThan(m.lods[1]!.triangles);
    for (const l of m.lods) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(dirs.mediaDir, l.url)));
      expect(bytes.byteLength).toBe(l.bytes);
      expect((await validateGlb(bytes, l.url)).errors).toEqual([]);
      const doc = await (await import('../../../assets-pipeline/models/optimize.ts')).modelIO().then((io) => io.readBinary(bytes));
      expect(
        doc
          .getRoot()
          .listNodes()
          .map((n) => n.getName()),
      ).toContain('floor'); // paradata keys survive
    }
  });

  it('skips unchanged inputs, rebuilds changed ones and removes outputs of removed ones', async () => {
    await runModelStage(withScenes());
    const before = glbs();
    const manifestFile = path.join(dirs.assetsDir, 'models.json');
    fs.utimesSync(manifestFile, new Date(0), new Date(0));
    const again = await runModelStage(withScenes());
    expect(again.built).toEqual([]);
    expect(again.skipped).toEqual(['demo/good']);
    expect(glbs()).toEqual(before);
    // An unchanged manifest is not rewritten: the site and the scene bench rebuild only when models changed.
    expect(fs.statSync(manifestFile).mtimeMs).toBe(0);

    fs.writeFileSync(path.join(dirs.contentDir, 'scenes/models/a.glb'), await plane('floor', 40));
    const changed = await runModelStage(withScenes());
    expect(changed.built).toEqual(['demo/good']);
    expect(glbs()).not.toEqual(before);
    expect(glbs()).toHaveLength(2); // the old version's files are gone

    fs.writeFileSync(
      path.join(dirs.contentDir, 'scenes/demo.yaml'),
      sceneYaml('demo', []).replace('variants: []', 'variants: [{id: other, label: {zh: o, en: o, fr: o}, source: {path: models/a.glb}}]'),
    );
    const removed = await runModelStage(withScenes());
    expect(removed.removed).toEqual(['demo/good']);
    expect(Object.keys(manifest().models)).toEqual(['demo/other']);
    expect(glbs().every((f) => f.includes('demo/other'))).toBe(true);
  });

  it('keeps the real Library Cave within budget: first view ≤ 300 kB, full ≤ 2 MB', async () => {
    fs.rmSync(path.join(dirs.contentDir, 'scenes/demo.yaml'));
    fs.copyFileSync(path.join(ROOT, 'content/scenes/library-cave.yaml'), path.join(dirs.contentDir, 'scenes/library-cave.yaml'));
    const s = await runModelStage(withScenes());
    expect(s.failed).toEqual([]);
    expect(s.problems).toEqual([]);
    const [first, full] = manifest().models['library-cave/as-found-1900']!.lods;
    expect(first!.bytes).toBeLessThanOrEqual(300_000);
    expect(full!.bytes).toBeLessThanOrEqual(2_000_000);
    expect(first!.textureFormat).toBe('webp');
  });
});
