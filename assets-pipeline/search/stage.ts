// The search stage: every published content type becomes SearchDocs and one static index under dist/search/.
// A collection's artifacts, once prepared for the index (facet values, display fields, terms), are cached in
// build/search-cache/ by the collection's hash, its images and the indexing code, so publishing a new
// collection prepares only its own records (finding terms is most of the indexing time).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import writeFileAtomic from 'write-file-atomic';
import { buildDir, distDir } from '../../model/paths.ts';
import type { Collection, Stored } from '../../model/schema.ts';
import { artifactsFile, readCollections, streamAllArtifacts, streamArtifacts } from '../../model/store.ts';
import { LOCALES } from '../../model/locales.ts';
import { cardThumbFor, collectionImages, readImageManifest } from '../../formats/manifests/images.ts';
import { hashSources } from '../source-hash.ts';
import { artifactToDocs, collectionToDoc, type SearchDoc } from './doc.ts';
import { siteDocs } from './site-docs.ts';
import { indexDoc, writeSearchIndex, type IndexedDoc, type WriteSummary } from './write-index.ts';

const INDEXING_CODE = [
  'formats/search-index',
  'assets-pipeline/search',
  'model/text.ts',
  'model/han-script.ts',
  'model/rights.ts',
  'formats/manifests/images.ts',
  'formats/iiif-service.ts',
  'formats/facets.ts',
  'formats/vocabulary.ts',
  'formats/vocabulary',
  ...LOCALES.map((l) => `site/i18n/locales/search-values.${l}.json`),
];
// A linked image's thumbnail is its service's small size, as on the cards (the site's policy allows its host).
const thumbnail = { thumbnail: (r: Parameters<typeof cardThumbFor>[0]) => cardThumbFor(r)?.jpeg };

interface CacheFile {
  key: string;
  /** Facet labels, once each: documents refer to them by index (a label per value per document made the
   * cache several times larger). */
  labels: IndexedDoc['values'][number][2][];
  docs: (Omit<IndexedDoc, 'values'> & { values: [IndexedDoc['values'][number][0], string, number][] })[];
}

function pack(key: string, docs: IndexedDoc[]): CacheFile {
  const labels: CacheFile['labels'] = [];
  const at = new Map<string, number>();
  const ref = (label: CacheFile['labels'][number]) => {
    const k = JSON.stringify(label);
    let i = at.get(k);
    if (i === undefined) at.set(k, (i = labels.push(label) - 1));
    return i;
  };
  return { key, labels, docs: docs.map((d) => ({ ...d, values: d.values.map(([f, k, l]): [typeof f, string, number] => [f, k, ref(l)]) })) };
}

const unpack = (file: CacheFile): IndexedDoc[] => file.docs.map((d) => ({ ...d, values: d.values.map(([f, k, l]) => [f, k, file.labels[l]!]) }));

type Images = ReturnType<typeof readImageManifest>;

/** The cache key of a collection's documents: the indexing code, the collection's records and its images. */
export function searchCacheKey(c: Stored<Collection>, code: string, images: Images): string {
  const h = crypto.createHash('sha256').update(`${code}|${c.hash}`);
  for (const [k, v] of collectionImages(images, c.id)) h.update(`${k}|${v.hash}|${v.thumb.jpeg}`);
  return h.digest('hex');
}

const cacheFile = (id: string): string => path.join(buildDir(), 'search-cache', `${encodeURIComponent(id)}.bin`);

function readCache(id: string, key: string): IndexedDoc[] | undefined {
  try {
    const cached = v8.deserialize(fs.readFileSync(cacheFile(id))) as CacheFile;
    if (cached.key === key && Array.isArray(cached.labels)) return unpack(cached);
  } catch {
    // No cache yet, or an unreadable one: prepare the collection again.
  }
  return undefined;
}

/** Prepares one collection's documents and writes its cache file atomically: the stage's work and a job's
 * (after readyToIndex()). */
