// A visitor's path through the demo in each language: home, a collection, an artifact, the language switch.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { LOCALES } from '../../model/locales.ts';
import { useBrowser } from './use-browser.ts';
import { SCREENSHOTS } from './env.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

async function open(url: string, width = 1280): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => !r.url().startsWith(base) && !r.url().startsWith('data:') && errors.push(`left the site: ${r.url()}`));
  const res = await page.goto(base + url, { waitUntil: 'networkidle' });
  expect(res?.status(), url).toBe(200);
  return { page, errors };
}

// The spec and the source data the browse counts are checked against.
type Labels = Record<'zh' | 'en' | 'fr', string[]>;
const CONCEPTS = JSON.parse(fs.readFileSync('formats/vocabulary/concepts.json', 'utf8')) as Record<
  'period' | 'material' | 'objectType' | 'institution',
  Record<string, Labels>
>;
const chronology = parseYaml(fs.readFileSync('model/chronologies/chinese-dynasties.yaml', 'utf8')) as { periods: { key: string; from: number; to: number }[] };
const JADES = fs
  .readFileSync('content/collections/npm-jades/records.jsonl', 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { date: string | null; object_type: { zh: string; en: string }; museum: { en: string } });
type Painting = { id: string; museum: { en: string }; artist?: { zh: string } };
const PAINTINGS = [
  ...new Map(
    fs
      .readFileSync('content/collections/chinese-paintings/records.jsonl', 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Painting)
      .map((r) => [r.id, r]),
  ).values(),
];
const RECORDS: Painting[] = [...PAINTINGS, ...JADES.map((j, i) => ({ id: `jade-${i}`, museum: j.museum }))];

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

