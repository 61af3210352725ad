// The header's comfort control on the built site: a choice applies at once, is remembered, and is applied again
// before the next page paints; without scripts the stylesheet follows the system's contrast and colour scheme.
import type { Browser } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { useBrowser } from './use-browser.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

it('applies, remembers and re-applies the choices before paint', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/en/collections/`);
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.comfortReady)).toBe('wired');
  await page.locator('details.comfort summary').click();
  await page.getByLabel('150 %').check();
  await page.getByLabel(/Large mode/).check();
  await page.getByRole('radio', { name: 'High' }).check();
  const state = () =>
    page.evaluate(() => ({
      data: { ...document.documentElement.dataset },
      rootPx: getComputedStyle(document.documentElement).fontSize,
      bodyPx: parseFloat(getComputedStyle(document.body).fontSize),
      bg: getComputedStyle(document.body).backgroundColor,
    }));
  const chosen = await state();
  expect(chosen.data).toMatchObject({ textSize: '150', large: 'on', contrast: 'more' });
  expect(chosen.rootPx).toBe('24px');
  expect(chosen.bodyPx).toBeGreaterThanOrEqual(18 * 1.5);
  expect(chosen.bg).toBe('rgb(255, 255, 255)');

  // Another page: the head script applies the stored choices before any module has run.
  await page.goto(`${base}/fr/search/`, { waitUntil: 'commit' });
  await page.waitForSelector('body');
  const early = await page.evaluate(() => ({ ...document.documentElement.dataset }));
  expect(early).toMatchObject({ textSize: '150', large: 'on', contrast: 'more' });
  await expect.poll(() => page.evaluate(() => document.documentElement.dataset.comfortReady)).toBe('wired');
  // Large mode's 60 × 60 px targets hold against a component's own sizing (the search form sets its controls'
  // height for the default mode).
  const controls = await page.locator('.search-form :is(input, button)').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()));
  expect(controls.length).toBe(2);
  for (const r of controls) expect(Math.min(r.width, r.height)).toBeGreaterThanOrEqual(60);
  await page.locator('details.comfort summary').click();
  expect(await page.getByLabel('150 %').isChecked()).toBe(true);
  await page.getByRole('button', { name: 'Réinitialiser' }).click();
  const reset = await state();
  expect(reset.data.textSize).toBeUndefined();
  expect(reset.rootPx).toBe('16px');
  expect(await page.evaluate(() => localStorage.getItem('heritage-comfort'))).toBeNull();
  await context.close();
});

it('follows the system without scripts: high contrast and dark, control hidden', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark', contrast: 'more' });
  const page = await context.newPage();
  await page.goto(`${base}/zh/`);
  expect(await page.locator('details.comfort').isVisible()).toBe(false);
  const colours = await page.evaluate(() => ({ bg: getComputedStyle(document.body).backgroundColor, fg: getComputedStyle(document.body).color }));
  expect(colours).toEqual({ bg: 'rgb(0, 0, 0)', fg: 'rgb(255, 255, 255)' });
  await context.close();
});
