// Read aloud on the built demo, one page load (the Library Cave chamber panorama in Chinese):
// - with Chromium's own speech synthesis: Debian's Chromium has no voices (no speech-dispatcher), and the control
//   must say so in the page's language rather than read Chinese with no voice (if this browser has a Chinese
//   voice, it must start reading instead);
// - then with the speech engine stood in for (no voice exists here to produce the events): the test records the
//   utterances the page asks for and fires each one's `start` and `end` as a voice does. The page must ask for the
//   title, the description and the image description in that order, in Chinese, sentence by sentence, mark the
//   sentence being read, pause, resume and stop. Expected text comes from content/panoramas/*/panorama.yaml;
// - the panorama's live region says in words where the view looks, and says it again after a turn made with the
//   buttons that stand in for dragging.
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import { expect, inject, it } from 'vitest';
import { panorama } from '../../model/panorama.ts';
import { useBrowser } from './use-browser.ts';

const base = inject('baseUrl');
let browser: Browser;
useBrowser((b) => (browser = b));

const slug = 'library-cave-chamber';
const chamber = panorama.parse({ type: 'panorama', id: slug, ...parse(fs.readFileSync(`content/panoramas/${slug}/panorama.yaml`, 'utf8')) });
// Chinese sentences end at 。！？ (the data's sentences all do).
const zhSentences = (text: string | undefined) => (text ?? '').split(/(?<=[。！？])/).filter((s) => s.trim());
const description = zhSentences(chamber.description.zh);
const imageDescription = zhSentences(chamber.variants[0]!.alt.zh);
const expected = [chamber.title.zh!, ...description, ...imageDescription];
const words = JSON.parse(fs.readFileSync('site/i18n/locales/panorama.zh.json', 'utf8')) as Record<string, string>;

declare global {
  interface Window {
    standIn: boolean;
    spoken: SpeechSynthesisUtterance[];
    engineCalls: string[];
  }
}

