// The home page on the built demo, one load per locale: it shows every scene, the globe, every film, exhibition,
// panorama and collection the content folder holds, under the names their files give, with pictures that load and
// carry an alt text, and links that lead to pages. Expected names and ids come from content/, not from the page code.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { describe, expect, inject, it } from 'vitest';
import { LOCALES } from '../../model/locales.ts';
import { SCREENSHOTS } from './env.ts';
import { useBrowser } from './use-browser.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

type Titled = { id: string; title: Record<string, string>; scene?: string };
const yamlOf = (file: string): Record<string, unknown> => parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
/** Every folder of content/<dir> that holds `file`, as id (the folder, or the file's own id) and title. */
const folders = (dir: string, file: string): Titled[] =>
  fs
    .readdirSync(path.join('content', dir))
    .filter((d) => fs.existsSync(path.join('content', dir, d, file)))
    .map((d) => {
      const y = yamlOf(path.join('content', dir, d, file));
      return { id: (y.id as string | undefined) ?? d, title: y.title as Record<string, string>, scene: y.scene as string | undefined };
    });
const scenes: Titled[] = fs
  .readdirSync('content/scenes')
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => yamlOf(path.join('content/scenes', f)) as unknown as Titled);
const panoramas = folders('panoramas', 'panorama.yaml');
const expected = {
  scenes: { items: scenes, path: 'scenes' },
  films: { items: folders('dramas', 'drama.yaml'), path: 'dramas' },
  exhibitions: { items: folders('exhibitions', 'exhibition.yaml'), path: 'exhibitions' },
  panoramas: { items: panoramas, path: 'panoramas' },
  collections: { items: folders('collections', 'collection.yaml'), path: 'collections' },
};
const placeCount = (parse(fs.readFileSync('content/places.yaml', 'utf8')) as unknown[]).length;
// Records of collections whose mapping names no media have no picture this site could show (the demo's such
// collection is JSON Lines; record ids are the source ids with ':' as '-').
const imagelessRecords = new Set(
  fs
    .readdirSync('content/collections')
    .map((c) => ({ dir: path.join('content/collections', c), y: yamlOf(path.join('content/collections', c, 'collection.yaml')) }))
    .filter(({ y }) => !('media' in (y.fields as object)) && String(y.records).endsWith('.jsonl'))
    .flatMap(({ dir, y }) =>
      fs
        .readFileSync(path.join(dir, String(y.records)), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => String((JSON.parse(l) as { id: string }).id).replaceAll(':', '-')),
    ),
);
/** An exhibition whose cover step shows only such records has no picture to show (and shows none in its place). */
const pictureless = (id: string): boolean => {
  const e = yamlOf(path.join('content/exhibitions', id, 'exhibition.yaml')) as {
    cover: { step?: string };
    steps: { id: string; media: { kind: string; ids?: string[] }[] }[];
  };
  const media = e.steps.find((s) => s.id === e.cover.step)?.media ?? [];
  return media.length > 0 && media.every((m) => m.kind === 'artifacts' && m.ids!.every((a) => imagelessRecords.has(a)));
};

describe('home page', () => {
  for (const locale of LOCALES) {
    it(`${locale}: leads with the scenes, the globe, films, exhibitions, panoramas and collections, pictures loaded, links working`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('request', (r) => {
        if (!r.url().startsWith(base) && !r.url().startsWith('data:')) problems.push(`left the site: ${r.url()}`);
      });
      expect((await page.goto(`${base}/${locale}/`))?.status()).toBe(200);

      const cards = await page.$$eval('[data-home-card]', (els) =>
        els.map((el) => {
          const img = el.querySelector('img');
          const sources = [...el.querySelectorAll('source')].map((s) => s.srcset.split(',')[0]!.trim().split(' ')[0]!);
          return {
            kind: (el as HTMLElement).dataset.homeCard!,
            href: el.querySelector('a')!.getAttribute('href')!,
            title: el.querySelector('h3')!.textContent!.trim(),
            image: img ? { src: img.getAttribute('src')!, alt: img.alt, sources } : undefined,
          };
        }),
      );
      for (const [kind, { items, path: dir }] of Object.entries(expected)) {
        const shown = cards.filter((c) => c.kind === kind);
        expect(shown.map((c) => c.href).sort(), kind).toEqual(items.map((i) => `/${locale}/${dir}/${i.id}/`).sort());
        for (const item of items) expect(shown.find((c) => c.href.endsWith(`/${item.id}/`))?.title, `${kind} ${item.id}`).toBe(item.title[locale]);
      }
      // Pictures: every exhibition, panorama and film has one; a scene does when a still of it is committed
      // (content/stills/scene-<id>.jpg) or a panorama was rendered from it; at least one collection does.
      const withImage = (kind: string) => cards.filter((c) => c.kind === kind && c.image);
      for (const kind of ['films', 'exhibitions', 'panoramas'])
        expect(
          withImage(kind)
            .map((c) => c.href)
            .sort(),
          kind,
        ).toEqual(
          cards
            .filter((c) => c.kind === kind && !(kind === 'exhibitions' && pictureless(c.href.split('/').at(-2)!)))
            .map((c) => c.href)
            .sort(),
        );
      const sceneIds = new Set([
        ...panoramas.flatMap((p) => (p.scene ? [p.scene] : [])),
        ...scenes.filter((sc) => fs.existsSync(`content/stills/scene-${sc.id}.jpg`)).map((sc) => sc.id),
      ]);
      expect(
        withImage('scenes')
          .map((c) => c.href.split('/').at(-2))
          .sort(),
      ).toEqual([...sceneIds].sort());
      expect(withImage('collections').length).toBeGreaterThan(0);
      const images = cards.flatMap((c) => (c.image ? [c.image] : []));
      for (const i of images) expect(i.alt.trim().length, i.src).toBeGreaterThan(0);

      // The globe: a dot per place over the globe's own imagery, leading to the globe page.
      const globe = page.locator('[data-home-globe]');
      expect(await globe.locator('circle').count()).toBe(placeCount);
      expect(await globe.getAttribute('href')).toBe(`/${locale}/map/`);
      const tiles = await globe.locator('image').evaluateAll((els) => els.map((e) => e.getAttribute('href')!));
      expect(tiles.length).toBeGreaterThan(0);

      // Every picture (each format of each <picture>) and every link answers from this site.
      const urls = [...new Set([...images.flatMap((i) => [i.src, ...i.sources]), ...tiles, ...cards.map((c) => c.href), `/${locale}/map/`])];
      const statuses = await page.evaluate((list) => Promise.all(list.map((u) => fetch(u, { method: 'HEAD' }).then((r) => `${r.status} ${u}`))), urls);
      expect(statuses.filter((s) => !s.startsWith('200 '))).toEqual([]);

      // The scenes and collections pages list the same things with the same pictures, titled one level higher.
      for (const kind of ['scenes', 'collections'] as const) {
        const listed = await page.evaluate(async (url) => {
          const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'text/html');
          return [...doc.querySelectorAll('main [data-home-card]')].map((el) => ({
            href: el.querySelector('a')!.getAttribute('href')!,
            title: el.querySelector('h2')?.textContent?.trim(),
            src: el.querySelector('img')?.getAttribute('src') ?? undefined,
          }));
        }, `/${locale}/${kind}/`);
        const onHome = cards.filter((c) => c.kind === kind).map((c) => ({ href: c.href, title: c.title, src: c.image?.src }));
        expect(listed, kind).toEqual(onHome);
      }

      await page.screenshot({ path: path.join(SCREENSHOTS, `home-${locale}.png`) });
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
