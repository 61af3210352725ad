// The panorama stage on a photo-sized source made here (16,384 × 8,192): a tile pyramid laid out for Photo Sphere
// Viewer's equirectangular tiles adapter, incremental, with the image stage's errors for bad files, and nothing
// published lost when a source goes bad.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPanoramaManifest, tileUrl } from '../../../formats/manifests/panoramas.ts';
import { runPanoramaStage } from '../../../assets-pipeline/panoramas/stage.ts';
import { mediaDir } from '../../../model/paths.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'panorama-stage-'));
process.env.HERITAGE_BUILD_DIR = path.join(root, 'build');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const src = (name: string) => path.join(root, name);
const logs: string[] = [];
const run = (sources: { key: string; file: string }[]) => runPanoramaStage({ sources, log: (l) => logs.push(l) });

/** The mean colour of a published file given by its URL. */
async function colour(url: string): Promise<[number, number, number]> {
  const { channels } = await sharp(path.join(mediaDir(), url)).stats();
  return channels.slice(0, 3).map((c) => Math.round(c.mean)) as [number, number, number];
}

beforeAll(async () => {
  // West half red, east half blue, and a green square of one top-level tile at the top left corner.
  const W = 16_384;
  const H = 8_192;
  const blue = await sharp({ create: { width: W / 2, height: H, channels: 3, background: '#0000ff' } })
    .png()
    .toBuffer();
  const green = await sharp({ create: { width: 512, height: 512, channels: 3, background: '#00ff00' } })
    .png()
    .toBuffer();
  await sharp({ create: { width: W, height: H, channels: 3, background: '#ff0000' } })
    .composite([
      { input: blue, left: W / 2, top: 0 },
      { input: green, left: 0, top: 0 },
    ])
    .jpeg({ quality: 90 })
    .toFile(src('big.jpg'));
}, 180_000);

describe('the panorama stage', () => {
  it('tiles a 16,384 × 8,192 source into five levels of 512-pixel tiles and a small preview', async () => {
    const r = await run([{ key: 'hall/day', file: src('big.jpg') }]);
    expect(r).toMatchObject({ sources: 1, rendered: 1, failed: 0 });
    const e = readPanoramaManifest()['hall/day']!;
    expect(e).toMatchObject({ width: 16_384, height: 8_192, tileSize: 512 });
    // cols a power of two, rows half of it, each level twice the last, the top one the source's width.
    expect(e.levels).toEqual([2, 4, 8, 16, 32].map((cols) => ({ width: cols * 512, cols, rows: cols / 2 })));
    const top = 4;
    const tiles = fs.readdirSync(path.join(mediaDir(), e.tiles, String(top)));
    expect(tiles).toHaveLength(32 * 16);
    expect(await sharp(path.join(mediaDir(), tileUrl(e, top, 31, 15))).metadata()).toMatchObject({ width: 512, height: 512, format: 'jpeg' });
    const near = (c: number[], want: number[]) => c.every((v, i) => Math.abs(v - want[i]!) < 24);
    expect(near(await colour(tileUrl(e, top, 0, 0)), [0, 255, 0])).toBe(true);
    expect(near(await colour(tileUrl(e, top, 1, 0)), [255, 0, 0])).toBe(true);
    expect(near(await colour(tileUrl(e, top, 31, 15)), [0, 0, 255])).toBe(true);
    // The lowest level is the whole sphere in two tiles: west red (with a little green), east blue.
    expect(near(await colour(tileUrl(e, 0, 1, 0)), [0, 0, 255])).toBe(true);
    expect(e.preview).toMatchObject({ width: 1024, height: 512 });
    expect(e.preview.bytes).toBeLessThan(100_000);
    expect(fs.existsSync(path.join(mediaDir(), '.tmp-pano'))).toBe(false);
  }, 240_000);

  it('does nothing for an unchanged source, reports bad files by panorama and file, and keeps what was published', async () => {
    expect(await run([{ key: 'hall/day', file: src('big.jpg') }])).toMatchObject({ rendered: 0, unchanged: 1, failed: 0 });
    fs.writeFileSync(
      src('square.png'),
      await sharp({ create: { width: 2048, height: 2048, channels: 3, background: '#888' } })
        .png()
        .toBuffer(),
    );
    fs.writeFileSync(src('text.jpg'), 'not an image');
    const before = readPanoramaManifest()['hall/day'];
    // The big source, truncated: published as it was before, and reported.
    fs.copyFileSync(src('big.jpg'), src('cut.jpg'));
    fs.truncateSync(src('cut.jpg'), 200_000);
    logs.length = 0;
    const r = await run([
      { key: 'hall/day', file: src('cut.jpg') },
      { key: 'hall/square', file: src('square.png') },
      { key: 'hall/text', file: src('text.jpg') },
    ]);
    expect(r.failed).toBe(3);
    expect(r.errors.map((e) => `${e.key}: ${e.message}`)).toEqual([
      expect.stringMatching(/^hall\/day: cannot decode the image, the file is truncated or corrupt/),
      'hall/square: not an equirectangular panorama: 2048×2048 is not twice as wide as it is high',
      expect.stringMatching(/^hall\/text: not a readable image/),
    ]);
    expect(logs.some((l) => l.startsWith(`panorama error: hall/text, file ${src('text.jpg')}: not a readable image`))).toBe(true);
    expect(readPanoramaManifest()).toEqual({ 'hall/day': before });
    expect(fs.existsSync(path.join(mediaDir(), before!.preview.url))).toBe(true);
  }, 240_000);

  it('removes the outputs of a source that is gone', async () => {
    const before = readPanoramaManifest()['hall/day']!;
    expect(await run([])).toMatchObject({ sources: 0, removed: 1 });
    expect(readPanoramaManifest()).toEqual({});
    expect(fs.existsSync(path.join(mediaDir(), before.preview.url))).toBe(false);
  });
});
