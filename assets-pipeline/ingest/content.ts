// The whole of content/: collections and places (ingest.ts), then every registered content type, all reporting to
// one Problems. Records are published only when nothing is wrong, so a stage or page never sees a half-checked
// input, and a published item disappears only when its input is gone.
import { contentDir, recordsDir } from '../../model/paths.ts';
import type { Artifact } from '../../model/schema.ts';
import { streamArtifacts, TYPE_RECORDS_VERSION, typeRecordsFile } from '../../model/store.ts';
import { writeIfChanged } from '../write-if-changed.ts';
import type { ArtifactImages, ContentType, ReadContext, SyncContentType } from './content-type.ts';
import { ingestAll, publishRecords, type IngestOptions, type IngestResult } from './ingest.ts';
import { Problems } from './problems.ts';
import { contentTypes } from './registry.ts';
import { DEFAULT_FETCH_LIMITS, fetchRemoteMedia, type FetchLimits } from './remote-media.ts';

export interface ContentResult extends IngestResult {
  /** Valid records of each registered type, by type name, in registry order. */
  types: Map<string, { id: string }[]>;
}

export interface CheckOptions extends IngestOptions {
  /** Limits for fetching media addresses the records name (see remote-media.ts). */
  fetch?: Partial<FetchLimits>;
}

/** Reads everything; when records name media addresses not fetched yet, fetches them once and reads again (so the
 * records get their copies, or an error for each address that failed). */
async function ingestWithMedia(root: string, options: CheckOptions): Promise<IngestResult> {
  const first = ingestAll(root, options);
  if (!first.pendingMedia.length) return first;
  const limits = { ...DEFAULT_FETCH_LIMITS, ...options.fetch };
  const tty = process.stderr.isTTY;
  const { fetched, failures } = await fetchRemoteMedia(first.pendingMedia, limits, (done, total) => {
    if (tty) process.stderr.write(`\rfetching media by address: ${done}/${total}`);
  });
  if (tty) process.stderr.write('\n');
  console.error(`fetched ${fetched} image${fetched === 1 ? '' : 's'} by address${failures.size ? `, ${failures.size} failed (errors below)` : ''}`);
  return ingestAll(root, { ...options, remoteFailures: failures });
}

export async function checkContent(root = contentDir(), options: CheckOptions = {}, types: readonly ContentType[] = contentTypes): Promise<ContentResult> {
  const result: ContentResult = { ...(await ingestWithMedia(root, options)), types: new Map() };
  const ctx = readContext(result, root, options.reuseFrom ?? recordsDir());
  for (const type of types) {
    const list: { id: string }[] = [];
    for (const file of type.files(root)) list.push(...(await type.read(file, ctx)));
    result.types.set(type.name, list);
  }
  return result;
}

/** What a content type sees of the content read so far: `result.types` grows as each type is read.
 * `publishedRecords` is where collections the ingest skipped as unchanged were published before. */
export function readContext(result: ContentResult, root: string, publishedRecords: string): ReadContext {
  const ids = new Map<string, ReadonlySet<string>>([
    ['places', new Set(result.places.map((p) => p.id))],
    ['collections', new Set(result.collections.map((c) => c.id))],
    // Collections skipped as unchanged contribute the ids they had when published.
    [
      'artifacts',
      new Set([...[...result.artifacts.values()].flat().map((a) => a.id), ...Object.values(result.reuse ?? {}).flatMap((r) => r.ids.map(([id]) => id))]),
    ],
  ]);
  const typeIds = new WeakMap<readonly { id: string }[], ReadonlySet<string>>();
  let images: Promise<ReadonlyMap<string, ArtifactImages>> | undefined;
  return {
    problems: result.problems,
    root,
    ids: (type) => {
      const fixed = ids.get(type);
      if (fixed) return fixed;
      const list = result.types.get(type) ?? [];
      let set = typeIds.get(list);
      if (!set) typeIds.set(list, (set = new Set(list.map((r) => r.id))));
      return set;
    },
    records: <R extends { id: string }>(type: ContentType<R>) => (result.types.get(type.name) ?? []) as R[],
    artifactImages: () => (images ??= artifactImages(result, publishedRecords)),
  };
}

const imagesOf = (a: Artifact): ArtifactImages => ({
  collection: a.collection,
  images: a.media.flatMap((m) => (m.kind === 'image' && m.path ? [m.path] : [])),
});

async function artifactImages(result: IngestResult, publishedRecords: string): Promise<ReadonlyMap<string, ArtifactImages>> {
  const out = new Map<string, ArtifactImages>();
  for (const list of result.artifacts.values()) for (const a of list) out.set(a.id, imagesOf(a));
  for (const collection of result.unchanged.keys()) for await (const a of streamArtifacts(collection, publishedRecords)) out.set(a.id, imagesOf(a));
  return out;
}

/** Writes every record; only called when checkContent found no problem. */
export function publishContent(result: ContentResult, out = recordsDir()): void {
  for (const [type, records] of result.types) writeIfChanged(typeRecordsFile(type, out), JSON.stringify({ version: TYPE_RECORDS_VERSION, records }, null, 1));
  // Last: collections.json is the commit point of a publish.
  publishRecords(result, out);
}

/** One content type alone, e.g. for a test: its records and its problems. Records of other types it refers to
 * are given by id only. */
export function checkContentType<R extends { id: string }>(type: SyncContentType<R>, root: string, ids: Record<string, Iterable<string>> = {}) {
  const problems = new Problems();
  const ctx: ReadContext = {
    problems,
    root,
    ids: (t) => new Set(ids[t] ?? []),
    records: () => [],
    artifactImages: async () => new Map(),
  };
  const records = type.files(root).flatMap((file) => type.read(file, ctx));
  return { records, problems: problems.list };
}
