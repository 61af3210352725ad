// The Library Cave panoramas on the built demo, in Chromium (SwiftShader), in each locale, with few page loads:
// the panorama draws, Tab goes through every hotspot in the file's order turning the view to each, Enter opens a
// note and follows a link to the next panorama facing the direction the file gives (in place, Back returns; the
// visit plan moves in place too), arrow keys turn and +/− zoom
// (no fullscreen), zooming in loads deeper tiles, the variant switch keeps the direction; without JavaScript the
// page is the text alternative with every hotspot; axe; no request leaves the site. Expected values come from
// content/panoramas/*/panorama.yaml.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { parse } from 'yaml';
import { describe, expect, inject, it } from 'vitest';
import { LOCALE_TAGS, LOCALES, type Locale } from '../../model/locales.ts';
import { panorama, type Panorama } from '../../model/panorama.ts';
import { SCREENSHOTS } from './env.ts';
import { centreStats } from './pixels.ts';
import { useBrowser } from './use-browser.ts';
import { axeOn } from '../../scripts/tools/a11y/audit.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

const read = (slug: string): Panorama =>
  panorama.parse({ type: 'panorama', id: slug, ...parse(fs.readFileSync(`content/panoramas/${slug}/panorama.yaml`, 'utf8')) });
const chamber = read('library-cave-chamber');
const corridor = read('library-cave-corridor');
const courtyard = read('yingxian-pagoda-courtyard');
const storey = read('yingxian-pagoda-second-storey');
/** The tour in plan order (the panoramas' folders, as the site reads them). */
const tour = fs
  .readdirSync('content/panoramas')
  .filter((d) => fs.existsSync(`content/panoramas/${d}/panorama.yaml`))
  .sort()
  .map(read)
  .filter((p) => p.plan);
const doorway = chamber.hotspots.find((h) => h.panorama?.id === corridor.id)!;
const firstNote = chamber.hotspots.find((h) => h.note)!;

/** Angular distance in degrees, across the ±180 seam. */
const apart = (a: number, b: number) => Math.abs(((((a - b) % 360) + 540) % 360) - 180);

/** The device each locale's run stands for, as to motion sensors: zh this desktop Chromium as it is (no sensor; it has
 * DeviceOrientationEvent.requestPermission and sends one reading without angles), en a phone whose sensor sends
 * readings (Chromium's device orientation override), fr an iPhone whose permission prompt the visitor refuses. */
const motion = { zh: 'none', en: 'sensor', fr: 'refused' } as const satisfies Record<Locale, string>;

async function open(url: string, locale: Locale, js = true): Promise<{ page: Page; problems: string[]; tileLevels: Set<number> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: js, locale: locale === 'zh' ? 'zh-CN' : locale });
  if (motion[locale] === 'refused')
    // As on iOS: no readings reach the page until the prompt is granted (Chromium would send one without angles).
    await context.addInitScript(() => {
      Object.assign(window.DeviceOrientationEvent, { requestPermission: () => Promise.resolve('denied') });
      window.addEventListener('deviceorientation', (e) => e.stopImmediatePropagation(), true);
    });
  const page = await context.newPage();
  if (motion[locale] === 'sensor')
    await (await context.newCDPSession(page)).send('DeviceOrientation.setDeviceOrientationOverride', { alpha: 30, beta: 60, gamma: 0 });
  const problems: string[] = [];
  const tileLevels = new Set<number>();
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`left the site: ${u}`);
    const tile = /\/pano\/[^/]+\/tiles\/(\d+)\//.exec(u);
    if (tile) tileLevels.add(Number(tile[1]));
  });
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  expect((await page.goto(base + url))?.status()).toBe(200);
  return { page, problems, tileLevels };
}

