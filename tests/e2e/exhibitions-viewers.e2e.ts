// The Library Cave and wooden pagoda stories on the built demo, in Chromium: their steps open the site's own viewers
// (the 3D scene at a hotspot, in a phase or the evidence view; the panorama; the globe with the dispersal routes;
// the monitoring chart on its window) when reached and release them behind, and every such step shows its still
// without JavaScript. Expected steps, hotspots, views and series come from the content files.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { describe, expect, inject, it } from 'vitest';
import { panorama } from '../../model/panorama.ts';
import { LOCALES } from '../../model/locales.ts';
import { SCREENSHOTS } from './env.ts';
import { activeStep, openPage, readExhibition } from './exhibition-page.ts';
import { useBrowser } from './use-browser.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

const CAVE = readExhibition('library-cave');
const caveScene = parse(fs.readFileSync('content/scenes/library-cave.yaml', 'utf8')) as { hotspots: { id: string; title: Record<string, string> }[] };
const sceneSteps = CAVE.steps.filter((s) => s.media[0]?.kind === 'scene');
const evidenceStep = CAVE.steps.find((s) => s.media.some((m) => m.kind === 'scene' && m.view === 'evidence'))!;
const globeStep = CAVE.steps.find((s) => s.media.some((m) => m.kind === 'globe'))!;
// A step looking into a panorama at one of its hotspots, in a variant; where it looks comes from the panorama's file.
const panoStep = CAVE.steps.find((s) => s.media.some((m) => m.kind === 'panorama'))!;
const panoMedia = panoStep.media.find((m) => m.kind === 'panorama')!;
const pano =
  panoMedia.kind === 'panorama'
    ? panorama.parse({ type: 'panorama', id: panoMedia.panorama, ...parse(fs.readFileSync(`content/panoramas/${panoMedia.panorama}/panorama.yaml`, 'utf8')) })
    : undefined;
const panoSpot = pano?.hotspots.find((h) => panoMedia.kind === 'panorama' && h.id === panoMedia.hotspot);
/** The panorama step's view: its variant, facing its hotspot at the panorama's initial zoom. */
const panoView = {
  variant: panoMedia.kind === 'panorama' ? panoMedia.variant : undefined,
  yaw: panoSpot?.yaw,
  pitch: panoSpot?.pitch,
  zoom: pano?.initialView.zoom,
};
/** Angular distance in degrees, across the ±180 seam. */
const apart = (a: number, b: number) => Math.abs(((((a - b) % 360) + 540) % 360) - 180);

