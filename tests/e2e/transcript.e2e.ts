// The film player's transcript with 200,000 cues in Chromium (the page made by scripts/tools/transcript-page.ts:
// the player rendered on the server and hydrated as on a drama page, a real WebVTT track and video). Only the lines
// in view are in the DOM; a click on a line still seeks there and marks it current; the keyboard reaches the last
// line, which is then rendered, focused and plays on Enter; each line says its place in the whole list.
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { measureTranscript, openTranscriptPage, transcriptPage } from '../../scripts/tools/transcript-page.ts';
import { useBrowser } from './use-browser.ts';

const CUES = 200_000;
/** A 22rem box of ~36 px lines shows about ten; with the overscan and the kept tab stop, never more than this. */
const MAX_ROWS = 40;
let browser: Browser;
useBrowser((b) => (browser = b));

describe('transcript of 200,000 cues', () => {
  it('renders a bounded window, seeks on click and moves by keyboard', async () => {
    const tp = await transcriptPage(CUES);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await openTranscriptPage(page, tp);
    const m = await measureTranscript(page, tp, 500);
    expect(m.rows).toBeGreaterThan(5);
    expect(m.rows).toBeLessThanOrEqual(MAX_ROWS);
    // The click on the sixth line played from its start (the video runs on a little after the seek).
    expect(m.lineStart).toBe(tp.cues[5]!.start);
    expect(m.seekedTo).toBeGreaterThanOrEqual(m.lineStart - 0.01);
    expect(m.seekedTo).toBeLessThan(m.lineStart + 5);
    // The clicked line, or one just after it as the film plays on (a line lasts 18 ms here), is current.
    const [at, of] = await page.$eval('.drama-transcript li[aria-current="true"]', (li) => [li.getAttribute('aria-posinset'), li.getAttribute('aria-setsize')]);
    expect(Number(at)).toBeGreaterThanOrEqual(6);
    expect(Number(at)).toBeLessThan(6 + 5 / 0.018);
    expect(of).toBe(String(CUES));

    // Keyboard: End from the clicked (focused) line goes to the last of 200,000, rendered and focused.
    await page.$eval('video', (v: HTMLVideoElement) => v.pause());
    // From the list's one tab stop (the click may leave the focus on the line or, as the list re-renders, on the page).
    await page.focus('.drama-transcript li a[tabindex="0"]');
    await page.keyboard.press('End');
    await page.waitForFunction((n) => document.activeElement?.closest('li')?.getAttribute('aria-posinset') === String(n), CUES);
    expect(await page.$$eval('.drama-transcript li', (l) => l.length)).toBeLessThanOrEqual(MAX_ROWS);
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction((n) => document.activeElement?.closest('li')?.getAttribute('aria-posinset') === String(n - 1), CUES);
    await page.keyboard.press('Enter');
    const target = tp.cues[CUES - 2]!.start;
    await page.waitForFunction((t) => Math.abs((document.querySelector('video') as HTMLVideoElement).currentTime - t) < 2, target);
    await page.waitForFunction(
      (n) => Number(document.querySelector('.drama-transcript li[aria-current="true"]')?.getAttribute('aria-posinset')) >= n - 1,
      CUES,
    );
    // One tab stop in the list, on the line the visitor moved to.
    expect(await page.$$eval('.drama-transcript li a[tabindex="0"]', (l) => l.map((a) => a.closest('li')!.getAttribute('aria-posinset')))).toEqual([
      String(CUES - 1),
    ]);
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
