// A visitor's everyday paths on the built demo, in each locale: the language switcher keeps the page's state
// (search query and filters, a film's moment, a scene's hotspot, an exhibition's step) and is a plain link to the
// same page without JavaScript; a missing address gets a styled 404 in its language; the navigation is a menu on
// phones; long URLs wrap; collection pages link to their pages by number. Expected ids, texts and counts come from
// the content files, the UI strings and the published pages.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { parse } from 'yaml';
import { describe, expect, inject, it } from 'vitest';
import { LOCALES, type Locale } from '../../model/locales.ts';
import { E2E_DIST } from './env.ts';
import { watchProblems } from './page-problems.ts';
import { useBrowser } from './use-browser.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

const yaml = (file: string) => parse(fs.readFileSync(file, 'utf8'));
const scene = yaml('content/scenes/library-cave.yaml') as { hotspots: { id: string }[] };
const stele = scene.hotspots.find((h) => h.id === 'stele')!;
const exhibitionSteps = (yaml('content/exhibitions/jades-tribute/exhibition.yaml') as { steps: { id: string }[] }).steps.map((s) => s.id);
/** A drama's id is its folder under content/dramas/. */
const DRAMA = 'pepper-and-carrot-ep06';

/** The locale a visitor switches to from `locale`: the next one, so every pair direction is walked once. */
const nextLocale = (locale: Locale): Locale => LOCALES[(LOCALES.indexOf(locale) + 1) % LOCALES.length]!;

async function newPage(options: { js?: boolean; width?: number } = {}): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1280, height: 900 }, javaScriptEnabled: options.js ?? true });
  const page = await context.newPage();
  const problems = watchProblems(page, base);
  return { page, problems };
}

async function go(page: Page, url: string): Promise<void> {
  // The switcher needs only its own module: no need to wait for models, video or fonts.
  expect((await page.goto(base + url, { waitUntil: 'domcontentloaded' }))?.status(), url).toBe(200);
}

/** Follows the switcher's link to `other` once its script is ready to carry the state, and returns the new address. */
async function switchTo(page: Page, other: Locale): Promise<URL> {
  await page.waitForSelector('.lang-switch[data-carries]', { state: 'attached' });
  await page.click(`.lang-switch a[hreflang^="${other}"]`);
  await page.waitForURL((u) => u.pathname.startsWith(`/${other}/`), { waitUntil: 'domcontentloaded' });
  return new URL(page.url());
}