// The viewers are the scene and globe pages' own (tested there in every locale): one locale walks the story live,
// all three are read without JavaScript.
describe('the Library Cave exhibition', () => {
  it('opens each step’s viewer when the step is reached (fr), and releases it behind', async () => {
    const locale = 'fr';
    const url = `/${locale}/exhibitions/${CAVE.id}/`;
    const first = sceneSteps[0]!;
    const media = first.media[0]!;
    const hotspot = media.kind === 'scene' ? caveScene.hotspots.find((h) => h.id === media.hotspot) : undefined;
    const { page, problems } = await openPage(browser, base, `${url}#${first.id}`, { reducedMotion: true });
    await page.waitForSelector('.exh--scrolly');
    // The viewers' styles come with the viewers: the globe's (Cesium's widgets) are not in the page before it opens.
    const cesiumStyles = page.locator('link[href="/cesium/Widgets/widgets.css"]');
    expect(await cesiumStyles.count()).toBe(0);
    const viewerIn = (id: string) => page.locator(`#${id} [data-live="scene"] .scene-viewer`);
    // Reached: the scene viewer replaces the still, opened at the step's hotspot (its panel shows its title).
    await expect.poll(() => viewerIn(first.id).count(), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => page.locator(`#${first.id} [data-live]`).getAttribute('data-live-state')).toBe('on');
    expect(await page.locator(`#${first.id} img.exh-still`).isVisible()).toBe(false);
    await expect.poll(() => viewerIn(first.id).textContent()).toContain(hotspot!.title[locale]);
    // Steps not reached stay stills.
    expect(await page.locator(`#${globeStep.id} [data-live]`).getAttribute('data-live-state')).toBeNull();
    // Step by step (keys) to the evidence view: the scene opens coloured by evidence, the first step's viewer is gone.
    const ids = CAVE.steps.map((s) => s.id);
    for (let i = 1; i <= ids.indexOf(evidenceStep.id); i++) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => activeStep(page)).toBe(ids[i]);
    }
    await expect.poll(() => viewerIn(evidenceStep.id).getAttribute('data-evidence'), { timeout: 30_000 }).toBe('on');
    // A viewer left behind is torn down when the browser is next idle (live-media.ts): soon, not at once.
    await expect.poll(() => viewerIn(first.id).count()).toBe(0);
    expect(await page.locator(`#${first.id} img.exh-still`).isVisible()).toBe(true);
    // The panorama step opens the panorama viewer in the step's variant, facing its hotspot, in place of the preview.
    for (let i = ids.indexOf(evidenceStep.id) + 1; i <= ids.indexOf(panoStep.id); i++) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => activeStep(page)).toBe(ids[i]);
    }
    const panoHost = page.locator(`#${panoStep.id} [data-live="panorama"] [data-live-host]`);
    await expect.poll(() => panoHost.getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
    expect(await panoHost.getAttribute('data-variant')).toBe(panoView.variant);
    await expect.poll(async () => apart(Number(await panoHost.getAttribute('data-yaw')), panoView.yaw!) < 1.5, { timeout: 15_000 }).toBe(true);
    expect(Math.abs(Number(await panoHost.getAttribute('data-pitch')) - panoView.pitch!)).toBeLessThan(1.5);
    expect(await page.locator(`#${panoStep.id} img.exh-still`).isVisible()).toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${locale}-exhibition-cave-panorama.png`) });
    // The globe step opens the globe (or its still where WebGL is missing).
    for (let i = ids.indexOf(panoStep.id) + 1; i <= ids.indexOf(globeStep.id); i++) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => activeStep(page)).toBe(ids[i]);
    }
    await expect.poll(() => page.locator(`#${globeStep.id} .exh-live.globe`).getAttribute('data-state'), { timeout: 90_000 }).toMatch(/^(ready|no-webgl)$/);
    await expect.poll(() => cesiumStyles.count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${locale}-exhibition-cave-globe.png`) });
    // Leaving the globe's step releases the globe (its still shows again); at the story's last step, more than a step
    // past every other viewer, none is left in the page. Coming back opens the globe again.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => activeStep(page)).toBe(ids[ids.indexOf(globeStep.id) + 1]);
    expect(await page.locator(`#${globeStep.id} img.exh-still`).isVisible()).toBe(true);
    await expect.poll(() => page.locator(`#${globeStep.id} .exh-live.globe canvas`).count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => page.locator('[data-exhibition] canvas, [data-exhibition] video').count(), { timeout: 15_000 }).toBe(0);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => activeStep(page)).toBe(globeStep.id);
    await expect.poll(() => page.locator(`#${globeStep.id} .exh-live.globe`).getAttribute('data-state'), { timeout: 90_000 }).toMatch(/^(ready|no-webgl)$/);
    // The panorama step links the panorama's page, which opens in the same variant facing the same way; that page's
    // exhibition hotspot links back to the step.
    const toPanorama = `/${locale}/panoramas/${pano!.id}/#view=${panoView.yaw},${panoView.pitch},${panoView.zoom}&variant=${panoView.variant}`;
    expect(await page.locator(`#${panoStep.id} figcaption a`).getAttribute('href')).toBe(toPanorama);
    await page.goto(base + toPanorama);
    const root = page.locator('[data-pano]');
    await expect.poll(() => root.getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
    expect(await root.getAttribute('data-variant')).toBe(panoView.variant);
    expect(await page.locator(`input[name="pano-variant"][value="${panoView.variant}"]`).isChecked()).toBe(true);
    await expect.poll(async () => apart(Number(await root.getAttribute('data-yaw')), panoView.yaw!) < 1.5, { timeout: 15_000 }).toBe(true);
    expect(Math.abs(Number(await root.getAttribute('data-pitch')) - panoView.pitch!)).toBeLessThan(1.5);
    const back = pano!.hotspots.find((h) => h.exhibition?.id === CAVE.id && h.exhibition.step === panoStep.id)!;
    expect(await page.locator(`a[data-hotspot="${back.id}"]`).getAttribute('href')).toBe(`${url}#${panoStep.id}`);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows a still for every 3D, globe, chart and panorama step without JavaScript, in every locale', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const locale of LOCALES)
      for (const story of [CAVE, PAGODA]) {
        expect((await page.goto(`${base}/${locale}/exhibitions/${story.id}/`))?.status()).toBe(200);
        for (const step of story.steps.filter((s) => s.media.some((m) => ['scene', 'globe', 'chart', 'panorama'].includes(m.kind)))) {
          const img = page.locator(`#${step.id} img.exh-still`).first();
          await img.scrollIntoViewIfNeeded();
          await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { message: step.id }).toBe(true);
          expect((await img.getAttribute('alt'))?.length, step.id).toBeGreaterThan(0);
          // The panorama step's preview says what it shows in the page's language.
          if (step === panoStep && panoMedia.kind === 'panorama') expect(await img.getAttribute('alt')).toBe(panoMedia.alt[locale]);
        }
        // A narration: its recording (in this language) and its transcript.
        for (const step of story.steps)
          for (const m of step.media)
            if (m.kind === 'narration') {
              const figure = page.locator(`#${step.id} .exh-narration`);
              expect(await figure.locator('audio').getAttribute('src'), step.id).toMatch(/^\/exhibitions\/.+\.mp3$/);
              expect(await figure.locator('audio').getAttribute('lang'), step.id).toBeNull();
              expect(await figure.textContent()).toContain(m.transcript[locale]!.slice(0, 10));
            }
        expect(await page.locator('.exh-live:not([hidden])').count()).toBe(0);
      }
    await context.close();
  });
});

