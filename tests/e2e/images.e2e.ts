// The deep-zoom viewer in Chromium over tiles the real image stage wrote: it loads OpenSeadragon only on
// demand, opens and zooms by keyboard, and every request (info.json, tiles) returns 200 from our origin.
// Self-contained (own temp build, own static server, the browser module bundled by esbuild the way Astro
// splits it), so it does not depend on which page the lead puts the component on.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readImageManifest } from '../../formats/manifests/images.ts';
import { runImageStage } from '../../assets-pipeline/images/stage.ts';
import { mediaDir } from '../../model/paths.ts';
import { createTempSite, type TempSite } from '../assets-pipeline/images/temp-site.ts';
import { launchBrowser } from '../../scripts/tools/browser.ts';

let site: TempSite;
let server: http.Server;
let base = '';
let browser: Browser;

beforeAll(async () => {
  site = createTempSite();
  const media = site.mediaDir('jades');
  // A real photo, enlarged so the pyramid has four levels and zooming needs full-resolution tiles.
  await sharp('/work/shared/data/npm-jades/images/jade001_full1140.jpg').resize(2600).jpeg().toFile(path.join(media, 'jade.jpg'));
  site.writeRecords([{ slug: 'jades', artifacts: [{ id: 'jade001', title: { en: 'Jade bowl' }, media: [{ kind: 'image', path: 'jade.jpg' }] }] }]);
  await runImageStage({ progress: false, log: () => {} });
  const entry = readImageManifest()['jades/jade.jpg']!;

  const web = mediaDir();
  const entryFile = path.join(site.root, 'entry.ts');
  fs.writeFileSync(entryFile, `import { initDeepZoom } from ${JSON.stringify(path.resolve('site/components/images/deep-zoom.ts'))};\ninitDeepZoom();\n`);
  await build({ entryPoints: { 'deep-zoom': entryFile }, bundle: true, splitting: true, format: 'esm', outdir: path.join(web, '_js'), logLevel: 'error' });
  // Mirrors the markup of site/components/images/DeepZoom.astro.
  fs.writeFileSync(
    path.join(web, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>zoom</title><link rel="icon" href="data:,">
<script type="module" src="/_js/deep-zoom.js"></script></head><body>
<section class="deep-zoom" data-deep-zoom data-info="${entry.iiif.infoUrl}" data-viewer-label="Deep-zoom image viewer">
  <button type="button" data-deep-zoom-open aria-expanded="false">Zoom in on the image</button>
  <a href="/iiif/manifests/jade001.json?manifest=/iiif/manifests/jade001.json">IIIF manifest</a>
  <div data-deep-zoom-stage hidden>
    <div role="toolbar"><button type="button" data-action="pan-left">Pan left</button><button type="button" data-action="pan-right">Pan right</button>
      <button type="button" data-action="pan-up">Pan up</button><button type="button" data-action="pan-down">Pan down</button>
      <button type="button" data-action="zoom-in">Zoom in</button><button type="button" data-action="close">Close</button></div>
    <div data-deep-zoom-canvas style="width:800px;height:600px"></div>
  </div>
</section></body></html>`,
  );
  const serve = sirv(web, { dev: true });
  server = http.createServer((req, res) =>
    serve(req, res, () => {
      res.statusCode = 404;
      res.end();
    }),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  site?.cleanup();
});

describe('deep-zoom viewer', () => {
  it('opens on demand, zooms by keyboard, and every tile request returns 200', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 800 } });
    const responses: { url: string; status: number }[] = [];
    const problems: string[] = [];
    page.on('response', (r) => responses.push({ url: r.url(), status: r.status() }));
    page.on('request', (r) => {
      if (!r.url().startsWith(base)) problems.push(`left the site: ${r.url()}`);
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });

    await page.goto(`${base}/index.html`, { waitUntil: 'networkidle' });
    const before = responses.length;
    expect(responses.some((r) => r.url.includes('/iiif/'))).toBe(false);
    // OpenSeadragon (~200 KB) is not fetched before the visitor asks for the viewer.
    const jsBefore = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith('.js'))
        .reduce((n, e) => n + (e as PerformanceResourceTiming).decodedBodySize, 0),
    );
    expect(jsBefore).toBeLessThan(12_000);

    await page.focus('[data-deep-zoom-open]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-deep-zoom][data-state="open"]', { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    expect(responses.length).toBeGreaterThan(before);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('openseadragon-canvas'))).toBe(true);
    const tilesAtOpen = responses.filter((r) => r.url.endsWith('/default.jpg')).length;

    // Keyboard only: Tab back from the canvas to the toolbar's "Zoom in" and press Enter.
    const sf1Tile = /\/\d+,\d+,512,\d+\/512,\d+\/0\/default\.jpg$/;
    const fullRes = page.waitForResponse((r) => sf1Tile.test(r.url()), { timeout: 30_000 });
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe('zoom-in');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Enter');
    await fullRes;
    await page.waitForTimeout(1500);
    await page.focus('.openseadragon-canvas');
    const iiif = responses.filter((r) => r.url.includes('/iiif/'));
    const tiles = iiif.filter((r) => r.url.endsWith('/default.jpg'));
    expect(tiles.length).toBeGreaterThan(tilesAtOpen);
    // Full-resolution tiles (scale factor 1: region width = size width = 512) were fetched after zooming.
    expect(tiles.some((r) => sf1Tile.test(r.url))).toBe(true);
    expect(iiif.filter((r) => r.status !== 200)).toEqual([]);
    expect(problems).toEqual([]);

    // The pan buttons move the zoomed view a quarter of its size each press, with no drag: right, then down, then
    // back left and up to where it was (the view rests zoomed in, so no edge stops it).
    const view = async () => (await page.getAttribute('[data-deep-zoom]', 'data-view'))?.split(',').map(Number) ?? [];
    // The zoom's own animation may still be running: wait for the view to rest zoomed in.
    await expect.poll(async () => (await view())[2] ?? 0, { timeout: 15_000 }).toBeGreaterThan(2);
    const [x0, y0] = await view();
    const pan = async (action: string, moved: (v: number[]) => boolean) => {
      await page.click(`[data-action="${action}"]`);
      await expect.poll(async () => moved(await view()), { timeout: 10_000 }).toBe(true);
    };
    await pan('pan-right', ([x]) => x! > x0! + 0.01);
    await pan('pan-down', ([, y]) => y! > y0! + 0.01);
    await pan('pan-left', ([x]) => Math.abs(x! - x0!) < 0.005);
    await pan('pan-up', ([, y]) => Math.abs(y! - y0!) < 0.005);
    await page.focus('.openseadragon-canvas');

    await page.keyboard.press('Escape');
    expect(await page.isHidden('[data-deep-zoom-stage]')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-deep-zoom-open'))).toBe(true);
    await page.close();
  });
});
