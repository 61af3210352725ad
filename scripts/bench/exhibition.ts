// Exhibition page benchmark: `npm run bench -- exhibition [--exhibition library-cave] [--locale en] [--runs 3]`.
// Needs a built site (`npm run build`; HERITAGE_BUILD_DIR / HERITAGE_DIST_DIR choose which), served as the site
// serves it. In one Chromium (SwiftShader WebGL), each load in a fresh context (cold cache), it measures:
// - firstViewBytes: what the exhibition page loads before the reader moves (HTML, scripts, styles, fonts), the
//   step media (stills, viewers) left out and logged beside it: response bodies as the local server sends them
//   (uncompressed), firstViewGzipBytes as a static host sends them (gzip; brotli per exhibition), and
//   firstViewTransferBytes as Chromium counts them (bodies plus headers); lcpMs: its largest contentful paint.
//   `--list` prints every request of each first view (and every switch);
// - stepSwitchP95Ms: on-screen time, from a "next step" key press (the event's time stamp) to the presentation of
//   the first frame that paints that step's media shown (the step marked, each medium's still laid out, decoded and
//   at full opacity, or its live viewer on; see ARM_SWITCH in switch-recorder.ts), over every step of every demo
//   exhibition, grouped by kind (the kind of the step's first medium), in two walks: a reader who stays on each step
//   (the next key once the step's viewers are on or have failed and the network has been quiet for 500 ms: the
//   switch leaves an open player, globe or 3D view behind) and one who pages through (the next key as soon as the
//   switch is measured and the next step's stills are decoded, a frame or two when the page decoded them ahead). The figure is the worse of the two walks' p95s; stepSwitchByKind and
//   stepSwitchPagingByKind give each walk's by kind. Beside each on-screen figure (p95Ms, medianMs) stands the main
//   thread's (mainThreadP95Ms, mainThreadMedianMs; headline stepSwitchMainThreadP95Ms): from the key to the end of
//   the same frame's main-thread work (style, layout, paint); raster, compositing and presentation come after it.
//   A switch the page could not see shown is failed (listed in stepSwitchFailed), slower than every measured one:
//   a p95 that falls on one is null;
// - trivialFrame: the floor under those figures, in the same run, on the same pages: from a key the page ignores to
//   the presentation of a frame that changes nothing but a 4 px speck (on screen and main thread, as above), timed
//   before each switch of the staying walk and before the first of the paging walk. A switch cannot be faster than
//   this on the machine; what a switch costs is its time above it;
// - sceneStepFirstFrameMs: the page opened at a 3D step's `#step` link until the embedded viewer's first frame,
//   against the baseline scenePageFirstFrameMs: that scene's own page opened at the same hotspot, same run.
// `--compositing software` (the default) puts frames on screen with Chromium's software compositor, as Chromium does
// on a machine without a usable GPU; `--compositing gpu` with the compositor on SwiftShader's software GL, a setup no
// visitor's browser uses (the blocklist ignored; every frame a full redraw and swap: 30–110 ms per frame on 2 cores).
// WebGL runs on SwiftShader in both. The JSON says which (`compositing`).
// Prints JSON on the last line. Goals: first view ≤ 200 KB; switch p95 ≤ 100 ms for image, map-still and clip
// steps; a 3D step's first frame ≤ 1.2 × the scene page's.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { readPublishedExhibitions, type StepMedia } from '../../model/exhibition.ts';
import { distDir, mediaDir } from '../../model/paths.ts';
import { createSiteHandler } from '../site-server.ts';
import { launchBrowser } from '../tools/browser.ts';
import { brotliBytes, sentBytes } from '../tools/page-weight.ts';
import { type TraceEvent, type TracedSwitch, tracedSwitch } from '../tools/trace-switch.ts';
import { bothFigures, type KeyRecord, type SwitchTime, switchTime, trivialFrameTime } from '../tools/switch-clock.ts';
import { ARM_SWITCH, ARM_TRIVIAL, SHOWN_MARK, TRIVIAL_KEY, WATCH_MS } from '../tools/switch-recorder.ts';
import { median } from './stats.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SLUG = arg('exhibition') ?? 'library-cave';
const LOCALE = arg('locale') ?? 'en';
const RUNS = Number(arg('runs') ?? 3);
// `--only view,switch,3d` measures only those parts (for a quick look; the goals need all three).
const PARTS = new Set((arg('only') ?? 'view,switch,3d').split(','));
const TRACE = Number(arg('trace') ?? 0);
const COMPOSITING = arg('compositing') ?? 'software';
if (COMPOSITING !== 'software' && COMPOSITING !== 'gpu') throw new Error(`--compositing ${COMPOSITING}: software or gpu`);
/** `--walk jades-tribute,…` walks only those exhibitions (for a quick look at a few kinds; the goal needs them all). */
const WALKED = arg('walk')?.split(',');
const log = (s: string) => process.stderr.write(`${s}\n`);
const round = (n: number | null) => (n === null || Number.isNaN(n) ? null : Math.round(n));