// The pagoda story: 3D steps in a building phase and in the section view, then a monitoring chart over a time
// window. One locale walks it live (the cave walks in fr); the chart step is opened from its link in another.
const PAGODA = readExhibition('wooden-pagoda');

describe('the wooden pagoda exhibition', () => {
  const sectionStep = PAGODA.steps.find((s) => s.media.some((m) => m.kind === 'scene' && m.view === 'section'))!;
  const chartStep = PAGODA.steps.find((s) => s.media.some((m) => m.kind === 'chart'))!;
  const chart = chartStep.media.find((m) => m.kind === 'chart')!;
  const series = chart.kind === 'chart' ? chart.series.join(' ') : '';

  it('opens each 3D step in its phase and view, and the chart step on its series (zh)', async () => {
    const ids = PAGODA.steps.map((s) => s.id);
    const { page, problems } = await openPage(browser, base, `/zh/exhibitions/${PAGODA.id}/#${ids[0]}`, { reducedMotion: true });
    await page.waitForSelector('.exh--scrolly');
    const viewerIn = (id: string) => page.locator(`#${id} [data-live="scene"] .scene-viewer`);
    for (let i = 0; i < ids.indexOf(chartStep.id); i++) {
      const step = PAGODA.steps[i]!;
      const m = step.media[0]!;
      if (m.kind !== 'scene') continue;
      await expect.poll(() => viewerIn(step.id).getAttribute('data-variant'), { timeout: 30_000, message: step.id }).toBe(m.phase);
      if (m.view) await expect.poll(() => viewerIn(step.id).getAttribute('data-views')).toContain(m.view);
      // A step that narrates its phase itself: the viewer's timeline names the phase but does not repeat its text.
      const narration = step.media.find((x) => x.kind === 'narration');
      if (narration?.kind === 'narration') {
        const timeline = page.locator(`#${step.id} .scene-timeline-narration`);
        await expect.poll(() => timeline.getAttribute('data-variant')).toBe(m.phase);
        expect(await timeline.textContent()).not.toContain(narration.transcript.zh!.slice(0, 12));
        expect(await page.locator(`#${step.id} .exh-narration`).textContent()).toContain(narration.transcript.zh!.slice(0, 12));
      }
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => activeStep(page)).toBe(ids[i + 1]);
    }
    const canvas = page.locator(`#${chartStep.id} [data-live="chart"] canvas`);
    await expect.poll(() => canvas.getAttribute('data-series'), { timeout: 30_000 }).toBe(series);
    // The narration's recording plays here (its length read from the file as a player would).
    const src = await page.locator('.exh-narration audio').first().getAttribute('src');
    const seconds = await page.evaluate(
      (url) =>
        new Promise<number>((resolve) => {
          const a = new Audio(url);
          a.onloadedmetadata = () => resolve(a.duration);
          a.onerror = () => resolve(-1);
        }),
      src!,
    );
    expect(seconds).toBeGreaterThan(3);
    // Two steps back is more than one step away: the section step's viewer is released.
    expect(await viewerIn(sectionStep.id).count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('opens the 3D step before the chart from its #link in its phase, then draws the chart step (en), its still hidden', async () => {
    const before = PAGODA.steps[PAGODA.steps.indexOf(chartStep) - 1]!;
    const m = before.media[0]!;
    const { page, problems } = await openPage(browser, base, `/en/exhibitions/${PAGODA.id}/#${before.id}`, { reducedMotion: true });
    await page.waitForSelector('.exh--scrolly');
    const viewer = page.locator(`#${before.id} [data-live="scene"] .scene-viewer`);
    await expect.poll(() => viewer.getAttribute('data-variant'), { timeout: 30_000 }).toBe(m.kind === 'scene' ? m.phase : '');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => activeStep(page)).toBe(chartStep.id);
    await expect.poll(() => page.locator(`#${chartStep.id} [data-live="chart"] canvas`).getAttribute('data-series'), { timeout: 30_000 }).toBe(series);
    expect(await page.locator(`#${chartStep.id} img.exh-still`).isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