describe.each(LOCALES)('language switcher from %s', (locale) => {
  const other = nextLocale(locale);

  it('keeps the search query and filters, the film moment, the hotspot and the step', async () => {
    const { page, problems } = await newPage();
    // Search: query and a filter (the jades collection's slug is its facet key).
    await go(page, `/${locale}/search/?q=jade&collection=npm-jades`);
    let url = await switchTo(page, other);
    expect(url.pathname).toBe(`/${other}/search/`);
    expect(url.searchParams.get('q')).toBe('jade');
    expect(url.searchParams.getAll('collection')).toEqual(['npm-jades']);
    await expect.poll(() => page.inputValue('#search-q')).toBe('jade');
    // Film: the moment being watched, not only the `?t=` the page was opened with.
    await go(page, `/${locale}/dramas/${DRAMA}/?t=12`);
    await page.waitForFunction(() => document.querySelector('video')?.dataset.hls === 'on', undefined, { timeout: 20_000 });
    // The player has started at `?t=` (hls.js seeks there itself once it has the stream) before the visitor moves on.
    await page.waitForFunction(
      () => {
        const v = document.querySelector('video') as HTMLVideoElement;
        return v.readyState >= 1 && Math.abs(v.currentTime - 12) < 0.5;
      },
      undefined,
      { timeout: 20_000 },
    );
    await page.$eval(
      'video',
      (v: HTMLVideoElement) =>
        new Promise((seeked) => {
          v.addEventListener('seeked', seeked, { once: true });
          v.currentTime = 30;
        }),
    );
    url = await switchTo(page, other);
    expect(url.pathname).toBe(`/${other}/dramas/${DRAMA}/`);
    expect(url.searchParams.get('t')).toBe('30');
    // Scene: the open hotspot (the viewer opens a `#hotspot` it is given: scene.e2e.ts).
    await go(page, `/${locale}/scenes/library-cave/#stele`);
    url = await switchTo(page, other);
    expect(url.pathname).toBe(`/${other}/scenes/library-cave/`);
    expect(url.hash).toBe(`#${stele.id}`);
    // Exhibition: the step being read (moved to with the keyboard), shown again in the other language.
    await go(page, `/${locale}/exhibitions/jades-tribute/`);
    const active = () => page.locator('[data-exhibition]').getAttribute('data-active-step');
    await expect.poll(active).toBe(exhibitionSteps[0]);
    await page.keyboard.press('ArrowRight');
    await expect.poll(active).toBe(exhibitionSteps[1]);
    url = await switchTo(page, other);
    expect(url.pathname).toBe(`/${other}/exhibitions/jades-tribute/`);
    expect(url.hash).toBe(`#${exhibitionSteps[1]}`);
    await expect.poll(active).toBe(exhibitionSteps[1]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('without JavaScript is a plain link to the same page in the other language', async () => {
    const { page } = await newPage({ js: false });
    await go(page, `/${locale}/search/?q=jade`);
    expect(await page.getAttribute(`.lang-switch a[hreflang^="${other}"]`, 'href')).toBe(`/${other}/search/`);
    await page.context().close();
  });
});

/** The UI strings of this feature, read from the locale files the site is built from. */
const strings = (locale: Locale) => JSON.parse(fs.readFileSync(`site/i18n/locales/visitor.${locale}.json`, 'utf8')) as Record<string, string>;

/** Background and text colours of the page and its header, as drawn. */
const colours = (page: Page) =>
  page.evaluate(() => {
    const c = (el: Element | null) => (el ? [getComputedStyle(el).backgroundColor, getComputedStyle(el).color] : []);
    return { body: c(document.body), header: c(document.querySelector('.site-header')) };
  });

describe('not-found pages', () => {
  it.each(LOCALES)('a missing address below /%s/ gets that language’s 404, in the site’s frame, dark and light', async (locale) => {
    const { page, problems } = await newPage();
    for (const scheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect((await page.goto(`${base}/${locale}/`))?.status()).toBe(200);
      const home = await colours(page);
      const res = await page.goto(`${base}/${locale}/no/such/page/?q=x#y`);
      expect(res?.status()).toBe(404);
      expect(await page.getAttribute('html', 'lang')).toMatch(new RegExp(`^${locale}`));
      expect((await page.textContent('main h1'))?.trim()).toBe(strings(locale)['notFound.title']);
      // The site's frame: header (navigation, search, languages) and footer, coloured as every other page.
      expect(await page.locator('header .main-nav a').count()).toBeGreaterThan(5);
      expect(await page.locator('header .lang-switch a').count()).toBe(LOCALES.length - 1);
      expect(await page.locator('footer.site-footer').count()).toBe(1);
      expect(await page.locator('header [aria-current="page"]').count()).toBe(0);
      expect(await page.title()).toContain(strings(locale)['notFound.title']);
      expect(await colours(page)).toEqual(home);
      // Ways on stay in the visitor's language.
      const hrefs = await page.$$eval('main a', (as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href).toMatch(new RegExp(`^/${locale}/`));
    }
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('an address outside every language gets a 404 offering all three', async () => {
    const { page } = await newPage();
    const res = await page.goto(`${base}/no-such-place`);
    expect(res?.status()).toBe(404);
    for (const locale of LOCALES) {
      const block = page.locator(`[data-not-found="${locale}"]`);
      expect(await block.locator('h2').textContent()).toBe(strings(locale)['notFound.title']);
      expect(await block.locator(`a[href="/${locale}/"]`).count()).toBe(1);
    }
    await page.context().close();
  });
});

/** The main navigation's labels in `locale`, as the common strings give them. */
const common = (locale: Locale) => JSON.parse(fs.readFileSync(`site/i18n/locales/${locale}.json`, 'utf8')) as Record<string, string>;

/** What Chromium tells assistive technology about an element: its role, name and expanded state. */
async function accessible(page: Page, selector: string): Promise<{ ignored?: boolean; role?: string; name?: string; expanded?: boolean }> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send('DOM.getDocument');
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  await cdp.detach();
  const node = nodes[0];
  const expanded = node?.properties?.find((p) => p.name === 'expanded')?.value.value as boolean | undefined;
  return { ignored: node?.ignored, role: node?.role?.value as string | undefined, name: node?.name?.value as string | undefined, expanded };
}

describe.each(LOCALES)('navigation in %s', (locale) => {
  const menu = strings(locale)['nav.menu']!;
  const mustShow = [common(locale)['nav.search']!, common(locale)['nav.dramas']!];

  /** Every main-navigation link is visible and lies inside the viewport. */
  const allInView = (page: Page, width: number) =>
    page.$$eval(
      '.main-nav a',
      (links, w) => links.every((a) => a.checkVisibility() && a.getBoundingClientRect().left >= 0 && a.getBoundingClientRect().right <= w),
      width,
    );

  it('on a phone is a menu button that shows every item, by keyboard and pointer, with and without JavaScript', async () => {
    for (const js of [true, false]) {
      const { page, problems } = await newPage({ js, width: 390 });
      await go(page, `/${locale}/collections/`);
      if (js) await page.waitForSelector('details.nav-menu[data-enhanced]', { state: 'attached' });
      const button = page.locator('summary.nav-menu-button');
      expect(await button.isVisible()).toBe(true);
      expect(await page.locator('.main-nav').isVisible()).toBe(false);
      expect(await accessible(page, 'summary.nav-menu-button')).toEqual({ ignored: false, role: 'DisclosureTriangle', name: menu, expanded: false });
      await button.click();
      expect(await accessible(page, 'summary.nav-menu-button')).toEqual({ ignored: false, role: 'DisclosureTriangle', name: menu, expanded: true });
      for (const label of mustShow) expect(await page.getByRole('link', { name: label, exact: true }).first().isVisible()).toBe(true);
      expect(await allInView(page, 390)).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      if (js) {
        // Escape closes the menu and gives focus back to its button; Enter on the button opens it again.
        await page.getByRole('link', { name: mustShow[0], exact: true }).first().focus();
        await page.keyboard.press('Escape');
        await expect.poll(() => page.locator('.main-nav').isVisible()).toBe(false);
        expect(await page.evaluate(() => document.activeElement?.classList.contains('nav-menu-button'))).toBe(true);
        await page.keyboard.press('Enter');
        await expect.poll(() => allInView(page, 390)).toBe(true);
      }
      expect(problems).toEqual([]);
      await page.context().close();
    }
  });

  it('on a wide screen is a row of links with no menu button', async () => {
    const { page } = await newPage({ width: 1280 });
    await go(page, `/${locale}/collections/`);
    expect(await page.locator('summary.nav-menu-button').isVisible()).toBe(false);
    expect(await allInView(page, 1280)).toBe(true);
    const tops = await page.$$eval('.main-nav a', (as) => as.map((a) => Math.round(a.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    // Links of the main navigation landmark, the next Tab stop after the site's name.
    const nav = await page.getByRole('navigation', { name: common(locale)['nav.main'] }).ariaSnapshot();
    for (const label of mustShow) expect(nav).toContain(`link "${label}"`);
    // Chromium's own tree too: a closed <details> hides its content from assistive technology unless shown.
    expect(await accessible(page, `.main-nav a[href="/${locale}/search/"]`)).toMatchObject({ ignored: false, role: 'link', name: mustShow[0] });
    await page.focus('.site-name');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.main-nav') !== null)).toBe(true);
    await page.context().close();
  });
});

it('a raw URL in a title wraps on a phone: the zh collection page and the record page stay within 320 and 390 px, as does the pagoda with its charts', async () => {
  // In the Met data this painting's Chinese title ends with a long link (http://ltfc.net/img/…) and no space in it.
  const { page } = await newPage({ width: 390 });
  for (const url of ['/zh/collections/chinese-paintings/', '/zh/artifacts/met-13.100.112/', '/fr/scenes/yingxian-pagoda/']) {
    await go(page, url);
    if (!url.includes('/scenes/')) expect(await page.locator('main').textContent()).toContain('http://ltfc.net/img/');
    for (const width of [390, 320]) {
      await page.setViewportSize({ width, height: 844 });
      // Polled: a chart drawn at one width follows the next on its resize observer's turn.
      await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth), { message: `${url} at ${width} px` }).toBeLessThanOrEqual(width);
    }
  }
  await page.context().close();
});

describe.each(LOCALES)('collection pages in %s', (locale) => {
  it('link to their pages by number: the first, the last, and the current one with its neighbours', async () => {
    // How many pages the build published for the collection: its numbered folders, plus the first page.
    const dir = path.join(E2E_DIST, locale, 'collections', 'chinese-paintings');
    const last = 1 + fs.readdirSync(dir).filter((f) => /^\d+$/.test(f)).length;
    expect(last).toBeGreaterThan(8);
    const { page } = await newPage({ width: 390 });
    const listing = `/${locale}/collections/chinese-paintings/`;
    await go(page, `${listing}6/`);
    const numbers = await page.$$eval('.pagination .page-numbers li', (lis) => lis.map((li) => li.textContent?.trim()));
    expect(numbers).toEqual(['1', '…', '5', '6', '7', '…', String(last)]);
    expect(await page.getAttribute('.page-numbers a[aria-current="page"]', 'href')).toBe(`${listing}6/`);
    expect(await page.getAttribute('.page-numbers a >> nth=0', 'href')).toBe(listing);
    expect(await page.getAttribute('.pagination a[rel="prev"]', 'href')).toBe(`${listing}5/`);
    expect(await page.getAttribute('.pagination a[rel="next"]', 'href')).toBe(`${listing}7/`);
    const label = common(locale)['collection.page']!.replace('{{page}}', String(last)).replace('{{pages}}', String(last));
    expect(await page.getAttribute(`.page-numbers a[href="${listing}${last}/"]`, 'aria-label')).toBe(label);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.context().close();
  });
});

describe.each(LOCALES)('an artifact page in %s', (locale) => {
  it('names the institution holding it once', async () => {
    // The Met's record: its museum is both the holder and the holding place in the collection's mapping.
    const line = fs
      .readFileSync('content/collections/chinese-paintings/records.jsonl', 'utf8')
      .split('\n')
      .find((l) => l.includes('"id":"met:13.100.101"'))!;
    const museum = (JSON.parse(line) as { museum: { en: string; zh: string } }).museum;
    const { page, problems } = await newPage({ js: false });
    await go(page, `/${locale}/artifacts/met-13.100.101/`);
    const rows = await page.$$eval('main dl > dt', (dts) =>
      dts.map((dt) => ({ term: dt.textContent?.trim(), value: dt.nextElementSibling?.textContent?.trim() ?? '' })),
    );
    // Chinese pages show it in simplified characters (written out here, not converted by the code under test);
    // French pages the vocabulary's French name (formats/vocabulary/concepts.json), the source having none.
    const vocabulary = JSON.parse(fs.readFileSync('formats/vocabulary/concepts.json', 'utf8')) as { institution: Record<string, Record<string, string[]>> };
    const names = new Set([museum.en, museum.zh, '大都会艺术博物馆', vocabulary.institution.met!.fr![0]]);
    const held = rows.filter((r) => names.has(r.value));
    expect(held.map((r) => r.term)).toEqual([common(locale)['field.holder']]);
    expect(rows.map((r) => r.term)).not.toContain(common(locale)['place.holding']);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('label and value', () => {
  // Chinese sets no space after its full-width punctuation ("策展：本平台编辑", "…此窟。查看藏品"); English and French
  // put one after the colon ("Curated by: …", « Commissariat : … »). Brackets before a separator (（局部） · …) and
  // spaced dashes are left to the page's separators.
  const PAGES = [
    '/exhibitions/library-cave/',
    '/panoramas/library-cave-chamber/',
    '/live/animation-studio/',
    '/scenes/yingxian-pagoda/data/',
    '/scenes/library-cave/',
    '/artifacts/met-13.100.101/',
    '/collections/chinese-paintings/',
  ];
  it('no Chinese page has a space after a full-width punctuation mark', async () => {
    const { page, problems } = await newPage({ js: false });
    const found: string[] = [];
    for (const url of PAGES) {
      await go(page, `/zh${url}`);
      // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered and read (no script or style text).
      const text = await page.evaluate(() => document.body.innerText);
      for (const m of text.matchAll(/.{0,8}[：；，。、！？][ \u00a0].{0,8}/g)) found.push(`${url}: ${m[0]}`);
    }
    expect(found).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('no French page lets a line break before : ; ! ? or inside « »', async () => {
    const { page, problems } = await newPage({ js: false });
    const found: string[] = [];
    for (const url of [...PAGES, '/', '/exhibitions/northern-song-landscape/', '/artifacts/npm-jade-jade019/', '/exhibitions/jades-tribute/']) {
      await go(page, `/fr${url}`);
      // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered and read (no script or style text).
      const text = await page.evaluate(() => document.body.innerText);
      for (const m of text.matchAll(/.{0,12}(?:[ \t][:;!?»]|«[ \t]).{0,8}/g)) found.push(`${url}: ${m[0]}`);
    }
    expect(found).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it.each(LOCALES)('the exhibition credits its curators as %s writes it', async (locale) => {
    const curators = (yaml('content/exhibitions/library-cave/exhibition.yaml') as { curators: Record<Locale, string> }).curators[locale];
    const label = JSON.parse(fs.readFileSync(`site/i18n/locales/exhibitions.${locale}.json`, 'utf8')).curators as string;
    const head = common(locale).label!.replace('{{label}}', label);
    const { page } = await newPage({ js: false });
    await go(page, `/${locale}/exhibitions/library-cave/`);
    const line = await page.locator('p', { hasText: curators }).first().textContent();
    expect(line).toBe(`${head}${locale === 'zh' ? '' : ' '}${curators}`);
    await page.context().close();
  });
});