const root = (page: Page) => page.locator('[data-pano]');
const attr = (page: Page, name: string) => root(page).getAttribute(`data-${name}`);
const num = async (page: Page, name: string) => Number(await attr(page, name));
const ready = (page: Page) => expect.poll(() => attr(page, 'state'), { timeout: 60_000 }).toBe('ready');
const facing = (page: Page, yaw: number, pitch: number) =>
  expect.poll(async () => apart(await num(page, 'yaw'), yaw) < 1.5 && Math.abs((await num(page, 'pitch')) - pitch) < 1.5, { timeout: 15_000 }).toBe(true);

async function centreDrawn(page: Page, name: string, minColours = 40): Promise<void> {
  // Wait until the tiles of the first view have arrived and been drawn: the centre shows the scene, not a blank.
  await expect
    .poll(
      async () => {
        const png = PNG.sync.read(await page.locator('[data-pano-viewer]').screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) }));
        const s = centreStats(png, (r, g, b) => r + g + b > 60);
        return s.drawn > 0.9 && s.colours > minColours;
      },
      { timeout: 30_000 },
    )
    .toBe(true);
}

describe.each(LOCALES)('panoramas in %s', (locale) => {
  it('draws, turns with the keys, zooms into deeper tiles, keeps the direction across variants, and the hotspots are the Tab path', async () => {
    const { page, problems, tileLevels } = await open(`/${locale}/panoramas/${chamber.id}/`, locale);
    await ready(page);
    await facing(page, chamber.initialView.yaw, chamber.initialView.pitch);
    await centreDrawn(page, `panorama-${locale}`);

    // Arrow keys turn and +/− zoom while the viewer has focus, without fullscreen.
    const viewer = page.locator('[data-pano-viewer]');
    await viewer.focus();
    const yaw0 = await num(page, 'yaw');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await facing(page, yaw0 + 20, chamber.initialView.pitch);
    await page.keyboard.press('ArrowUp');
    await facing(page, yaw0 + 20, chamber.initialView.pitch + 10);
    const zoom0 = await num(page, 'zoom');
    for (let i = 0; i < 5; i++) await page.keyboard.press('+');
    await expect.poll(() => num(page, 'zoom')).toBe(zoom0 + 50);
    expect(await page.evaluate(() => document.fullscreenElement)).toBeNull();
    // Closer in, the viewer asks for the finest level of tiles (the levels in panoramas.json, lowest first).
    await expect.poll(() => Math.max(...tileLevels), { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    await page.keyboard.press('-');
    await expect.poll(() => num(page, 'zoom')).toBe(zoom0 + 40);

    // Tab from the viewer goes through the buttons that turn and zoom (the keys' moves without a drag), the motion
    // button and the variant switch, then every hotspot in the file's order; each turns into view.
    const moves = await page.locator('[data-pano-move]').count();
    expect(moves).toBe(6);
    const order: string[] = [];
    for (let i = 0; i < chamber.hotspots.length + moves + 2; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.getAttribute('data-hotspot') ?? null);
      if (!id) continue;
      order.push(id);
      const h = chamber.hotspots.find((x) => x.id === id)!;
      await facing(page, h.yaw, h.pitch);
    }
    expect(order).toEqual(chamber.hotspots.map((h) => h.id));
    const labels = await page.locator('[data-hotspot]').allTextContents();
    expect(labels).toEqual(chamber.hotspots.map((h) => h.label[locale]));

    // The variant switch keeps the direction and zoom (the view is on the last hotspot now).
    const last = chamber.hotspots.at(-1)!;
    const zoom = await num(page, 'zoom');
    const other = chamber.variants[1]!;
    await page.locator(`input[name="pano-variant"][value="${other.id}"]`).check();
    await expect.poll(() => attr(page, 'variant'), { timeout: 30_000 }).toBe(other.id);
    await facing(page, last.yaw, last.pitch);
    expect(await num(page, 'zoom')).toBe(zoom);
    expect(await viewer.getAttribute('aria-label')).toContain(other.alt[locale]);
    // The address names the variant now (a reload or a copied link opens it).
    expect(new URL(page.url()).hash).toBe(`#variant=${other.id}`);
    await centreDrawn(page, `panorama-${locale}-${other.id}`);

    const axe = await axeOn(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`)).toEqual([]);

    // Looking around by moving the phone is offered only where the device has the sensor, never started by itself;
    // pressing asks for the permission where the system has a prompt.
    const gyro = page.locator('[data-pano-gyro]');
    await expect.poll(() => attr(page, 'gyro'), { timeout: 20_000 }).toBe(motion[locale] === 'none' ? 'no' : 'yes');
    await expect(gyro.isVisible()).resolves.toBe(motion[locale] !== 'none');
    if (motion[locale] !== 'none') {
      expect(await gyro.getAttribute('aria-pressed')).toBe('false');
      await gyro.click();
      if (motion[locale] === 'sensor') {
        await expect.poll(() => gyro.getAttribute('aria-pressed')).toBe('true');
        await gyro.click();
        await expect.poll(() => gyro.getAttribute('aria-pressed')).toBe('false');
      } else {
        await expect.poll(() => page.locator('[data-pano-gyro-refused]').isVisible()).toBe(true);
        expect(await gyro.getAttribute('aria-pressed')).toBe('false');
      }
    }

    // Enter opens a note in place, and follows a link: to the corridor, facing the way the hotspot says, in place (the
    // tour plugin): the viewer and the document stay, the address, title, hotspot list and plan become the corridor's.
    await page.locator(`[data-hotspot="${firstNote.id}"]`).focus();
    await page.keyboard.press('Enter');
    await expect(page.locator(`#hotspot-${firstNote.id} details`).getAttribute('open')).resolves.not.toBeNull();
    await page.evaluate(() => Object.assign(window, { samePage: true }));
    const moved = async (to: Panorama) => {
      await expect.poll(() => attr(page, 'node'), { timeout: 30_000 }).toBe(to.id);
      await ready(page);
      expect(await page.evaluate(() => 'samePage' in window)).toBe(true);
      expect((await page.locator('h1').textContent())?.trim()).toBe(to.title[locale]);
      expect(await page.title()).toContain(to.title[locale]);
      expect(await page.locator('[data-hotspot]').allTextContents()).toEqual(to.hotspots.map((h) => h.label[locale]));
      expect(await page.locator('[data-plan-stop][aria-current="page"]').getAttribute('data-plan-stop')).toBe(to.id);
    };
    await page.locator(`[data-hotspot="${doorway.id}"]`).focus();
    // The corridor has a variant of the same id: it opens in it, and its address says so.
    expect(corridor.variants.map((v) => v.id)).toContain(other.id);
    const arrival = doorway.panorama!.view!;
    await Promise.all([
      page.waitForURL(`**/panoramas/${corridor.id}/#view=${arrival.yaw},${arrival.pitch},${arrival.zoom}&variant=${other.id}`),
      page.keyboard.press('Enter'),
    ]);
    await moved(corridor);
    await facing(page, arrival.yaw, arrival.pitch);
    expect(await attr(page, 'variant')).toBe(other.id);
    expect(await page.locator(`input[name="pano-variant"][value="${other.id}"]`).isChecked()).toBe(true);
    // Facing the door just come through: plaster and the lit chamber beyond it.
    await centreDrawn(page, `panorama-${locale}-arrival`, 20);
    // Another language opens the same panorama looking the same way in the same variant.
    const otherLocale = LOCALES.find((l) => l !== locale)!;
    const langLink = page.locator(`.lang-switch a[hreflang="${LOCALE_TAGS[otherLocale]}"]`);
    // What the switcher does as the pointer comes over a language (its links are rewritten then).
    await langLink.dispatchEvent('mouseover');
    expect(await langLink.getAttribute('href')).toMatch(
      new RegExp(`^/${otherLocale}/panoramas/${corridor.id}/#view=-?[\\d.]+,-?[\\d.]+,\\d+&variant=${other.id}$`),
    );
    // Back returns to the chamber, as it opens, in the variant its address names.
    await Promise.all([page.waitForURL(`**/panoramas/${chamber.id}/#variant=${other.id}`), page.goBack()]);
    await moved(chamber);
    await facing(page, chamber.initialView.yaw, chamber.initialView.pitch);
    expect(await attr(page, 'variant')).toBe(other.id);
    // The visit plan goes on to the pagoda, rendered from the pagoda reconstruction: it draws, the right variant.
    if (locale === 'zh') {
      await Promise.all([page.waitForURL(`**/panoramas/${storey.id}/`), page.locator(`[data-plan-stop="${storey.id}"]`).click()]);
      await moved(storey);
      await facing(page, storey.initialView.yaw, storey.initialView.pitch);
      expect(await attr(page, 'variant')).toBe(storey.variants[0]!.id);
      await expect(page.locator('[data-pano-variants]').isVisible()).resolves.toBe(true);
      await centreDrawn(page, `panorama-${locale}-pagoda`);
    }
    expect(problems).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('is a text alternative without JavaScript: every hotspot as a link or a note, and what each view shows', async () => {
    const { page, problems } = await open(`/${locale}/panoramas/${chamber.id}/`, locale, false);
    await expect(page.locator('[data-pano-viewer]').isHidden()).resolves.toBe(true);
    const items = page.locator('.pano-hotspot');
    expect(await items.count()).toBe(chamber.hotspots.length);
    for (const [i, h] of chamber.hotspots.entries()) {
      const item = items.nth(i);
      if (h.note) {
        await item.locator('summary').click();
        await expect(item.locator('details p').textContent()).resolves.toBe(h.note[locale]);
      } else {
        const href = await item.locator('a').getAttribute('href');
        if (h.artifact) expect(href).toBe(`/${locale}/artifacts/${h.artifact}/`);
        if (h.panorama)
          expect(href).toBe(`/${locale}/panoramas/${h.panorama.id}/#view=${h.panorama.view!.yaw},${h.panorama.view!.pitch},${h.panorama.view!.zoom}`);
        expect(await item.locator('a').textContent()).toBe(h.label[locale]);
      }
    }
    for (const v of chamber.variants) await expect(page.locator('.pano-text dd', { hasText: v.alt[locale] }).count()).resolves.toBe(1);
    await expect(page.getByText(chamber.description[locale]).count()).resolves.toBe(1);

    // The visit plan: every panorama of the tour is a link at its position on its place's drawing, this one marked.
    const stops = page.locator('[data-plan-stop]');
    expect(await stops.evaluateAll((els) => els.map((e) => e.getAttribute('data-plan-stop')))).toEqual(tour.map((p) => p.id));
    expect(await page.locator('[data-plan-stop][aria-current="page"]').getAttribute('data-plan-stop')).toBe(chamber.id);
    for (const p of tour) {
      const stop = page.locator(`[data-plan-stop="${p.id}"]`);
      expect(await stop.getAttribute('aria-label')).toContain(p.title[locale]);
      const [box, map] = await Promise.all([stop.boundingBox(), stop.locator('xpath=ancestor::*[@class="pano-plan-map"]').boundingBox()]);
      expect(Math.abs(box!.x + box!.width / 2 - (map!.x + p.plan!.x * map!.width))).toBeLessThan(2);
      expect(Math.abs(box!.y + box!.height / 2 - (map!.y + p.plan!.y * map!.height))).toBeLessThan(2);
    }
    // Without JavaScript the plan is plain links: to the pagoda's courtyard, a text page listing its hotspots.
    await Promise.all([page.waitForURL(`**/panoramas/${courtyard.id}/`), page.locator(`[data-plan-stop="${courtyard.id}"]`).click()]);
    expect(await page.locator('[data-hotspot]').allTextContents()).toEqual(courtyard.hotspots.map((h) => h.label[locale]));
    expect(await page.locator('[data-plan-stop][aria-current="page"]').getAttribute('data-plan-stop')).toBe(courtyard.id);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
