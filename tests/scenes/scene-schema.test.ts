import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../model/paths.ts';
import { readScenes, scene } from '../../model/scene.ts';

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
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scenes-'));
    fs.copyFileSync(caveFile, path.join(dir, 'library-cave.yaml'));
    fs.writeFileSync(path.join(dir, 'broken.yaml'), 'id: broken\ntitle: [unclosed');
    const noIntro = cave();
    delete noIntro.introduction;
    noIntro.id = 'no-intro';
    fs.writeFileSync(path.join(dir, 'no-intro.yaml'), JSON.stringify(noIntro));
    const { scenes, problems } = readScenes(dir);
    expect(scenes.map((s) => s.id)).toEqual(['library-cave']);
    expect(problems.find((p) => p.file.endsWith('broken.yaml'))?.message).toMatch(/^YAML:/);
    expect(problems.find((p) => p.file.endsWith('no-intro.yaml'))?.message).toMatch(/scene "no-intro" field introduction/);
  });
});
