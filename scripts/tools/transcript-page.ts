// A page holding only the film player with a transcript of N cues, served to Chromium from memory: what the
// transcript bench (scripts/bench/transcript.ts) and its browser test (tests/e2e/transcript.e2e.ts) load. The player
// is rendered on the server and hydrated as on a drama page (mountIsland), with a real WebVTT track and a real
// video (a black one-hour H.264 made by ffmpeg), so seeking fires `seeked` and the transcript follows as on the site.
// The player may come from another commit (the bench compares against it), bundled against today's other modules.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import type { Page } from 'playwright-core';
import { ffmpegPath } from '../../assets-pipeline/video/ffmpeg-path.ts';
import { ROOT } from '../../model/paths.ts';
import type { PlayerProps } from '../../site/components/drama/player-types.ts';

export const ORIGIN = 'http://transcript.test';
/** The stand-in video's length: cues are spread over it. */
const VIDEO_SECONDS = 3600;
const DRAMA_DIR = path.join(ROOT, 'site/components/drama');

export interface TranscriptCueData {
  start: number;
  end: number;
  text: string;
}

/** `n` cues spread evenly over the video, each a short line of its own. */
export function makeCues(n: number): TranscriptCueData[] {
  const step = VIDEO_SECONDS / n;
  return Array.from({ length: n }, (_, i) => ({
    start: Math.round(i * step * 1000) / 1000,
    end: Math.round((i + 0.9) * step * 1000) / 1000,
    text: `Line ${i + 1}: the kite rose over the dunes`,
  }));
}

