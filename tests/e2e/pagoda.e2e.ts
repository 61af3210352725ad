// The Yingxian pagoda page in Chromium (SwiftShader WebGL): the timeline slider changes the model per phase (by
// keyboard), the section and exploded views change the pixels, the monitoring charts render from the CSV (data
// fetched, not embedded in the page) and the scene's data page sums each series up, links each year's readings and
// offers every reading as CSV and JSON, and clicking a level in 3D selects its series in the charts.
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { localePath, sceneDataPath, sceneDataYearPath, sceneMonitoringPath, scenePath } from '../../formats/urls.ts';
import { LOCALES, type Locale } from '../../model/locales.ts';
import { monitoringMeta } from '../../model/monitoring.ts';
import { readScenes } from '../../model/scene.ts';
import { E2E_BUILD } from './env.ts';
import { useBrowser } from './use-browser.ts';
import { useCspCheck } from './page-problems.ts';
import { axeOn } from '../../scripts/tools/a11y/audit.ts';

const base = inject('baseUrl');
/** The label the pages put before a simulated series' notice, as the locale files word it. */
const simulatedLabel = (locale: Locale) =>
  (JSON.parse(fs.readFileSync(`site/i18n/locales/monitoring.${locale}.json`, 'utf8')) as Record<string, string>).simulated!;
const PAGE = '/zh/scenes/yingxian-pagoda/';
const scene = readScenes(path.join(E2E_BUILD, 'records')).find((s) => s.id === 'yingxian-pagoda')!;
const PHASES = scene.variants.map((v) => v.id);
let browser: Browser;
useBrowser((b) => (browser = b));
/** The Content-Security-Policy holds on every page this file opens, in zh, en and fr, with the viewer started. */
const watchCsp = useCspCheck();

const settle = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 150)))));
const shot = async (page: Page) => PNG.sync.read(await page.locator('.scene-stage').screenshot());
const diffRatio = (a: PNG, b: PNG) => pixelmatch(a.data, b.data, null, a.width, a.height, { threshold: 0.1 }) / (a.width * a.height);

async function open(url = PAGE): Promise<{ page: Page; errors: string[] }> {
  // A context per page: each test starts without another page's storage or cache.
  const page = await (await browser.newContext({ viewport: { width: 1200, height: 900 } })).newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  watchCsp(page);
  expect((await page.goto(base + url))?.status()).toBe(200);
  await page.click('[data-scene-start]');
  await waitFor(page, PHASES[0]!);
  return { page, errors };
}
async function waitFor(page: Page, variant: string) {
  await page.waitForSelector(`.scene-viewer[data-variant="${variant}"][data-level="full"]`, { timeout: 60_000 });
  await settle(page);
}