const all = readPublishedExhibitions();
const target = all.find((e) => e.id === SLUG);
if (!target) throw new Error(`no exhibition "${SLUG}" in the published records: run \`npm run build\` first`);
for (const e of all) {
  const page = path.join(distDir(), LOCALE, 'exhibitions', e.id, 'index.html');
  if (!fs.existsSync(page)) throw new Error(`${page} is missing: run \`npm run build\` first`);
}

/** The kind a step switch is counted under: what the reader sees at once when the step is reached. */
const switchKind = (m: StepMedia): string =>
  m.kind === 'region' || m.kind === 'artifacts' || m.kind === 'image' ? 'image' : m.kind === 'globe' ? 'map-still' : m.kind;

const server = http.createServer(createSiteHandler(distDir(), mediaDir()));
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function fresh(browser: Browser, reduced = false): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: reduced ? 'reduce' : 'no-preference' });
  return ctx.newPage();
}

// Strings, not functions, for page.evaluate: tsx's keepNames would inject a __name helper the page does not have.
const LCP = `new Promise((resolve) => {
  new PerformanceObserver((list) => resolve(list.getEntries().at(-1).startTime)).observe({ type: 'largest-contentful-paint', buffered: true });
  setTimeout(() => resolve(null), 3000);
})`;
/** Which responses are step media: the stills inside the steps (and whatever a step's viewer loads, which the
 * first view never starts). Everything else is the page the reader gets before any step media. */
const STEP_MEDIA = `[...document.querySelectorAll('[data-step-media] img')].map((i) => i.currentSrc || i.src)`;

/** The Performance API's transfer sizes (bodies as sent plus response headers) of the same requests: the figure
 * this bench first reported. */
const TRANSFER = (media: string) => `(() => {
  const media = new Set(${media});
  let n = performance.getEntriesByType('navigation')[0].transferSize;
  for (const r of performance.getEntriesByType('resource')) if (!media.has(r.name)) n += r.transferSize;
  return n;
})()`;

interface Sent {
  url: string;
  type: string;
  /** As the local server sends it (it does not compress). */
  bytes: number;
  /** As a static host sends it: gzip, and brotli where the host speaks it (text types; woff2 and images as is). */
  gzip: number;
  br: number;
}

async function firstView(browser: Browser, slug: string, list: boolean) {
  const page = await fresh(browser);
  const sent: Promise<Sent | undefined>[] = [];
  page.on('response', (r) =>
    sent.push(
      r.body().then(
        (body) => {
          const type = r.headers()['content-type'] ?? '';
          return { url: r.url(), type: r.request().resourceType(), bytes: body.length, gzip: sentBytes(body, type), br: brotliBytes(body, type) };
        },
        () => undefined,
      ),
    ),
  );
  await page.goto(`${base}/${LOCALE}/exhibitions/${slug}/`, { waitUntil: 'load' });
  await page.waitForSelector('.exh--scrolly');
  await page.waitForLoadState('networkidle');
  const lcp = (await page.evaluate(LCP)) as number | null;
  const media = new Set((await page.evaluate(STEP_MEDIA)) as string[]);
  const transfer = (await page.evaluate(TRANSFER(STEP_MEDIA))) as number;
  await page.context().close();
  const all = (await Promise.all(sent)).filter((x): x is Sent => x !== undefined);
  const own = all.filter((x) => !media.has(x.url));
  const sum = (xs: Sent[], k: 'bytes' | 'gzip' | 'br') => xs.reduce((n, x) => n + x[k], 0);
  if (list) {
    log(`first view of ${slug} (${LOCALE}): bytes as served / gzip / brotli`);
    for (const x of [...all].sort((a, b) => b.bytes - a.bytes))
      log(
        `  ${media.has(x.url) ? 'step media ' : ''}${x.type.padEnd(10)} ${String(x.bytes).padStart(8)} ${String(x.gzip).padStart(8)} ${String(x.br).padStart(8)}  ${x.url.replace(base, '')}`,
      );
  }
  const stepMedia = all.filter((x) => media.has(x.url));
  return {
    lcpMs: lcp,
    transferBytes: transfer,
    bytes: sum(own, 'bytes'),
    gzipBytes: sum(own, 'gzip'),
    brBytes: sum(own, 'br'),
    requests: own.length,
    stepMediaBytes: sum(stepMedia, 'bytes'),
  };
}

