// Builds the site's pages in parts and publishes them into dist/ incrementally.
//
// Astro renders one process per part: the listings (collection pages, facet pages, the fixed pages) and the
// artifact pages in shards of SHARD_SIZE records. A shard is re-rendered only when its records, their images
// or the site's templates changed, so adding a collection renders only that collection's pages and the
// listings; every other artifact page stays byte-identical (not even rewritten). Each part writes to its own
// staging folder and its files are renamed into dist/, so a failed part publishes nothing half-way.
// Why not Astro's experimental incremental build: measured here it re-rendered 100 changed records in 93 s
// at 7.4 GiB and left deleted records' pages behind (DESIGN.md).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pLimit, { type LimitFunction } from 'p-limit';
import writeFileAtomic from 'write-file-atomic';
import { LOCALES } from '../../model/locales.ts';
import { buildDir, distDir, publishStateDir } from '../../model/paths.ts';
import { linkedImageOrigins, readCollections, streamLazyArtifacts } from '../../model/store.ts';
import { collectionImages, imageKey, readImageManifest } from '../../formats/manifests/images.ts';
import { SHARD_SIZE, shardKey, type BuildPartFile } from '../../formats/pages/build-part.ts';
import { mergeShardFiles, RelatedIndex, writeRelatedFile } from '../../formats/pages/related.ts';
import { hashSources } from '../source-hash.ts';
import { publishPart, type Selection } from './publish-part.ts';
import { pageEnv, partOutput, RELATED_FILE, renderPart } from './render-part.ts';
import type { PageJobData } from '../jobs/page-job.ts';

export interface ShardState {
  hash: string;
  ids: string[];
}
export interface PagesState {
  templateHash: string;
  shards: Record<string, ShardState>;
  /** Files the last listings part published, to remove those it no longer makes: the global listings, and
   * each collection's own pages (re-rendered only when that collection changed). */
  listingFiles: string[];
  collectionFiles: Record<string, string[]>;
}

/** Kept with the pages it describes (in the site version being built), so a build that never went live leaves
 * no claim about pages the live site does not have. */
const stateFile = (): string => path.join(publishStateDir(), 'pages-state.json');
const TEMPLATE_INPUTS = ['site', 'model', 'formats', 'astro.config.mjs', 'package-lock.json'];

/** Anything that changes every page: the templates, components, strings, schema and dependencies, and the linked
 * image origins every page's policy lists. */
export const templateHash = (): string => {
  const origins = linkedImageOrigins();
  return origins.length
    ? `${hashSources(TEMPLATE_INPUTS)}+${crypto.createHash('sha256').update(origins.join(' ')).digest('hex').slice(0, 16)}`
    : hashSources(TEMPLATE_INPUTS);
};

async function currentShards(): Promise<{ shards: Map<string, ShardState>; related: RelatedIndex }> {
  const images = readImageManifest();
  const shards = new Map<string, ShardState & { h: crypto.Hash }>();
  // Every record is parsed (a few seconds at 150k) for the related-objects index; only a collection with images
  // needs its images' hashes.
  const related = new RelatedIndex();
  for (const c of readCollections()) {
    const hasImages = collectionImages(images, c.id).length > 0;
    let i = 0;
    for await (const lazy of streamLazyArtifacts(c.id)) {
      const key = shardKey(c.id, i);
      let s = shards.get(key);
      if (!s) shards.set(key, (s = { hash: '', ids: [], h: crypto.createHash('sha256').update(c.hash) }));
      s.ids.push(lazy.id);
      s.h.update(lazy.line);
      const record = lazy.record();
      related.add(record, key);
      if (hasImages) for (const m of record.media) s.h.update((m.path && images[imageKey(c.id, m.path)]?.hash) || '-');
      i++;
    }
  }
  // A shard's pages show its related objects' cards: a change there re-renders it.
  for (const [key, s] of shards) s.h.update(related.shardText(key));
  return { shards: new Map([...shards].map(([k, s]) => [k, { hash: s.h.digest('hex').slice(0, 16), ids: s.ids }])), related };
}

function readState(): PagesState | undefined {
  try {
    return JSON.parse(fs.readFileSync(stateFile(), 'utf8')) as PagesState;
  } catch {
    return undefined;
  }
}

const isArtifactPage = (rel: string): boolean => LOCALES.some((l) => rel.startsWith(`${l}/artifacts/`));
/** `zh/collections/<slug>/…` → slug; the collections index itself is a global listing. */
const collectionOf = (rel: string): string | undefined => {
  const m = /^[a-z]{2}\/collections\/([^/]+)\//.exec(rel);
  return m && LOCALES.some((l) => rel.startsWith(`${l}/`)) ? m[1] : undefined;
};

