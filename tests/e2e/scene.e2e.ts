// The Library Cave page in Chromium with SwiftShader WebGL: it renders, hotspots open (and link to a published
// record), the tour advances, the evidence view recolours, keyboard-only use works, deep links open a hotspot,
// there is a full text alternative without WebGL, and two golden screenshots match within a pixel tolerance. The
// live region names the part of the model the camera looks at (labels from content/scenes/library-cave.yaml), and
// buttons move the camera as the arrow keys do.
import fs from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { describe, expect, inject, it } from 'vitest';
import { LOCALES, type Locale } from '../../model/locales.ts';
import { useBrowser } from './use-browser.ts';
import { centreStats } from './pixels.ts';
import { centreDrawn, tabThroughHotspots } from './hotspot-tab.ts';
import { useCspCheck } from './page-problems.ts';

const base = inject('baseUrl');
const PAGE = '/zh/scenes/library-cave/';
const caveData = parse(fs.readFileSync('content/scenes/library-cave.yaml', 'utf8')) as {
  paradata: { elements: { node: string; label: { en: string }; sources: string[] }[]; sources: { id: string; cite: Record<Locale, string> }[] };
  stillDescription: { en: string };
};
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** What the live region may say in English: a part of the model and where on it, or nothing of the model. */
const SPOKEN_EN = new RegExp(
  `^(Looking at: (${caveData.paradata.elements.map((e) => literal(e.label.en)).join('|')}), (upper part|middle|lower part)|Looking past the model)$`,
);
const GOLDEN = path.resolve('tests/e2e/__golden__');
let browser: Browser;
useBrowser((b) => (browser = b));
/** The Content-Security-Policy holds on every page this file opens, in zh, en and fr, with the viewer started. */
const watchCsp = useCspCheck();

async function open(url: string, opts: { reducedMotion?: boolean; start?: boolean } = {}): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  if (opts.reducedMotion !== false) await page.emulateMedia({ reducedMotion: 'reduce' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  watchCsp(page);
  const res = await page.goto(base + url);
  expect(res?.status(), url).toBe(200);
  // The page shows the still; the viewer starts on its button (a `#hotspot` link starts it at once).
  if (opts.start !== false && !url.includes('#')) await page.click('[data-scene-start]');
  // The detailed (Draco) model replaces the first view; wait for it so screenshots are stable.
  await page.waitForSelector('.scene-viewer[data-level="full"]', { timeout: 60_000 });
  await settle(page);
  return { page, errors };
}

/** Two animation frames: the demand-driven canvas and the HTML labels have caught up. */
const settle = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 150)))));
const shot = async (page: Page) => PNG.sync.read(await page.locator('.scene-stage').screenshot());

/** The top-left `w`×`h` pixels of an image. */
function crop(img: PNG, w: number, h: number): PNG {
  if (img.width === w && img.height === h) return img;
  const out = new PNG({ width: w, height: h });
  for (let y = 0; y < h; y++) img.data.copy(out.data, y * w * 4, y * img.width * 4, (y * img.width + w) * 4);
  return out;
}

function diffRatio(a: PNG, b: PNG): number {
  // An element screenshot takes the rows its box touches: the same 576 px stage at a fractional page offset (text
  // above it laid out a little differently) comes out one row taller. More than that is a real change.
  expect(Math.abs(a.width - b.width), 'width').toBeLessThanOrEqual(1);
  expect(Math.abs(a.height - b.height), 'height').toBeLessThanOrEqual(1);
  const w = Math.min(a.width, b.width);
  const h = Math.min(a.height, b.height);
  return pixelmatch(crop(a, w, h).data, crop(b, w, h).data, null, w, h, { threshold: 0.1 }) / (w * h);
}

/** Compares with the stored golden. A missing golden fails: a test that writes what it then compares against
 * proves nothing. `UPDATE_GOLDEN=1` (by hand, after looking at the screenshot) writes it instead. */