/** Until no resource has been fetched for 500 ms (at most 10 s): `waitForLoadState('networkidle')` resolves at once
 * once the page has reached that state, which it did when it loaded. */
async function networkQuiet(page: Page): Promise<void> {
  const count = () => page.evaluate(() => performance.getEntriesByType('resource').length);
  let n = await count();
  for (let i = 0; i < 20; i++) {
    await page.waitForTimeout(500);
    const m = await count();
    if (m === n) return;
    n = m;
  }
}

/** Until each live medium of the step is on or has failed (a reader staying on the step sees its viewer). */
const viewersSettled = (page: Page, id: string) =>
  page.waitForFunction(
    (id) =>
      [...document.querySelectorAll<HTMLElement>(`[id="${id}"] [data-live]`)].every((f) => f.dataset.liveState === 'on' || f.dataset.liveState === 'failed'),
    id,
    { timeout: 120_000, polling: 100 },
  );

interface Walked {
  kind: string;
  step: string;
  time: SwitchTime;
}

/** Trace categories that hold the key's EventLatency, the page's marks, the main thread's tasks and frames, and
 * each frame's presentation. */
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'cc', 'benchmark', 'input', 'latencyInfo'];
const TRACE_DIR = path.join('test-output', 'exhibition-traces');
/** Switches checked against a Chromium trace (`--trace N`: the first N of each walk in the first run). */
const traced: ({ walk: string; step: string; kind: string; benchMs: number | null; benchRenderedMs: number | null } & Partial<TracedSwitch> & {
    error?: string;
  })[] = [];

/** Trivial frames timed on the walks' pages (switch-recorder.ts), the floor under the switches measured beside them. */
const trivialFrames: SwitchTime[] = [];

/** Times one trivial frame: the speck alone, from a key the page ignores. */
async function trivialFrame(page: Page): Promise<void> {
  await page.evaluate(ARM_TRIVIAL);
  await page.keyboard.press(TRIVIAL_KEY);
  const recorded = await page
    .waitForFunction(() => (window as { __trivial?: { record: KeyRecord } }).__trivial, undefined, { timeout: 70_000, polling: 50 })
    .then((h) => h.jsonValue() as Promise<{ record: KeyRecord }>)
    .catch(() => undefined);
  trivialFrames.push(recorded ? trivialFrameTime(recorded.record) : { failed: 'the page recorded no trivial frame' });
}

