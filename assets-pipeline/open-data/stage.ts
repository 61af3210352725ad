// The open-data stage, run after Astro has built the pages: JSON API, bulk downloads, OAI-PMH static
// repositories, citation files and sitemaps, written straight into dist/ with template code (at 150k artifacts
// these are ~600k files, which as Astro endpoints would double the site build). Incremental: a collection
// whose records, images and settings are unchanged is not rewritten; removed records' files are removed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { collectionImages, readImageManifest } from '../../formats/manifests/images.ts';
import { LOCALES } from '../../model/locales.ts';
import { distDir } from '../../model/paths.ts';
import { artifactsFile, readCollections } from '../../model/store.ts';
import { apiIndexDoc, API_VERSION } from './api.ts';
import { countLines, writeCollectionOutputs } from './collection-outputs.ts';
import { oaiSettings } from './oai-pmh.ts';
import { ensureRobots, walkPages, writeIfChanged, writeSitemaps, SITEMAP_MAX_BYTES, SITEMAP_MAX_URLS, type SitemapPage } from './sitemaps.ts';
import { loadState, saveState, type OpenDataState } from './state.ts';
import { artifactPath, CITATION_EXT, fileOf, openDataPaths, type CitationFormat } from '../../formats/urls.ts';

/** Bump when any output's format changes, so the next run rewrites everything. */
const FORMAT_VERSION = 2;

export interface OpenDataOptions {
  dist?: string;
  /** Sitemap split limits (tests lower them). */
  sitemapLimits?: { urls: number; bytes: number };
  /** False when the pages are still being built: the sitemaps list the pages found in dist/, so the build
   * writes them afterwards with runSitemapStage. */
  sitemaps?: boolean;
  progress?: boolean;
  log?: (line: string) => void;
}

export interface OpenDataSummary {
  collections: number;
  collectionsUnchanged: number;
  artifacts: number;
  filesWritten: number;
  filesRemoved: number;
  failed: number;
  sitemapFiles: number;
  sitemapUrls: number;
  seconds: number;
}

function collectionKey(slug: string, hash: string, settings: string, images: ReturnType<typeof readImageManifest>): string {
  const h = crypto.createHash('sha1').update(`${hash}|${settings}`);
  for (const [k, v] of collectionImages(images, slug)) h.update(`${k}|${v.hash}|${v.display.jpeg}`);
  return h.digest('hex').slice(0, 16);
}

function stageSettings() {
  const oai = oaiSettings();
  const origin = oai.origin;
  return { oai, origin, settings: JSON.stringify({ v: FORMAT_VERSION, api: API_VERSION, origin, gateway: oai.gateway, email: oai.adminEmail }) };
}