/** Removes every locale's page of each id from `dist`; returns how many page folders went. */
export function removeArtifactPages(dist: string, ids: Iterable<string>): number {
  let n = 0;
  for (const id of ids) {
    for (const l of LOCALES) {
      const dir = path.join(dist, l, 'artifacts', id);
      if (fs.existsSync(dir)) {
        fs.rmSync(dir, { recursive: true, force: true });
        n++;
      }
    }
  }
  return n;
}

/** The shards to render: every one when the templates changed or dist/ has no site, else the new ones and those
 * whose records (or their images) changed. */
export function changedShards(
  before: PagesState | undefined,
  shards: ReadonlyMap<string, ShardState>,
  tHash: string,
  distReady: boolean,
): { full: boolean; dirty: string[] } {
  const full = !before || before.templateHash !== tHash || !distReady;
  return { full, dirty: [...shards].filter(([k, s]) => full || before.shards[k]?.hash !== s.hash).map(([k]) => k) };
}

/** Listing pages the previous publish made and this one no longer does (a shrunk collection's last page, a
 * vanished facet value, a deleted collection). */
export function staleListingFiles(before: PagesState | undefined, listingFiles: readonly string[], collectionFiles: Record<string, string[]>): string[] {
  const nowListing = new Set(listingFiles);
  return [
    ...(before?.listingFiles ?? []).filter((rel) => !nowListing.has(rel)),
    ...Object.entries(before?.collectionFiles ?? {}).flatMap(([c, files]) => {
      const now = new Set(collectionFiles[c] ?? []);
      return files.filter((rel) => !now.has(rel));
    }),
  ];
}

/** Records whose artifact pages must go: those of re-rendered or vanished shards that are in no shard now. */
export function goneArtifactIds(before: PagesState | undefined, shards: ReadonlyMap<string, ShardState>, dirty: readonly string[], full: boolean): string[] {
  const liveIds = new Set([...shards.values()].flatMap((s) => s.ids));
  const dirtySet = new Set(dirty);
  return Object.entries(before?.shards ?? {})
    .filter(([k]) => full || dirtySet.has(k) || !shards.has(k))
    .flatMap(([, s]) => s.ids)
    .filter((id) => !liveIds.has(id));
}

export interface SiteBuildSummary {
  shardsRendered: number;
  shardsKept: number;
  pagesRemoved: number;
  seconds: number;
  /** Of which moving the rendered files into dist/ and removing stale ones. */
  publishSeconds: number;
}

/** `limit` runs the page parts; the build shares it with the stages that run beside the pages, so no more
 * than two heavy processes run at once (2 cores, and the memory target). `queue`: the parts render as jobs on
 * that queue's workers instead (each about 1.5 GiB), and this process only merges them. */
