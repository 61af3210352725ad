// axe-core on one page of every template in every locale: no serious or critical violations; and the same page
// does not scroll sideways on a phone (390 and 320 px).
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { expect, inject, it } from 'vitest';
import { useBrowser } from './use-browser.ts';
import { E2E_DIST } from './env.ts';
import { templateSamples } from './pages.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

const samples = templateSamples(E2E_DIST);

it('finds the page templates', () => {
  expect(samples.map((s) => s.template)).toEqual(expect.arrayContaining(['(home)', 'artifacts/*', 'collections', 'collections/*']));
});

it.each(samples.flatMap((s) => s.urls.map((url) => [s.template, url] as const)))('%s: %s', async (_t, url) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base + encodeURI(url), { waitUntil: 'networkidle' });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join('; ')})`,
    ),
  ).toEqual([]);
  for (const width of [390, 320]) {
    await page.setViewportSize({ width, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `${url} at ${width} px`).toBeLessThanOrEqual(width);
  }
  await context.close();
});
