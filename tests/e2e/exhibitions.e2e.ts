// The jades exhibition on the built demo, in Chromium, in each locale: scrolling makes each step the one shown,
// keyboard next/previous, `#step` deep links, a complete article without JavaScript, a catalogue in print/PDF,
// axe, and no request leaving the site. Expected steps and texts come from the exhibition's own file. The other
// demo exhibitions, whose steps open the site's viewers, are in exhibitions-viewers.e2e.ts (3D, panorama, globe,
// chart) and exhibitions-film.e2e.ts (film clips, records without images).
import fs from 'node:fs';
import path from 'node:path';
import { normalize } from '@iiif/parser';
import { presentation3StrictUpgrade } from '@iiif/parser/strict';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { LOCALES } from '../../model/locales.ts';
import { SCREENSHOTS } from './env.ts';
import { activeStep, openPage, readExhibition } from './exhibition-page.ts';
import { useBrowser } from './use-browser.ts';
import { axeOn } from '../../scripts/tools/a11y/audit.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

const SLUG = 'jades-tribute';
const data = readExhibition(SLUG);
const stepIds = data.steps.map((s) => s.id);

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
      const { page, problems } = await openPage(browser, base, listing);
      expect(await page.locator(`a[href="${url}"]`).count(), listing).toBeGreaterThan(0);
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });

  it('is listed on the page of each artifact it shows, linked at the step', async () => {
    const step = data.steps.find((s) => s.media.some((m) => m.kind === 'region'))!;
    const media = step.media.find((m) => m.kind === 'region')!;
    const { page, problems } = await openPage(browser, base, `/${locale}/artifacts/${encodeURIComponent(media.kind === 'region' ? media.artifact : '')}/`);
    const link = page.locator(`[data-shown-in] a[href="${url}#${step.id}"]`);
    expect(await link.count()).toBe(1);
    expect(await link.textContent()).toContain(step.title[locale] ?? '');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('scrolling shows each step with its media, which stays in view while its text scrolls', async () => {
    const { page, problems } = await openPage(browser, base, url);
    await page.waitForSelector('.exh--scrolly');
    for (const id of stepIds) {
      // Bring the step's top to a third of the viewport, as a reader scrolling down would.
      await page.evaluate((sid) => {
        const top = document.getElementById(sid)!.getBoundingClientRect().top + scrollY;
        scrollTo({ top: top - innerHeight / 3, behavior: 'instant' });
      }, id);
      await expect.poll(() => activeStep(page)).toBe(id);
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
    const { page, problems } = await openPage(browser, base, url, { reducedMotion: true });
    await page.waitForSelector('.exh--scrolly');
    // The step script is a module loaded after the page: wait for it to mark the first step.
    await expect.poll(() => activeStep(page)).toBe(stepIds[0]);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => activeStep(page)).toBe(stepIds[1]);
    await expect.poll(() => new URL(page.url()).hash).toBe(`#${stepIds[1]}`);
    // The step after the one shown has its stills fetched ahead (no longer lazy), so moving there shows them at once.
    await expect
      .poll(() =>
        page
          .locator(`#${stepIds[2]} img.exh-still`)
          .evaluateAll((imgs: HTMLImageElement[]) => imgs.every((i) => i.loading === 'eager' && i.complete && i.naturalWidth > 0)),
      )
      .toBe(true);
    // Reduced motion: the page cuts to the step instead of scrolling smoothly (images above may still settle).
    await expect.poll(async () => Math.abs(await page.locator(`#${stepIds[1]}`).evaluate((el) => el.getBoundingClientRect().top))).toBeLessThan(20);
    await page.keyboard.press('j');
    await expect.poll(() => activeStep(page)).toBe(stepIds[2]);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => activeStep(page)).toBe(stepIds[1]);
    // Let the cut from the last key settle (the observer may still report the step scrolled past) before a click.
    const settle = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 250)))));
    await settle();
    await page.locator('[data-exh-next]').click();
    await expect.poll(() => activeStep(page)).toBe(stepIds[2]);
    await settle();
    await page.locator('[data-exh-prev]').click();
    await expect.poll(() => activeStep(page)).toBe(stepIds[1]);
    // A link of the steps list, followed while that scroll may be under way, goes to its step as a key does.
    const last = stepIds.at(-1)!;
    await page.locator(`[data-step-link="${last}"]`).click();
    await expect.poll(() => activeStep(page)).toBe(last);
    expect(new URL(page.url()).hash).toBe(`#${last}`);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('opens a #step link at that step with its media shown', async () => {
    const target = stepIds[3]!;
    const { page, problems } = await openPage(browser, base, `${url}#${target}`);
    await page.waitForSelector('.exh--scrolly');
    expect(await activeStep(page)).toBe(target);
    await expect.poll(() => shownMedia(page)).toEqual([target]);
    const top = await page.locator(`#${target}`).evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(top)).toBeLessThan(20);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('is a complete article without JavaScript: every step shows its stills, alt texts and text', async () => {
    const { page, problems } = await openPage(browser, base, url, { js: false });
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
    const { page, problems } = await openPage(browser, base, url);
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
    const { page } = await openPage(browser, base, `${url}#${stepIds[1]}`);
    await page.waitForSelector('.exh--scrolly');
    const result = await axeOn(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);
    await page.context().close();
  });
});
