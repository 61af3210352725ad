// Exhibition page benchmark: `npm run bench -- exhibition [--exhibition library-cave] [--locale en] [--runs 3]`.
// Needs a built site (`npm run build`; HERITAGE_BUILD_DIR / HERITAGE_DIST_DIR choose which), served as the site
// serves it. In one Chromium (SwiftShader WebGL), each load in a fresh context (cold cache), it measures:
// - firstViewBytes: what the exhibition page loads before the reader moves (HTML, scripts, styles, fonts), the
//   step media (stills, viewers) left out and logged beside it; lcpMs: its largest contentful paint;
// - stepSwitchP95Ms: from a "next step" key press to the frame in which that step's media is shown (the step
//   marked, its stills decoded and at full opacity), over every step of every demo exhibition, grouped by kind;
// - sceneStepFirstFrameMs: the page opened at a 3D step's `#step` link until the embedded viewer's first frame,
//   against the baseline scenePageFirstFrameMs: that scene's own page opened at the same hotspot, same run.
// Prints JSON on the last line. Goals: first view ≤ 200 KB; switch p95 ≤ 100 ms for image, map-still and clip
// steps; a 3D step's first frame ≤ 1.2 × the scene page's.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { readPublishedExhibitions, type StepMedia } from '../../model/exhibition.ts';
import { distDir, mediaDir } from '../../model/paths.ts';
import { createSiteHandler } from '../site-server.ts';
import { launchBrowser } from '../tools/browser.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SLUG = arg('exhibition') ?? 'library-cave';
const LOCALE = arg('locale') ?? 'en';
const RUNS = Number(arg('runs') ?? 3);
const log = (s: string) => process.stderr.write(`${s}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const p95 = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1]! : null);
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
const BYTES = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const media = new Set([...document.querySelectorAll('[data-step-media] img')].map((i) => i.currentSrc || i.src));
  let page = nav.transferSize, stepMedia = 0;
  for (const r of performance.getEntriesByType('resource')) {
    if (media.has(r.name)) stepMedia += r.transferSize; else page += r.transferSize;
  }
  return { page, stepMedia };
})()`;

async function firstView(browser: Browser, slug: string) {
  const page = await fresh(browser);
  await page.goto(`${base}/${LOCALE}/exhibitions/${slug}/`, { waitUntil: 'load' });
  await page.waitForSelector('.exh--scrolly');
  await page.waitForLoadState('networkidle');
  const lcp = (await page.evaluate(LCP)) as number | null;
  const bytes = (await page.evaluate(BYTES)) as { page: number; stepMedia: number };
  await page.context().close();
  return { lcpMs: lcp, bytes: bytes.page, stepMediaBytes: bytes.stepMedia };
}

// Time from the key press (a capturing listener on window sees it before the page's own handler) to the frame in
// which the step is shown.
const ARM = `window.__switchStart = undefined; addEventListener('keydown', () => { window.__switchStart ??= performance.now(); }, { capture: true, once: true });`;
const SHOWN = (id: string) => `new Promise((resolve) => {
  const done = () => {
    const step = document.getElementById(${JSON.stringify(id)});
    const ready = document.querySelector('[data-exhibition]').dataset.activeStep === ${JSON.stringify(id)} &&
      [...step.querySelectorAll('img.exh-still')].every((i) => i.complete && i.naturalWidth > 0 && getComputedStyle(i).opacity === '1');
    if (ready) requestAnimationFrame(() => resolve(performance.now() - window.__switchStart));
    else requestAnimationFrame(done);
  };
  done();
})`;

async function walk(browser: Browser, slug: string): Promise<{ kind: string; ms: number }[]> {
  const e = all.find((x) => x.id === slug)!;
  // Reduced motion: the page cuts to the step, so the time is the switch itself, not a smooth scroll.
  const page = await fresh(browser, true);
  await page.goto(`${base}/${LOCALE}/exhibitions/${slug}/`);
  await page.waitForFunction(() => document.querySelector('[data-exhibition]')?.getAttribute('data-active-step'));
  const out: { kind: string; ms: number }[] = [];
  for (const step of e.steps.slice(1)) {
    await page.evaluate(ARM);
    await page.keyboard.press('ArrowRight');
    const ms = (await page.evaluate(SHOWN(step.id))) as number;
    out.push({ kind: switchKind(step.media[0]!), ms });
    // Let a viewer the step opened start before the next key, as a reader would.
    await page.waitForLoadState('networkidle');
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

const browser = await launchBrowser();
const views: Record<string, Awaited<ReturnType<typeof firstView>>[]> = {};
const switches: { kind: string; ms: number }[] = [];
const stepFrames: number[] = [];
const pageFrames: number[] = [];
const stepUrl = sceneStep && `/${LOCALE}/exhibitions/${SLUG}/#${sceneStep.id}`;
// The scene page opens its viewer at once for a #hotspot link; a camera-pose step has no such link, so the
// baseline is then the page's start button pressed as soon as it is there.
const sceneUrl = sceneMedia && `/${LOCALE}/scenes/${sceneMedia.scene}/${sceneMedia.hotspot ? `#${sceneMedia.hotspot}` : ''}`;
try {
  // One discarded load of each WebGL page first: a fresh browser's first one also starts its GPU process.
  if (stepUrl && sceneUrl) for (const u of [stepUrl, sceneUrl]) await firstFrame(browser, u);
  log('warm-up done');
  for (let i = 0; i < RUNS; i++) {
    for (const e of all) (views[e.id] ??= []).push(await firstView(browser, e.id));
    for (const e of all) switches.push(...(await walk(browser, e.id)));
    if (stepUrl && sceneUrl)
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

const byKind: Record<string, { n: number; p95Ms: number | null; medianMs: number | null }> = {};
for (const kind of new Set(switches.map((s) => s.kind))) {
  const xs = switches.filter((s) => s.kind === kind).map((s) => s.ms);
  byKind[kind] = { n: xs.length, p95Ms: round(p95(xs)), medianMs: round(median(xs)) };
}
const goalKinds = ['image', 'map-still', 'clip'];
const perExhibition = Object.fromEntries(
  Object.entries(views).map(([id, v]) => [
    id,
    {
      firstViewBytes: median(v.map((x) => x.bytes)),
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
    firstViewBytes: perExhibition[SLUG]!.firstViewBytes,
    lcpMs: perExhibition[SLUG]!.lcpMs,
    stepSwitchP95Ms: round(p95(switches.filter((s) => goalKinds.includes(s.kind)).map((s) => s.ms))),
    sceneStepFirstFrameMs,
    scenePageFirstFrameMs,
    sceneFirstFrameRatio: sceneStepFirstFrameMs && scenePageFirstFrameMs ? Math.round((sceneStepFirstFrameMs / scenePageFirstFrameMs) * 100) / 100 : null,
    baseline: sceneUrl ?? null,
    stepSwitchByKind: byKind,
    perExhibition,
  }),
);