export async function runOpenDataStage(opts: OpenDataOptions = {}): Promise<OpenDataSummary> {
  const started = performance.now();
  const dist = path.resolve(opts.dist ?? distDir());
  const log = opts.log ?? ((l: string) => console.log(`  ${l}`));
  const { oai, origin, settings } = stageSettings();
  const { state, full } = loadState(dist, settings);
  const images = readImageManifest();
  const today = new Date().toISOString().slice(0, 10);
  const collections = readCollections();
  const seen = new Set<string>();
  const summary: OpenDataSummary = {
    collections: collections.length,
    collectionsUnchanged: 0,
    artifacts: 0,
    filesWritten: 0,
    filesRemoved: 0,
    failed: 0,
    sitemapFiles: 0,
    sitemapUrls: 0,
    seconds: 0,
  };

  const keys = new Map(collections.map((c) => [c.id, collectionKey(c.id, c.hash, settings, images)]));
  const todo = collections.filter(
    (c) => full || state.collections[c.id] !== keys.get(c.id) || !fs.existsSync(path.join(dist, fileOf(openDataPaths.oai(c.id)))),
  );
  const total = (await Promise.all(todo.map((c) => countLines(artifactsFile(c.id))))).reduce((a, b) => a + b, 0);
  const showBar = opts.progress ?? Boolean(process.stderr.isTTY);
  const bar = new cliProgress.SingleBar(
    { format: '  open data {bar} {value}/{total} records · {eta_formatted} left', stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  if (showBar) bar.start(total, 0);
  const counts = new Map<string, number>();
  for (const c of collections) {
    if (!todo.includes(c)) {
      summary.collectionsUnchanged++;
      let n = 0;
      for (const [id, r] of Object.entries(state.records))
        if (r.c === c.id) {
          seen.add(id);
          n++;
        }
      counts.set(c.id, n);
      continue;
    }
    try {
      const r = await writeCollectionOutputs(c, { dist, origin, oai, settings, state, full, today, seen, onRecord: () => showBar && bar.increment(), log });
      summary.filesWritten += r.written;
      summary.failed += r.failed;
      counts.set(c.id, r.artifacts);
      if (r.failed === 0) state.collections[c.id] = keys.get(c.id)!;
      else delete state.collections[c.id];
    } catch (err) {
      summary.failed++;
      delete state.collections[c.id];
      // Keep what the last good run published for it rather than deleting its records' files.
      for (const [id, rec] of Object.entries(state.records)) if (rec.c === c.id) seen.add(id);
      log(`✗ collection ${c.id}: ${(err as Error).message} (its downloads were left as they were)`);
    }
  }
  if (showBar) bar.stop();
  summary.artifacts = [...counts.values()].reduce((a, b) => a + b, 0);
  summary.filesRemoved = removeGone(dist, state, seen, new Set(collections.map((c) => c.id)));
  if (
    writeIfChanged(
      path.join(dist, fileOf(openDataPaths.apiIndex)),
      JSON.stringify(
        apiIndexDoc(
          collections.map((c) => ({ c, count: counts.get(c.id) ?? 0 })),
          origin,
        ),
        null,
        1,
      ),
    )
  )
    summary.filesWritten++;

  saveState(dist, state);
  if (opts.sitemaps !== false) {
    const sm = await sitemapsFor(
      dist,
      state,
      collections.map((c) => c.id),
      origin,
      opts.sitemapLimits,
    );
    summary.sitemapFiles = sm.files.length;
    summary.sitemapUrls = sm.urls;
    summary.filesWritten += sm.written;
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

async function sitemapsFor(dist: string, state: OpenDataState, order: string[], origin: string, limits = { urls: SITEMAP_MAX_URLS, bytes: SITEMAP_MAX_BYTES }) {
  const sm = await writeSitemaps(sitemapPages(dist, state, order), dist, origin, limits);
  ensureRobots(dist, origin);
  return sm;
}

/** The sitemaps alone, once the pages are in dist/, from the records the open-data stage last published. */
export async function runSitemapStage(
  opts: Pick<OpenDataOptions, 'dist' | 'sitemapLimits'> = {},
): Promise<{ files: number; urls: number; written: number; seconds: number }> {
  const started = performance.now();
  const dist = path.resolve(opts.dist ?? distDir());
  const { origin, settings } = stageSettings();
  const { state } = loadState(dist, settings);
  const sm = await sitemapsFor(
    dist,
    state,
    readCollections().map((c) => c.id),
    origin,
    opts.sitemapLimits,
  );
  return { files: sm.files.length, urls: sm.urls, written: sm.written, seconds: (performance.now() - started) / 1000 };
}

/** Pages in dist/ (walked), then every artifact page of every locale (from the records, in collection order). */
function* sitemapPages(dist: string, state: OpenDataState, order: string[]): Generator<SitemapPage> {
  yield* walkPages(dist);
  const byCollection = new Map<string, [string, string][]>(order.map((c) => [c, []]));
  for (const [id, r] of Object.entries(state.records)) byCollection.get(r.c)?.push([id, r.d]);
  for (const list of byCollection.values()) {
    for (const [id, d] of list) yield { path: artifactPath(id), locales: LOCALES, lastmod: d };
  }
}

/** Deletes the outputs of records and collections that are no longer published, and forgets them. */
function removeGone(dist: string, state: OpenDataState, seen: Set<string>, live: Set<string>): number {
  let removed = 0;
  const rm = (urlPath: string, recursive = false) => {
    const p = path.join(dist, fileOf(urlPath));
    if (fs.existsSync(p)) {
      fs.rmSync(p, { recursive, force: true });
      removed++;
    }
  };
  for (const id of Object.keys(state.records)) {
    if (seen.has(id)) continue;
    rm(openDataPaths.apiArtifact(id));
    for (const f of Object.keys(CITATION_EXT) as CitationFormat[]) rm(openDataPaths.citation(id, f));
    delete state.records[id];
  }
  for (const slug of Object.keys(state.collections)) {
    if (live.has(slug)) continue;
    rm(openDataPaths.downloadDir(slug), true);
    rm(openDataPaths.apiCollection(slug));
    rm(`${path.posix.dirname(openDataPaths.apiCollectionPage(slug, 1))}/`, true);
    rm(openDataPaths.oai(slug));
    delete state.collections[slug];
  }
  return removed;
}