describe('Yingxian pagoda: timeline, views, monitoring', () => {
  it('the timeline slider (keyboard, and its earlier/later buttons) changes the model and the narration at every phase', async () => {
    const { page, errors } = await open();
    const slider = page.getByRole('slider', { name: '历史阶段' });
    expect(await slider.getAttribute('aria-valuetext')).toContain('1056');
    let before = await shot(page);
    for (const [i, id] of PHASES.entries()) {
      if (i === 0) continue;
      await slider.focus();
      await page.keyboard.press('ArrowRight');
      await waitFor(page, id);
      const after = await shot(page);
      const ratio = diffRatio(before, after);
      // Each phase changes the building: one plaque (the Jin phase, ~0.03 % of the view), more plaques, new walls
      // and timber, the lean (several %). SwiftShader renders identically run to run, so an unchanged phase
      // would give 0: the floor of 0.01 % (about 65 pixels) cannot pass by noise.
      expect(ratio, `${PHASES[i - 1]} → ${id}: ${(ratio * 100).toFixed(3)}% of pixels changed`).toBeGreaterThan(0.0001);
      expect(await page.locator('.scene-timeline-narration').getAttribute('data-variant')).toBe(id);
      expect(await slider.getAttribute('aria-valuetext')).toBe(scene.variants[i]!.label.zh);
      before = after;
    }
    await slider.press('Home');
    await waitFor(page, PHASES[0]!);
    // Buttons either side reach the phases without the thumb: the earlier one is off at the first phase.
    const earlier = page.getByRole('button', { name: '上一阶段' });
    expect(await earlier.isDisabled()).toBe(true);
    await page.getByRole('button', { name: '下一阶段' }).click();
    await waitFor(page, PHASES[1]!);
    expect(await slider.getAttribute('aria-valuetext')).toBe(scene.variants[1]!.label.zh);
    await earlier.click();
    await waitFor(page, PHASES[0]!);
    expect(errors).toEqual([]);
  });

  it('the section and exploded views change the pixels', async () => {
    const { page } = await open('/en/scenes/yingxian-pagoda/');
    const plain = await shot(page);
    await page.getByRole('button', { name: 'Section' }).click();
    await settle(page);
    expect(diffRatio(plain, await shot(page))).toBeGreaterThan(0.02);
    await page.getByRole('button', { name: 'Section' }).click();
    await page.getByRole('button', { name: 'Explode levels' }).click();
    await settle(page);
    expect(diffRatio(plain, await shot(page))).toBeGreaterThan(0.02);
  });

  it('the charts render from the CSV, labelled SIMULATED; the data page linked beside them sums the series up, and every reading is a year page and a download away', async () => {
    const { page } = await open('/en/scenes/yingxian-pagoda/');
    expect(await page.locator('.monitoring-notice').textContent()).toContain(simulatedLabel('en'));
    // Chart.js loads when the panel scrolls into view.
    await page.locator('.monitoring').scrollIntoViewIfNeeded();
    await page.waitForSelector('[data-monitoring][data-charts="ready"]');
    // The scene page does not carry the data: the charts fetched theirs from the scene's monitoring.json.
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
    expect(fetched).toContain(localePath('en', sceneMonitoringPath('yingxian-pagoda')));
    expect(await page.locator('script[type="application/json"]').evaluateAll((els) => els.filter((e) => e.textContent?.includes('"dates"')).length)).toBe(0);
    const ids = ['tilt', 'displacement', 'environment'];
    for (const id of ids) {
      const canvas = page.locator(`canvas[data-chart="${id}"]`);
      const img = PNG.sync.read(await canvas.screenshot());
      let ink = 0;
      for (let i = 0; i < img.data.length; i += 4) if (img.data[i + 3]! > 0 && img.data[i]! + img.data[i + 1]! + img.data[i + 2]! < 600) ink++;
      expect(ink / (img.width * img.height), `${id} chart has lines`).toBeGreaterThan(0.01);
    }
    await page.locator('.monitoring-data-link a').click();
    await page.waitForURL(`**${localePath('en', sceneDataPath('yingxian-pagoda'))}`);
    expect(await page.locator('.monitoring-notice').textContent()).toContain(simulatedLabel('en'));
    const dir = path.resolve('content/monitoring/yingxian-pagoda');
    const meta = monitoringMeta.parse(parseYaml(fs.readFileSync(path.join(dir, 'series.yaml'), 'utf8')));
    const downloads = page.locator('#monitoring-downloads + p + ul a');
    const readings = new Map<string, number>();
    for (const d of meta.datasets) {
      const text = fs.readFileSync(path.join(dir, d.file), 'utf8');
      const rows = parseCsv(text, { columns: true, comment: '#', skip_empty_lines: true }) as Record<string, string>[];
      expect(rows.length).toBeGreaterThan(100);
      readings.set(d.id, rows.length);
      // The summary: one row per series, its last reading as the CSV has it (English writes numbers as the CSV
      // does below 1,000), with its date.
      const section = page.locator(`[data-table="${d.id}"]`);
      expect(await section.locator('tbody tr').count(), d.id).toBe(d.series.length);
      const last = rows.at(-1)!;
      for (const s of d.series) {
        const cells = section.locator(`tr[data-series="${s.column}"] td`);
        expect(await cells.nth(1).textContent(), `${d.id} ${s.column}`).toContain(`${last[s.column]} ${s.unit} (${last.date})`);
      }
      // A page per year, linked in order; the first year's page has that year's readings, cell for cell.
      const years = [...new Set(rows.map((r) => r.date!.slice(0, 4)))];
      const yearLinks = section.locator('.monitoring-years a');
      expect(await yearLinks.allTextContents()).toEqual(years);
      const yearPage = await page.context().newPage();
      expect((await yearPage.goto(new URL((await yearLinks.first().getAttribute('href'))!, page.url()).href))?.status()).toBe(200);
      const firstYear = rows.filter((r) => r.date!.startsWith(years[0]!));
      expect(await yearPage.locator('tbody tr').count(), `${d.id} ${years[0]}`).toBe(firstYear.length);
      // A reading at a threshold says so in words after its value.
      const firstCells = (await yearPage.locator('tbody tr').first().locator('th, td').allTextContents()).map((c) => c.trim().split(/\s+/)[0]);
      expect(firstCells).toEqual([firstYear[0]!.date, ...d.series.map((s) => firstYear[0]![s.column])]);
      expect(await yearPage.locator('.monitoring-notice').textContent()).toContain(simulatedLabel('en'));
      await yearPage.close();
      // The CSV download has every reading of the source file, and says first that the data are simulated.
      const csvLink = downloads.filter({ hasText: d.title.en });
      const csv = await page.request.get(new URL((await csvLink.getAttribute('href'))!, page.url()).href);
      expect(csv.status()).toBe(200);
      const published = await csv.text();
      expect(published.startsWith('# SIMULATED')).toBe(true);
      const parsed = parseCsv(published, { columns: true, comment: '#', skip_empty_lines: true }) as Record<string, string>[];
      expect(parsed.map((r) => [r.date, ...d.series.map((s) => Number(r[s.column]))])).toEqual(
        rows.map((r) => [r.date, ...d.series.map((s) => Number(r[s.column]))]),
      );
    }
    // The JSON download: every dataset with its series' units and all its dates.
    const json = await page.request.get(new URL((await downloads.last().getAttribute('href'))!, page.url()).href);
    const doc = (await json.json()) as { simulated: boolean; datasets: { id: string; dates: string[]; series: { unit: string }[] }[] };
    expect(doc.simulated).toBe(true);
    expect(doc.datasets.map((d) => [d.id, d.series.map((s) => s.unit), d.dates.length])).toEqual(
      meta.datasets.map((d) => [d.id, d.series.map((s) => s.unit), readings.get(d.id)]),
    );
  });

  it('the scene, its data page and a year page say "simulated data" once, then explain, in every locale', async () => {
    const page = await (await browser.newContext()).newPage();
    const year = Number(fs.readFileSync('content/monitoring/yingxian-pagoda/tilt.csv', 'utf8').match(/^(\d{4})-/m)![1]);
    const paths = [scenePath('yingxian-pagoda'), sceneDataPath('yingxian-pagoda'), sceneDataYearPath('yingxian-pagoda', 'tilt', year)];
    for (const locale of LOCALES) {
      const label = simulatedLabel(locale).toLowerCase();
      for (const p of paths) {
        expect((await page.goto(base + localePath(locale, p)))?.status(), `${locale} ${p}`).toBe(200);
        const text = (await page.locator('.monitoring-notice').textContent())!.toLowerCase();
        expect(text.startsWith(label), `${locale} ${p}: ${text}`).toBe(true);
        expect(text.split(label).length - 1, `${locale} ${p}: ${text}`).toBe(1);
      }
    }
    await page.context().close();
  });

  it('clicking a level in 3D selects its series in the charts', async () => {
    const { page } = await open('/en/scenes/yingxian-pagoda/');
    const stage = (await page.locator('.scene-stage').boundingBox())!;
    const initial = await page.locator('[data-monitoring-level]').inputValue();
    let picked = '';
    // Walk up the tower's right side (hotspot labels sit left of centre) until a level answers.
    for (let y = 0.75; y > 0.2 && (!picked || picked === initial); y -= 0.04) {
      await page.mouse.click(stage.x + stage.width * 0.55, stage.y + stage.height * y);
      picked = (await page.locator('.scene-viewer').getAttribute('data-picked')) ?? '';
    }
    expect(scene.levels.map((l) => l.node)).toContain(picked);
    expect(picked).not.toBe(initial);
    await expect.poll(() => page.locator('[data-monitoring-level]').inputValue()).toBe(picked);
    expect(await page.locator('canvas[data-chart="tilt"]').getAttribute('data-series')).toBe(picked);
    const label = scene.levels.find((l) => l.node === picked)!.label.en;
    expect(await page.locator('[data-monitoring-selected]').textContent()).toContain(label);
    expect(await page.locator('.scene-picked').textContent()).toContain(label);
  });

  // a11y.e2e.ts checks one scene page per locale (the shortest URL) and the data page: check this one too, with
  // its slider and charts.
  it('has no serious or critical axe violations', async () => {
    const { page } = await open('/fr/scenes/yingxian-pagoda/');
    await page.locator('.monitoring').scrollIntoViewIfNeeded();
    await page.waitForSelector('[data-monitoring][data-charts="ready"]');
    const result = await axeOn(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
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
  });
});
