// The jades exhibition on the built demo, in Chromium, in each locale: scrolling makes each step the one shown,
// keyboard next/previous, `#step` deep links, a complete article without JavaScript, a catalogue in print/PDF,
// axe, and no request leaving the site. Expected steps and texts come from the exhibition's own file.
import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { normalize } from '@iiif/parser';
import { presentation3StrictUpgrade } from '@iiif/parser/strict';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { describe, expect, inject, it } from 'vitest';
import { exhibition } from '../../model/exhibition.ts';
import { LOCALES } from '../../model/locales.ts';
import { SCREENSHOTS } from './env.ts';
import { useBrowser } from './use-browser.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

const SLUG = 'jades-tribute';
const data = exhibition.parse({
  type: 'exhibition',
  id: SLUG,
  ...parse(fs.readFileSync(`content/exhibitions/${SLUG}/exhibition.yaml`, 'utf8')),
});
const stepIds = data.steps.map((s) => s.id);

async function open(url: string, options: { js?: boolean; reducedMotion?: boolean } = {}): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled: options.js ?? true,
    reducedMotion: options.reducedMotion ? 'reduce' : 'no-preference',
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`left the site: ${u}`);
  });
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  expect((await page.goto(base + url))?.status()).toBe(200);
  return { page, problems };
}

const active = (page: Page) => page.locator('[data-exhibition]').getAttribute('data-active-step');

/** Which steps' media are on screen with their stills at full opacity (the others are dimmed). */
const shownMedia = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-step-media]')]
      .filter((m) => {
        const r = m.getBoundingClientRect();
        const stills = [...m.querySelectorAll('img.exh-still')];
        return stills.length > 0 && stills.every((i) => getComputedStyle(i).opacity === '1') && r.bottom > 0 && r.top < innerHeight;
      })
      .map((m) => m.dataset.stepMedia),
  );

describe('exhibition as a IIIF Presentation 3 Manifest', () => {
  it('has a canvas per step image, regions as #xywh annotations and step texts in every language', async () => {
    const res = await fetch(`${base}/iiif/exhibitions/${SLUG}.json`);
    expect(res.status).toBe(200);
    const json = await res.json();
    const state = { warnings: [] as string[] };
    presentation3StrictUpgrade(structuredClone(json), state);
    expect(state.warnings).toEqual([]);
    expect(Object.keys(normalize(structuredClone(json)).entities.Manifest)).toContain(json.id);
    const pictured = data.steps.flatMap((s) => s.media.filter((m) => m.kind === 'region' || m.kind === 'artifacts').map((m) => ({ step: s, m })));
    expect(json.items).toHaveLength(pictured.length);
    pictured.forEach(({ step, m }, i) => {
      const canvas = json.items[i];
      expect(canvas.label).toEqual(Object.fromEntries(LOCALES.map((l) => [l, [step.title[l]]])));
      const notes = canvas.annotations[0].items;
      expect(notes[0].body.map((b: { language: string[] }) => b.language[0])).toEqual([...LOCALES]);
      if (m.kind === 'region') expect(notes[1].target).toBe(`${canvas.id}#xywh=${m.xywh}`);
    });
  });
});

