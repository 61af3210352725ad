// The live view page in Chromium against a real live HLS stream: ffmpeg encodes in real time into a sliding-window
// playlist served with CORS on the loopback address the demo live view names. The page plays it (currentTime
// advances); when the broadcast ends (ffmpeg stops, the playlist gets EXT-X-ENDLIST) it says so and points to the
// recordings, and when the stream host goes away mid-play it says the stream stopped. The page plays through hls.js
// wherever Media Source exists, Chromium included (its own HLS player sometimes stalled at this stream's live edge);
// the browser's own HLS is left to browsers without Media Source, which this Chromium cannot stand for. Each
// locale shows the schedule in the venue's zone and in the visitor's (Asia/Tokyo, UTC+9 all year, so the expected
// times hold on any date: Asia/Shanghai is UTC+8, an hour behind); without JavaScript the schedule and recording links are there; axe; nothing leaves the site but the stream host.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, inject, it } from 'vitest';
import { type LiveView, readLiveViews } from '../../model/live.ts';
import type { Locale } from '../../model/locales.ts';
import { type LiveStream, startLiveStream } from '../../scripts/live/stream.ts';
import { E2E_BUILD } from './env.ts';
import { useBrowser } from './use-browser.ts';
import { axeOn } from '../../scripts/tools/a11y/audit.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));
const view: LiveView = readLiveViews(path.join(E2E_BUILD, 'records')).find((v) => v.id === 'animation-studio')!;
const streamOrigin = new URL(view.stream).origin;
let stream: LiveStream | undefined;
// A test that fails mid-play must not leave its stream on the port: the next test would find the port taken, and
// the no-stream checks would find the page live.
afterEach(async () => {
  await stream?.close();
  stream = undefined;
});
afterAll(async () => {
  await stream?.close();
});

async function open(locale: Locale, js = true): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    javaScriptEnabled: js,
    locale: locale === 'zh' ? 'zh-CN' : locale,
    timezoneId: 'Asia/Tokyo',
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(base) && !u.startsWith(`${streamOrigin}/`) && !u.startsWith('data:') && !u.startsWith('blob:')) problems.push(`left the site: ${u}`);
  });
  expect((await page.goto(`${base}/${locale}/live/${view.id}/`))?.status()).toBe(200);
  return { page, problems };
}
const state = (page: Page) => page.locator('[data-live]').getAttribute('data-state');
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);

describe('live view page', () => {
  it('plays the live stream, then says the broadcast ended and offers the schedule and the recordings', async () => {
    stream = await startLiveStream({ url: view.stream });
    const { page, problems } = await open('en');
    await expect.poll(() => state(page), { timeout: 60_000 }).toBe('live');
    expect(await page.locator('video').getAttribute('data-hls')).toBe('hls.js');
    const t0 = await page.$eval('video', (v: HTMLVideoElement) => v.currentTime);
    await page.waitForFunction((t) => (document.querySelector('video') as HTMLVideoElement).currentTime > t + 2, t0, { timeout: 90_000 });
    expect(await page.locator('[data-live-status]').textContent()).toBe('Live now.');

    await stream.end();
    await expect.poll(() => state(page), { timeout: 60_000 }).toBe('ended');
    const status = page.locator('[data-live-status]');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await status.textContent()).toContain('The live broadcast has ended.');
    expect(await status.locator('a[href="#live-archive"]').count()).toBe(1);
    expect(await page.locator('#live-archive.live-fallback').isVisible()).toBe(true);
    // The recordings link to the drama episodes they are (the second at its clip's start).
    const links = await page.locator('#live-archive a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['/en/dramas/synfig-studio-course/', '/en/dramas/synfig-studio-course/02-first-animation/?t=0']);
    expect(await page.locator('.live-times').first().isVisible()).toBe(true);
    expect(await violations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
    await stream.close();
    stream = undefined;
  }, 180_000);

  it('plays, and when the host goes away mid-play says the stream stopped (zh)', async () => {
    stream = await startLiveStream({ url: view.stream });
    const { page, problems } = await open('zh');
    await expect.poll(() => state(page), { timeout: 60_000 }).toBe('live');
    expect(await page.locator('video').getAttribute('data-hls')).toBe('hls.js');
    const t0 = await page.$eval('video', (v: HTMLVideoElement) => v.currentTime);
    await page.waitForFunction((t) => (document.querySelector('video') as HTMLVideoElement).currentTime > t + 2, t0, { timeout: 90_000 });
    expect(await violations(page)).toEqual([]);
    await stream.close();
    stream = undefined;
    await expect.poll(() => state(page), { timeout: 60_000 }).toBe('stalled');
    expect(await page.locator('[data-live-status]').textContent()).toContain('直播流中断了。');
    expect(await page.locator('[data-live-status] a[href="#live-archive"]').textContent()).toBe('观看往期录像');
    expect(await page.locator('video').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await page.context().close();
  }, 180_000);

  const expected: Record<Locale, { venue: string; weekly: RegExp }> = {
    zh: { venue: '场馆时间', weekly: /星期六/ },
    en: { venue: 'Times of the venue', weekly: /Saturday, Sunday/ },
    fr: { venue: 'Heures du lieu', weekly: /samedi, dimanche/ },
  };
  it('in each locale: the schedule in the venue zone and in the visitor zone, a countdown without a stream, axe', async () => {
    for (const locale of ['zh', 'en', 'fr'] as const) {
      const { page, problems } = await open(locale);
      // No stream now: off the air (or, inside a slot, waiting for it), never an error.
      await expect.poll(() => state(page), { timeout: 30_000 }).toMatch(/^(off-air|waiting)$/);
      expect(await page.locator('[data-venue-zone]').textContent()).toContain(expected[locale].venue);
      expect(await page.locator('[data-venue-zone]').textContent()).toContain('Asia/Shanghai');
      expect(await page.locator('[data-your-zone]').textContent()).toContain('Asia/Tokyo');
      const weekly = page.locator('.live-times').first().locator('tbody tr');
      expect(await weekly.nth(0).locator('th').textContent()).toMatch(expected[locale].weekly);
      expect(await weekly.nth(0).locator('td').nth(0).textContent()).toBe('14:00–15:30');
      // Saturday and Sunday 14:00–15:30 in Shanghai are 15:00–16:30 in Tokyo; Wednesday 19:30–20:30 is 20:30–21:30.
      expect(await weekly.nth(0).locator('td').nth(1).textContent()).toMatch(/15:00–16:30.*15:00–16:30/);
      expect(await weekly.nth(1).locator('td').nth(1).textContent()).toContain('20:30–21:30');
      // The solstice special, 21 December 10:00–12:00 in Shanghai, is 11:00–13:00 in Tokyo.
      expect(await page.locator('[data-yours="e:0"]').textContent()).toContain('11:00–13:00');
      if ((await state(page)) === 'off-air') expect(await page.locator('[data-live-next]').textContent()).toMatch(/\d\d:\d\d:\d\d/);
      if (locale === 'en') {
        const axe = await axeOn(page).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      }
      expect(await violations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    }
  }, 120_000);

  it('without JavaScript: the schedule and the recording links', async () => {
    const { page } = await open('fr', false);
    expect(await page.locator('[data-live-status]').textContent()).toContain('JavaScript');
    expect(await page.locator('.live-times tbody tr').count()).toBe(view.schedule.weekly.length + view.schedule.events.length);
    expect(await page.locator('#live-archive a').count()).toBe(view.archive.length);
    expect(await page.locator('video').isVisible()).toBe(false);
    await page.context().close();
  });
});
