// Meilisearch benchmark: `npm run bench -- meilisearch --artifacts 150000 [--layout single|perLocale|both]`.
// Starts a local Meilisearch, indexes N synthetic artifacts with the real indexer (zero-downtime full reindex),
// runs the static bench's 100 queries over HTTP through the site's runtime, and does the same with the static
// engine over the same documents (built in-process, queried from disk in Node: its engine cost, not the
// browser's network). Prints one JSON line last.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { artifactToDocs, type SearchDoc } from '../../assets-pipeline/search/doc.ts';
import { writeSearchIndex } from '../../assets-pipeline/search/write-index.ts';
import { buildDocs } from '../../assets-pipeline/search-meili/documents.ts';
import { meiliSynonyms } from '../../assets-pipeline/search-meili/synonyms.ts';
import { syncMeili } from '../../assets-pipeline/search-meili/sync.ts';
import { createSearch } from '../../site/components/search/runtime/engine.ts';
import { createMeiliSearch } from '../../site/components/search/runtime/meili-engine.ts';
import type { MeiliLayout } from '../../formats/search-index/meili-layout.ts';
import { startMeili } from '../tools/meili-server.ts';
import { generateArtifacts } from './search-synthetic.ts';
import { queries } from './search-queries.ts';
import { percentile } from './stats.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const N = Number(arg('artifacts') ?? 20000);
const layoutArg = arg('layout') ?? 'single';
const layouts: MeiliLayout[] = layoutArg === 'both' ? ['single', 'perLocale'] : [layoutArg as MeiliLayout];
const pct = (xs: number[], p: number) => +percentile(xs, p).toFixed(1);
const duMiB = (dir: string) => {
  let bytes = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) bytes += fs.statSync(path.join(e.parentPath, e.name)).size;
  return +(bytes / 2 ** 20).toFixed(1);
};
const rssMiB = (pid: number) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
};

const docs: SearchDoc[] = [];
for (const a of generateArtifacts(N, 7)) docs.push(...artifactToDocs(a, { thumbnail: (r) => `/media/thumbs/${r.id}.webp` }));
console.error(`meilisearch bench: ${N} artifacts, layout ${layouts.join(' + ')}`);
let t = performance.now();
const built = await buildDocs(docs);
const prepareSeconds = (performance.now() - t) / 1000;
const synonyms = await meiliSynonyms();

async function runMeili(layout: MeiliLayout) {
  const server = await startMeili();
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMiB(server.pid));
  }, 250);
  try {
    const t0 = performance.now();
    await syncMeili(built, { host: server.host, adminKey: server.masterKey, index: 'heritage', layout, synonyms, progress: true });
    const indexSeconds = (performance.now() - t0) / 1000;
    const diskMiB = duMiB(server.dataDir);
    const engine = createMeiliSearch({ host: server.host, key: server.masterKey, index: 'heritage', layout });
    for (const q of queries.slice(0, 20)) await engine.search({ q: q.q, locale: q.locale, limit: 10 }); // warm-up
    const ms: number[] = [];
    const zero: string[] = [];
    for (const q of queries) {
      const s = performance.now();
      const res = await engine.search({ q: q.q, locale: q.locale, limit: 10, filters: q.period ? { period: [q.period] } : {} });
      ms.push(performance.now() - s);
      if (res.total === 0) zero.push(q.q);
    }
    const compounds: Record<string, number> = {};
    for (const q of ['玉璧', '瓷瓶', '三彩马', '瓷器', '青铜鼎']) compounds[q] = (await engine.search({ q, locale: 'zh' })).total;
    return {
      layout,
      indexSeconds: +indexSeconds.toFixed(1),
      serverPeakRssMiB: Math.round(peak),
      diskMiB,
      p50Ms: pct(ms, 50),
      p95Ms: pct(ms, 95),
      zeroHitQueries: [...new Set(zero)],
      compounds,
    };
  } finally {
    clearInterval(timer);
    await server.stop();
  }
}

const results = [];
for (const layout of layouts) {
  results.push(await runMeili(layout));
  console.error(JSON.stringify(results.at(-1)));
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-meili-static-'));
t = performance.now();
await writeSearchIndex(docs, path.join(dir, 'search'));
const staticBuild = (performance.now() - t) / 1000;
const engine = createSearch(path.join(dir, 'search'), async (file) => new Uint8Array(await fs.promises.readFile(file)));
for (const q of queries.slice(0, 20)) await engine.search({ q: q.q, locale: q.locale, limit: 10 });
const sms: number[] = [];
for (const q of queries) {
  const s = performance.now();
  await engine.search({ q: q.q, locale: q.locale, limit: 10, filters: q.period ? { period: [q.period] } : {} });
  sms.push(performance.now() - s);
}
const staticFig = { indexSeconds: +staticBuild.toFixed(1), diskMiB: duMiB(path.join(dir, 'search')), p50Ms: pct(sms, 50), p95Ms: pct(sms, 95) };
fs.rmSync(dir, { recursive: true, force: true });

const [main, ...others] = results;
console.log(JSON.stringify({ ...main, prepareSeconds: +prepareSeconds.toFixed(1), artifacts: N, documents: built.docs.length, others, static: staticFig }));
