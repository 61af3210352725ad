// The still stage publishes a committed still per medium, and a still that holds words (a chart's legend) once per
// locale; the page takes its locale's. Real JPEGs made by sharp, a real exhibition record, the real stage.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runStillStage } from '../../../assets-pipeline/exhibitions/stills.ts';
import { mediumKey, readStillsManifest } from '../../../formats/manifests/exhibition-stills.ts';
import { exhibition } from '../../../model/exhibition.ts';
import { TYPE_RECORDS_VERSION } from '../../../model/store.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'exh-stills-'));
const content = path.join(root, 'content');
const build = path.join(root, 'build');

const record = exhibition.parse({
  type: 'exhibition',
  id: 'demo',
  title: { en: 'Demo' },
  summary: { en: 'A demo.' },
  curators: { en: 'Us' },
  rights: 'https://creativecommons.org/licenses/by/4.0/',
  credit: { en: 'Us' },
  cover: { step: 'view' },
  steps: [
    { id: 'view', title: { en: 'A view' }, text: { en: 'Text.' }, media: [{ kind: 'scene', scene: 's', hotspot: 'h', alt: { en: 'a view' } }] },
    {
      id: 'chart',
      title: { en: 'A chart' },
      text: { en: 'Text.' },
      media: [{ kind: 'chart', scene: 's', dataset: 'd', series: ['a'], from: '2020-01-01', to: '2020-12-31', alt: { en: 'a chart' } }],
    },
  ],
});

const jpeg = (file: string, width: number) =>
  sharp({ create: { width, height: 50, channels: 3, background: '#336699' } })
    .jpeg()
    .toFile(path.join(content, 'exhibitions', 'demo', 'stills', file));

beforeAll(async () => {
  fs.mkdirSync(path.join(content, 'exhibitions', 'demo', 'stills'), { recursive: true });
  fs.mkdirSync(path.join(build, 'records'), { recursive: true });
  fs.mkdirSync(path.join(build, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(build, 'records', 'exhibitions.json'), JSON.stringify({ version: TYPE_RECORDS_VERSION, records: [record] }));
  // One still for the 3D view; the chart in two locales only (widths tell them apart).
  await jpeg('view-0.jpg', 100);
  await jpeg('chart-0.zh.jpg', 110);
  await jpeg('chart-0.fr.jpg', 120);
  vi.stubEnv('HERITAGE_CONTENT_DIR', content);
  vi.stubEnv('HERITAGE_BUILD_DIR', build);
});
afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('exhibition still stage', () => {
  it('publishes per-locale stills beside the medium’s own, and the first locale’s stands in where none is named', async () => {
    const result = await runStillStage(() => undefined);
    expect(result).toMatchObject({ stills: 3, failed: 0 });
    const manifest = readStillsManifest(path.join(build, 'assets'))!;
    expect(manifest.exhibitions.demo!.view!.map((s) => s?.width)).toEqual([100]);
    expect(manifest.localized[mediumKey('demo', 'chart', 0, 'zh')]?.width).toBe(110);
    expect(manifest.localized[mediumKey('demo', 'chart', 0, 'fr')]?.width).toBe(120);
    expect(manifest.localized[mediumKey('demo', 'chart', 0, 'en')]).toBeUndefined();
    // No plain still for the chart: the zh one (first in the locale order) stands for it (search thumbnails).
    expect(manifest.exhibitions.demo!.chart!.map((s) => s?.width)).toEqual([110]);
    for (const s of [...Object.values(manifest.localized), ...manifest.exhibitions.demo!.view!])
      expect(fs.existsSync(path.join(build, 'media', s!.url.replace(/^\//, '')))).toBe(true);
  });
});