async function walk(browser: Browser, slug: string, stay: boolean, trace = 0): Promise<Walked[]> {
  const e = all.find((x) => x.id === slug)!;
  // Reduced motion: the page cuts to the step, so the time is the switch itself, not a smooth scroll.
  const page = await fresh(browser, true);
  await page.goto(`${base}/${LOCALE}/exhibitions/${slug}/`);
  await page.waitForFunction(() => document.querySelector('[data-exhibition]')?.getAttribute('data-active-step'));
  // A reader starts once the page has loaded (what the first view fetches is not a switch's cost).
  await page.waitForLoadState('networkidle');
  await networkQuiet(page);
  const out: Walked[] = [];
  for (const step of e.steps.slice(1)) {
    // The floor, where it does not change the walk: before each switch of a reader who stays (the page is quiet then,
    // the last step's viewers on), and before the first of a reader who pages through.
    if (stay || !out.length) await trivialFrame(page);
    const decodeWait = (await page.evaluate(ARM_SWITCH(step.id))) as number;
    const tracing = out.length < trace;
    if (tracing) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    await page.keyboard.press('ArrowRight');
    type Recorded = { record: KeyRecord; loaded: boolean; longTasks: number };
    const kind = switchKind(step.media[0]!);
    const recorded = await page
      .waitForFunction(() => (window as { __switch?: Recorded }).__switch, undefined, { timeout: WATCH_MS + 10_000, polling: 50 })
      .then((h) => h.jsonValue() as Promise<Recorded>)
      .catch(() => undefined);
    const time: SwitchTime = recorded ? switchTime(recorded.record) : { failed: 'the page recorded no key (it did not answer)' };
    out.push({ kind, step: step.id, time });
    if (tracing) {
      // Until the frame that showed the step has surely been presented.
      await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 500))))');
      const trace = await browser.stopTracing();
      // Kept for a look in a trace viewer (chrome://tracing, Perfetto).
      fs.mkdirSync(TRACE_DIR, { recursive: true });
      fs.writeFileSync(path.join(TRACE_DIR, `${stay ? 'stay' : 'paging'}-${slug}-${step.id}.json`), trace);
      const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
      const row = {
        walk: stay ? 'stay' : 'paging',
        step: `${slug}#${step.id}`,
        kind,
        benchMs: 'ms' in time ? time.ms : null,
        benchRenderedMs: 'ms' in time ? time.renderedMs : null,
      };
      try {
        traced.push({ ...row, ...tracedSwitch(events, SHOWN_MARK) });
      } catch (err) {
        traced.push({ ...row, error: (err as Error).message });
      }
      log(`  traced: ${JSON.stringify(traced.at(-1))}`);
    }
    if (process.argv.includes('--list'))
      log(
        `  ${stay ? 'staying' : 'paging'}: switch to ${slug}#${step.id} (${kind}): ${'ms' in time ? `${Math.round(time.ms)} ms (rendered at ${Math.round(time.renderedMs ?? Number.NaN)} ms), frame ${time.frames}` : `FAILED: ${time.failed}`}; stills ${recorded?.loaded ? 'loaded' : 'NOT loaded'} at the key, decoded ${Math.round(decodeWait)} ms after arming; long tasks ${Math.round(recorded?.longTasks ?? 0)} ms`,
      );
    if (stay) {
      await viewersSettled(page, step.id);
      await networkQuiet(page);
    }
  }
  await page.context().close();
  return out;
}

const sceneStep = target.steps.find((s) => s.media[0]?.kind === 'scene');
const sceneMedia = sceneStep?.media[0]?.kind === 'scene' ? sceneStep.media[0] : undefined;

async function firstFrame(browser: Browser, url: string): Promise<number> {
  const page = await fresh(browser);
  await page.goto(base + url);
  await page.waitForFunction(() => performance.getEntriesByName('scene-first-frame').length > 0, undefined, { timeout: 120_000 });
  const t = await page.evaluate(() => performance.getEntriesByName('scene-first-frame')[0]!.startTime);
  await page.context().close();
  return t;
}

const browser = await launchBrowser({ compositing: COMPOSITING });
const views: Record<string, Awaited<ReturnType<typeof firstView>>[]> = {};
const switches: Walked[] = [];
const paging: Walked[] = [];
const stepFrames: number[] = [];
const pageFrames: number[] = [];
const stepUrl = sceneStep && `/${LOCALE}/exhibitions/${SLUG}/#${sceneStep.id}`;
// The scene page opens its viewer at once for a #hotspot link; a camera-pose step has no such link, so the
// baseline is then the page's start button pressed as soon as it is there.
const sceneUrl = sceneMedia && `/${LOCALE}/scenes/${sceneMedia.scene}/${sceneMedia.hotspot ? `#${sceneMedia.hotspot}` : ''}`;
try {
  // One discarded load of each WebGL page first: a fresh browser's first one also starts its GPU process.
  if (stepUrl && sceneUrl && PARTS.has('3d')) for (const u of [stepUrl, sceneUrl]) await firstFrame(browser, u);
  log('warm-up done');
  for (let i = 0; i < RUNS; i++) {
    if (PARTS.has('view'))
      for (const e of all) (views[e.id] ??= []).push(await firstView(browser, e.id, i === 0 && (e.id === SLUG || process.argv.includes('--list'))));
    if (PARTS.has('switch'))
      for (const e of all.filter((x) => !WALKED || WALKED.includes(x.id))) {
        switches.push(...(await walk(browser, e.id, true, i === 0 ? TRACE : 0)));
        paging.push(...(await walk(browser, e.id, false, i === 0 ? TRACE : 0)));
      }
    if (stepUrl && sceneUrl && PARTS.has('3d'))
      for (const which of i % 2 ? (['page', 'step'] as const) : (['step', 'page'] as const)) {
        const t = await firstFrame(browser, which === 'step' ? stepUrl : sceneUrl);
        (which === 'step' ? stepFrames : pageFrames).push(t);
      }
    log(
      `run ${i + 1}: first view ${JSON.stringify(Object.fromEntries(Object.entries(views).map(([k, v]) => [k, v.at(-1)])))}; 3D first frame step ${Math.round(stepFrames.at(-1) ?? 0)} ms, scene page ${Math.round(pageFrames.at(-1) ?? 0)} ms`,
    );
  }
} finally {
  await browser.close();
  server.close();
}