describe.each(LOCALES)('exhibition in %s', (locale) => {
  const url = `/${locale}/exhibitions/${SLUG}/`;

  it('is listed on the exhibitions index and the home page', async () => {
    for (const listing of [`/${locale}/exhibitions/`, `/${locale}/`]) {
      const { page, problems } = await open(listing);
      expect(await page.locator(`a[href="${url}"]`).count(), listing).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });

  it('is listed on the page of each artifact it shows, linked at the step', async () => {
    const step = data.steps.find((s) => s.media.some((m) => m.kind === 'region'))!;
    const media = step.media.find((m) => m.kind === 'region')!;
    const { page, problems } = await open(`/${locale}/artifacts/${encodeURIComponent(media.kind === 'region' ? media.artifact : '')}/`);
    const link = page.locator(`[data-shown-in] a[href="${url}#${step.id}"]`);
    expect(await link.count()).toBe(1);
    expect(await link.textContent()).toContain(step.title[locale] ?? '');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('scrolling shows each step with its media, which stays in view while its text scrolls', async () => {
    const { page, problems } = await open(url);
    await page.waitForSelector('.exh--scrolly');
    for (const id of stepIds) {
      // Bring the step's top to a third of the viewport, as a reader scrolling down would.
      await page.evaluate((sid) => {
        const top = document.getElementById(sid)!.getBoundingClientRect().top + scrollY;
        scrollTo({ top: top - innerHeight / 3, behavior: 'instant' });
      }, id);
      await expect.poll(() => active(page)).toBe(id);
      await expect.poll(() => shownMedia(page), { timeout: 10_000 }).toEqual([id]);
      // Further down inside the step, its media is still in view (sticky).
      const before = await page.locator(`[data-step-media="${id}"]`).boundingBox();
      await page.evaluate(() => scrollBy({ top: 250, behavior: 'instant' }));
      const after = await page.locator(`[data-step-media="${id}"]`).boundingBox();
      expect(after!.y).toBeGreaterThanOrEqual(0);
      expect(after!.y).toBeLessThan(before!.y + 1);
    }
    await page.screenshot({ path: path.join(SCREENSHOTS, `${locale}-exhibition-last-step.png`) });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('moves to the next and previous step with the keyboard and the buttons', async () => {
    const { page, problems } = await open(url, { reducedMotion: true });
    await page.waitForSelector('.exh--scrolly');
    // The step script is a module loaded after the page: wait for it to mark the first step.
    await expect.poll(() => active(page)).toBe(stepIds[0]);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => active(page)).toBe(stepIds[1]);
    await expect.poll(() => new URL(page.url()).hash).toBe(`#${stepIds[1]}`);
    // Reduced motion: the page cuts to the step instead of scrolling smoothly (images above may still settle).
    await expect.poll(async () => Math.abs(await page.locator(`#${stepIds[1]}`).evaluate((el) => el.getBoundingClientRect().top))).toBeLessThan(20);
    await page.keyboard.press('j');
    await expect.poll(() => active(page)).toBe(stepIds[2]);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => active(page)).toBe(stepIds[1]);
    // Let the cut from the last key settle (the observer may still report the step scrolled past) before a click.
    const settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 250)))));
    await settle();
    await page.locator('[data-exh-next]').click();
    await expect.poll(() => active(page)).toBe(stepIds[2]);
    await settle();
    await page.locator('[data-exh-prev]').click();
    await expect.poll(() => active(page)).toBe(stepIds[1]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('opens a #step link at that step with its media shown', async () => {
    const target = stepIds[3]!;
    const { page, problems } = await open(`${url}#${target}`);
    await page.waitForSelector('.exh--scrolly');
    expect(await active(page)).toBe(target);
    await expect.poll(() => shownMedia(page)).toEqual([target]);
    const top = await page.locator(`#${target}`).evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(20);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('is a complete article without JavaScript: every step shows its stills, alt texts and text', async () => {
    const { page, problems } = await open(url, { js: false });
    for (const step of data.steps) {
      const section = page.locator(`#${step.id}`);
      await section.scrollIntoViewIfNeeded();
      const imgs = section.locator('img.exh-still');
      const withStill = step.media.filter((m) => m.kind !== 'quote' && m.kind !== 'narration').length;
      expect(await imgs.count(), step.id).toBe(withStill);
      const kinds = step.media.filter((m) => m.kind !== 'quote' && m.kind !== 'narration').map((m) => m.kind);
      for (const [n, img] of (await imgs.all()).entries()) {
        await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true);
        expect((await img.getAttribute('alt'))?.length, step.id).toBeGreaterThan(0);
        // A region's alt text is the exhibition's own, written in all three languages; an artifact card's is the
        // record's title, which the NPM data gives in zh and en only, so in fr it falls back and says so.
        const lang = await img.getAttribute('lang');
        if (kinds[n] === 'region') expect(lang).toBeNull();
        else if (lang) expect(lang).not.toMatch(new RegExp(`^${locale}`));
      }
      expect(await section.locator('h2').textContent()).toBe(step.title[locale]);
      const body = (await section.locator('.exh-body').textContent()) ?? '';
      // The first words of the step's Markdown, as a reader sees them (emphasis markers removed).
      expect(body).toContain(step.text[locale]!.replace(/[*_]/g, '').slice(0, 12));
    }
    expect(await page.locator('.exh-controls').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('prints as a catalogue: one page-started section per step, each with its still, and a citation with the URL', async () => {
    const { page, problems } = await open(url);
    await page.waitForSelector('.exh--scrolly');
    await page.emulateMedia({ media: 'print' });
    const layout = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-step]')].map((s) => ({
        id: s.id,
        breakBefore: getComputedStyle(s).breakBefore,
        stills: [...s.querySelectorAll<HTMLElement>('img.exh-still')].filter((i) => getComputedStyle(i).display !== 'none').length,
        opacity: [...s.querySelectorAll('img.exh-still')].map((i) => getComputedStyle(i).opacity).join(),
        cite: s.querySelector('.exh-step-cite') && getComputedStyle(s.querySelector('.exh-step-cite')!).display,
      })),
    );
    expect(layout.map((l) => l.id)).toEqual(stepIds);
    for (const l of layout) {
      expect(l.breakBefore).toBe('page');
      expect(l.stills).toBeGreaterThan(0);
      expect(l.opacity.split(',').every((o) => o === '1')).toBe(true);
      expect(l.cite).toBe('block');
    }
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    // Lazy stills must be loaded before printing.
    await page.evaluate(async () => {
      for (const img of document.querySelectorAll<HTMLImageElement>('img.exh-still')) img.loading = 'eager';
      await Promise.all([...document.images].map((i) => i.decode().catch(() => undefined)));
    });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    fs.writeFileSync(path.join(SCREENSHOTS, `${locale}-exhibition.pdf`), pdf);
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    // The opening, one page (at least) per step, the credits.
    expect(pages).toBeGreaterThanOrEqual(stepIds.length + 2);
    expect(await page.locator('.exh-footer .citation').textContent()).toContain(url);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('has no serious or critical axe violation while a step is shown', async () => {
    const { page } = await open(`${url}#${stepIds[1]}`);
    await page.waitForSelector('.exh--scrolly');
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);
    await page.context().close();
  });
});

// The Library Cave story opens the site's own viewers inside its steps: the 3D scene at a hotspot (and in its
// evidence view), the globe with the dispersal routes. Expected steps, hotspots and titles come from the files.
const CAVE = exhibition.parse({
  type: 'exhibition',
  id: 'library-cave',
  ...parse(fs.readFileSync('content/exhibitions/library-cave/exhibition.yaml', 'utf8')),
});
const caveScene = parse(fs.readFileSync('content/scenes/library-cave.yaml', 'utf8')) as { hotspots: { id: string; title: Record<string, string> }[] };
const sceneSteps = CAVE.steps.filter((s) => s.media[0]?.kind === 'scene');
const evidenceStep = CAVE.steps.find((s) => s.media.some((m) => m.kind === 'scene' && m.view === 'evidence'))!;
const globeStep = CAVE.steps.find((s) => s.media.some((m) => m.kind === 'globe'))!;

// The viewers are the scene and globe pages' own (tested there in every locale): one locale walks the story live,
// all three are read without JavaScript.
describe('the Library Cave exhibition', () => {
  it('opens each step’s viewer when the step is reached (fr), and releases it behind', async () => {
    const locale = 'fr';
    const url = `/${locale}/exhibitions/${CAVE.id}/`;
    const first = sceneSteps[0]!;
    const media = first.media[0]!;
    const hotspot = media.kind === 'scene' ? caveScene.hotspots.find((h) => h.id === media.hotspot) : undefined;
    const { page, problems } = await open(`${url}#${first.id}`, { reducedMotion: true });
    await page.waitForSelector('.exh--scrolly');
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
      await expect.poll(() => active(page)).toBe(ids[i]);
    }
    await expect.poll(() => viewerIn(evidenceStep.id).getAttribute('data-evidence'), { timeout: 30_000 }).toBe('on');
    expect(await viewerIn(first.id).count()).toBe(0);
    expect(await page.locator(`#${first.id} img.exh-still`).isVisible()).toBe(true);
    // The globe step opens the globe (or its still where WebGL is missing).
    for (let i = ids.indexOf(evidenceStep.id) + 1; i <= ids.indexOf(globeStep.id); i++) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => active(page)).toBe(ids[i]);
    }
    await expect.poll(() => page.locator(`#${globeStep.id} .exh-live.globe`).getAttribute('data-state'), { timeout: 90_000 }).toMatch(/^(ready|no-webgl)$/);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${locale}-exhibition-cave-globe.png`) });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows a still for every 3D, globe and chart step without JavaScript, in every locale', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false });
    const page = await context.newPage();
    for (const locale of LOCALES)
      for (const story of [CAVE, PAGODA]) {
        expect((await page.goto(`${base}/${locale}/exhibitions/${story.id}/`))?.status()).toBe(200);
        for (const step of story.steps.filter((s) => s.media.some((m) => m.kind === 'scene' || m.kind === 'globe' || m.kind === 'chart'))) {
          const img = page.locator(`#${step.id} img.exh-still`).first();
          await img.scrollIntoViewIfNeeded();
          await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0), { message: step.id }).toBe(true);
          expect((await img.getAttribute('alt'))?.length, step.id).toBeGreaterThan(0);
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
const PAGODA = exhibition.parse({
  type: 'exhibition',
  id: 'wooden-pagoda',
  ...parse(fs.readFileSync('content/exhibitions/wooden-pagoda/exhibition.yaml', 'utf8')),
});