function matchGolden(name: string, img: PNG, tolerance = 0.01): void {
  const file = path.join(GOLDEN, `${name}.png`);
  if (process.env.UPDATE_GOLDEN === '1') {
    fs.mkdirSync(GOLDEN, { recursive: true });
    fs.writeFileSync(file, PNG.sync.write(img));
    console.warn(`golden written: ${file}`);
    return;
  }
  expect(fs.existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 to write it, check it, and commit it`).toBe(true);
  const ratio = diffRatio(PNG.sync.read(fs.readFileSync(file)), img);
  expect(ratio, `${name}: ${(ratio * 100).toFixed(2)}% of pixels differ`).toBeLessThanOrEqual(tolerance);
}

describe('scene viewer (Library Cave)', () => {
  it('renders: the centre of the view is not blank', async () => {
    const { page, errors } = await open(PAGE);
    const img = await shot(page);
    // Anything that differs from the canvas's clear colour (#1b1612) counts as drawn.
    const centre = centreStats(img, (r, g, b) => Math.abs(r - 0x1b) + Math.abs(g - 0x16) + Math.abs(b - 0x12) > 30);
    expect(centre.drawn).toBeGreaterThan(0.9);
    expect(centre.colours).toBeGreaterThan(30);
    matchGolden('scene-library-cave-zh', img);
    // Tab through every hotspot label (the zh page; viewer-ui does en, the evidence test fr).
    await tabThroughHotspots(page);
    await settle(page);
    expect(await centreDrawn(page)).toBeGreaterThan(0.9);
    expect(errors).toEqual([]);
  });

  it('clicking a hotspot opens its text; its artifact link leads to the published record', async () => {
    const { page } = await open(PAGE);
    await page.click('button[data-hotspot="stele"]');
    await expect.poll(() => page.locator('[data-hotspot-panel="stele"]').textContent()).toContain('851');
    expect(new URL(page.url()).hash).toBe('#stele');
    await page.click('button[data-hotspot="dunhuang-paintings"]');
    const link = page.locator('[data-hotspot-panel="dunhuang-paintings"] a');
    expect(await link.getAttribute('href')).toBe('/zh/artifacts/nmaa-F1930.36/');
    const [res] = await Promise.all([page.waitForNavigation(), link.click()]);
    expect(res?.status()).toBe(200);
    // The record is written 水月觀音; a Chinese page shows it in simplified characters, the original a click away.
    expect(await page.locator('h1').textContent()).toContain('水月观音');
    expect(await page.locator('h1 .t2s').getAttribute('data-original')).toContain('水月觀音');
  });

  it('the tour advances and goes back, moving the camera', async () => {
    const { page } = await open(PAGE);
    await page.click('[data-tour-next]');
    await expect.poll(() => page.locator('.scene-tour-narration').textContent()).toContain('第16窟的甬道');
    await settle(page);
    const step1 = await shot(page);
    await page.click('[data-tour-next]');
    await expect.poll(() => page.locator('.scene-tour-count').textContent()).toBe('第 2 步，共 10 步');
    expect(await page.locator('[data-hotspot-panel="hongbian"]').isVisible()).toBe(true);
    await settle(page);
    expect(diffRatio(step1, await shot(page))).toBeGreaterThan(0.2);
    await page.getByRole('button', { name: '上一步' }).click();
    await expect.poll(() => page.locator('.scene-tour-count').textContent()).toBe('第 1 步，共 10 步');
  });

  it('the evidence view changes the pixels and shows a legend in the page language', async () => {
    const { page } = await open('/fr/scenes/library-cave/');
    const before = await shot(page);
    await page.getByRole('button', { name: 'Vue des preuves' }).click();
    await settle(page);
    const after = await shot(page);
    expect(diffRatio(before, after)).toBeGreaterThan(0.3);
    const legend = page.getByRole('region', { name: 'Niveaux de preuve' });
    expect(await legend.textContent()).toContain('Conjectural');
    matchGolden('scene-library-cave-fr-evidence', after);
    await tabThroughHotspots(page);
    await settle(page);
    expect(await centreDrawn(page)).toBeGreaterThan(0.9);
  });

  it('works with the keyboard only: Tab to the start button, Enter starts the view there, arrows move, Tab reaches hotspots, Enter opens one', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    watchCsp(page);
    await page.goto(`${base}/en/scenes/library-cave/`);
    let onStart = false;
    for (let i = 0; i < 40 && !onStart; i++) {
      await page.keyboard.press('Tab');
      onStart = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.sceneStart !== undefined);
    }
    expect(onStart).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.scene-viewer[data-level="full"]', { timeout: 60_000 });
    await settle(page);
    // The still and its button are gone: the keyboard goes on in the view.
    await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('scene-stage') ?? false)).toBe(true);
    const spoken = page.locator('[data-scene-spoken]');
    expect(await spoken.getAttribute('aria-live')).toBe('polite');
    await expect.poll(() => spoken.textContent(), { timeout: 5000 }).toMatch(SPOKEN_EN);
    const said = await spoken.textContent();
    const before = await shot(page);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    await settle(page);
    expect(diffRatio(before, await shot(page))).toBeGreaterThan(0.2);
    // Turned away, the region says what the view now meets.
    await expect.poll(() => spoken.textContent(), { timeout: 5000 }).not.toBe(said);
    expect(await spoken.textContent()).toMatch(SPOKEN_EN);
    await page.keyboard.press('Tab');
    // The first hotspot in front of the camera (drei hides labels behind it, so they are skipped by Tab).
    const id = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.hotspot);
    expect(id).toBeTruthy();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator(`[data-hotspot-panel="${id}"]`).isVisible()).toBe(true);
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.hotspot);
    expect(next).toBeTruthy();
    expect(next).not.toBe(id);
    // The arrow keys' moves as buttons: a press turns the camera without a drag.
    const beforeButton = await shot(page);
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Orbit left' }).click();
    await settle(page);
    expect(diffRatio(beforeButton, await shot(page))).toBeGreaterThan(0.05);
  });

  it('a #hotspot deep link opens that hotspot', async () => {
    const { page } = await open('/en/scenes/library-cave/#pelliot-1908');
    await expect.poll(() => page.locator('[data-hotspot-panel="pelliot-1908"]').textContent()).toContain('Bibliothèque nationale de France');
  });

  it('without WebGL or JavaScript the text alternative lists every hotspot, tour step and paradata row', async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      HTMLCanvasElement.prototype.getContext = () => null;
    });
    await page.goto(`${base}/en/scenes/library-cave/`);
    await page.click('[data-scene-start]');
    await expect.poll(() => page.locator('.scene-fallback').textContent()).toContain('WebGL');
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const noJs = await ctx.newPage();
    await noJs.goto(`${base}/en/scenes/library-cave/#stele`);
    expect(await noJs.locator('#scene-text > ol').first().locator('> li').count()).toBe(12);
    expect(await noJs.locator('#scene-text table tbody tr').count()).toBe(9);
    expect(await noJs.locator('#stele').textContent()).toContain('851');
    expect(await noJs.locator('tr[data-node="manuscript-bundles"]').textContent()).toContain('Conjectured');
    // The still says what the starting view shows (the scene's own description), and read-aloud reads it.
    const still = noJs.locator('.scene-still img');
    expect(await still.getAttribute('alt')).toContain(caveData.stillDescription.en);
    expect(await still.getAttribute('data-read')).toBe('image');
    await ctx.close();
  });

  it.each(LOCALES)("names a paradata row's sources as they are cited, in %s, each a link to its full citation", async (locale) => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    await page.goto(`${base}/${locale}/scenes/library-cave/`);
    const cite = new Map(caveData.paradata.sources.map((s) => [s.id, s.cite[locale]]));
    for (const e of caveData.paradata.elements) {
      const links = page.locator(`tr[data-node="${e.node}"] a[href^="#source-"]`);
      expect(await links.allTextContents()).toEqual(e.sources.map((id) => cite.get(id)));
      expect(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(e.sources.map((id) => `#source-${id}`));
    }
    for (const id of cite.keys()) expect(await page.locator(`#source-${id}`).count()).toBe(1);
    await ctx.close();
  });
});
