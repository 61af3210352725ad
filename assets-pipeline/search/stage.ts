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
import { readCollections, streamAllArtifacts, streamArtifacts } from '../../model/store.ts';
import { LOCALES } from '../../model/locales.ts';
import { collectionImages, imageFor, readImageManifest } from '../../formats/manifests/images.ts';
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
  'formats/facets.ts',
  ...LOCALES.map((l) => `site/i18n/locales/search-values.${l}.json`),
];
const thumbnail = { thumbnail: (r: Parameters<typeof imageFor>[0]) => imageFor(r)?.thumb.jpeg };

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

/** One collection's artifact documents, from the cache when nothing they are made from changed. */
async function* cachedArtifactDocs(c: Stored<Collection>, code: string, images: ReturnType<typeof readImageManifest>): AsyncGenerator<IndexedDoc> {
  const h = crypto.createHash('sha256').update(`${code}|${c.hash}`);
  for (const [k, v] of collectionImages(images, c.id)) h.update(`${k}|${v.hash}|${v.thumb.jpeg}`);
  const key = h.digest('hex');
  const file = path.join(buildDir(), 'search-cache', `${encodeURIComponent(c.id)}.bin`);
  try {
    const cached = v8.deserialize(fs.readFileSync(file)) as CacheFile;
    if (cached.key === key && Array.isArray(cached.labels)) {
      yield* unpack(cached);
      return;
    }
  } catch {
    // No cache yet, or an unreadable one: prepare the collection again.
  }
  const docs: IndexedDoc[] = [];
  for await (const a of streamArtifacts(c.id)) for (const d of artifactToDocs(a, thumbnail)) docs.push(indexDoc(d));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic.sync(file, v8.serialize(pack(key, docs)), { fsync: false });
  yield* docs;
}

/** Every document, with artifacts prepared through the per-collection cache. */
async function* stageDocs(): AsyncGenerator<SearchDoc | IndexedDoc> {
  const collections = readCollections();
  for (const c of collections) yield collectionToDoc(c);
  const code = hashSources(INDEXING_CODE);
  const images = readImageManifest();
  for (const c of collections) yield* cachedArtifactDocs(c, code, images);
  yield* siteDocs();
}

export async function* allDocs(): AsyncGenerator<SearchDoc> {
  for (const c of readCollections()) yield collectionToDoc(c);
  for await (const a of streamAllArtifacts()) yield* artifactToDocs(a, thumbnail);
  yield* siteDocs();
}

export function runSearchStage(out = path.join(distDir(), 'search')): Promise<WriteSummary> {
  return writeSearchIndex(stageDocs(), out);
}
