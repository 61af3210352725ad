// Panorama viewer benchmark: `npm run bench -- panorama [--panorama library-cave-chamber] [--locale zh] [--runs 3]`.
// Needs a built site (`npm run build`; HERITAGE_BUILD_DIR / HERITAGE_DIST_DIR choose which). Loads the panorama page
// and a bare Photo Sphere Viewer page over the same tiles (same adapter, same preview, same view and canvas size) in
// the same Chromium (SwiftShader WebGL), alternating, with a cold cache each time; then times the panorama stage on
// the panorama's sources in a temporary build folder. Prints JSON on the last line:
// {"panorama","firstViewBytes","firstFrameMs","bare":{"firstViewBytes","firstFrameMs"},"firstFrameRatio","stageSecondsPerSource"}
// firstViewBytes: the panorama's images (preview and tiles) fetched until the first frame; the page's other bytes
// (HTML, scripts, styles) are logged beside it. Goals: first view ≤ 250 KB, first-frame ratio ≤ 1.2.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { panoramaKey, readPanoramaManifest } from '../../formats/manifests/panoramas.ts';
import { readPanoramas } from '../../model/panorama.ts';
import { contentDir, distDir, mediaDir, ROOT } from '../../model/paths.ts';
import { createSiteHandler } from '../site-server.ts';
import { launchBrowser } from '../tools/browser.ts';
import { median } from './stats.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const SLUG = arg('panorama') ?? 'library-cave-chamber';
const LOCALE = arg('locale') ?? 'zh';
const RUNS = Number(arg('runs') ?? 3);
const log = (s: string) => process.stderr.write(`${s}\n`);

const pano = readPanoramas().find((p) => p.id === SLUG);
if (!pano) throw new Error(`no panorama "${SLUG}" in the published records: run \`npm run build\` first`);
const entry = readPanoramaManifest()[panoramaKey(pano.id, pano.variants[0]!.id)];
const pageFile = path.join(distDir(), LOCALE, 'panoramas', SLUG, 'index.html');
if (!entry || !fs.existsSync(pageFile)) throw new Error(`${pageFile} or its tiles are missing: run \`npm run build\` first`);

// The bare page: Photo Sphere Viewer and its tiles adapter only, over the same files, looking the same way.
const bare = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-panorama-'));
const bareEntry = path.join(bare, 'bare.ts');
fs.writeFileSync(
  bareEntry,
  `import { Viewer } from '@photo-sphere-viewer/core';
import { EquirectangularTilesAdapter } from '@photo-sphere-viewer/equirectangular-tiles-adapter';
import '@photo-sphere-viewer/core/index.css';
const e = ${JSON.stringify(entry)};
const v = ${JSON.stringify(pano.initialView)};
const viewer = new Viewer({
  container: document.getElementById('c'),
  adapter: EquirectangularTilesAdapter.withConfig({ showErrorTile: false, baseBlur: false }),
  panorama: { baseUrl: e.preview.url, levels: e.levels, tileUrl: (col, row, level) => e.tiles + '/' + level + '/' + col + '_' + row + '.jpg' },
  defaultYaw: v.yaw * Math.PI / 180, defaultPitch: v.pitch * Math.PI / 180, defaultZoomLvl: v.zoom, navbar: false,
});
viewer.addEventListener('ready', () => {
  viewer.addEventListener('render', () => performance.mark('panorama-first-frame'), { once: true });
  viewer.needsUpdate();
}, { once: true });
`,
);
await build({
  entryPoints: [bareEntry],
  bundle: true,
  format: 'esm',
  minify: true,
  outdir: path.join(bare, 'out'),
  logLevel: 'error',
  nodePaths: [path.join(ROOT, 'node_modules')],
});
const bareFiles: Record<string, { body: Buffer; type: string }> = {
  '/__bare/': {
    body: Buffer.from(
      '<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="/__bare/bare.css"><style>body{margin:0}#c{width:1216px;height:684px}</style>' +
        '<div id="c"></div><script type="module" src="/__bare/bare.js"></script>',
    ),
    type: 'text/html',
  },
  '/__bare/bare.js': { body: fs.readFileSync(path.join(bare, 'out', 'bare.js')), type: 'text/javascript' },
  '/__bare/bare.css': { body: fs.readFileSync(path.join(bare, 'out', 'bare.css')), type: 'text/css' },
};

