// Search finds what the site is about, not only the catalogue: scenes and their hotspots, films, places on the
// globe, exhibitions, and subtitle lines (shown with the line and its time). Queries and expected pages come from
// the content files; each locale's search page is driven in Chromium over the built demo.
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LOCALES } from '../../model/locales.ts';
import { useBrowser } from './use-browser.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

type Tri = { zh: string; en: string; fr: string };
const yaml = <T>(file: string): T => parse(fs.readFileSync(file, 'utf8')) as T;
const cave = yaml<{ title: Tri; hotspots: { id: string; title: Tri }[] }>('content/scenes/library-cave.yaml');
const pagoda = yaml<{ title: Tri }>('content/scenes/yingxian-pagoda.yaml');
const film = yaml<{ title: Tri; episodes: { title: Tri }[] }>('content/dramas/pepper-and-carrot-ep06/drama.yaml');
const places = yaml<{ id: string; name: Tri }[]>('content/places.yaml');
const exhibition = yaml<{ title: Tri; steps: { id: string; title: Tri }[] }>('content/exhibitions/jades-tribute/exhibition.yaml');
const chamber = yaml<{ title: Tri }>('content/panoramas/library-cave-chamber/panorama.yaml');
const palace = places.find((p) => p.id === 'palace-museum-beijing')!;
const hotspot = cave.hotspots.find((h) => h.id === 'hongbian')!;

/** Queries a visitor types (the words the issue found nothing for, and names from the data) → the page to reach. */
const finds: [string, string][] = [
  ['Library Cave', 'scenes/library-cave/'],
  ['藏经洞', 'scenes/library-cave/'],
  ['pagoda', 'scenes/yingxian-pagoda/'],
  ['木塔', 'scenes/yingxian-pagoda/'],
  [pagoda.title.fr, 'scenes/yingxian-pagoda/'],
  [hotspot.title.en, `scenes/library-cave/#${hotspot.id}`],
  [hotspot.title.zh, `scenes/library-cave/#${hotspot.id}`],
  [film.episodes[0]!.title.en, 'dramas/pepper-and-carrot-ep06/'],
  [film.episodes[0]!.title.zh, 'dramas/pepper-and-carrot-ep06/'],
  [palace.name.en, `map/#place-${palace.id}`],
  [palace.name.zh, `map/#place-${palace.id}`],
  [exhibition.steps[1]!.title.fr, `exhibitions/jades-tribute/#${exhibition.steps[1]!.id}`],
  [chamber.title.en, 'panoramas/library-cave-chamber/'],
  [chamber.title.zh, 'panoramas/library-cave-chamber/'],
];

/** A cue of a committed SRT track: its text (one line) and start in seconds. */
function cue(file: string, index: number): { text: string; start: number } {
  const block = fs.readFileSync(file, 'utf8').replace(/\r/g, '').split(/\n\n+/)[index - 1]!;
  const [, timing, ...text] = block.split('\n');
  const [h, m, s, ms] = timing!.split(' --> ')[0]!.split(/[:,]/).map(Number) as [number, number, number, number];
  return { text: text.join(' '), start: h * 3600 + m * 60 + s + ms / 1000 };
}

let page: Page;
const left: string[] = [];
beforeAll(async () => {
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('request', (r) => !r.url().startsWith(base) && !r.url().startsWith('data:') && left.push(r.url()));
});
afterAll(() => page?.close());

