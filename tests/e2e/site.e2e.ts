// A visitor's path through the demo in each language: home, a collection, an artifact, the language switch.
import path from 'node:path';
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