it('says there is no Chinese voice, reads title, description and image description sentence by sentence, and says where the view looks', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  await context.addInitScript(() => {
    // Chromium's own engine until `standIn` is set; then a stand-in that has one Chinese voice and records what
    // it is asked. Its utterances are real SpeechSynthesisUtterance objects (only `voice` accepts the stand-in's
    // voice), and their events are real SpeechSynthesisEvents fired by the test.
    const synth = window.speechSynthesis;
    const real = { getVoices: synth.getVoices.bind(synth), speak: synth.speak.bind(synth), cancel: synth.cancel.bind(synth) };
    const voice = { lang: 'zh-CN', name: 'stand-in', voiceURI: 'stand-in', default: true, localService: true } as SpeechSynthesisVoice;
    window.standIn = false;
    window.spoken = [];
    window.engineCalls = [];
    const Real = window.SpeechSynthesisUtterance;
    window.SpeechSynthesisUtterance = class extends Real {
      #voice: SpeechSynthesisVoice | null = null;
      override get voice() {
        return window.standIn ? this.#voice : super.voice;
      }
      override set voice(v) {
        if (window.standIn) this.#voice = v;
        else super.voice = v;
      }
    };
    synth.getVoices = () => (window.standIn ? [voice] : real.getVoices());
    synth.speak = (u) => (window.standIn ? void window.spoken.push(u) : real.speak(u));
    synth.cancel = () => (window.standIn ? void window.engineCalls.push('cancel') : real.cancel());
    synth.pause = () => void window.engineCalls.push('pause');
    synth.resume = () => void window.engineCalls.push('resume');
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${base}/zh/panoramas/${slug}/`);
  const control = page.locator('[data-read-aloud]');
  const state = () => control.getAttribute('data-state');
  await expect.poll(state).toBe('idle');
  const play = control.locator('[data-read-play]');
  const stop = control.locator('[data-read-stop]');
  expect(await play.textContent()).toBe('朗读');

  // Chromium's own engine.
  const zhVoice = await page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const has = () => speechSynthesis.getVoices().some((v) => /^(zh|cmn)/i.test(v.lang));
        if (speechSynthesis.getVoices().length) return resolve(has());
        speechSynthesis.addEventListener('voiceschanged', () => resolve(has()), { once: true });
        setTimeout(() => resolve(has()), 3000);
      }),
  );
  await play.click();
  if (zhVoice) {
    await expect.poll(state).toBe('playing');
    await stop.click();
  } else {
    // The control waits a moment for voices to load before it concludes there are none.
    await expect.poll(state, { timeout: 5000 }).toBe('novoice');
    expect(await control.locator('[role=status]').textContent()).toBe('此浏览器没有可朗读本页的中文语音。可在系统的语音设置中添加。');
  }

  // The stand-in engine.
  await page.evaluate(() => (window.standIn = true));
  const fire = (i: number, type: 'start' | 'end') =>
    page.evaluate(
      ([i, type]) => {
        const u = window.spoken[i as number]!;
        u.dispatchEvent(new SpeechSynthesisEvent(type as string, { utterance: u, charIndex: 0 }));
      },
      [i, type] as const,
    );
  const marked = () =>
    page.evaluate(() => ({
      text: [...(CSS.highlights.get('read-aloud') ?? [])].map((r) => (r as Range).toString()).join('|'),
      element: document.querySelector('[data-reading]')?.tagName ?? null,
    }));
  const spokenCount = () => page.evaluate(() => window.spoken.length);

  await play.click();
  await expect.poll(state).toBe('playing');
  const elements: (string | null)[] = [];
  for (let i = 0; i < expected.length; i++) {
    await expect.poll(spokenCount).toBe(i + 1);
    const u = await page.evaluate((i) => ({ text: window.spoken[i]!.text, lang: window.spoken[i]!.lang, voice: window.spoken[i]!.voice?.name }), i);
    expect(u).toEqual({ text: expected[i], lang: 'zh-Hans', voice: 'stand-in' });
    await fire(i, 'start');
    const mark = await marked();
    expect(mark.text.replace(/\s+/g, ' ')).toBe(expected[i]);
    elements.push(mark.element);
    if (i === 1) {
      await play.click();
      expect(await state()).toBe('paused');
      expect(await play.textContent()).toBe('继续');
      await play.click();
      expect(await state()).toBe('playing');
      expect(await page.evaluate(() => window.engineCalls.slice(-2))).toEqual(['pause', 'resume']);
    }
    await fire(i, 'end');
  }
  expect(elements).toEqual(['H1', ...description.map(() => 'P'), ...imageDescription.map(() => 'DD')]);
  await expect.poll(state).toBe('idle');
  expect(await spokenCount()).toBe(expected.length);
  expect((await marked()).text).toBe('');

  // Stop mid-way: the engine is cancelled, the mark goes, and the stopped utterance's late `end` reads nothing more.
  await play.click();
  await expect.poll(spokenCount).toBe(expected.length + 1);
  await fire(expected.length, 'start');
  expect((await marked()).text).toBe(expected[0]);
  await stop.click();
  expect(await state()).toBe('idle');
  expect(await page.evaluate(() => window.engineCalls.at(-1))).toBe('cancel');
  expect(await marked()).toEqual({ text: '', element: null });
  await fire(expected.length, 'end');
  expect(await spokenCount()).toBe(expected.length + 1);

  // The viewer's live region says where the visitor looks, named as the hotspot list names directions: ahead on
  // opening, to the right after turning 90° (10° a press).
  await expect.poll(() => page.locator('[data-pano]').getAttribute('data-state'), { timeout: 30_000 }).toBe('ready');
  const spoken = page.locator('[data-pano-spoken]');
  expect(await spoken.getAttribute('aria-live')).toBe('polite');
  await expect.poll(() => spoken.textContent(), { timeout: 5000 }).toMatch(new RegExp(`^视线：${words.ahead}(，|$)`));
  // Turned with the buttons that stand in for a drag (the arrow keys are panorama.e2e's).
  const turnRight = page.getByRole('group', { name: words['move.label'] }).getByRole('button', { name: words['move.right'] });
  for (let i = 0; i < 9; i++) await turnRight.click();
  await expect.poll(() => spoken.textContent(), { timeout: 5000 }).toMatch(new RegExp(`^视线：${words.right}(，|$)`));
  expect(errors).toEqual([]);
  await context.close();
});
