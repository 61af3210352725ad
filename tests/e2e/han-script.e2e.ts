// Chinese pages read in simplified characters: a National Palace Museum record, written in traditional ones, is
// shown converted, marked, with its original one click away; other locales show the record as written. The
// expected simplified forms are written out here by hand, not computed by the converter under test.
import type { Browser } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './use-browser.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

const ID = 'npm-jade-jade024';
const TRADITIONAL = '青玉雙耳碗';
const SIMPLIFIED = '青玉双耳碗';

describe('traditional characters on simplified Chinese pages', () => {
  it('shows the record converted and marked, the original a click away, and the same on the search page', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${base}/zh/artifacts/${ID}/`);
    const h1 = page.locator('h1');
    expect(await h1.textContent()).toContain(SIMPLIFIED);
    expect(await page.title()).toContain(SIMPLIFIED);
    const marked = h1.locator('.t2s');
    expect(await marked.getAttribute('data-original')).toBe(TRADITIONAL);
    // The museum's name in the credit line, as our own places list writes it in simplified characters.
    expect(await page.locator('dl').textContent()).toContain('国立故宫博物院');
    const toggle = h1.locator('.t2s-toggle');
    await expect.poll(() => toggle.count()).toBe(1);
    expect(await toggle.getAttribute('aria-label')).toBeTruthy();
    await toggle.click();
    expect(await marked.textContent()).toBe(TRADITIONAL);
    expect(await marked.getAttribute('lang')).toBe('zh-Hant');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    expect(await marked.textContent()).toBe(SIMPLIFIED);

    await page.goto(`${base}/zh/search/?q=${encodeURIComponent(TRADITIONAL)}`);
    await expect.poll(() => page.locator('search-page').getAttribute('data-state'), { timeout: 30_000 }).toBe('done');
    const titles = await page.locator('search-page [data-results] a').allTextContents();
    expect(titles).toContain(SIMPLIFIED);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('leaves the record as written on an English page', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/en/artifacts/${ID}/`);
    expect(await page.locator('.t2s, .t2s-toggle').count()).toBe(0);
    expect(await page.locator('dl').textContent()).toContain('National Palace Museum');
    await page.close();
  });

  it('gives a film with traditional-only Chinese subtitles a simplified track, the default on Chinese pages', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/zh/dramas/pepper-and-carrot-ep06/`);
    const select = page.locator('select[name="subtitles"]');
    await expect.poll(() => select.inputValue(), { timeout: 20_000 }).toBe('zh-Hans');
    // Labelled as converted, and the curator's traditional track still offered.
    expect(await select.locator('option[value="zh-Hans"]').textContent()).toContain('转换');
    expect(await select.locator('option[value="zh-Hant"]').count()).toBe(1);
    // The transcript (rendered from the default track) and the published WebVTT read in simplified characters.
    expect(await page.locator('body').textContent()).toContain('呜...风好大...');
    const vtt = await page.evaluate(async () => (await fetch('/dramas/pepper-and-carrot-ep06/the-potion-contest/subtitles/zh-Hans.vtt')).text());
    expect(vtt).toContain('呜...风好大...');
    expect(vtt).not.toContain('風');
    await page.close();
  });
});