async function search(locale: string, q: string): Promise<{ href: string; title: string; sub: string; kind: string }[]> {
  await page.goto(`${base}/${locale}/search/?q=${encodeURIComponent(q)}`);
  // The page marks the answer shown (the index loads on first search; a slow machine takes seconds).
  await expect.poll(() => page.locator('search-page').getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
  return page.locator('search-page [data-results] li').evaluateAll((lis) =>
    lis.map((li) => ({
      href: li.querySelector('a')?.getAttribute('href') ?? '',
      title: li.querySelector('a')?.textContent ?? '',
      sub: li.querySelector('p')?.textContent ?? '',
      kind: li.querySelector('.search-hit-type')?.textContent ?? '',
    })),
  );
}

describe.each(LOCALES)('search over the whole site in %s', (locale) => {
  it('finds scenes, a hotspot, a film, a place, an exhibition step and a panorama by name, in Chinese and in Latin script', async () => {
    for (const [q, target] of finds) {
      const hits = await search(locale, q);
      const at = hits.findIndex((h) => h.href === `/${locale}/${target}`);
      expect(at, `"${q}" → ${target} among ${JSON.stringify(hits.slice(0, 5).map((h) => h.href))}`).toBeGreaterThanOrEqual(0);
      expect(at, `"${q}" ranks ${target} in the first five`).toBeLessThan(5);
      // What kind of page it is, in the page's language (not the artifacts' silence).
      expect(hits[at]!.kind, q).not.toBe('');
    }
    expect(left).toEqual([]);
  });

  it("shows a subtitle hit as the line in the page's language with the film and the time", async () => {
    // The film has Chinese subtitles in traditional characters only; Chinese pages show them converted (by hand:
    // 嗚...風好大... is 呜...风好大... in simplified characters).
    const track = locale === 'zh' ? 'zh-Hant' : locale;
    const line = cue(`content/dramas/pepper-and-carrot-ep06/subtitles/${track}.srt`, 6);
    if (locale === 'zh') expect(line.text).toBe('嗚...風好大...');
    const shown = locale === 'zh' ? '呜...风好大...' : line.text;
    const source = cue('content/dramas/pepper-and-carrot-ep06/subtitles/en.srt', 6);
    const hits = await search(locale, line.text);
    const hit = hits.find((h) => h.href.startsWith(`/${locale}/dramas/pepper-and-carrot-ep06/?t=`));
    expect(hit, JSON.stringify(hits.slice(0, 5))).toBeDefined();
    expect(hit!.title).toBe(shown);
    const clock = `${Math.floor(source.start / 60)}:${String(Math.floor(source.start % 60)).padStart(2, '0')}`;
    expect(hit!.sub).toContain(film.title[locale]);
    expect(hit!.sub).toContain(clock);
    const t = Number(new URL(hit!.href, base).searchParams.get('t'));
    expect(Math.abs(t - source.start)).toBeLessThan(0.2);
  });
});

/** The search page's UI strings, as the spec gives them to each locale. */
const strings = (locale: string) => JSON.parse(fs.readFileSync(`site/i18n/locales/search.${locale}.json`, 'utf8')) as Record<string, string>;
const state = (p: Page) => expect.poll(() => p.locator('search-page').getAttribute('data-state'), { timeout: 30_000 }).toBe('done');

describe.each(LOCALES)('forgiving search in %s', (locale) => {
  it('finds a four-letter word from a typo, and the wide page keeps its filters beside the results', async () => {
    const exact = await search(locale, 'jade');
    expect(exact.length).toBeGreaterThan(0);
    expect(await page.locator('#search-filters').isVisible()).toBe(true);
    expect(await page.locator('[data-filters-toggle]').isVisible()).toBe(false);
    // A swap of neighbours is one typo.
    expect((await search(locale, 'jaed')).map((h) => h.href)).toEqual(exact.map((h) => h.href));
  });

  it('offers a query from the index that finds results when nothing matches', async () => {
    const t = strings(locale);
    // Kuo: a slip of the first letter (the index's own Kui is nearer by spelling but finds nothing beside Xi).
    const cases: [string, string][] = [['Guo Xii', 'Guo Xi'], ['Kuo Xi', 'Guo Xi'], ...(locale === 'zh' ? ([['青铜', '青']] as [string, string][]) : [])];
    for (const [q, want] of cases) {
      expect(await search(locale, q), q).toEqual([]);
      expect(await page.locator('search-page [data-status]').textContent()).toBe(t.noResults);
      const link = page.locator('search-page [data-suggest] a');
      expect(await page.locator('search-page [data-suggest]').textContent()).toBe(t.didYouMean!.replace('{{query}}', want));
      await link.click();
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(want);
      await state(page);
      expect(await page.locator('search-page [data-results] li').count(), want).toBeGreaterThan(0);
      expect(await page.locator('#search-q').inputValue()).toBe(want);
    }
  });

  it('puts results first on a phone, with the filters in a drawer that says how many are on', async () => {
    const t = strings(locale);
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await phone.goto(`${base}/${locale}/search/?q=jade&type=artifact`);
      await state(phone);
      const toggle = phone.locator('[data-filters-toggle]');
      expect(await toggle.textContent()).toBe(t.filtersActive!.replace('{{count}}', '1'));
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await phone.locator('#search-filters').isVisible()).toBe(false);
      // Set like its neighbour, the form's button (a browser's default button font is smaller).
      const font = (sel: string) => phone.$eval(sel, (el) => `${getComputedStyle(el).fontSize} ${getComputedStyle(el).fontFamily}`);
      expect(await font('[data-filters-toggle]')).toBe(await font('.search-form button'));
      const first = (await phone.locator('search-page [data-results] li').first().boundingBox())!;
      expect(first.y + 40).toBeLessThan(844);
      // By keyboard: the button opens the drawer, Escape inside it closes it and gives focus back.
      await toggle.focus();
      await phone.keyboard.press('Enter');
      expect(await toggle.getAttribute('aria-expanded')).toBe('true');
      const box = phone.locator('#search-filters input[type=checkbox]').first();
      expect(await box.isVisible()).toBe(true);
      expect(await box.isChecked()).toBe(true); // the one filter on: type = artifact, listed first
      await box.focus();
      await phone.keyboard.press('Escape');
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await phone.evaluate(() => document.activeElement?.hasAttribute('data-filters-toggle'))).toBe(true);
    } finally {
      await phone.close();
    }
  });

  it('says what to do without JavaScript and links to browsing', async () => {
    const t = strings(locale);
    const ctx = await browser.newContext({ javaScriptEnabled: false });
    try {
      const off = await ctx.newPage();
      await off.goto(`${base}/${locale}/search/?q=jade`);
      const note = off.locator('.search-noscript');
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toContain(t.noscript);
      const link = note.locator('a');
      expect(await link.getAttribute('href')).toBe(`/${locale}/browse/`);
      const [res] = await Promise.all([off.waitForNavigation(), link.click()]);
      expect(res?.status()).toBe(200);
      expect(new URL(off.url()).pathname).toBe(`/${locale}/browse/`);
    } finally {
      await ctx.close();
    }
  });
});

