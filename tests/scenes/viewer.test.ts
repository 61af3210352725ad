// The island's server half (props) and its evidence recolouring, on the real Library Cave data.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../model/paths.ts';
import { scene } from '../../model/scene.ts';
import type { ModelManifest } from '../../formats/manifests/models.ts';
import { applyEvidence, EVIDENCE_COLOURS, levelOf } from '../../site/components/scene/evidence.ts';
import { viewerProps } from '../../site/components/scene/viewer-data.ts';

const cave = scene.parse(parse(fs.readFileSync(path.join(ROOT, 'content/scenes/library-cave.yaml'), 'utf8')));
const strings = JSON.parse(fs.readFileSync(path.join(ROOT, 'site/i18n/locales/scene.fr.json'), 'utf8')) as Record<string, string>;
const manifest: ModelManifest = {
  version: 1,
  settingsKey: 'x',
  models: {
    'library-cave/as-found-1900': {
      inputHash: 'h',
      source: 'generator:library-cave',
      lods: [{ level: 'first', url: '/models/a.glb', bytes: 1, triangles: 1, compression: 'meshopt' }],
    },
  },
};

describe('viewer props', () => {
  it('carries only the visitor language, the LODs of each variant and its evidence map', () => {
    const p = viewerProps(cave, 'fr', manifest, strings, { artifactUrl: (id) => (id === 'nmaa-F1930.36' ? `/fr/artifacts/${id}/` : undefined) });
    expect(p.title).toBe('La grotte de la bibliothèque (grotte 17 de Mogao)');
    expect(p.hotspots.find((h) => h.id === 'stele')!.text).toMatch(/stèle/);
    expect(JSON.stringify(p)).not.toContain('洪辩告身碑'); // no other language shipped
    expect(p.variants[0]!.lods).toHaveLength(1);
    expect(p.variants[0]!.evidence['manuscript-bundles']).toBe('conjectured');
    // The parts the live region names, in the page's language (content/scenes/library-cave.yaml).
    expect(p.parts['north-mural']).toBe('Peinture du mur nord');
    expect(p.hotspots.find((h) => h.id === 'dunhuang-paintings')!.artifactUrl).toBe('/fr/artifacts/nmaa-F1930.36/');
  });

  it('carries the strings the island reads, not those only the pages render', () => {
    const p = viewerProps(cave, 'fr', manifest, strings);
    // Every key the island's client code reads (`s['…']`, `strings['…']`, or a `s[`prefix.${…}`]` family).
    const dir = path.join(ROOT, 'site/components/scene');
    const code = fs
      .readdirSync(dir)
      .filter((f) => /\.tsx?$/.test(f) && f !== 'viewer-data.ts')
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    const read = [...code.matchAll(/\b(?:s|strings)\[['`]([\w.]+?)(\$\{|['`])/g)].map((m) => ({ key: m[1]!, family: m[2] === '${' }));
    expect(read.length).toBeGreaterThan(20);
    for (const { key, family } of read) expect(family ? Object.keys(p.strings).some((k) => k.startsWith(key)) : key in p.strings, key).toBe(true);
    // The scene in words, the still's alt text and the no-script note are the page's (SceneText.astro, the page).
    for (const key of ['text.heading', 'text.modelFull', 'still.alt', 'viewer.noScript', 'scenes.heading']) {
      expect(strings[key], key).toBeDefined();
      expect(p.strings[key], key).toBeUndefined();
    }
  });

  it('drops an artifact link to a record we do not publish', () => {
    const p = viewerProps(cave, 'en', manifest, strings, { artifactUrl: () => undefined });
    expect(p.hotspots.every((h) => h.artifactUrl === undefined)).toBe(true);
  });
});

describe('evidence view', () => {
  const build = () => {
    const root = new THREE.Group();
    const statue = Object.assign(new THREE.Group(), { name: 'hongbian-statue' });
    const part = new THREE.Mesh(new THREE.BoxGeometry(), new THREE.MeshStandardMaterial({ color: 'white' }));
    statue.add(part);
    const stray = new THREE.Mesh(new THREE.BoxGeometry(), new THREE.MeshStandardMaterial());
    root.add(statue, stray);
    return { root, part, stray };
  };

  it('colours a mesh by its nearest named ancestor and restores the original materials', () => {
    const { root, part, stray } = build();
    const original = part.material;
    const evidence = { 'hongbian-statue': 'documented' as const };
    expect(levelOf(part, evidence)).toBe('documented');
    const counts = applyEvidence(root, evidence, true);
    expect(counts).toEqual({ documented: 1, unrecorded: 1 });
    expect(`#${(part.material as unknown as THREE.MeshLambertMaterial).color.getHexString()}`).toBe(EVIDENCE_COLOURS.documented);
    expect(`#${(stray.material as unknown as THREE.MeshLambertMaterial).color.getHexString()}`).toBe(EVIDENCE_COLOURS.unrecorded);
    applyEvidence(root, evidence, false);
    expect(part.material).toBe(original);
  });
});