const byKind = (walked: Walked[]) =>
  Object.fromEntries([...new Set(walked.map((s) => s.kind))].map((kind) => [kind, bothFigures(walked.filter((s) => s.kind === kind).map((s) => s.time))]));
const goalKinds = ['image', 'map-still', 'clip'];
const goalFigures = [switches, paging].map((walked) => bothFigures(walked.filter((s) => goalKinds.includes(s.kind)).map((s) => s.time)));
const measured = goalFigures.filter((f) => f.n > 0);
// A walk whose p95 falls on a failed switch has no p95 to meet the goal with: the figure is then null.
const worse = (p95: (f: (typeof measured)[number]) => number | null) =>
  measured.length && measured.every((f) => p95(f) !== null) ? Math.max(...measured.map((f) => p95(f)!)) : null;
const stepSwitchP95Ms = worse((f) => f.p95Ms);
const stepSwitchMainThreadP95Ms = worse((f) => f.mainThreadP95Ms);
const trivialFigures = bothFigures(trivialFrames);
/** What each figure of the JSON is, said in the JSON itself. */
const CLOCK = {
  onScreen:
    "p95Ms, medianMs, stepSwitchP95Ms: from the key event's time stamp to the presentation of the first frame that shows the step (Element Timing), what the reader sees; the goal's figure",
  mainThread:
    "mainThreadP95Ms, mainThreadMedianMs, stepSwitchMainThreadP95Ms: from the key event's time stamp to the end of the main-thread work (style, layout, paint) of that same frame; raster, compositing and presentation follow",
  trivialFrame:
    'trivialFrame: from a key the page ignores to the presentation of a frame that only adds a 4 px speck, on the same pages in the same run: the floor of this machine under every switch',
};
log(
  `switch p95 (worse walk, image + map-still + clip): ${stepSwitchP95Ms} ms on screen, ${stepSwitchMainThreadP95Ms} ms on the main thread; a trivial frame: median ${trivialFigures.medianMs} ms on screen (p95 ${trivialFigures.p95Ms} ms)`,
);
const failedSwitches = [...switches, ...paging].flatMap((s) => ('failed' in s.time ? [`${s.step}: ${s.time.failed}`] : []));
const perExhibition = Object.fromEntries(
  Object.entries(views).map(([id, v]) => [
    id,
    {
      firstViewBytes: median(v.map((x) => x.bytes)),
      firstViewGzipBytes: median(v.map((x) => x.gzipBytes)),
      firstViewTransferBytes: median(v.map((x) => x.transferBytes)),
      firstViewBrotliBytes: median(v.map((x) => x.brBytes)),
      requests: median(v.map((x) => x.requests)),
      stepMediaBytes: median(v.map((x) => x.stepMediaBytes)),
      lcpMs: round(median(v.flatMap((x) => x.lcpMs ?? []))),
    },
  ]),
);
const sceneStepFirstFrameMs = round(median(stepFrames));
const scenePageFirstFrameMs = round(median(pageFrames));
console.log(
  JSON.stringify({
    exhibition: SLUG,
    locale: LOCALE,
    runs: RUNS,
    firstViewBytes: perExhibition[SLUG]?.firstViewBytes ?? null,
    firstViewGzipBytes: perExhibition[SLUG]?.firstViewGzipBytes ?? null,
    lcpMs: perExhibition[SLUG]?.lcpMs ?? null,
    stepSwitchP95Ms,
    stepSwitchMainThreadP95Ms,
    trivialFrame: trivialFigures,
    clock: CLOCK,
    compositing: COMPOSITING,
    load: os.loadavg().map((l) => Math.round(l * 10) / 10),
    stepSwitchFailed: failedSwitches,
    sceneStepFirstFrameMs,
    scenePageFirstFrameMs,
    sceneFirstFrameRatio: sceneStepFirstFrameMs && scenePageFirstFrameMs ? Math.round((sceneStepFirstFrameMs / scenePageFirstFrameMs) * 100) / 100 : null,
    baseline: sceneUrl ?? null,
    stepSwitchByKind: byKind(switches),
    stepSwitchPagingByKind: byKind(paging),
    perExhibition,
    ...(traced.length ? { traced } : {}),
  }),
);
