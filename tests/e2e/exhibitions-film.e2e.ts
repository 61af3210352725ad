// The film showcase's story and the Northern Song records on the built demo, in Chromium. Film: every step a clip
// of a localized film, walked live in en (the cave walks in fr, the pagoda in zh); a clip opened from its link in
// zh and fr plays its subtitles (and, in fr, its voice) in the page's language. Clip times come from the
// exhibition file, track languages from the film's. Records: paintings whose images this site does not hold.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { LOCALES } from '../../model/locales.ts';
import { SCREENSHOTS } from './env.ts';
import { activeStep, openPage, readExhibition } from './exhibition-page.ts';
import { useBrowser } from './use-browser.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

const FILM = readExhibition('one-film-many-languages');
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
    const still = page.locator(`#${id} img.exh-still`);
    expect(await still.isVisible()).toBe(false);
    // The player opens on the picture the step showed: its still, the clip's frame at its start.
    expect(await video.getAttribute('poster')).toBe(await still.getAttribute('src'));
  };

  it('opens each clip at its start with subtitles in the page language as the reader walks (en)', async () => {
    const ids = FILM.steps.map((s) => s.id);
    // Opened at its first step (a step shown before the reader goes anywhere keeps its still).
    const { page, problems } = await openPage(browser, base, `/en/exhibitions/${FILM.id}/#${ids[0]}`, { reducedMotion: true });
    await page.waitForSelector('.exh--scrolly');
    await expect.poll(() => activeStep(page)).toBe(ids[0]);
    // Each clip step shows its own still (the clip's frame at its start, not the episode's poster every clip of it
    // would share), described by the step's alt text.
    const stills = await page
      .locator('[data-live="clip"] img.exh-still')
      .evaluateAll((imgs) => imgs.map((i) => [i.getAttribute('src'), i.getAttribute('alt')]));
    expect(new Set(stills.map(([src]) => src)).size).toBe(ids.length);
    expect(stills.map(([, alt]) => alt)).toEqual(ids.map((id) => clipOf(id).alt.en));
    for (const [i, id] of ids.entries()) {
      await expectClip(page, id, 'en');
      // More than one step behind, a player is released and its still is back.
      if (i >= 2) expect(await page.locator(`#${ids[i - 2]} [data-live="clip"] video`).count()).toBe(0);
      if (i < ids.length - 1) {
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => activeStep(page)).toBe(ids[i + 1]);
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
    const { page, problems } = await openPage(browser, base, `/fr/exhibitions/${FILM.id}/#${dub}`, { reducedMotion: true });
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
const SONG = readExhibition('northern-song-landscape');
const paintings = new Map(
  fs
    .readFileSync('content/collections/chinese-paintings/records.jsonl', 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; object_url?: string; museum_object_id: string })
    .map((r) => [r.id.replace(':', '-'), r]),
);

describe('the Northern Song landscape exhibition', () => {
  it('shows every record by its catalogue data, no picture, the image’s absence said and the source linked, in each locale', async () => {
    const { page, problems } = await openPage(browser, base, `/${LOCALES[0]}/exhibitions/${SONG.id}/`, { js: false });
    for (const locale of LOCALES) {
      if (locale !== LOCALES[0]) expect((await page.goto(`${base}/${locale}/exhibitions/${SONG.id}/`))?.status()).toBe(200);
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
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
