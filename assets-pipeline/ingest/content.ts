// The whole of content/: collections and places (ingest.ts), then every registered content type, all reporting to
// one Problems. Records are published only when nothing is wrong, so a stage or page never sees a half-checked
// input, and a published item disappears only when its input is gone.
import { contentDir, recordsDir } from '../../model/paths.ts';
import { TYPE_RECORDS_VERSION, typeRecordsFile } from '../../model/store.ts';
import { writeIfChanged } from '../write-if-changed.ts';
import type { ContentType } from './content-type.ts';
import { ingestAll, publishRecords, type IngestOptions, type IngestResult } from './ingest.ts';
import { Problems } from './problems.ts';
import { contentTypes } from './registry.ts';

export interface ContentResult extends IngestResult {
  /** Valid records of each registered type, by type name, in registry order. */
  types: Map<string, { id: string }[]>;
}

export function checkContent(root = contentDir(), options: IngestOptions = {}, types: readonly ContentType[] = contentTypes): ContentResult {
  const result = ingestAll(root, options);
  const ids = new Map<string, ReadonlySet<string>>([
    ['places', new Set(result.places.map((p) => p.id))],
    ['collections', new Set(result.collections.map((c) => c.id))],
    // Collections skipped as unchanged contribute the ids they had when published.
    [
      'artifacts',
      new Set([...[...result.artifacts.values()].flat().map((a) => a.id), ...Object.values(result.reuse ?? {}).flatMap((r) => r.ids.map(([id]) => id))]),
    ],
  ]);
  const records = new Map<string, { id: string }[]>();
  const ctx = { problems: result.problems, root, ids: (type: string) => ids.get(type) ?? new Set<string>() };
  for (const type of types) {
    const list = type.files(root).flatMap((file) => type.read(file, ctx));
    records.set(type.name, list);
    ids.set(type.name, new Set(list.map((r) => r.id)));
  }
  return { ...result, types: records };
}

/** Writes every record; only called when checkContent found no problem. */
export function publishContent(result: ContentResult, out = recordsDir()): void {
  for (const [type, records] of result.types) writeIfChanged(typeRecordsFile(type, out), JSON.stringify({ version: TYPE_RECORDS_VERSION, records }, null, 1));
  // Last: collections.json is the commit point of a publish.
  publishRecords(result, out);
}

/** The records of one registered type, typed by the type. */
export const recordsOf = <R extends { id: string }>(result: ContentResult, type: ContentType<R>): R[] => (result.types.get(type.name) ?? []) as R[];

/** One content type alone, e.g. for a test: its records and its problems. */
export function checkContentType<R extends { id: string }>(type: ContentType<R>, root: string, ids: Record<string, Iterable<string>> = {}) {
  const problems = new Problems();
  const ctx = { problems, root, ids: (t: string) => new Set(ids[t] ?? []) };
  const records = type.files(root).flatMap((file) => type.read(file, ctx));
  return { records, problems: problems.list };
}