const clock = (s: number) => {
  const ms = Math.round(s * 1000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(Math.floor(ms / 3_600_000))}:${p(Math.floor(ms / 60_000) % 60)}:${p(Math.floor(ms / 1000) % 60)}.${p(ms % 1000, 3)}`;
};
const toVtt = (cues: readonly TranscriptCueData[]) =>
  `WEBVTT\n\n${cues.map((c, i) => `${i + 1}\n${clock(c.start)} --> ${clock(c.end)}\n${c.text}\n`).join('\n')}`;

let video: Buffer | undefined;
/** One hour of 16×16 black at one frame a second: a few kilobytes, made once per process. */
function standInVideo(): Buffer {
  if (video) return video;
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'transcript-video-')), 'v.mp4');
  execFileSync(ffmpegPath(), [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    `color=black:s=16x16:r=1:d=${VIDEO_SECONDS}`,
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-g',
    '10',
    '-pix_fmt',
    'yuv420p',
    '-movflags',
    '+faststart',
    '-y',
    out,
  ]);
  video = fs.readFileSync(out);
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  return video;
}

/** The player under test: today's file, or the source of DramaPlayer.tsx (and drama.css) from another commit. */
export interface PlayerSource {
  name: string;
  /** DramaPlayer.tsx's text; undefined for the file in the working tree. */
  tsx?: string;
  css: string;
}

export const currentPlayer = (): PlayerSource => ({ name: 'current', css: fs.readFileSync(path.join(DRAMA_DIR, 'drama.css'), 'utf8') });

/** DramaPlayer.tsx and drama.css as they were at `ref`. */
export function playerAt(ref: string): PlayerSource {
  const show = (f: string) => execFileSync('git', ['show', `${ref}:site/components/drama/${f}`], { cwd: ROOT, encoding: 'utf8' });
  return { name: ref, tsx: show('DramaPlayer.tsx'), css: show('drama.css') };
}

/** Resolves `player-under-test` to the chosen DramaPlayer, its imports resolved beside today's file. */
const playerPlugin = (src: PlayerSource): Plugin => ({
  name: 'player-under-test',
  setup(b) {
    b.onResolve({ filter: /^player-under-test$/ }, () =>
      src.tsx === undefined ? { path: path.join(DRAMA_DIR, 'DramaPlayer.tsx') } : { path: 'player', namespace: 'player-under-test' },
    );
    b.onLoad({ filter: /.*/, namespace: 'player-under-test' }, () => ({ contents: src.tsx, loader: 'tsx', resolveDir: DRAMA_DIR }));
  },
});

async function bundle(src: PlayerSource, contents: string, platform: 'node' | 'browser'): Promise<string> {
  const r = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'tsx' },
    bundle: true,
    write: false,
    platform,
    format: platform === 'node' ? 'cjs' : 'esm',
    jsx: 'automatic',
    minify: platform === 'browser',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [playerPlugin(src)],
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.text;
}

export interface TranscriptPage {
  html: string;
  files: Map<string, { body: string | Buffer; type: string }>;
  cues: TranscriptCueData[];
}

/** The page and what it loads, for `n` cues and the given player. */
export async function transcriptPage(n: number, src: PlayerSource = currentPlayer()): Promise<TranscriptPage> {
  const cues = makeCues(n);
  const props = {
    mp4: '/v.mp4',
    duration: VIDEO_SECONDS,
    subtitles: [{ lang: 'en', label: 'English', url: '/en.vtt', rtl: false }],
    audio: [],
    defaultSubtitle: 'en',
    defaultAudio: 'en',
    transcript: cues,
    strings: {
      label: 'Film',
      subtitles: 'Subtitles',
      subtitlesOff: 'Off',
      audio: 'Audio',
      audioMp4Only: '',
      keys: '',
      transcript: 'Transcript',
      transcriptHint: '',
      seek: 'Play from {{time}}',
      captionSize: 'Caption size',
      captionSizes: ['Small', 'Medium', 'Large', 'Extra large'],
      captionBackground: 'Caption background',
      captionBackgrounds: ['Box', 'See-through box', 'Outline'],
    },
  } satisfies PlayerProps;
  const server = await bundle(
    src,
    "import { createElement } from 'react'; import { renderToString } from 'react-dom/server'; import Player from 'player-under-test'; export const render = (p) => renderToString(createElement(Player, p));",
    'node',
  );
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'transcript-ssr-')), 'ssr.cjs');
  fs.writeFileSync(file, server);
  const { render } = createRequire(import.meta.url)(file) as { render: (p: unknown) => string };
  const markup = render(props);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  const client = await bundle(
    src,
    `import { mountIsland } from ${JSON.stringify(path.join(ROOT, 'site/components/common/island.ts'))}; import Player from 'player-under-test'; mountIsland('drama-player', Player, 'hydrate');`,
    'browser',
  );
  // Long tasks are recorded from the first byte, before the player's script runs.
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>transcript</title>
<script>window.__longTasks=[];new PerformanceObserver((l)=>{for(const e of l.getEntries())window.__longTasks.push([e.startTime,e.duration])}).observe({type:'longtask',buffered:true});</script>
<style>${src.css}</style></head><body><main>
<div data-island="drama-player" style="display:contents">${markup}</div>
<script type="application/json">${JSON.stringify(props).replace(/</g, '\\u003c')}</script>
<script type="module" src="/player.js"></script>
</main></body></html>`;
  const files = new Map<string, { body: string | Buffer; type: string }>([
    ['/', { body: html, type: 'text/html; charset=utf-8' }],
    ['/player.js', { body: client, type: 'text/javascript' }],
    ['/en.vtt', { body: toVtt(cues), type: 'text/vtt' }],
    ['/v.mp4', { body: standInVideo(), type: 'video/mp4' }],
  ]);
  return { html, files, cues };
}

