import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { readImageManifest } from '../../../formats/manifests/images.ts';
import { pathsNamedByInfo } from '../../../assets-pipeline/iiif/level0.ts';
import { runImageStage } from '../../../assets-pipeline/images/stage.ts';
import { tmpRoot } from '../../../assets-pipeline/images/store.ts';
import { imageStoreDir, mediaDir } from '../../../model/paths.ts';
import { createTempSite } from './temp-site.ts';

const site = createTempSite();
afterAll(() => site.cleanup());

const entries = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);
const files = (dir: string) =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.join(e.parentPath, e.name))
    : [];

describe('a run killed with SIGKILL', () => {
  it('leaves no truncated output and the next run completes', async () => {
    const media = site.mediaDir('k');
    const names: string[] = [];
    for (let i = 0; i < 6; i++) {
      names.push(`p${i}.jpg`);
      await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 100 + i * 10, sigma: 40 } } })
        .jpeg()
        .toFile(path.join(media, `p${i}.jpg`));
    }
    site.writeRecords([{ slug: 'k', artifacts: names.map((n, i) => ({ id: `k${i}`, title: { en: n }, media: [{ kind: 'image' as const, path: n }] })) }]);

    const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'stage-child.ts')], { env: process.env, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const tmp = tmpRoot();
    const deadline = Date.now() + 60_000;
    // Kill once one image is published and another is half-rendered in its temp folder.
    while (Date.now() < deadline && !(entries(path.join(mediaDir(), 'img')).length >= 1 && files(tmp).length >= 1)) {
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill('SIGKILL');
    await exited;
    expect(files(tmp).length, 'the kill landed mid-render').toBeGreaterThan(0);

    // Whatever reached the image store is whole: every derivative decodes, every info.json names only existing
    // tiles. An image with both its folders there is not rendered again (linked into the media folder instead).
    const store = imageStoreDir();
    const published = entries(path.join(store, 'iiif')).filter((n) => /^[0-9a-f]{16}-/.test(n) && fs.existsSync(path.join(store, 'img', n)));
    for (const f of entries(path.join(store, 'img')).flatMap((id) => files(path.join(store, 'img', id)))) {
      if (f.endsWith('.json')) JSON.parse(fs.readFileSync(f, 'utf8'));
      else await sharp(f).stats();
    }
    for (const id of published) {
      const dir = path.join(store, 'iiif', id);
      const info = JSON.parse(fs.readFileSync(path.join(dir, 'info.json'), 'utf8'));
      for (const p of pathsNamedByInfo(info)) await sharp(path.join(dir, p)).stats();
    }

    const run = await runImageStage({ progress: false, log: () => {} });
    expect(run.failed).toBe(0);
    expect(run.rendered).toBe(6 - published.length);
    expect(run.unchanged).toBe(published.length);
    expect(Object.keys(readImageManifest())).toHaveLength(6);
    expect(fs.existsSync(tmp)).toBe(false);
    // Every image is reachable from the media folder, through its link.
    for (const e of Object.values(readImageManifest())) expect(fs.existsSync(path.join(mediaDir(), e.thumb.jpeg))).toBe(true);
  }, 240_000);
});