describe('the wooden pagoda exhibition', () => {
  const sectionStep = PAGODA.steps.find((s) => s.media.some((m) => m.kind === 'scene' && m.view === 'section'))!;
  const chartStep = PAGODA.steps.find((s) => s.media.some((m) => m.kind === 'chart'))!;
  const chart = chartStep.media.find((m) => m.kind === 'chart')!;
  const series = chart.kind === 'chart' ? chart.series.join(' ') : '';

  it('opens each 3D step in its phase and view, and the chart step on its series (zh)', async () => {
    const ids = PAGODA.steps.map((s) => s.id);
    const { page, problems } = await open(`/zh/exhibitions/${PAGODA.id}/#${ids[0]}`, { reducedMotion: true });
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
      await expect.poll(() => active(page)).toBe(ids[i + 1]);
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

  it('draws the chart step from its #link (en), its still hidden', async () => {
    const { page, problems } = await open(`/en/exhibitions/${PAGODA.id}/#${chartStep.id}`, { reducedMotion: true });
    await expect.poll(() => page.locator(`#${chartStep.id} [data-live="chart"] canvas`).getAttribute('data-series'), { timeout: 30_000 }).toBe(series);
    expect(await page.locator(`#${chartStep.id} img.exh-still`).isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

// The film showcase's own story: every step a clip of a localized film. Walked live in en (the cave walks in fr,
// the pagoda in zh); a clip opened from its link in zh and fr plays its subtitles (and, in fr, its voice) in the
// page's language. Clip times come from the exhibition file, track languages from the film's.
const FILM = exhibition.parse({
  type: 'exhibition',
  id: 'one-film-many-languages',
  ...parse(fs.readFileSync('content/exhibitions/one-film-many-languages/exhibition.yaml', 'utf8')),
});
// The Chinese page reads simplified characters: a track converted from the traditional one where no simplified one exists.
const SUBTITLE_FOR: Record<string, string[]> = { en: ['en'], fr: ['fr'], zh: ['zh-Hans'] };

describe('the film exhibition', () => {
  const clipOf = (id: string) => {
    const m = FILM.steps.find((s) => s.id === id)!.media.find((x) => x.kind === 'clip');
    if (m?.kind !== 'clip') throw new Error(`${id} has no clip`);
    return m;
  };
  /** The step's player once it is live: the clip's start reached, the subtitle menu on the page's language. */
  const expectClip = async (page: Page, id: string, locale: string) => {
    const figure = page.locator(`#${id} [data-live="clip"]`);
    await expect.poll(() => figure.getAttribute('data-live-state'), { timeout: 30_000, message: id }).toBe('on');
    const video = figure.locator('video');
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 30_000, message: id }).toBeGreaterThan(0);
    const { start } = clipOf(id);
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { message: id }).toBeGreaterThanOrEqual(start - 0.01);
    expect(await video.evaluate((v: HTMLVideoElement) => v.currentTime), id).toBeLessThan(start + 2);
    expect(SUBTITLE_FOR[locale]).toContain(await figure.locator('select[name="subtitles"]').inputValue());
    expect(await page.locator(`#${id} img.exh-still`).isVisible()).toBe(false);
  };

  it('opens each clip at its start with subtitles in the page language as the reader walks (en)', async () => {
    const ids = FILM.steps.map((s) => s.id);
    // Opened at its first step (a step shown before the reader goes anywhere keeps its still).
    const { page, problems } = await open(`/en/exhibitions/${FILM.id}/#${ids[0]}`, { reducedMotion: true });
    await page.waitForSelector('.exh--scrolly');
    await expect.poll(() => active(page)).toBe(ids[0]);
    for (const [i, id] of ids.entries()) {
      await expectClip(page, id, 'en');
      // More than one step behind, a player is released and its still is back.
      if (i >= 2) expect(await page.locator(`#${ids[i - 2]} [data-live="clip"] video`).count()).toBe(0);
      if (i < ids.length - 1) {
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => active(page)).toBe(ids[i + 1]);
      }
    }
    // The quoted description falls back to nothing here: it is written in en and fr.
    expect(await page.locator('.exh-quote blockquote').getAttribute('lang')).toBeNull();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'en-exhibition-film.png') });
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('opens a clip from its #link in zh and fr: that language’s subtitles, and in fr the French voice', async () => {
    const dub = FILM.steps.find((s) => s.id === 'a-french-voice')!.id;
    const { page, problems } = await open(`/fr/exhibitions/${FILM.id}/#${dub}`, { reducedMotion: true });
    await expectClip(page, dub, 'fr');
    const audio = page.locator(`#${dub} select[name="audio"]`);
    expect(await audio.locator('option:checked').textContent()).toMatch(/^Français/);
    const course = FILM.steps.at(-1)!.id;
    expect((await page.goto(`${base}/zh/exhibitions/${FILM.id}/#${course}`))?.status()).toBe(200);
    await expectClip(page, course, 'zh');
    // A quote written in en and fr only shows, on the Chinese page, in another language, marked as such.
    expect(await page.locator('.exh-quote blockquote').getAttribute('lang')).toMatch(/^(en|fr)/);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

// Paintings whose images this site does not hold: each step shows the records' catalogue data, says plainly that
// the image is not here, and links the museum's own record (a link, never a request on load).
const SONG = exhibition.parse({
  type: 'exhibition',
  id: 'northern-song-landscape',
  ...parse(fs.readFileSync('content/exhibitions/northern-song-landscape/exhibition.yaml', 'utf8')),
});
const paintings = new Map(
  fs
    .readFileSync('content/collections/chinese-paintings/records.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; object_url?: string; museum_object_id: string })
    .map((r) => [r.id.replace(':', '-'), r]),
);

describe('the Northern Song landscape exhibition', () => {
  it.each(LOCALES)('shows every record by its catalogue data, no picture, the image’s absence said and the source linked (%s)', async (locale) => {
    const { page, problems } = await open(`/${locale}/exhibitions/${SONG.id}/`, { js: false });
    const absent = (JSON.parse(fs.readFileSync(`site/i18n/locales/exhibitions.${locale}.json`, 'utf8')) as Record<string, string>).imageNotHeld;
    for (const step of SONG.steps) {
      const ids = step.media.flatMap((m) => (m.kind === 'artifacts' ? m.ids : []));
      const cards = page.locator(`#${step.id} [data-record]`);
      expect(await cards.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.record)), step.id).toEqual(ids);
      expect(await page.locator(`#${step.id} .exh-media img`).count(), step.id).toBe(0);
      for (const id of ids) {
        const card = page.locator(`#${step.id} [data-record="${id}"]`);
        expect(await card.locator('[data-image-absent]').textContent()).toBe(absent);
        expect(await card.textContent()).toContain(paintings.get(id)!.museum_object_id);
        expect(await card.locator('a[rel="external"]').getAttribute('href')).toBe(paintings.get(id)!.object_url);
      }
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
