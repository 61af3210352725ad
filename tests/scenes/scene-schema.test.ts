import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../model/paths.ts';
import { scene } from '../../model/scene.ts';
import { checkContentType } from '../../assets-pipeline/ingest/content.ts';
import { formatProblem } from '../../assets-pipeline/ingest/problems.ts';
import { scenes as sceneType } from '../../assets-pipeline/ingest/content-types/scenes.ts';

const caveFile = path.join(ROOT, 'content/scenes/library-cave.yaml');
const cave = () =>
  parse(fs.readFileSync(caveFile, 'utf8')) as Record<string, unknown> & {
    hotspots: { id: string }[];
    tour: { hotspot?: string }[];
    paradata: { elements: { sources: string[] }[] };
  };

describe('scene schema', () => {
  it('accepts the Library Cave with every hotspot, tour step and paradata element in three languages', () => {
    const s = scene.parse(cave());
    expect(s.hotspots.length).toBeGreaterThanOrEqual(10);
    expect(s.tour.length).toBeGreaterThanOrEqual(5);
    for (const h of s.hotspots) for (const l of ['zh', 'en', 'fr'] as const) expect(h.text[l].length).toBeGreaterThan(10);
    expect(new Set(s.paradata.elements.map((e) => e.evidence))).toEqual(new Set(['documented', 'conjectured']));
  });

  it('covers the dispersal of the manuscripts (London, Paris, Beijing, Kyoto, St Petersburg)', () => {
    const en = scene
      .parse(cave())
      .hotspots.map((h) => h.text.en)
      .join(' ');
    for (const w of ['British Library', 'Bibliothèque nationale de France', 'National Library of China', 'Kyoto', 'St Petersburg']) expect(en).toContain(w);
  });

  it('rejects duplicate hotspot ids, unknown tour hotspots and unknown paradata sources, naming the field', () => {
    const bad = cave();
    bad.hotspots.push({ ...bad.hotspots[0]! });
    bad.tour[0]!.hotspot = 'nowhere';
    bad.paradata.elements[0]!.sources = ['no-such-source'];
    const r = scene.safeParse(bad);
    expect(r.success).toBe(false);
    const msgs = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(msgs.some((m) => m.startsWith(`hotspots.${bad.hotspots.length - 1}: duplicate id`))).toBe(true);
    expect(msgs).toContain('tour.0.hotspot: no hotspot "nowhere"');
    expect(msgs).toContain('paradata.elements.0.sources: no source "no-such-source" in paradata.sources');
  });

  it('reads a folder of scenes, reporting a bad file by file and field and loading the rest', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'scenes-'));
    const dir = path.join(root, 'scenes');
    fs.mkdirSync(dir);
    fs.copyFileSync(caveFile, path.join(dir, 'library-cave.yaml'));
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'id: broken\ntitle: [unclosed');
    const noIntro = cave();
    delete noIntro.introduction;
    noIntro.id = 'no-intro';
    fs.writeFileSync(path.join(dir, 'no-intro.yaml'), stringify(noIntro));
    const { records, problems } = checkContentType(sceneType, root);
    expect(records.map((s) => s.id)).toEqual(['library-cave']);
    const lines = problems.map((p) => formatProblem(p, root));
    expect(lines.find((l) => l.startsWith('scenes/broken.yaml:'))).toMatch(/^scenes\/broken\.yaml:2:-: YAML: /);
    // The line of the field's parent: the missing key has none of its own.
    expect(lines).toContain('scenes/no-intro.yaml:1:introduction: Invalid input: expected object, received undefined');
  });
});