describe.each(LOCALES)('visitor in %s', (locale) => {
  it('reads the home page, a collection and an artifact', async () => {
    const { page, errors } = await open(`/${locale}/`);
    expect(await page.getAttribute('html', 'lang')).toMatch(new RegExp(`^${locale}`));
    await shot(page, `${locale}-home`);
    await page.click(`a[href="/${locale}/collections/npm-jades/"] >> nth=0`);
    await page.waitForURL(`**/${locale}/collections/npm-jades/`);
    const cards = page.locator('.card-grid .card');
    expect(await cards.count()).toBe(20);
    await shot(page, `${locale}-collection`);
    await cards.first().click();
    await page.waitForURL(`**/${locale}/artifacts/**`);
    expect((await page.textContent('h1'))?.trim().length).toBeGreaterThan(0);
    const body = await page.textContent('main');
    expect(body).not.toContain('undefined');
    expect(body).toContain('CC BY 4.0');
    expect(body).toContain('www.npm.gov.tw');
    await shot(page, `${locale}-artifact`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('browses by period, type, material, artist and holding museum with counts the source data gives, no museum as a place', async () => {
    const html = await (await fetch(`${base}/${locale}/browse/`)).text();
    const shown = new Map<string, [string, string, number][]>();
    for (const m of html.matchAll(new RegExp(`href="/${locale}/browse/([a-z-]+)/([^"/]+)/"[^>]*>(.*?)</a>\\s*<span[^>]*>\\((\\d+)\\)`, 'g'))) {
      const list = shown.get(m[1]!) ?? [];
      list.push([
        m[2]!,
        m[3]!
          .replace(/<[^>]+>/g, '')
          .replace(/&#39;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&'),
        Number(m[4]),
      ]);
      shown.set(m[1]!, list);
    }
    const facet = (slug: string) => (shown.get(slug) ?? []).map(([key, , n]) => [key, n]);
    const label = (slug: string, key: string) => shown.get(slug)?.find(([k]) => k === key)?.[1];
    // Expected from the data: only the jades carry a date, an object type and a material (the paintings' records
    // give none); every jade is jade (their mapping), dated ones are Qing by the chronology's years.
    const qing = chronology.periods.find((p) => p.key === 'qing')!;
    const dated = JADES.filter((r) => r.date && Number(r.date) >= qing.from && Number(r.date) <= qing.to).length;
    expect(facet('period')).toEqual([['qing-dynasty', dated]]);
    expect(label('period', 'qing-dynasty')).toBe(CONCEPTS.period.qing![locale][0]);
    expect(facet('material')).toEqual([['jade', JADES.length]]);
    expect(label('material', 'jade')).toBe(CONCEPTS.material.jade![locale][0]);
    // An object type is a concept when the record's English or Chinese text is one of its labels.
    const types = new Map<string, number>();
    for (const r of JADES)
      for (const [id, labels] of Object.entries(CONCEPTS.objectType))
        if (labels.en.includes(r.object_type.en) || labels.zh.includes(r.object_type.zh)) types.set(id, (types.get(id) ?? 0) + 1);
    const byCount = [...types].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    expect(facet('type')).toEqual(byCount);
    for (const [id] of byCount) expect(label('type', id)).toBe(CONCEPTS.objectType[id]![locale][0]);
    // Holding museums are never places of origin.
    for (const [, text] of shown.get('place') ?? []) expect(text).not.toMatch(/museum|musée|博物/i);
    // Every record is held by the museum its source names (a painting listed twice counts once).
    const held = new Map<string, number>();
    for (const r of RECORDS) {
      const id = Object.entries(CONCEPTS.institution).find(([, labels]) => labels.en.includes(r.museum.en))![0];
      held.set(id, (held.get(id) ?? 0) + 1);
    }
    const slug = (en: string) => en.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const heldBy = [...held].map(([id, n]) => [slug(CONCEPTS.institution[id]!.en[0]!), n, CONCEPTS.institution[id]![locale][0]] as const);
    expect(facet('held-by')).toEqual([...heldBy].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => [k, n]));
    for (const [key, , text] of heldBy) expect(label('held-by', key)).toBe(text);
    // Artists as the paintings' records name them: the most frequent first, none "unidentified".
    const wuZhen = RECORDS.filter((r) => r.artist?.zh === '吳鎮').length;
    expect(facet('artist')[0]).toEqual(['wu-zhen', wuZhen]);
    expect(label('artist', 'wu-zhen')).toBe(locale === 'zh' ? '吴镇' : 'Wu Zhen');
    for (const [, text] of shown.get('artist') ?? []) expect(text).not.toMatch(/unidentified|佚名/i);
  });

  it('switches language on the same page', async () => {
    const { page, errors } = await open(`/${locale}/artifacts/npm-jade-jade001/`);
    // The export's "height: 5.6cm" (measurements_en) as a number, named in the page's language, and in JSON-LD.
    const height = { zh: '高 5.6 cm', en: 'Height 5.6 cm', fr: 'Hauteur 5,6 cm' }[locale];
    expect(await page.textContent('main dl')).toContain(height);
    const lds = await page.$$eval('script[type="application/ld+json"]', (ss) => ss.map((x) => JSON.parse(x.textContent ?? '{}') as Record<string, unknown>));
    expect(lds.find((d) => d['@type'] === 'VisualArtwork')?.height).toEqual({ '@type': 'QuantitativeValue', value: 5.6, unitText: 'cm' });
    const other = LOCALES.find((l) => l !== locale)!;
    await page.click(`.lang-switch a[hreflang^="${other}"]`);
    await page.waitForURL(`**/${other}/artifacts/npm-jade-jade001/`);
    expect(await page.getAttribute('html', 'lang')).toMatch(new RegExp(`^${other}`));
    const alternates = await page.$$eval('link[rel=alternate][hreflang]', (ls) => ls.map((l) => l.getAttribute('hreflang')));
    expect(alternates).toEqual(expect.arrayContaining(['zh-Hans', 'en', 'fr', 'x-default']));
    expect(errors).toEqual([]);
    await page.close();
  });
});

it('shows an artifact page on a phone without JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.goto(`${base}/en/artifacts/npm-jade-jade001/`);
  expect(await page.textContent('h1')).toContain('jade bowl');
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(scrollWidth).toBeLessThanOrEqual(390);
  await shot(page, 'en-artifact-phone-nojs');
  await context.close();
});

it('marks a field that falls back to another language with its own lang', async () => {
  // A few NPM paintings still have no English title (content/translations/en did not cover them): the
  // English page falls back to the French one (FALLBACK_ORDER), tagged as French.
  const { page } = await open('/en/artifacts/npm-故畫00010300000/');
  expect(await page.getAttribute('h1', 'lang')).toBe('fr');
  expect(await page.textContent('h1')).toBe('Le moine ivre');
  await page.close();
});
