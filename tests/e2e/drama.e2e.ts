// The drama player in Chromium: it plays (over HLS), subtitle languages switch the shown cue, the transcript seeks,
// a `?t=` link starts at that moment, and the Arabic test track is shown right to left. Every seek is followed by a
// check that playback really advances from there (hls.js once stalled after seeking to an unloaded point).
import type { Browser, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './use-browser.ts';

const base = inject('baseUrl');
const PAGE = '/en/dramas/pepper-and-carrot-ep06/';
let browser: Browser;
useBrowser((b) => (browser = b));

async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const res = await page.goto(base + url, { waitUntil: 'load' });
  expect(res?.status(), url).toBe(200);
  await page.waitForFunction(() => document.querySelector('video')?.dataset.hls === 'on', undefined, { timeout: 20_000 });
  return { page, errors };
}

const currentTime = (page: Page) => page.$eval('video', (v: HTMLVideoElement) => v.currentTime);

/** Plays muted and waits until currentTime has moved `by` seconds past `from`: a player stuck after a seek (paused,
 * or at readyState 1 with play() pending) never gets there. */
async function expectAdvances(page: Page, from: number, by = 1.5): Promise<void> {
  await page.$eval('video', (v: HTMLVideoElement) => {
    v.muted = true;
    void v.play().catch(() => undefined);
  });
  await page.waitForFunction(
    ([f, b]) => {
      const v = document.querySelector('video') as HTMLVideoElement;
      return !v.paused && v.readyState >= 3 && v.currentTime > f + b;
    },
    [from, by] as const,
    { timeout: 20_000 },
  );
  const t = await currentTime(page);
  expect(t).toBeGreaterThan(from + by);
  // Far beyond the target means the seek was lost and playback restarted elsewhere.
  expect(t).toBeLessThan(from + by + 15);
}
const caption = (page: Page) => page.$eval('[data-testid="caption"]', (el) => el.textContent ?? '');

