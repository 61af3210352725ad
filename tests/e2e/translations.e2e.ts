// The translation workflow as a translator and a curator use it, through the CLI: export XLIFF, convert it
// with translate-toolkit (xliff2po), fill the PO, convert back (po2xliff), import, build, and read the
// French text on the built page; then change a source title and see the status ask for a review.
// Runs on its own small site (the `tiny` fixture) so the demo build is left alone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fillPo } from '../assets-pipeline/translations/temp-content.ts';
import { useBrowser } from './use-browser.ts';

const ROOT = path.resolve('test-output/translations-e2e');
const CONTENT = path.join(ROOT, 'content');
const env = { ...process.env, HERITAGE_CONTENT_DIR: CONTENT, HERITAGE_BUILD_DIR: path.join(ROOT, 'build'), HERITAGE_DIST_DIR: path.join(ROOT, 'dist') };

function heritage(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/heritage.ts', ...args], { env, encoding: 'utf8' });
}
function tool(cmd: string, ...args: string[]): void {
  const r = spawnSync(cmd, ['--progress=none', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr}`);
}
const page = (p: string) => fs.readFileSync(path.join(ROOT, 'dist', p, 'index.html'), 'utf8');

describe('translation round trip through translate-toolkit to the built page', () => {
  beforeAll(() => {
    fs.rmSync(ROOT, { recursive: true, force: true });
    fs.cpSync(path.resolve('tests/fixtures/translations'), CONTENT, { recursive: true });
    const xlf = path.join(ROOT, 'fr.xlf');
    const exp = heritage('translations', 'export', '--locale', 'fr', '--format', 'xliff', '--out', xlf);
    expect(exp.status, exp.stderr).toBe(0);
    tool('xliff2po', '-i', xlf, '-o', path.join(ROOT, 'fr.po'));
    const po = fs.readFileSync(path.join(ROOT, 'fr.po'), 'utf8');
    fs.writeFileSync(path.join(ROOT, 'fr.po'), fillPo(po, { 'Early Spring': 'Début du printemps', 'Ink on silk': 'Encre sur soie' }));
    tool('po2xliff', '-i', path.join(ROOT, 'fr.po'), '-o', path.join(ROOT, 'back.xlf'));
    const imp = heritage('translations', 'import', path.join(ROOT, 'back.xlf'), '--locale', 'fr', '--translator', 'A. Traductrice');
    expect(imp.status, imp.stderr).toBe(0);
    const build = heritage('build');
    expect(build.status, build.stderr).toBe(0);
  }, 600_000);

  it('shows the French text, credited, with the fallback and the reading aid marked', () => {
    const fr = page('fr/artifacts/t-2');
    expect(fr).toMatch(/<h1[^>]*>Début du printemps<\/h1>/);
    expect(fr).toContain('Encre sur soie');
    expect(fr).toContain('Traduction\u00a0: A. Traductrice');
    // t-3 has only a Chinese title: on the English page it falls back visibly, with its pinyin beside it.
    const en = page('en/artifacts/t-3');
    expect(en).toMatch(/<h1[^>]*class="fallback"[^>]*lang="zh-Hans"[^>]*>墨竹图<\/h1>|<h1[^>]*lang="zh-Hans"[^>]*class="fallback"[^>]*>墨竹图<\/h1>/);
    expect(en).toMatch(/<span lang="zh-Latn-pinyin"[^>]*>mò zhú tú<\/span>/);
    // A maker's name has no translation: its pinyin is the reading aid.
    expect(en).toMatch(/lang="zh-Latn-pinyin"[^>]*>wén tóng</);
  });

  it('lists a translation whose source title changed as needing review', () => {
    const csv = path.join(CONTENT, 'collections/tiny/records.csv');
    fs.writeFileSync(csv, fs.readFileSync(csv, 'utf8').replace('Early Spring', 'Early Spring (dated 1072)'));
    const r = heritage('translations', 'status', '--json');
    expect(r.status, r.stderr).toBe(0);
    const status = JSON.parse(r.stdout) as {
      needsReview: unknown[];
      collections: Record<string, { fields: Record<string, Record<string, { needsReview: number }>> }>;
    };
    expect(status.needsReview).toContainEqual({ collection: 'tiny', id: 't-2', field: 'title', locale: 'fr', state: 'stale' });
    expect(status.collections.tiny!.fields.title!.fr!.needsReview).toBe(1);
  });
});

// The demo itself is translated through the same workflow (content/translations/): checked on the shared build.
describe('the demo in French', () => {
  const base = inject('baseUrl');
  it('shows a painting title translated through the workflow, credited with its review state', async () => {
    const html = await (await fetch(`${base}/fr/artifacts/met-1981.276/`)).text();
    expect(html).toMatch(/<h1[^>]*>Vieux arbres, lointain horizontal<\/h1>/);
    expect(html).toMatch(/Traduction\u00a0: [^<]*traduction assistée par machine/);
    expect(html).toContain('à relire');
  });
  it('names the translated title in the English credit, and vocabulary labels on the browse pages', async () => {
    // 寒林圖 has no English title in the NPM export; content/translations/en gives "Wintry Forest".
    const en = await (await fetch(`${base}/en/artifacts/${encodeURIComponent('npm-故畫00003400000')}/`)).text();
    expect(en).toContain('[Wintry Forest] The National Palace Museum, Taipei');
    expect(en).not.toContain('[寒林圖] The National Palace Museum');
    // Most Qing records say 清; the vocabulary's Chinese label for the period is 清代.
    const zh = await (await fetch(`${base}/zh/browse/period/`)).text();
    expect(zh).toMatch(/href="\/zh\/browse\/period\/qing-dynasty\/"[^>]*>(?:<[^>]+>)*清代</);
  });
});

const DEMO_COLLECTIONS = fs
  .readdirSync('content/collections', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

// The curators' coverage page, on a phone: one load, the issue's demo figures read off it.
describe('the translation coverage page', () => {
  const base = inject('baseUrl');
  let browser: Browser;
  useBrowser((b) => (browser = b));
  it('shows per collection and locale the shares, every UI namespace complete, in a page that fits 390 px', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 800 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
    // Reached from the footer of any page, as a curator finds it.
    expect((await page.goto(`${base}/zh/collections/`))?.status()).toBe(200);
    await page.locator('[data-coverage-link]').click();
    await expect.poll(() => page.locator('[data-coverage]').getAttribute('data-coverage')).toBe('ready');
    expect(new URL(page.url()).pathname).toBe('/zh/translations/');
    const facts = await page.evaluate((ids) => {
      const share = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)].map((td) => Number(td.dataset.share));
      const titleRow = (id: string) =>
        [...document.querySelectorAll<HTMLTableRowElement>(`[data-coverage-collection="${id}"] tbody tr`)].find(
          (r) => r.querySelector('th')?.textContent === '名称',
        );
      const region = document.querySelector<HTMLElement>('[data-coverage-collection] .coverage-scroll')!;
      return {
        collections: [...document.querySelectorAll<HTMLElement>('[data-coverage-collection]')].map((s) => s.dataset.coverageCollection),
        frTitle: ids.map((id) => Number(titleRow(id)?.querySelector<HTMLElement>('td[data-locale="fr"]')?.dataset.share)),
        meters: [...document.querySelectorAll<HTMLMeterElement>('td[data-share] meter')].every(
          (m) => m.value === Number(m.closest<HTMLElement>('td')!.dataset.share),
        ),
        ui: share('[data-coverage-ui] td[data-share]'),
        types: [...document.querySelectorAll<HTMLElement>('[data-coverage-type]')].map((s) => s.dataset.coverageType),
        descriptions: [...document.querySelectorAll<HTMLElement>('[data-coverage-descriptions] tr[data-descriptions-collection]')].map((tr) => ({
          id: tr.dataset.descriptionsCollection,
          cells: [...tr.querySelectorAll<HTMLElement>('td[data-locale]')].map((td) => ({
            locale: td.dataset.locale,
            images: Number(td.dataset.images),
            written: Number(td.dataset.written),
          })),
        })),
        pageWidth: document.documentElement.scrollWidth,
        regionScrolls: region.scrollWidth > region.clientWidth,
      };
    }, DEMO_COLLECTIONS);
    expect(facts.collections).toEqual(DEMO_COLLECTIONS);
    // The issue asks ≥ 90 % French titles in both demo collections and every UI namespace at 100 %.
    expect(facts.frTitle.every((s) => s >= 0.9)).toBe(true);
    expect(facts.ui.length).toBeGreaterThan(30);
    expect(facts.ui.every((s) => s === 1)).toBe(true);
    expect(facts.meters).toBe(true);
    expect(facts.types).toEqual(expect.arrayContaining(['scenes', 'films', 'exhibitions', 'panoramas']));
    // Image descriptions per collection and locale, for the collections whose mapping names images (the paintings'
    // images are not hosted here). The demo mappings give no written text alternative: every one is composed.
    const mapping = (id: string) => fs.readFileSync(`content/collections/${id}/collection.yaml`, 'utf8');
    expect(facts.descriptions.map((d) => d.id)).toEqual(DEMO_COLLECTIONS.filter((id) => /kind:\s*image\b/.test(mapping(id))));
    expect(facts.descriptions.length).toBeGreaterThan(0);
    for (const d of facts.descriptions) {
      expect(d.cells.map((c) => c.locale)).toEqual(['zh', 'en', 'fr']);
      for (const c of d.cells) {
        expect(c.images).toBeGreaterThan(0);
        if (!/\balt:/.test(mapping(d.id!))) expect(c.written).toBe(0);
      }
    }
    // The tables scroll inside their region; the page itself does not scroll sideways.
    expect(facts.pageWidth).toBeLessThanOrEqual(390);
    expect(facts.regionScrolls).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
