// The 3D viewer and the globe as a visitor meets them: Tab through every hotspot never scrolls the view (its centre
// stays drawn), the tour's caption lies over the view, the pagoda's labels never cover each other and rise with
// their storeys when exploded, both views go full screen and come back with Escape, Cesium's controls are named in
// the page's language, and without JavaScript (or WebGL) each shows its still image and a notice in every locale.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { LOCALES } from '../../model/locales.ts';
import { useBrowser } from './use-browser.ts';
import { useCspCheck } from './page-problems.ts';
import { centreDrawn, stageScroll, tabThroughHotspots } from './hotspot-tab.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));
/** The Content-Security-Policy holds on the viewers' pages this file opens with JavaScript. */
const watchCsp = useCspCheck();

const strings = (feature: string, locale: string) =>
  JSON.parse(fs.readFileSync(path.resolve(`site/i18n/locales/${feature}.${locale}.json`), 'utf8')) as Record<string, string>;
const settle = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 150)))));

/** Waits on the page under a loaded machine: ten seconds rather than expect.poll's one. */
const WAIT = { timeout: 10_000 };

/** `viewport: null` where a test goes full screen: with an emulated viewport, headless Chromium leaves full screen
 * as soon as it enters it. */
async function openScene(
  url: string,
  viewport: { width: number; height: number } | null = { width: 1200, height: 900 },
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  watchCsp(page);
  expect((await page.goto(base + url))?.status()).toBe(200);
  await page.click('[data-scene-start]');
  await page.waitForSelector('.scene-viewer[data-level="full"]', { timeout: 60_000 });
  await settle(page);
  return { page, errors };
}

/** Boxes of the labels a visitor sees, and the first pair that overlaps (none: undefined). */
const labelOverlap = (page: Page) =>
  page.evaluate(() => {
    const shown = [...document.querySelectorAll<HTMLElement>('.scene-hotspot')].filter((b) => getComputedStyle(b).visibility !== 'hidden');
    const boxes = shown.map((b) => ({ id: b.dataset.hotspot, r: b.getBoundingClientRect() }));
    for (const [i, a] of boxes.entries())
      for (const b of boxes.slice(i + 1))
        if (a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom) return { shown: boxes.length, pair: [a.id, b.id] };
    return { shown: boxes.length, pair: undefined };
  });

const labelY = (page: Page, id: string) =>
  page.evaluate((id) => {
    const r = document.querySelector(`.scene-hotspot[data-hotspot="${id}"]`)!.getBoundingClientRect();
    return r.top + r.height / 2;
  }, id);

describe('3D viewer', () => {
  it('Tab through every hotspot keeps the view unscrolled and drawn; the tour caption lies over the view', async () => {
    // A short window: labels near the stage's edges are the ones whose focus used to scroll it.
    const { page, errors } = await openScene('/en/scenes/library-cave/', { width: 1200, height: 700 });
    // Turned a little to the left, a label straddles the stage's edge: focusing it scrolled an overflow-hidden stage.
    await page.focus('.scene-stage');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await settle(page);
    const visited = await tabThroughHotspots(page);
    expect(visited.length).toBeGreaterThanOrEqual(4);
    await settle(page);
    expect(await centreDrawn(page)).toBeGreaterThan(0.9);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#scene-hotspot-panel').isVisible(), WAIT).toBe(true);
    await settle(page);
    expect(await stageScroll(page)).toBe(0);
    expect(await centreDrawn(page)).toBeGreaterThan(0.9);

    await page.click('[data-tour-next]');
    const caption = page.locator('.scene-tour-narration');
    await expect.poll(() => caption.textContent(), WAIT).not.toBe('');
    const stage = (await page.locator('.scene-stage').boundingBox())!;
    const box = (await caption.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(stage.y);
    expect(box.y + box.height).toBeLessThanOrEqual(stage.y + stage.height + 0.5);
    expect(box.height).toBeGreaterThan(10);
    expect(errors).toEqual([]);
  });

  it.each(['zh', 'en', 'fr'])('on a phone (%s), Next and Previous bring the stop into view, its caption and the buttons in sight', async (locale) => {
    const { page, errors } = await openScene(`/${locale}/scenes/library-cave/`, { width: 390, height: 844 });
    const inView = () =>
      page.evaluate(() => {
        const fits = (sel: string) => {
          const r = document.querySelector(sel)!.getBoundingClientRect();
          return r.height > 0 && r.top >= -0.5 && r.bottom <= innerHeight + 0.5;
        };
        return { caption: fits('.scene-tour-narration'), next: fits('[data-tour-next]') };
      });
    // The visitor has read on below the view (the stop's text) and scrolled back up to the tour's buttons only as far
    // as them: the view is above the window.
    const caption = page.locator('.scene-tour-narration');
    const press = async (button: ReturnType<Page['locator']>, step: number) => {
      await button.evaluate((b) => b.scrollIntoView({ block: 'start' }));
      await button.click();
      await expect.poll(() => caption.getAttribute('data-tour-step'), WAIT).toBe(String(step));
      // Reduced motion: the page is there at once, with no smooth scroll to wait for.
      expect(await inView()).toEqual({ caption: true, next: true });
    };
    const next = page.locator('[data-tour-next]');
    await press(next, 0);
    await press(next, 1);
    await press(page.locator('.scene-tour-controls button').first(), 0);
    expect(await caption.textContent()).not.toBe('');
    expect(errors).toEqual([]);
  });

  it('pagoda labels never overlap, at rest and exploded, and rise with their storeys', async () => {
    const { page } = await openScene('/zh/scenes/yingxian-pagoda/', null);
    const rest = await labelOverlap(page);
    expect(rest.shown).toBeGreaterThanOrEqual(4);
    expect(rest.pair).toBeUndefined();
    const before = await labelY(page, 'second-storey');
    await page.click('button[data-view="explode"]');
    // Storey 2 is the third level: exploded, it rises 2 × 3.5 m, which is tens of pixels from the start view.
    await expect.poll(async () => before - (await labelY(page, 'second-storey')), WAIT).toBeGreaterThan(15);
    await settle(page);
    const exploded = await labelOverlap(page);
    expect(exploded.shown).toBeGreaterThanOrEqual(3);
    expect(exploded.pair).toBeUndefined();

    // Full screen: the whole viewer, entered by its button, left with Escape.
    const s = strings('scene', 'zh');
    await page.getByRole('button', { name: s['viewer.fullscreen'] }).click();
    await expect.poll(() => page.evaluate(() => document.fullscreenElement?.className), WAIT).toBe('scene-viewer');
    await expect.poll(() => page.locator('.scene-fullscreen').textContent(), WAIT).toBe(s['viewer.exitFullscreen']);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement), WAIT).toBeNull();
    await expect.poll(() => page.locator('.scene-fullscreen').textContent(), WAIT).toBe(s['viewer.fullscreen']);
  });
});

