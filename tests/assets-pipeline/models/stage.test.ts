// The model stage over a temporary content folder with curator-supplied .glb files made by gltf-transform.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../../model/paths.ts';
import type { ModelManifest } from '../../../formats/manifests/models.ts';
import { runModelStage } from '../../../assets-pipeline/models/stage.ts';
import { checkContentType } from '../../../assets-pipeline/ingest/content.ts';
import { scenes as sceneType } from '../../../assets-pipeline/ingest/content-types/scenes.ts';
import { validateGlb } from '../../../assets-pipeline/models/validate.ts';
import { plane, sceneYaml } from './fixtures.ts';

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
