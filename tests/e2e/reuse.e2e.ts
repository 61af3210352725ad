// What a visitor keeps of an object, in each locale on the built demo: related objects (the next ones of the
// same maker, type, period and place, linked), copying the page's address (confirmed aloud), a detail of the
// image downloaded as a JPEG whose EXIF carries the credit line and licence (read back by exifr, measured by
// sharp), and a collection listed in another order and filtered through search. Expected values come from the
// normalized records, the image manifest and the UI strings, never from the page under test.
import fs from 'node:fs';
import path from 'node:path';
import exifr from 'exifr';
import type { Browser } from 'playwright-core';
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { facetValueOf } from '../../formats/facet-values.ts';
import { LOCALES, type Locale } from '../../model/locales.ts';
import { rightsInfo } from '../../model/rights.ts';
import type { Artifact, Collection } from '../../model/schema.ts';
import { pickText } from '../../model/text.ts';
import { E2E_BUILD } from './env.ts';
import { useBrowser } from './use-browser.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

const records = path.join(E2E_BUILD, 'records');
const collections = JSON.parse(fs.readFileSync(path.join(records, 'collections.json'), 'utf8')) as Collection[];
const all: Artifact[] = collections.flatMap((c) =>
  fs
    .readFileSync(path.join(records, 'artifacts', `${c.id}.jsonl`), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Artifact),
);
const strings = (locale: Locale) => JSON.parse(fs.readFileSync(`site/i18n/locales/reuse.${locale}.json`, 'utf8')) as Record<string, string>;
const manifest = JSON.parse(fs.readFileSync(path.join(E2E_BUILD, 'assets', 'images.json'), 'utf8')) as {
  images: Record<string, { width: number; height: number; iiif: { info: { tiles: { scaleFactors: number[] }[] } } }>;
};

/** The spec of "same type": the browse facet value (a vocabulary concept); related are the next six of the group in
 * build order. */
const typeKey = (a: Artifact) => (a.objectType ? facetValueOf('objectType', a.objectType)?.key : undefined);
const subject = all.find(
  (a) =>
    a.collection === 'npm-jades' &&
    a.media.some((m) => m.kind === 'image') &&
    typeKey(a) !== undefined &&
    all.filter((b) => typeKey(b) === typeKey(a)).length > 1,
)!;
const group = all.filter((b) => typeKey(b) === typeKey(subject));
const at = group.indexOf(subject);
const expectedTypeIds = Array.from({ length: Math.min(6, group.length - 1) }, (_, k) => group[(at + 1 + k) % group.length]!.id);
// The detail is stitched from the tiles at the finest scale factor the service publishes.
const entry = manifest.images[`${subject.collection}/${subject.media[0]!.path}`]!;
const detailWidth = (fraction: number) => (fraction * entry.width) / Math.min(...entry.iiif.info.tiles[0]!.scaleFactors);