describe('drama player', () => {
  it('plays: currentTime advances; the audio description is listed and switching to it switches the audio', async () => {
    const { page, errors } = await open(PAGE);
    const audioRequests: string[] = [];
    page.on('request', (r) => {
      if (/\/a(d)?-[a-z]+(-\d+\.ts|\.m3u8)$/.test(r.url())) audioRequests.push(r.url().replace(/.*\//, ''));
    });
    await page.$eval('video', (v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    await page.waitForFunction(() => (document.querySelector('video') as HTMLVideoElement).currentTime > 1.5, undefined, { timeout: 30_000 });
    expect(await currentTime(page)).toBeGreaterThan(1.5);
    // The menu names the described rendition in the page's language (drama.yaml's label) and starts on the original.
    const options = await page.$$eval('select[name="audio"] option', (os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(options).toContainEqual(['ad:en', 'English with audio description (espeak-ng synthetic voice)']);
    await expect.poll(() => page.getAttribute('video', 'data-audio')).toBe('en');
    expect(audioRequests.some((u) => u.startsWith('ad-'))).toBe(false);
    await page.selectOption('select[name="audio"]', 'ad:en');
    // The player reports the rendition now playing, and its media playlist and segments are what the page loads.
    await expect.poll(() => page.getAttribute('video', 'data-audio'), { timeout: 20_000 }).toBe('ad:en');
    await expect.poll(() => audioRequests.filter((u) => /^ad-en-\d+\.ts$/.test(u)).length, { timeout: 20_000 }).toBeGreaterThan(0);
    expect(audioRequests).toContain('ad-en.m3u8');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switching the subtitle language changes the shown cue text; Arabic is right to left', async () => {
    // Cue 5 ("Oh, I fell asleep…") is shown from 24.24 s to 28.24 s in every language.
    const { page } = await open(`${PAGE}?t=24.4`);
    await page.$eval('video', (v: HTMLVideoElement) => {
      v.muted = true;
      return v.play();
    });
    await page.waitForFunction(() => document.querySelector('[data-testid="caption"]')?.textContent?.includes('fell asleep'), undefined, { timeout: 20_000 });
    // Still inside the cue (until 28.24 s) after advancing 1 s.
    await expectAdvances(page, 24.4, 1);
    await page.$eval('video', (v: HTMLVideoElement) => v.pause());
    expect(await caption(page)).toContain('fell asleep');
    const en = await caption(page);
    await page.selectOption('select[name="subtitles"]', 'fr');
    await page.waitForFunction(
      (en) => {
        const t = document.querySelector('[data-testid="caption"]')?.textContent;
        return !!t && t !== en;
      },
      en,
      { timeout: 10_000 },
    );
    const fr = await caption(page);
    expect(fr).not.toBe(en);
    expect(await page.$eval('[data-testid="caption"] span', (s) => s.getAttribute('lang'))).toBe('fr');
    await page.selectOption('select[name="subtitles"]', 'ar');
    await page.waitForFunction(() => /[\u0600-\u06ff]/.test(document.querySelector('[data-testid="caption"]')?.textContent ?? ''), undefined, {
      timeout: 10_000,
    });
    expect(await page.$eval('[data-testid="caption"] span', (s) => s.getAttribute('dir'))).toBe('rtl');
    expect(await page.$eval('.drama-transcript ol', (s) => s.getAttribute('dir'))).toBe('rtl');
    // The caption style menus restyle the captions (drama.css reads the player's attributes).
    await page.selectOption('select[name="caption-size"]', '150');
    await page.selectOption('select[name="caption-background"]', 'none');
    await expect
      .poll(() => page.$eval('.drama-player', (p) => [p.getAttribute('data-caption-size'), p.getAttribute('data-caption-background')]))
      .toEqual(['150', 'none']);
    // On a phone the player stays within the screen, even with the long labels of this episode's stand-in tracks.
    await page.setViewportSize({ width: 320, height: 640 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.close();
  });

  it('clicking a transcript line seeks there and highlights it', async () => {
    const { page } = await open(PAGE);
    // Only the lines in view are rendered: scroll the transcript to line 21 first.
    await page.$eval('.drama-transcript-box', (box) => {
      box.scrollTop = 20 * 36;
    });
    const line = page.locator('.drama-transcript li[aria-posinset="21"] a');
    await line.waitFor();
    expect(await page.$$eval('.drama-transcript li', (l) => l.length)).toBeLessThan(60);
    const start = Number(await line.getAttribute('data-start'));
    expect(start).toBeGreaterThan(30);
    await page.$eval('video', (v: HTMLVideoElement) => {
      v.muted = true;
    });
    await line.click();
    await page.waitForFunction((s) => Math.abs((document.querySelector('video') as HTMLVideoElement).currentTime - s) < 2, start, { timeout: 10_000 });
    await expectAdvances(page, start);
    await page.$eval('video', (v: HTMLVideoElement) => v.pause());
    await page.waitForFunction(() => document.querySelectorAll('.drama-transcript li[aria-current="true"]').length === 1);
    await page.close();
  });

  it('a ?t= link starts at that moment', async () => {
    const { page } = await open(`${PAGE}?t=42`);
    await page.waitForFunction(() => (document.querySelector('video') as HTMLVideoElement).readyState >= 1, undefined, { timeout: 20_000 });
    await page.waitForFunction(() => (document.querySelector('video') as HTMLVideoElement).currentTime >= 41.5, undefined, { timeout: 10_000 });
    const t = await currentTime(page);
    expect(t).toBeGreaterThanOrEqual(41.5);
    expect(t).toBeLessThan(44);
    await expectAdvances(page, 42);
    await page.close();
  });

  it('a seek during playback to a point not yet loaded keeps playing from there', async () => {
    const { page } = await open(PAGE);
    await expectAdvances(page, 0, 1);
    const target = Math.floor((await page.$eval('video', (v: HTMLVideoElement) => v.duration)) * 0.7);
    expect(target).toBeGreaterThan(100);
    await page.$eval(
      'video',
      (v: HTMLVideoElement, s) => {
        v.currentTime = s;
      },
      target,
    );
    await expectAdvances(page, target);
    // And back to an earlier point (already buffered or evicted, either way it must play).
    await page.$eval('video', (v: HTMLVideoElement) => {
      v.currentTime = 30;
    });
    await expectAdvances(page, 30);
    await page.close();
  });

  it('keyboard: the subtitle menu and transcript lines are reachable and the K key toggles playback', async () => {
    const { page } = await open(PAGE);
    await page.focus('.drama-player video');
    await page.$eval('video', (v: HTMLVideoElement) => {
      v.muted = true;
    });
    await page.keyboard.press('k');
    await page.waitForFunction(() => !(document.querySelector('video') as HTMLVideoElement).paused, undefined, { timeout: 10_000 });
    await page.keyboard.press('k');
    expect(await page.$eval('video', (v: HTMLVideoElement) => v.paused)).toBe(true);
    await page.close();
  });
});