describe.each(LOCALES)('filters named in any language, in %s', (locale) => {
  it("a material named by another locale's label filters as its id; a value naming nothing is said and left out", async () => {
    const t = strings(locale);
    const silk = (JSON.parse(fs.readFileSync('formats/vocabulary/concepts.json', 'utf8')) as { material: Record<string, Record<'zh' | 'en' | 'fr', string[]>> })
      .material.silk!;
    const status = page.locator('search-page [data-status]');
    await page.goto(`${base}/${locale}/search/?material=silk`);
    await state(page);
    const byId = await status.textContent();
    expect(byId).not.toBe(t.noResults);
    for (const label of [silk.fr[0]!, silk.zh[0]!, silk.en[0]!.toUpperCase()]) {
      await page.goto(`${base}/${locale}/search/?material=${encodeURIComponent(label)}&material=unobtainium`);
      await state(page);
      expect(await status.textContent(), label).toBe(byId);
      // The URL now holds the key, so the box ticked for it unticks it.
      expect(new URL(page.url()).searchParams.getAll('material')).toEqual(['silk']);
      expect(await page.locator('[data-filters-toggle]').textContent()).toBe(t.filtersActive!.replace('{{count}}', '1'));
      const notice = page.locator('search-page [data-ignored]');
      expect(await notice.isVisible()).toBe(true);
      const value = t.filterIgnoredValue!.replace('{{facet}}', t['facet.material']!).replace('{{value}}', 'unobtainium');
      expect(await notice.textContent()).toBe(t.filterIgnored!.replace('{{filters}}', value));
    }
    await page.goto(`${base}/${locale}/search/?material=silk`);
    await state(page);
    expect(await page.locator('search-page [data-ignored]').isVisible()).toBe(false);
  });
});
