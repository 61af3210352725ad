// The globe page in Chromium: CesiumJS draws the Earth from our own origin only (no request leaves localhost),
// its centre is not blank, labels are in the page language and beside their points, picking a site opens its page,
// and the places and routes are there as plain lists without WebGL.
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { readRoutes } from '../../model/routes.ts';
import { E2E_BUILD } from './env.ts';
import { useBrowser } from './use-browser.ts';
import { useCspCheck } from './page-problems.ts';
import { centreStats } from './pixels.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));
/** The Content-Security-Policy holds on the globe's pages with the globe drawn (zh, en; fr in viewer-ui.e2e.ts). */
const watchCsp = useCspCheck();

/** The globe is drawn in software (SwiftShader): a smaller view needs fewer imagery tiles before it is ready and
 * costs less per frame. At load ≈ 35 the first test took 117 s at 1200 × 900 and 72 s at 800 × 600 with moves under
 * reduced motion. */
const VIEW = { width: 800, height: 600 };

async function open(url: string): Promise<{ page: Page; foreign: string[]; errors: string[] }> {
  const page = await browser.newPage({ viewport: VIEW });
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  watchCsp(page);
  // Not the load event: it waits for Cesium's runtime too, which the wait for the drawn globe below covers.
  expect((await page.goto(base + url, { waitUntil: 'domcontentloaded' }))?.status()).toBe(200);
  await page.waitForSelector('#globe[data-state="ready"]', { timeout: 120_000 });
  return { page, foreign, errors };
}

describe('globe', () => {
  it('draws the Earth offline: the centre is not blank and no request leaves localhost', async () => {
    const { page, foreign, errors } = await open('/zh/map/');
    const img = PNG.sync.read(await page.locator('#globe').screenshot());
    // Anything but the black of space counts as drawn.
    const centre = centreStats(img, (r, g, b) => r + g + b > 60);
    expect(centre.drawn).toBeGreaterThan(0.9);
    expect(centre.colours).toBeGreaterThan(50);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
    // Labels in the UI language.
    expect(await page.locator('#globe-data').textContent()).toContain('莫高窟');
    // Buttons do what a drag or the wheel does, named in the page's language (map.zh.json), each at least 24 px.
    const names = JSON.parse(fs.readFileSync('site/i18n/locales/map.zh.json', 'utf8')) as Record<string, string>;
    const move = (m: string) => page.getByRole('button', { name: names[`globe.move.${m}`], exact: true });
    for (const m of ['west', 'east', 'north', 'south', 'in', 'out']) {
      const box = (await move(m).boundingBox())!;
      expect(Math.min(box.width, box.height), m).toBeGreaterThanOrEqual(24);
    }
    // Under reduced motion the buttons jump (one frame per move) where they would fly (a frame after frame of a
    // flight, each slow in software): the path the comfort setting promises, and the quicker one to wait for.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const view = async () => (await page.locator('#globe').getAttribute('data-view'))?.split(',').map(Number);
    await move('east').click();
    await expect.poll(view, { timeout: 20_000 }).toBeDefined();
    const [lon0, lat0, h0] = (await view())!;
    await move('east').click();
    await expect.poll(async () => (await view())![0], { timeout: 20_000 }).toBeGreaterThan(lon0! + 1);
    await move('north').click();
    await expect.poll(async () => (await view())![1], { timeout: 20_000 }).toBeGreaterThan(lat0! + 1);
    await move('in').click();
    await expect.poll(async () => (await view())![2], { timeout: 20_000 }).toBeLessThan(h0! * 0.75);
  });

  it('picking a site opens its page', async () => {
    const { page } = await open('/en/map/');
    const markers = JSON.parse((await page.locator('#globe').getAttribute('data-markers')) ?? '{}') as Record<string, [number, number]>;
    const at = markers['mogao-caves'];
    expect(at).toBeDefined();
    // Every name drawn sits next to its own point (its box within 14 px of it: beside it, or just above or below;
    // a name with no such room is not drawn), and no two names overlap.
    const labels = JSON.parse((await page.locator('#globe').getAttribute('data-labels')) ?? '{}') as Record<string, { box: number[] } | string>;
    const shown = Object.entries(labels).flatMap(([id, l]) => (typeof l === 'object' ? [{ id, box: l.box as [number, number, number, number] }] : []));
    expect(shown.map((l) => l.id)).toContain('mogao-caves');
    for (const { id, box } of shown) {
      const [x, y] = markers[id]!;
      const [left, top, right, bottom] = box;
      expect(Math.hypot(Math.max(left - x, 0, x - right), Math.max(top - y, 0, y - bottom)), id).toBeLessThanOrEqual(14);
    }
    for (const [i, a] of shown.entries())
      for (const b of shown.slice(i + 1)) {
        const apart = a.box[2] <= b.box[0] || b.box[2] <= a.box[0] || a.box[3] <= b.box[1] || b.box[3] <= a.box[1];
        expect(apart, `${a.id} / ${b.id}`).toBe(true);
      }
    const box = (await page.locator('#globe').boundingBox())!;
    await Promise.all([page.waitForURL('**/en/scenes/library-cave/'), page.mouse.click(box.x + at![0], box.y + at![1])]);
    expect(await page.locator('h1').textContent()).toContain('Library Cave');
  });

  it('follows its box when the window narrows to a phone’s width: drawn again at that size, every name inside it', async () => {
    const { page } = await open('/fr/map/');
    await page.setViewportSize({ width: 390, height: 844 });
    const canvas = page.locator('#globe canvas');
    // One device pixel per CSS pixel here: the drawing buffer is the box.
    await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.width === c.clientWidth && c.clientWidth < 390), { timeout: 30_000 }).toBe(true);
    const width = await canvas.evaluate((c: HTMLCanvasElement) => c.clientWidth);
    const inside = async () => {
      const labels = JSON.parse((await page.locator('#globe').getAttribute('data-labels')) ?? '{}') as Record<string, { box: number[] } | string>;
      const boxes = Object.values(labels).flatMap((l) => (typeof l === 'object' ? [l.box] : []));
      return boxes.length > 0 && boxes.every(([left, , right]) => left! >= 0 && right! <= width);
    };
    await expect.poll(inside, { timeout: 30_000 }).toBe(true);
  });

  it('lists every place and route as text, with links, without JavaScript', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${base}/fr/map/`);
    const routes = readRoutes(path.join(E2E_BUILD, 'records'));
    expect(await page.locator('ol.globe-routes > li').count()).toBe(routes.length);
    expect(await page.locator('[data-route="pelliot-1908"]').textContent()).toContain('Bibliothèque nationale de France');
    expect(await page.locator('[data-place="yingxian-pagoda"] a').getAttribute('href')).toBe('/fr/scenes/yingxian-pagoda/');
    expect(await page.locator('ul.globe-places > li').count()).toBeGreaterThanOrEqual(11);
    await ctx.close();
  });
});