export async function prepareCollection(c: Stored<Collection>, key: string): Promise<IndexedDoc[]> {
  const docs: IndexedDoc[] = [];
  for await (const a of streamArtifacts(c.id)) for (const d of artifactToDocs(a, thumbnail)) docs.push(indexDoc(d));
  const file = cacheFile(c.id);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic.sync(file, v8.serialize(pack(key, docs)), { fsync: false });
  return docs;
}

/** One collection's artifact documents, from the cache when nothing they are made from changed. */
async function* cachedArtifactDocs(c: Stored<Collection>, code: string, images: Images): AsyncGenerator<IndexedDoc> {
  const key = searchCacheKey(c, code, images);
  yield* readCache(c.id, key) ?? (await prepareCollection(c, key));
}

export const indexingCodeHash = (): string => hashSources(INDEXING_CODE);

/** A collection whose documents could not be prepared (its job failed): the index goes on without its records. */
export interface SearchFailure {
  collection: string;
  file: string;
  message: string;
}

/** With a queue, every collection whose cache is stale is prepared as a job on the workers, all at once; the
 * index is then written from the caches exactly as in-process. A failed job is reported, not thrown: the index is
 * written without that collection's records, as the image stage publishes without a failed image. */
export async function prepareCollectionsAsJobs(
  queue: string,
  progress = Boolean(process.stderr.isTTY),
): Promise<{ prepared: number; failed: SearchFailure[] }> {
  const code = indexingCodeHash();
  const images = readImageManifest();
  const stale = readCollections().flatMap((c) => {
    const key = searchCacheKey(c, code, images);
    return readCache(c.id, key) ? [] : [{ c, key }];
  });
  const failed: SearchFailure[] = [];
  if (!stale.length) return { prepared: 0, failed };
  const { openRemoteJobs } = await import('../jobs/remote.ts');
  const { JobFailedError, JobQueueError } = await import('../jobs/errors.ts');
  const remote = await openRemoteJobs('search', queue, progress, (l) => console.log(l));
  try {
    await Promise.all(
      stale.map(async ({ c, key }) => {
        const data: SearchJobData = { collection: c.id, key };
        const file = artifactsFile(c.id);
        try {
          await remote.run(key, data, `${c.id}: ${file}`);
        } catch (err) {
          if (!(err instanceof JobFailedError)) throw err;
          failed.push({ collection: c.id, file, message: err.message });
          return;
        }
        if (!readCache(c.id, key))
          throw new JobQueueError(
            `a worker prepared ${c.id}, but ${cacheFile(c.id)} is not in this build's store: the coordinator and every worker must share it`,
          );
      }),
    );
  } finally {
    await remote.release();
  }
  return { prepared: stale.length - failed.length, failed };
}

export interface SearchJobData {
  collection: string;
  /** The cache key the coordinator computed (code, records, images). */
  key: string;
}

/** Every document, with artifacts prepared through the per-collection cache; `without`: collections whose
 * records are left out (their job failed). */
async function* stageDocs(without: ReadonlySet<string> = new Set()): AsyncGenerator<SearchDoc | IndexedDoc> {
  const collections = readCollections();
  for (const c of collections) yield collectionToDoc(c);
  const code = indexingCodeHash();
  const images = readImageManifest();
  for (const c of collections) if (!without.has(c.id)) yield* cachedArtifactDocs(c, code, images);
  yield* siteDocs();
}

export async function* allDocs(): AsyncGenerator<SearchDoc> {
  for (const c of readCollections()) yield collectionToDoc(c);
  for await (const a of streamAllArtifacts()) yield* artifactToDocs(a, thumbnail);
  yield* siteDocs();
}

/** `queue`: collections' documents are prepared as jobs on that queue's workers first; `failed` lists the
 * collections whose job failed (left out of the index). */
export async function runSearchStage(
  out = path.join(distDir(), 'search'),
  options: { queue?: string } = {},
): Promise<WriteSummary & { failed: SearchFailure[] }> {
  const failed = options.queue ? (await prepareCollectionsAsJobs(options.queue)).failed : [];
  const summary = await writeSearchIndex(stageDocs(new Set(failed.map((f) => f.collection))), out);
  return { ...summary, failed };
}
