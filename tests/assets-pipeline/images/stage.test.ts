import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImageStage, type ImageStageResult } from '../../../assets-pipeline/images/stage.ts';
import { readImageManifest, type ImageManifest } from '../../../formats/manifests/images.ts';
import { pathsNamedByInfo } from '../../../assets-pipeline/iiif/level0.ts';
import { mediaDir } from '../../../model/paths.ts';
import { makeImageFixtures, type ImageFixtures } from '../../fixtures/images/make-fixtures.ts';
import { createTempSite, type TempSite } from './temp-site.ts';

let site: TempSite;
let fx: ImageFixtures;
let first: ImageStageResult;
let manifest: ImageManifest;
const lines: string[] = [];
const quiet = { progress: false, log: (l: string) => lines.push(l) };

/** Every file under a folder with its modification time, to prove a re-run touched nothing. */
function snapshot(dir: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) {
      const f = path.join(e.parentPath, e.name);
      out.set(f, fs.statSync(f).mtimeMs);
    }
  }
  return out;
}

const urlToFile = (url: string) => path.join(mediaDir(), ...url.split('/').filter(Boolean));

beforeAll(async () => {
  site = createTempSite();
  const media = site.mediaDir('jades');
  fx = await makeImageFixtures(path.join(media, 'in'));
  fs.copyFileSync(fx.good, path.join(media, 'in', 'copy-of-good.jpg'));
  const img = (p: string) => ({ kind: 'image' as const, path: `in/${path.basename(p)}` });
  site.writeRecords([
    {
      slug: 'jades',
      artifacts: [
        {
          id: 'good',
          title: { zh: '玉碗', en: 'Jade bowl', fr: 'Bol de jade' },
          description: { en: 'A bowl.' },
          materials: [{ en: 'jade', zh: '玉' }],
          media: [img(fx.good), { ...img(fx.smallAlpha), label: { en: 'Detail' } }],
        },
        { id: 'cmyk', title: { en: 'CMYK print' }, media: [img(fx.cmyk)] },
        { id: 'deep', title: { en: '16-bit scan' }, media: [img(fx.tiff16)] },
        { id: 'trunc', title: { en: 'Truncated' }, media: [img(fx.truncated)] },
        { id: 'bomb', title: { en: 'Bomb' }, media: [img(fx.bomb)] },
        { id: 'text', title: { en: 'Text' }, media: [img(fx.notImage)] },
        { id: 'missing', title: { en: 'Missing' }, media: [{ kind: 'image', path: 'in/nowhere.jpg' }] },
        { id: 'dup', title: { en: 'Same bytes' }, media: [{ kind: 'image', path: 'in/copy-of-good.jpg' }] },
        { id: 'no-images', title: { en: 'No images' } },
      ],
    },
  ]);
  // The schema refuses `..`, so this record bypasses it, as a hand-edited or older records file could.
  const jsonl = path.join(site.build, 'records', 'artifacts', 'jades.jsonl');
  const escaping = { ...JSON.parse(fs.readFileSync(jsonl, 'utf8').split('\n')[0]!), id: 'escape', media: [{ kind: 'image', path: '../../../../etc/passwd' }] };
  fs.appendFileSync(jsonl, `${JSON.stringify(escaping)}\n`);
  first = await runImageStage({ ...quiet, pixelLimit: 50_000_000 });
  manifest = readImageManifest();
}, 120_000);

afterAll(() => site.cleanup());

