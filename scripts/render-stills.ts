// Development-time: renders the still images shown where a 3D view cannot run (no JavaScript, no WebGL) — each
// scene's starting view without its labels, and the globe in each locale (its labels are in the page's language)
// — from a built site in Debian's Chromium, and writes them as content/stills/<name>.jpg, which are committed; the
// build only publishes them, so `npm ci && npm start` needs no browser. Run after `npm run heritage -- build`
// (HERITAGE_BUILD_DIR / HERITAGE_DIST_DIR name another build, e.g. the e2e one in test-output/e2e/):
//   npx tsx scripts/render-stills.ts [name…]     (names: scene-<id>, globe-<locale>, <exhibition>/<step>[.<locale>]; none: all)
// Exhibition steps that open a 3D viewpoint or a chart get their own still, taken from the step's live viewer on
// the exhibition page and written as content/exhibitions/<slug>/stills/<step>-<n>.jpg (a chart, whose legend is
// words, as <step>-<n>.<locale>.jpg from each locale's page); the exhibition stage publishes them. A page shows a new still after the next build.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { contentDir, distDir, mediaDir } from '../model/paths.ts';
import { LOCALES } from '../model/locales.ts';
import { readScenes } from '../model/scene.ts';
import { readPublishedExhibitions } from '../model/exhibition.ts';
import { startSiteServer } from './site-server.ts';
import { launchBrowser } from './tools/browser.ts';

const names = process.argv.slice(2);
const dist = distDir();
const media = mediaDir();
const outDir = path.join(contentDir(), 'stills');

interface Job {
  name: string;
  /** Where the JPEG goes. */
  file: string;
  url: string;
  /** Clicked first: what starts the view (a scene page shows its still until asked). */
  start?: string;
  /** Shown when the view is ready to be taken. */
  ready: string;
  element: string;
  /** Page parts not to photograph (controls, labels, status lines). */
  hide: string;
}

if (!fs.existsSync(dist)) {
  console.error(`no built site at ${dist}: run \`npm run heritage -- build\` first`);
  process.exit(1);
}
const jobs: Job[] = [
  ...readScenes().map((s) => ({
    name: `scene-${s.id}`,
    file: path.join(outDir, `scene-${s.id}.jpg`),
    url: `/en/scenes/${s.id}/`,
    start: '[data-scene-start]',
    ready: '.scene-viewer[data-level="full"]',
    element: '.scene-stage',
    hide: '.scene-hotspot, .scene-status, .scene-tour-narration',
  })),
  ...LOCALES.map((l) => ({
    name: `globe-${l}`,
    file: path.join(outDir, `globe-${l}.jpg`),
    url: `/${l}/map/`,
    ready: '#globe[data-state="ready"]',
    element: '#globe',
    hide: '.cesium-viewer-toolbar, .cesium-viewer-bottom, .globe-fullscreen, .globe-status',
  })),
  // A globe step shows the globe page's still in its language (its names are in the page's language).
  ...readPublishedExhibitions().flatMap((e) =>
    e.steps.flatMap((step) =>
      step.media.flatMap((m, n) => {
        if (m.kind !== 'scene' && m.kind !== 'chart') return [];
        const at = `#${step.id} [data-live]:nth-child(${n + 1})`;
        // A 3D view is taken without its labels, once; a chart's legend and axis are words, so each locale gets its own.
        const locales = m.kind === 'chart' ? LOCALES.map((l) => ({ l, suffix: `.${l}` })) : [{ l: 'en', suffix: '' }];
        return locales.map(({ l, suffix }) => ({
          name: `${e.id}/${step.id}${suffix}`,
          file: path.join(contentDir(), 'exhibitions', e.id, 'stills', `${step.id}-${n}${suffix}.jpg`),
          url: `/${l}/exhibitions/${e.id}/#${step.id}`,
          ready: m.kind === 'scene' ? `${at} .scene-viewer[data-level="full"]` : `${at} canvas[data-series]`,
          element: m.kind === 'scene' ? `${at} .scene-stage` : `${at} .exh-live`,
          hide: '.scene-hotspot, .scene-status, .scene-tour-narration, .scene-legend, .exh-controls',
        }));
      }),
    ),
  ),
].filter((j) => names.length === 0 || names.some((n) => j.name === n || j.name.startsWith(`${n}.`)));
fs.mkdirSync(outDir, { recursive: true });
const server = await startSiteServer(0, '127.0.0.1', dist, media);
const browser = await launchBrowser();
const t0 = Date.now();
try {
  for (const [i, job] of jobs.entries()) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(server.url + job.url);
    if (job.start) await page.click(job.start);
    await page.waitForSelector(job.ready, { timeout: 180_000 });
    await page.addStyleTag({ content: `${job.hide} { visibility: hidden !important; }` });
    // Two frames for the demand-driven canvas, then a pause for the labels' fonts.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 300)))));
    const png = await page.locator(job.element).screenshot();
    const file = job.file;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const jpeg = await sharp(png).jpeg({ quality: 78, mozjpeg: true }).toBuffer();
    fs.writeFileSync(`${file}.tmp`, jpeg);
    fs.renameSync(`${file}.tmp`, file);
    console.log(
      `[${i + 1}/${jobs.length}] ${path.relative(process.cwd(), file)} ${(jpeg.length / 1024).toFixed(0)} kB (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`${jobs.length} stills written to ${path.relative(process.cwd(), outDir)}/`);
