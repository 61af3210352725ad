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