export async function buildSitePages(limit: LimitFunction = pLimit(2), options: { queue?: string } = {}): Promise<SiteBuildSummary | undefined> {
  const started = performance.now();
  const before = readState();
  const tHash = templateHash();
  const { shards, related } = await currentShards();
  const { full, dirty } = changedShards(before, shards, tHash, fs.existsSync(path.join(distDir(), 'index.html')));
  // In the build folder, which page workers share; each part renders in a folder of its own (render-part.ts).
  // Parts a stopped build left behind go (one build at a time holds the build lock); this build's parts are in a
  // folder of its own, so a page job of a stopped build that a worker still runs cannot land among them.
  fs.rmSync(path.join(buildDir(), 'page-staging'), { recursive: true, force: true });
  const staging = path.join(buildDir(), 'page-staging', crypto.randomUUID().slice(0, 8));
  console.log(
    `  ${full ? 'full build' : 'incremental'}: ${dirty.length} of ${shards.size} artifact shard(s) to render (≤ ${SHARD_SIZE} records each) + listings`,
  );
  // An incremental publish renders one or two small parts: a third process (beside the stages) buys time
  // within memory; a full build keeps to two, the 4 GiB target with seven 1.5 GiB parts to render.
  if (!full && dirty.length <= 1) limit.concurrency = Math.max(limit.concurrency, 3);

  const dirtyCollections = new Set(dirty.map((k) => k.slice(0, k.lastIndexOf(':'))));
  // Content-hashed _astro assets come from every part: a part links exactly the ones it made.
  const listingsPart: BuildPartFile = { listings: true, shards: [], collections: full ? null : [...dirtyCollections] };
  const listings: Selection = {
    file: (rel) => !isArtifactPage(rel),
    whole: (dir) => !isArtifactPage(dir) && !LOCALES.some((l) => `${l}/artifacts/`.startsWith(dir)),
  };
  const artifactPages: Selection = {
    file: (rel) => isArtifactPage(rel) || rel.startsWith('_astro/'),
    whole: (dir) => isArtifactPage(dir) || dir.startsWith('_astro/'),
  };
  const parts: { name: string; part: BuildPartFile; select: Selection }[] = [
    { name: 'listings', part: listingsPart, select: listings },
    ...dirty.map((key) => ({ name: key.replace(':', '-'), part: { listings: false, shards: [key], collections: null }, select: artifactPages })),
  ];
  for (const p of parts) {
    const dir = path.join(staging, p.name);
    fs.mkdirSync(dir, { recursive: true });
    // A part renders one shard (the listings none); several are merged.
    const keys = p.part.shards ?? [];
    if (keys.length === 1) fs.writeFileSync(path.join(dir, RELATED_FILE), related.shardText(keys[0]!));
    else if (keys.length) writeRelatedFile(path.join(dir, RELATED_FILE), mergeShardFiles(keys.map((k) => related.shardFile(k))));
  }
  const env = pageEnv();
  const failures: string[] = [];
  let render: (p: (typeof parts)[number]) => Promise<void> = (p) => limit(() => renderPart(path.join(staging, p.name), p.part, env));
  let close = async () => {};
  if (options.queue) {
    const { openRemoteJobs } = await import('../jobs/remote.ts');
    let remote: Awaited<ReturnType<typeof openRemoteJobs>>;
    try {
      remote = await openRemoteJobs('pages', options.queue, Boolean(process.stderr.isTTY), (l) => console.log(l));
    } catch (err) {
      console.error(`  ✗ ${(err as Error).message}`);
      fs.rmSync(path.dirname(staging), { recursive: true, force: true });
      return undefined;
    }
    close = remote.release;
    // Keyed by what the part shows (the templates, its records or, for the listings, every record, and the page
    // settings) and by where it goes: this build's folder for it.
    const key = (p: (typeof parts)[number], dir: string) => {
      const records = p.part.listings ? [...shards.keys()] : (p.part.shards ?? []);
      return crypto
        .createHash('sha256')
        .update(JSON.stringify([tHash, p.part, env, records.map((k) => shards.get(k)?.hash), dir]))
        .digest('hex');
    };
    render = async (p) => {
      const data: PageJobData = { name: p.name, dir: path.relative(buildDir(), path.join(staging, p.name)), part: p.part, env };
      await remote.run(key(p, data.dir), data, p.name);
      if (!fs.existsSync(partOutput(path.join(staging, p.name))))
        throw new Error(
          `a worker rendered it, but ${partOutput(path.join(staging, p.name))} is not in this build's store: the coordinator and every worker must share it`,
        );
    };
  }
  try {
    await Promise.all(
      parts.map((p) =>
        render(p).catch((err: unknown) => {
          failures.push(`  ✗ pages part "${p.name}" failed: ${(err as Error).message}`);
        }),
      ),
    );
  } finally {
    await close();
  }
  const rendered = performance.now();
  if (failures.length) {
    for (const line of failures) console.error(line);
    fs.rmSync(path.dirname(staging), { recursive: true, force: true });
    return undefined;
  }
  fs.mkdirSync(distDir(), { recursive: true });
  let moved: string[] = [];
  let removed = 0;
  for (const p of parts) {
    const files = publishPart(partOutput(path.join(staging, p.name)), distDir(), p.select, p.name === 'listings');
    if (p.name === 'listings') moved = files;
  }
  const listingFiles = moved.filter((rel) => !collectionOf(rel));
  const collectionFiles: Record<string, string[]> = {};
  for (const c of readCollections()) {
    collectionFiles[c.id] = full || dirtyCollections.has(c.id) || !before?.collectionFiles?.[c.id] ? [] : before.collectionFiles[c.id]!;
  }
  for (const rel of moved) {
    const c = collectionOf(rel);
    if (c && collectionFiles[c]) collectionFiles[c].push(rel);
  }
  for (const rel of staleListingFiles(before, listingFiles, collectionFiles)) {
    if (fs.existsSync(path.join(distDir(), rel))) {
      fs.rmSync(path.join(distDir(), rel));
      removed++;
    }
  }
  // Artifact pages of records that are gone, from changed shards and from shards that no longer exist.
  removed += removeArtifactPages(distDir(), goneArtifactIds(before, shards, dirty, full));
  fs.rmSync(path.dirname(staging), { recursive: true, force: true });
  const state: PagesState = { templateHash: tHash, shards: Object.fromEntries(shards), listingFiles, collectionFiles };
  writeFileAtomic.sync(stateFile(), JSON.stringify(state));
  const now = performance.now();
  return {
    shardsRendered: dirty.length,
    shardsKept: shards.size - dirty.length,
    pagesRemoved: removed,
    seconds: (now - started) / 1000,
    publishSeconds: (now - rendered) / 1000,
  };
}
