// Reads the normalized records the importer wrote. The only reader of build/records: pipeline stages, the
// site's content loader, search index writers and tests all come through here, so no input is parsed twice.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { z } from 'zod';
import { recordsDir } from './paths.ts';
import type { Artifact, Collection, Place, Stored } from './schema.ts';

export const COLLECTIONS_FILE = 'collections.json';
export const PLACES_FILE = 'places.json';
export const ARTIFACTS_DIR = 'artifacts';

function readJson<T>(file: string, fallback: T): T {
  if (!fs.existsSync(file)) return fallback;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

export function readCollections(dir = recordsDir()): Stored<Collection>[] {
  const file = path.join(dir, COLLECTIONS_FILE);
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: run \`npm run heritage -- ingest\` first`);
  }
  return readJson<Stored<Collection>[]>(file, []);
}

/** The origins whose IIIF Image services the published collections link (their curators' opt-in); none before the
 * first ingest. The site's policy allows these for images. */
export function linkedImageOrigins(dir = recordsDir()): string[] {
  const collections = readJson<Stored<Collection>[]>(path.join(dir, COLLECTIONS_FILE), []);
  return [...new Set(collections.flatMap((c) => c.linkedImageOrigins ?? []))].sort();
}

export function readPlaces(dir = recordsDir()): Stored<Place>[] {
  return readJson<Stored<Place>[]>(path.join(dir, PLACES_FILE), []);
}

export function artifactsFile(collection: string, dir = recordsDir()): string {
  return path.join(dir, ARTIFACTS_DIR, `${collection}.jsonl`);
}

/** Streams one collection's artifacts: at 150k records a whole-file read would hold every line twice. */
export async function* streamArtifacts(collection: string, dir = recordsDir()): AsyncGenerator<Stored<Artifact>> {
  const input = fs.createReadStream(artifactsFile(collection, dir), { encoding: 'utf8' });
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line) yield JSON.parse(line) as Stored<Artifact>;
  }
}

/** A record line not parsed yet: its id is read cheaply, the whole record only when asked for. */
export interface LazyArtifact {
  id: string;
  /** The stored line: changes exactly when the record does. */
  line: string;
  record(): Stored<Artifact>;
}

// The importer writes `id` first (JSON.stringify keeps the schema's key order); any other line is parsed.
const LEADING_ID = /^\{"id":"((?:[^"\\]|\\.)*)"/;

/** Streams one collection as lazy records: a page part that renders 25k of 150k records parses only those
 * (parsing every record was ~4 s per part). */
export async function* streamLazyArtifacts(collection: string, dir = recordsDir()): AsyncGenerator<LazyArtifact> {
  const input = fs.createReadStream(artifactsFile(collection, dir), { encoding: 'utf8' });
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line) continue;
    const m = LEADING_ID.exec(line);
    if (m) yield { id: m[1]!.includes('\\') ? (JSON.parse(`"${m[1]}"`) as string) : m[1]!, line, record: () => JSON.parse(line) as Stored<Artifact> };
    else {
      const a = JSON.parse(line) as Stored<Artifact>;
      yield { id: a.id, line, record: () => a };
    }
  }
}

/** Every artifact of every collection, in collection order. */
export async function* streamAllArtifacts(dir = recordsDir()): AsyncGenerator<Stored<Artifact>> {
  for (const c of readCollections(dir)) yield* streamArtifacts(c.id, dir);
}

/** `build/records/<type>.json`: the validated records of one content type (scenes, dramas, …). */
export const typeRecordsFile = (type: string, dir = recordsDir()): string => path.join(dir, `${type}.json`);
export const TYPE_RECORDS_VERSION = 1;

const cache = new Map<string, { stamp: string; records: unknown[] }>();

/** The records of one content type, checked against its schema when read (a stale or hand-edited file is an
 * error, never a wrong value). Cached while the file is unchanged: pages ask for them once per page. */
export function readTypeRecords<S extends z.ZodType>(type: string, schema: S, dir = recordsDir()): z.infer<S>[] {
  const file = typeRecordsFile(type, dir);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run heritage -- ingest\` first`);
  const st = fs.statSync(file);
  const stamp = `${st.mtimeMs}:${st.size}`;
  const hit = cache.get(file);
  if (hit?.stamp === stamp) return hit.records as z.infer<S>[];
  const parsed = z.object({ version: z.literal(TYPE_RECORDS_VERSION), records: z.array(schema) }).safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message} (written by another version? run \`npm run heritage -- ingest\`)`);
  }
  cache.set(file, { stamp, records: parsed.data.records });
  return parsed.data.records;
}