describe('image stage', () => {
  it('renders good, CMYK and 16-bit inputs as 8-bit sRGB derivatives with their sizes', async () => {
    for (const key of ['jades/in/good.jpg', 'jades/in/small-alpha.png', 'jades/in/cmyk.jpg', 'jades/in/deep-16bit.tif']) {
      const e = manifest[key];
      expect(e, key).toBeDefined();
      for (const v of [e!.thumb, e!.display]) {
        for (const url of [v.avif, v.webp, v.jpeg]) {
          const meta = await sharp(urlToFile(url)).metadata();
          expect([meta.width, meta.height, meta.space, meta.depth], url).toEqual([v.width, v.height, 'srgb', 'uchar']);
        }
      }
    }
    expect(manifest['jades/in/good.jpg']!.thumb.width).toBe(400);
    expect(manifest['jades/in/good.jpg']!.display).toMatchObject({ width: 1300, height: 900 });
  });

  it('gives every bad input a clear error naming record and file, and carries on', () => {
    const byRecord = Object.fromEntries(first.errors.map((e) => [e.record, e]));
    expect(byRecord.trunc?.message).toMatch(/truncated or corrupt/);
    expect(byRecord.trunc?.file).toMatch(/truncated\.jpg$/);
    expect(byRecord.bomb?.message).toMatch(/30000×30000.*pixel limit/);
    expect(byRecord.text?.message).toMatch(/not a readable image/);
    expect(byRecord.missing?.message).toMatch(/file not found/);
    expect(byRecord.escape?.message).toMatch(/escapes the collection media folder/);
    expect(first.errors).toHaveLength(5);
    expect(lines.some((l) => l.includes('record bomb') && l.includes('bomb.png'))).toBe(true);
    expect(first.images).toBe(8);
  });

  it('renders identical bytes once', () => {
    expect(manifest['jades/in/copy-of-good.jpg']!.iiif.id).toBe(manifest['jades/in/good.jpg']!.iiif.id);
    expect(first.rendered).toBe(4);
  });

  it('lists in every info.json only sizes and tiles that exist on disk', () => {
    for (const [key, e] of Object.entries(manifest)) {
      const dir = urlToFile(e.iiif.id);
      const info = JSON.parse(fs.readFileSync(path.join(dir, 'info.json'), 'utf8'));
      expect(info).toEqual(e.iiif.info);
      expect(info.id).toBe(e.iiif.id);
      const named = pathsNamedByInfo(info);
      expect(named.length, key).toBeGreaterThan(0);
      for (const p of named) expect(fs.existsSync(path.join(dir, p)), `${key}: ${p}`).toBe(true);
    }
    // 1300×900 at 512 px tiles: scale factors 1, 2, 4 (the last fits in one tile).
    expect(manifest['jades/in/good.jpg']!.iiif.info.tiles[0]!.scaleFactors).toEqual([1, 2, 4]);
    expect(manifest['jades/in/small-alpha.png']!.iiif.info.sizes).toEqual([{ width: 300, height: 200 }]);
  });

  it('does no work on an unchanged re-run and rewrites no file', async () => {
    const before = snapshot(site.build);
    const again = await runImageStage(quiet);
    expect(again.rendered).toBe(0);
    expect(again.unchanged).toBe(5);
    expect(again.presentation?.written).toBe(0);
    const after = snapshot(site.build);
    const changed = [...after].filter(([f, t]) => before.get(f) !== t && !f.endsWith('images.state.json'));
    expect(changed).toEqual([]);
  });

  it('re-renders a changed image and removes outputs of a removed one', async () => {
    const oldGood = manifest['jades/in/good.jpg']!;
    const oldCmyk = manifest['jades/in/cmyk.jpg']!;
    await sharp(fx.smallAlpha).flatten({ background: '#000' }).jpeg().toFile(`${fx.good}.new`);
    fs.renameSync(`${fx.good}.new`, fx.good);
    fs.rmSync(fx.cmyk);
    const run = await runImageStage(quiet);
    const now = readImageManifest();
    expect(run.rendered).toBe(1);
    expect(now['jades/in/good.jpg']!.iiif.id).not.toBe(oldGood.iiif.id);
    expect(now['jades/in/cmyk.jpg']).toBeUndefined();
    expect(fs.existsSync(urlToFile(oldCmyk.iiif.id))).toBe(false);
    expect(fs.existsSync(path.dirname(urlToFile(oldCmyk.thumb.jpeg)))).toBe(false);
    // the copy still holds the old bytes, so the old outputs stay for it
    expect(fs.existsSync(urlToFile(oldGood.iiif.id))).toBe(true);
    expect(fs.existsSync(path.join(mediaDir(), 'iiif', 'manifests', 'cmyk.json'))).toBe(false);
  });
});