describe.each(LOCALES)('reuse on the %s artifact page', (locale) => {
  const s = strings(locale);

  it('lists related objects, copies the link, and saves a detail whose JPEG carries the credit', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const url = `/${locale}/artifacts/${encodeURIComponent(subject.id)}/`;
    expect((await page.goto(base + url))?.status()).toBe(200);

    // Related objects: the type row links exactly the next ones of the same type, never the object itself.
    const typeLinks = await page.$$eval('[data-related-field="objectType"] a.card', (as) =>
      as.map((a) => decodeURIComponent(new URL((a as HTMLAnchorElement).href).pathname)),
    );
    expect(typeLinks).toEqual(expectedTypeIds.map((id) => `/${locale}/artifacts/${id}/`));
    expect(await page.textContent('#related-heading')).toBe(s.relatedHeading);
    // No source file is named to a visitor (texts filled from the vocabulary were credited to "glossary
    // (formats/vocabulary/concepts.json)").
    expect(await page.locator('main').textContent()).not.toMatch(/\.(json|ts|tsx|yaml|csv)\b/);
    // Each row is named by its heading alone; its "See all" link is beside it, described by that heading.
    const row = page.locator('[data-related-field="objectType"]');
    const rowName = (await row.locator('h3').textContent()) ?? '';
    expect(rowName.startsWith(s['related.objectType']!) && !rowName.includes(s.seeAll!), rowName).toBe(true);
    expect(await row.locator('.related-head > a').textContent()).toBe(s.seeAll);
    const first = await page.request.get(base + typeLinks[0]!);
    expect(first.status()).toBe(200);

    // Copy link: the confirmation in the live region, and on the clipboard the address the page is served from
    // (the demo build names no site address: a citation or link naming another host would be wrong here).
    const own = base + url;
    await page.click('[data-share-copy]');
    await expect.poll(() => page.textContent('[data-share-status]')).toBe(s.copied);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(own);
    await expect.poll(() => page.textContent('.citation [data-page-address]')).toBe(own);

    // A detail: move the selection right by one step and narrow it by one (2 % each), then save it.
    await page.waitForSelector('[data-reuse][data-ready="true"]');
    await page.focus('[data-reuse-box]');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(() => page.getAttribute('[data-reuse-region]', 'data-selection')).toBe('0.2700,0.2500,0.4800,0.5000');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-reuse-region-download]')]);
    const bytes = fs.readFileSync((await download.path())!);
    const tags = await exifr.parse(bytes, { xmp: true });
    expect(tags.ImageDescription).toContain(own);
    const credit = pickText(subject.credit, locale);
    expect(tags.Copyright).toContain(credit);
    expect(tags.Copyright).toContain(rightsInfo(subject.rights).uri);
    expect(tags.WebStatement).toBe(rightsInfo(subject.rights).uri);
    const info = await sharp(bytes).metadata();
    expect(info.format).toBe('jpeg');
    expect(Math.abs(info.width! - detailWidth(0.48))).toBeLessThanOrEqual(1);
    expect(Math.abs(info.height! - (detailWidth(0.5) * entry.height) / entry.width)).toBeLessThanOrEqual(1);
    // The whole image at the largest published size carries the same metadata.
    const [whole] = await Promise.all([page.waitForEvent('download'), page.click('[data-reuse-size]')]);
    const wholeTags = await exifr.parse(fs.readFileSync((await whole.path())!));
    expect(wholeTags.Copyright).toContain(credit);
    // The credit and licence stand beside the buttons.
    expect(await page.textContent('.reuse-terms')).toContain(rightsInfo(subject.rights).name[locale]);
    await expect.poll(() => page.getAttribute('[data-reuse]', 'data-state')).toBe('saved');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists a collection by title, and filters it in search', async () => {
    const page = await browser.newPage();
    const slug = 'npm-jades';
    expect((await page.goto(`${base}/${locale}/collections/${slug}/`))?.status()).toBe(200);
    const catalogue = await page.$$eval('.card-grid a.card', (as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    await page.click('[data-sort="title"]');
    await page.waitForURL(`**/${locale}/collections/${slug}/sort/title/`);
    const byTitle = await page.$$eval('.card-grid a.card', (as) => as.map((a) => decodeURIComponent((a as HTMLAnchorElement).pathname)));
    const collator = new Intl.Collator(locale === 'zh' ? 'zh-u-co-pinyin' : locale, { numeric: true, sensitivity: 'base' });
    const expected = all
      .filter((a) => a.collection === slug)
      .sort((a, b) => collator.compare(pickText(a.title, locale), pickText(b.title, locale)))
      .slice(0, byTitle.length)
      .map((a) => `/${locale}/artifacts/${a.id}/`);
    expect(byTitle).toEqual(expected);
    expect(byTitle).not.toEqual(catalogue.map((p) => decodeURIComponent(p)));
    expect(await page.getAttribute('[data-sort="title"]', 'aria-current')).toBe('page');

    await page.click('[data-collection-filter]');
    await page.waitForSelector('search-page[data-state="done"]');
    const count = all.filter((a) => a.collection === slug).length;
    expect(await page.textContent('[data-status]')).toContain(String(count));
    await page.close();
  });
});