describe('globe controls', () => {
  for (const locale of ['zh', 'fr'] as const)
    it(`Cesium's controls are named in ${locale}; the globe goes full screen and back`, async () => {
      const m = strings('map', locale);
      const page = await browser.newPage({ viewport: null });
      watchCsp(page);
      await page.goto(`${base}/${locale}/map/`);
      const home = page.getByRole('button', { name: m['cesium.home'], exact: true });
      await home.waitFor({ timeout: 120_000 });
      expect(await home.getAttribute('title')).toBe(m['cesium.home']);
      // Cesium shows its attribution control only when a source asks for the lightbox; it is translated either way.
      const credits = page.locator('.cesium-credit-expand-link');
      expect(await credits.textContent()).toBe(m['cesium.credits']);
      expect(await credits.getAttribute('role')).toBe('button');
      // Every control has a name (Chromium's accessibility tree), and none is left in English.
      const tree = await page.locator('#globe').ariaSnapshot();
      expect(tree).toContain(`button "${m['cesium.home']}"`);
      expect(tree, tree).not.toMatch(/^\s*- (button|link)\b(?! ")/m);
      expect(tree).not.toMatch(/View Home|Data attribution|Full ?screen/i);
      if (locale === 'fr') {
        await page.getByRole('button', { name: m['globe.fullscreen'] }).click();
        await expect.poll(() => page.evaluate(() => document.fullscreenElement?.id), WAIT).toBe('globe');
        await page.keyboard.press('Escape');
        await expect.poll(() => page.evaluate(() => document.fullscreenElement), WAIT).toBeNull();
        // The policy is checked with the globe drawn in every locale (zh and en in globe.e2e.ts).
        await page.waitForSelector('#globe[data-state="ready"]', { timeout: 120_000 });
      }
      await page.close();
    });
});

describe('without JavaScript or WebGL', () => {
  it('the scene and the globe show their still and a notice in every locale, and no endless "loading"', async () => {
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    const page = await ctx.newPage();
    const loaded = (sel: string) => page.locator(sel).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
    for (const locale of LOCALES) {
      const s = strings('scene', locale);
      const m = strings('map', locale);
      await page.goto(`${base}/${locale}/scenes/yingxian-pagoda/`);
      await expect.poll(() => loaded('img.scene-still, .scene-still img'), WAIT).toBe(true);
      expect(await page.locator('.scene-still img').getAttribute('alt')).toBeTruthy();
      expect(await page.locator('.scene-still figcaption').textContent()).toContain(s['viewer.noScript']);
      await page.goto(`${base}/${locale}/map/`);
      await expect.poll(() => loaded('img.globe-still'), WAIT).toBe(true);
      const globe = (await page.locator('#globe').textContent()) ?? '';
      expect(globe).toContain(m['globe.noScript']);
      expect(globe).not.toContain(m['globe.loading']);
    }
    await ctx.close();

    // JavaScript without WebGL: the same stills, with the no-WebGL notice.
    const noGl = await browser.newPage();
    await noGl.addInitScript(() => {
      HTMLCanvasElement.prototype.getContext = () => null;
    });
    await noGl.goto(`${base}/en/scenes/library-cave/`);
    await noGl.click('[data-scene-start]');
    await expect.poll(() => noGl.locator('.scene-still figcaption').textContent(), WAIT).toContain(strings('scene', 'en')['viewer.noWebgl']);
    await noGl.goto(`${base}/en/map/`);
    await expect.poll(() => noGl.locator('#globe').getAttribute('data-state'), WAIT).toBe('no-webgl');
    expect(await noGl.locator('img.globe-still').count()).toBe(1);
    await noGl.close();
  });
});