/** Serves the page's files to `page` from memory (with byte ranges for the video) and opens it. */
export async function openTranscriptPage(page: Page, tp: TranscriptPage, timeout = 300_000): Promise<void> {
  await page.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    const f = tp.files.get(url.pathname);
    if (!f) return route.fulfill({ status: 404, body: '' });
    const body = typeof f.body === 'string' ? Buffer.from(f.body) : f.body;
    const range = /^bytes=(\d+)-(\d*)$/.exec(route.request().headers().range ?? '');
    if (range) {
      const start = Number(range[1]);
      const end = range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
      return route.fulfill({
        status: 206,
        headers: { 'content-type': f.type, 'content-range': `bytes ${start}-${end}/${body.length}`, 'accept-ranges': 'bytes' },
        body: body.subarray(start, end + 1),
      });
    }
    return route.fulfill({ status: 200, headers: { 'content-type': f.type, 'accept-ranges': 'bytes' }, body });
  });
  await page.goto(`${ORIGIN}/`, { waitUntil: 'load', timeout });
}

export interface TranscriptMetrics {
  /** Transcript rows in the DOM once settled. */
  rows: number;
  /** From navigation to the end of the last long task before `quietMs` without one (after the track's cues loaded). */
  interactiveMs: number;
  longTasks: number;
  /** Sum of each long task's time over 50 ms (Total Blocking Time). */
  blockingMs: number;
  longestTaskMs: number;
  /** From clicking a line to that line (or a later one, as the film plays on) marked current: the seek done and the
   * transcript re-rendered. */
  clickToCurrentMs: number;
  /** The video's time after the click, and the clicked line's start. */
  seekedTo: number;
  lineStart: number;
  htmlBytes: number;
}

/** Waits for the page to settle (cues loaded, `quietMs` without a long task), then clicks a line and times it. */
export async function measureTranscript(page: Page, tp: TranscriptPage, quietMs = 1500, timeout = 300_000): Promise<TranscriptMetrics> {
  await page.waitForFunction(
    ([n, quiet]) => {
      const w = window as unknown as { __longTasks: [number, number][] };
      const v = document.querySelector('video');
      const loaded = (v?.textTracks[0]?.cues?.length ?? 0) === n && document.querySelector('.drama-transcript li a') !== null;
      const last = w.__longTasks.reduce((m, [s, d]) => Math.max(m, s + d), 0);
      return loaded && performance.now() - last >= quiet;
    },
    [tp.cues.length, quietMs] as const,
    { timeout, polling: 100 },
  );
  const settled = await page.evaluate(() => {
    const w = window as unknown as { __longTasks: [number, number][] };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const last = w.__longTasks.reduce((m, [s, d]) => Math.max(m, s + d), 0);
    return {
      rows: document.querySelectorAll('.drama-transcript li').length,
      interactiveMs: Math.max(last, nav.domContentLoadedEventEnd),
      longTasks: w.__longTasks.length,
      blockingMs: w.__longTasks.reduce((s, [, d]) => s + Math.max(0, d - 50), 0),
      longestTaskMs: w.__longTasks.reduce((m, [, d]) => Math.max(m, d), 0),
    };
  });
  // The sixth line in view: a real click (Playwright's mouse) on a line not yet current.
  const link = page.locator('.drama-transcript li a').nth(5);
  const lineStart = Number(await link.getAttribute('data-start'));
  await page.evaluate(() => {
    const w = window as unknown as { __clickAt: number };
    document.addEventListener('click', () => (w.__clickAt = performance.now()), { capture: true, once: true });
  });
  await link.click();
  // A string, not a function: tsx's name-keeping helper would be missing in the page.
  const clickToCurrentMs = (await page.evaluate(`new Promise((resolve) => {
    const check = () => {
      // At 200,000 cues a line lasts 18 ms of the film, which plays on after the seek: the clicked line or a later one.
      const a = document.querySelector('.drama-transcript li[aria-current="true"] a');
      if (a && Number(a.dataset.start) >= ${lineStart}) resolve(performance.now() - window.__clickAt);
      else requestAnimationFrame(check);
    };
    check();
  })`)) as number;
  const seekedTo = await page.$eval('video', (v: HTMLVideoElement) => v.currentTime);
  return { ...settled, clickToCurrentMs, seekedTo, lineStart, htmlBytes: Buffer.byteLength(tp.html) };
}
