// Search benchmark: `npm run bench -- search --artifacts 150000 [--skip-pagefind]`.
// Builds our index and Pagefind's over the same synthetic records, then runs the same 100 queries in headless
// Chromium against each. Prints one JSON line last: build time, peak memory, files, size and query figures per engine.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { LOCALES } from '../../model/locales.ts';
import { COLLECTIONS, PERIODS, generateArtifacts } from './search-synthetic.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const N = Number(arg('artifacts') ?? 20000);
const skipPagefind = process.argv.includes('--skip-pagefind');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-search-'));
const site = path.join(work, 'site');
fs.mkdirSync(site, { recursive: true });

function du(dir: string): { files: number; bytes: number } {
  let files = 0,
    bytes = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) {
      files++;
      bytes += fs.statSync(path.join(e.parentPath, e.name)).size;
    }
  return { files, bytes };
}
/** Runs a command under /usr/bin/time to get its peak RSS (children included via the command's own tree). */
function timed(cmd: string, args: string[]): { seconds: number; peakMiB: number; stdout: string } {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr.slice(-2000)}`);
  const peak = Number(r.stderr.trim().split('\n').pop()) / 1024;
  return { seconds: (performance.now() - t0) / 1000, peakMiB: peak, stdout: r.stdout };
}

console.error(`search bench: ${N} artifacts × ${LOCALES.length} locales in ${work}`);
const ours = timed('npx', ['tsx', 'scripts/bench/search-build.ts', String(N), path.join(site, 'search')]);
const oursSize = du(path.join(site, 'search'));
await build({
  entryPoints: { engine: 'site/components/search/runtime/engine.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  minify: true,
  outdir: path.join(site, '_search'),
  logLevel: 'error',
});
const runtimeSize = du(path.join(site, '_search'));
console.error(`ours: ${ours.seconds.toFixed(1)} s, ${ours.peakMiB.toFixed(0)} MiB, ${oursSize.files} files`);

let pagefind: { seconds: number; peakMiB: number; files: number; bytes: number } | undefined;
if (!skipPagefind) {
  let seconds = 0,
    peakMiB = 0;
  for (const locale of LOCALES) {
    const src = path.join(work, 'pf', locale);
    fs.mkdirSync(src, { recursive: true });
    for (const a of generateArtifacts(N, 7)) {
      const t = a.title[locale] ?? a.title.en ?? '';
      const html =
        `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${t}</title></head><body><main data-pagefind-body><h1>${t}</h1>` +
        `<p>${a.makers.map((m) => m.name[locale] ?? m.name.en ?? m.name.zh).join(', ')}</p><p>${a.description?.[locale] ?? a.description?.en ?? ''}</p>` +
        `<span data-pagefind-filter="period">${a.period?.en}</span><span data-pagefind-filter="type">${a.objectType?.en}</span>` +
        `<span data-pagefind-filter="material">${a.materials[0]?.en}</span><span data-pagefind-filter="collection">${a.collection}</span></main></body></html>`;
      fs.writeFileSync(path.join(src, `${a.id}.html`), html);
    }
    const r = timed('npx', ['pagefind', '--site', src, '--output-path', path.join(site, locale, 'pagefind')]);
    seconds += r.seconds;
    peakMiB = Math.max(peakMiB, r.peakMiB);
    fs.rmSync(src, { recursive: true, force: true });
    console.error(`pagefind ${locale}: ${r.seconds.toFixed(1)} s, ${r.peakMiB.toFixed(0)} MiB`);
  }
  const size = LOCALES.map((l) => du(path.join(site, l, 'pagefind'))).reduce((a, b) => ({ files: a.files + b.files, bytes: a.bytes + b.bytes }));
  pagefind = { seconds, peakMiB, ...size };
}

import { queries, type Q } from './search-queries.ts';
import { percentile as pct } from './stats.ts';
const periodName = (k: string) => PERIODS.find((p) => p[1].toLowerCase().startsWith(k))?.[1] ?? k;

const server = http.createServer((req, res) => {
  const file = path.join(site, decodeURIComponent((req.url ?? '/').split('?')[0]!));
  if (req.url === '/') {
    res.setHeader('content-type', 'text/html');
    res.end('<!doctype html><title>bench</title>');
    return;
  }
  fs.readFile(file, (err, data) => {
    if (err) {
      res.statusCode = 404;
      res.end();
      return;
    }
    // Like any static host: scripts gzipped on the way out (index shards are stored gzipped already).
    if (file.endsWith('.js')) {
      res.setHeader('content-type', 'text/javascript');
      res.setHeader('content-encoding', 'gzip');
      res.end(zlib.gzipSync(data));
      return;
    }
    res.setHeader('content-type', 'application/octet-stream');
    res.end(data);
  });
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
});

// Runs one query in the page; returns its time, hit count and the bytes the page has fetched so far.
async function runOurs(page: Page, q: Q): Promise<{ ms: number; total: number }> {
  return page.evaluate(
    async ({ q, period }) => {
      const t0 = performance.now();
      const w = window as unknown as { __s?: { search: (r: unknown) => Promise<{ total: number }> } };
      const url = '/_search/engine.js';
      if (!w.__s) {
        const m = (await import(url)) as { createSearch: (base: string) => NonNullable<typeof w.__s> };
        w.__s = m.createSearch('/search');
      }
      const res = await w.__s!.search({ q: q.q, locale: q.locale, limit: 10, filters: period ? { period: [period] } : {} });
      return { ms: performance.now() - t0, total: res.total };
    },
    { q, period: q.period },
  );
}
async function runPagefind(page: Page, q: Q): Promise<{ ms: number; total: number }> {
  return page.evaluate(
    async ({ q, period }) => {
      const t0 = performance.now();
      const w = window as unknown as Record<string, { search: (q: string, o: unknown) => Promise<{ results: { data: () => Promise<unknown> }[] }> }>;
      const key = `__pf_${q.locale}`;
      if (!w[key]) {
        w[key] = await import(`/${q.locale}/pagefind/pagefind.js`);
      }
      const res = await w[key]!.search(q.q, period ? { filters: { period } } : {});
      await Promise.all(res.results.slice(0, 10).map((r) => r.data()));
      return { ms: performance.now() - t0, total: res.results.length };
    },
    { q, period: q.period ? periodName(q.period) : undefined },
  );
}
/** Bytes on the wire (headers + encoded body) of every request the context finished, workers' included:
 * Pagefind fetches its index from a web worker, which the page's resource timing does not list. */
function countBytes(ctx: BrowserContext): () => Promise<number> {
  const pending: Promise<number>[] = [];
  ctx.on('requestfinished', (req) =>
    pending.push(
      req.sizes().then(
        (sz) => sz.responseBodySize + sz.responseHeadersSize,
        () => 0,
      ),
    ),
  );
  return async () => (await Promise.all(pending)).reduce((a, b) => a + b, 0);
}

async function measure(run: (page: Page, q: Q) => Promise<{ ms: number; total: number }>) {
  const cold: number[] = [],
    coldTotals: number[] = [],
    bytes: number[] = [];
  for (const q of queries) {
    const ctx = await browser.newContext();
    const bytesSoFar = countBytes(ctx);
    const page = await ctx.newPage();
    await page.goto(`${origin}/`);
    const r = await run(page, q);
    cold.push(r.ms);
    coldTotals.push(r.total);
    bytes.push(await bytesSoFar());
    await ctx.close();
  }
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(`${origin}/`);
  for (const q of queries) await run(page, q);
  const warm: number[] = [],
    mismatches: string[] = [];
  for (const [i, q] of queries.entries()) {
    const r = await run(page, q);
    warm.push(r.ms);
    if (r.total !== coldTotals[i]) mismatches.push(`${q.q}: cold ${coldTotals[i]} warm ${r.total}`);
  }
  await ctx.close();
  return {
    firstQueryBytes: bytes[0]!,
    firstQueryBytesP95: pct(bytes, 95),
    coldP95Ms: pct(cold, 95),
    warmP50Ms: pct(warm, 50),
    warmP95Ms: pct(warm, 95),
    coldWarmMismatches: mismatches,
  };
}

const oursQ = await measure(runOurs);
const pfQ = pagefind ? await measure(runPagefind) : undefined;
await browser.close();
server.close();
const result = {
  ours: {
    buildSeconds: +ours.seconds.toFixed(1),
    buildPeakRssMiB: Math.round(ours.peakMiB),
    files: oursSize.files + runtimeSize.files,
    totalMiB: +((oursSize.bytes + runtimeSize.bytes) / 2 ** 20).toFixed(1),
    ...oursQ,
  },
  pagefind:
    pagefind && pfQ
      ? {
          buildSeconds: +pagefind.seconds.toFixed(1),
          buildPeakRssMiB: Math.round(pagefind.peakMiB),
          files: pagefind.files,
          totalMiB: +(pagefind.bytes / 2 ** 20).toFixed(1),
          ...pfQ,
        }
      : null,
  artifacts: N,
  collections: COLLECTIONS.length,
};
fs.rmSync(work, { recursive: true, force: true });
console.log(JSON.stringify(result));