// The site as served (its headers, its policy), with the bare page beside it.
const site = createSiteHandler(distDir(), mediaDir());
const server = http.createServer((req, res) => {
  const f = bareFiles[req.url ?? ''];
  if (f) res.writeHead(200, { 'content-type': f.type }).end(f.body);
  else site(req, res);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

async function measure(page: Page, url: string) {
  await page.goto(base + url);
  await page.waitForFunction(() => performance.getEntriesByName('panorama-first-frame').length > 0, undefined, { timeout: 120_000 });
  return page.evaluate(() => {
    const t = performance.getEntriesByName('panorama-first-frame')[0]!.startTime;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const res = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.startTime < t);
    const images = res.filter((r) => /\/pano\//.test(r.name));
    return {
      firstFrameMs: t,
      firstViewBytes: images.reduce((n, r) => n + r.transferSize, 0),
      pageBytes: nav.transferSize + res.reduce((n, r) => n + r.transferSize, 0),
    };
  });
}

type Run = Awaited<ReturnType<typeof measure>>;
const viewerRuns: Run[] = [];
const bareRuns: Run[] = [];
const pageUrl = `/${LOCALE}/panoramas/${SLUG}/`;
const browser = await launchBrowser();
try {
  // One discarded load of each first: the first WebGL page of a fresh browser also starts its GPU process.
  for (const url of [pageUrl, '/__bare/']) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await measure(await ctx.newPage(), url);
    await ctx.close();
  }
  log('warm-up done');
  for (let i = 0; i < RUNS; i++)
    for (const which of i % 2 ? (['bare', 'viewer'] as const) : (['viewer', 'bare'] as const)) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const r = await measure(await ctx.newPage(), which === 'viewer' ? pageUrl : '/__bare/');
      (which === 'viewer' ? viewerRuns : bareRuns).push(r);
      await ctx.close();
      log(`run ${i + 1} ${which}: ${JSON.stringify(r)}`);
    }
} finally {
  await browser.close();
  server.close();
  fs.rmSync(bare, { recursive: true, force: true });
}

// The stage on this panorama's sources, from nothing, in a build folder of its own.
const tmpBuild = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-panorama-stage-'));
process.env.HERITAGE_BUILD_DIR = tmpBuild;
const { runPanoramaStage } = await import('../../assets-pipeline/panoramas/stage.ts');
const stage = await runPanoramaStage({
  sources: pano.variants.map((v) => ({ key: panoramaKey(pano.id, v.id), file: path.join(contentDir(), 'panoramas', pano.id, v.source) })),
  log,
});
fs.rmSync(tmpBuild, { recursive: true, force: true });

const viewer = { firstViewBytes: median(viewerRuns.map((r) => r.firstViewBytes)), firstFrameMs: Math.round(median(viewerRuns.map((r) => r.firstFrameMs))) };
const bareResult = { firstViewBytes: median(bareRuns.map((r) => r.firstViewBytes)), firstFrameMs: Math.round(median(bareRuns.map((r) => r.firstFrameMs))) };
log(
  `page bytes until the first frame (HTML, scripts, styles, images): viewer ${median(viewerRuns.map((r) => r.pageBytes))}, bare ${median(bareRuns.map((r) => r.pageBytes))}`,
);
console.log(
  JSON.stringify({
    panorama: SLUG,
    ...viewer,
    bare: bareResult,
    firstFrameRatio: Math.round((viewer.firstFrameMs / bareResult.firstFrameMs) * 100) / 100,
    stageSecondsPerSource: Math.round(stage.secondsPerSource * 100) / 100,
  }),
);
