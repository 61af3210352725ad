import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { buildInfo, candidateScaleFactors, completeLevel0, levelPaths, pathsNamedByInfo } from '../../../assets-pipeline/iiif/level0.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-level0-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('level-0 tile pyramid', () => {
  it('names the URLs OpenSeadragon computes (region, size, full/max spellings)', () => {
    expect(candidateScaleFactors(3000, 2000, 512)).toEqual([1, 2, 4, 8]);
    expect(levelPaths(3000, 2000, 512, 8)).toEqual(['full/375,250/0/default.jpg']);
    expect(levelPaths(300, 200, 512, 1)).toEqual(['full/max/0/default.jpg']);
    expect(levelPaths(3001, 1999, 512, 4)).toContain('2048,0,953,1999/239,500/0/default.jpg');
    expect(levelPaths(512, 512, 512, 1)).toEqual(['full/max/0/default.jpg']);
  });

  // Sizes at and around tile boundaries, odd sizes and extreme aspect ratios (handscrolls).
  const sizes: [number, number][] = [
    [512, 512],
    [1024, 512],
    [1025, 513],
    [3001, 1999],
    [90, 2600],
    [2600, 90],
    [511, 1],
  ];
  it.each(sizes)('sharp iiif3 output for %i×%i is completed so every named file exists', async (w, h) => {
    const dir = path.join(tmp, `${w}x${h}`);
    await sharp({ create: { width: w, height: h, channels: 3, background: '#806040' } })
      .jpeg()
      .tile({ layout: 'iiif3', size: 512, overlap: 0, id: 'x' })
      .toFile(dir);
    const info = buildInfo('/iiif/x', w, h, completeLevel0(dir, w, h, 512));
    expect(info.tiles[0]!.scaleFactors).toEqual(candidateScaleFactors(w, h, 512));
    expect(info.sizes.length).toBeGreaterThan(0);
    for (const p of pathsNamedByInfo(info)) expect(fs.existsSync(path.join(dir, p)), p).toBe(true);
  });

  it('drops a scale factor whose tiles are not all on disk', async () => {
    const dir = path.join(tmp, 'broken');
    await sharp({ create: { width: 1300, height: 900, channels: 3, background: '#000' } })
      .jpeg()
      .tile({ layout: 'iiif3', size: 512, overlap: 0, id: 'x' })
      .toFile(dir);
    fs.rmSync(path.join(dir, '0,0,1024,900'), { recursive: true });
    const parts = completeLevel0(dir, 1300, 900, 512);
    expect(parts.tiles[0]!.scaleFactors).toEqual([1]);
    expect(parts.sizes).toEqual([]);
  });
});
