// Reads every collection under content/collections, checks it completely, and only when nothing is wrong
// publishes the normalized records (each file written to a temp name, then renamed over the old one).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { contentDir, recordsDir } from '../../model/paths.ts';
import {
  mediaPath,
  collection as collectionSchema,
  place as placeSchema,
  type Artifact,
  type Collection,
  type Place,
  type Stored,
} from '../../model/schema.ts';
import { ARTIFACTS_DIR, COLLECTIONS_FILE, PLACES_FILE } from '../../model/store.ts';
import { loadCollectionConfig } from './collection-config.ts';
import { mapRecord, mappingPaths } from './map-record.ts';
import { Problems } from './problems.ts';
import { readRows } from './read-rows.ts';
import { loadYaml, type KeyPath } from './yaml-file.ts';
import { collectionKey, readReuse, sharedInputs, writeReuse, type ReuseIndex } from './reuse.ts';
import { writeIfChanged } from '../write-if-changed.ts';
import { applyTranslations } from '../translations/merge.ts';
import { overlaysKey } from '../translations/overlay.ts';

export interface IngestResult {
  collections: Stored<Collection>[];
  /** Records of the collections read this run. */
  artifacts: Map<string, Stored<Artifact>[]>;
  /** Collections skipped as unchanged (see reuse.ts), with their record counts: their published files stay. */
  unchanged: Map<string, number>;
  /** What the next run needs to skip collections; only when reuse was asked for. */
  reuse?: ReuseIndex;
  places: Stored<Place>[];
  problems: Problems;
}

export const artifactCount = (r: IngestResult): number =>
  [...r.artifacts.values()].reduce((s, a) => s + a.length, 0) + [...r.unchanged.values()].reduce((s, n) => s + n, 0);

export function hashRecord(record: object): string {
  return crypto.createHash('sha256').update(JSON.stringify(record)).digest('hex').slice(0, 16);
}

/** A media file must exist and, after resolving symlinks, still be inside the collection's media folder. */
function checkMedia(mediaRoot: string, rel: string): string | undefined {
  const abs = path.resolve(mediaRoot, rel);
  if (!abs.startsWith(mediaRoot + path.sep)) return `path "${rel}" escapes the collection's media folder`;
  if (!fs.existsSync(abs)) return `file not found: media/${rel}`;
  const real = fs.realpathSync(abs);
  const realRoot = fs.realpathSync(mediaRoot);
  if (!real.startsWith(realRoot + path.sep)) return `path "${rel}" links outside the collection's media folder`;
  return undefined;
}

function readPlaces(dir: string, problems: Problems): Stored<Place>[] {
  const file = path.join(dir, 'places.yaml');
  if (!fs.existsSync(file)) return [];
  const yaml = loadYaml(file, problems);
  if (!yaml) return [];
  const raw = yaml.value;
  if (!Array.isArray(raw)) {
    problems.add(file, 0, '-', 'must be a list of places');
    return [];
  }
  const out: Stored<Place>[] = [];
  raw.forEach((item: unknown, i) => {
    const parsed = placeSchema.safeParse({ type: 'place', ...(item as object) });
    if (parsed.success) out.push({ ...parsed.data, hash: hashRecord(parsed.data) });
    else for (const issue of parsed.error.issues) problems.add(file, yaml.lineOf([i, ...(issue.path as KeyPath)]), issue.path.join('.'), issue.message);
  });
  return out;
}

export function ingestCollection(
  dir: string,
  problems: Problems,
  seenIds: Map<string, { at: string; hash: string }>,
  placeIds: Set<string>,
): { collection: Stored<Collection>; artifacts: Stored<Artifact>[] } | undefined {
  const configFile = path.join(dir, 'collection.yaml');
  if (!fs.existsSync(configFile)) {
    problems.add(configFile, 0, '-', 'missing: every collection folder needs a collection.yaml');
    return undefined;
  }
  const loaded = loadCollectionConfig(configFile, problems);
  if (!loaded) return undefined;
  const { config, lineOf } = loaded;
  if (config.id !== path.basename(dir)) problems.add(configFile, lineOf(['id']), 'id', `must equal the folder name "${path.basename(dir)}"`);
  const recordsFile = path.join(dir, config.records);
  if (!fs.existsSync(recordsFile)) {
    problems.add(configFile, lineOf(['records']), 'records', `file not found: ${config.records}`);
    return undefined;
  }
  const table = readRows(recordsFile, problems);
  let mappingOk = true;
  for (const { path: col, at } of mappingPaths(config.fields)) {
    if (!table.keys.has(col) && table.rows.length) {
      mappingOk = false;
      const known = [...table.keys]
        .filter((k) => !k.includes('.'))
        .slice(0, 12)
        .join(', ');
      problems.add(configFile, lineOf(at), at.join('.'), `unknown column "${col}" (the file has: ${known}${table.keys.size > 12 ? ', …' : ''})`);
    }
  }
  for (const p of config.fields.places ?? []) {
    if (p.place && !placeIds.has(p.place))
      problems.add(configFile, lineOf(['fields', 'places']), 'places', `unknown place "${p.place}" (not in content/places.yaml)`);
  }
  const artifacts: Stored<Artifact>[] = [];
  if (mappingOk) {
    const mediaRoot = path.join(dir, 'media');
    for (const row of table.rows) {
      const result = mapRecord(config, row.data);
      if (!result.ok) for (const p of result.problems) problems.add(recordsFile, row.line, p.field, p.message);
      const rec = result.ok ? result.record : result.input;
      const hash = hashRecord(rec);
      const first = rec.id ? seenIds.get(rec.id) : undefined;
      if (first) {
        // A repeated row that says exactly the same thing is harmless (real exports contain them); a repeated
        // id with different content is a conflict the curator must resolve.
        if (first.hash === hash) problems.warn(recordsFile, row.line, 'id', `repeats the identical record at ${first.at}; skipped`);
        else problems.add(recordsFile, row.line, 'id', `duplicate id "${rec.id}" (first used at ${first.at})`);
        continue;
      }
      if (rec.id) seenIds.set(rec.id, { at: `${path.relative(process.cwd(), recordsFile)}:${row.line}`, hash });
      let mediaOk = true;
      (rec.media ?? []).forEach((m, i) => {
        const err = mediaPath.safeParse(m.path).success ? checkMedia(mediaRoot, m.path) : 'media path must stay inside the collection media folder';
        if (err && !(result.ok === false && result.problems.some((p) => p.field === `media.${i}.path`))) {
          mediaOk = false;
          problems.add(recordsFile, row.line, `media.${i}.path`, err);
        }
      });
      if (result.ok && mediaOk) artifacts.push({ ...result.record, hash });
    }
  }
  const merged = applyTranslations(config.id, artifacts, problems, path.dirname(path.dirname(dir)), hashRecord);
  const coll = collectionSchema.parse({
    type: 'collection',
    id: config.id,
    title: config.title,
    description: config.description,
    rights: config.rights,
    credit: config.credit,
    ...(config.holder ? { holder: config.holder } : {}),
    ...(config.sourceUrl ? { sourceUrl: config.sourceUrl } : {}),
  });
  return { collection: { ...coll, hash: hashRecord({ coll, items: merged.map((a) => a.hash) }) }, artifacts: merged };
}

export interface IngestOptions {
  /** Published records folder: collections unchanged since they were published there are not read again. */
  reuseFrom?: string;
}

export function ingestAll(root = contentDir(), options: IngestOptions = {}): IngestResult {
  const problems = new Problems();
  const places = readPlaces(root, problems);
  const placeIds = new Set(places.map((p) => p.id));
  const collDir = path.join(root, 'collections');
  const seenIds = new Map<string, { at: string; hash: string }>();
  const collections: Stored<Collection>[] = [];
  const artifacts = new Map<string, Stored<Artifact>[]>();
  const unchanged = new Map<string, number>();
  const reuseFrom = options.reuseFrom;
  const previous = reuseFrom ? readReuse(reuseFrom) : {};
  const shared = reuseFrom ? sharedInputs(path.join(root, 'places.yaml')) : '';
  const reuse: ReuseIndex = {};
  const dirs = fs.existsSync(collDir)
    ? fs
        .readdirSync(collDir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
  for (const name of dirs) {
    const dir = path.join(collDir, name);
    const key = reuseFrom ? collectionKey(dir, shared + overlaysKey(name, root)) : '';
    const before = previous[name];
    // Reused only when its published file is still there and none of its ids was taken by a collection read
    // before it (then it is read again, so the duplicate is reported at its row).
    if (
      reuseFrom &&
      before?.key === key &&
      fs.existsSync(path.join(reuseFrom, ARTIFACTS_DIR, `${name}.jsonl`)) &&
      !before.ids.some(([id]) => seenIds.has(id))
    ) {
      for (const [id, at, hash] of before.ids) seenIds.set(id, { at, hash });
      problems.warnings.push(...before.warnings);
      collections.push(before.collection);
      unchanged.set(name, before.ids.length);
      reuse[name] = before;
      continue;
    }
    const errorsBefore = problems.count;
    const warningsBefore = problems.warnings.length;
    const r = ingestCollection(dir, problems, seenIds, placeIds);
    if (!r) continue;
    collections.push(r.collection);
    artifacts.set(r.collection.id, r.artifacts);
    if (reuseFrom && problems.count === errorsBefore) {
      reuse[name] = {
        key,
        collection: r.collection,
        warnings: problems.warnings.slice(warningsBefore),
        ids: r.artifacts.map((a) => [a.id, seenIds.get(a.id)?.at ?? '', a.hash]),
      };
    }
  }
  return { collections, artifacts, unchanged, ...(reuseFrom ? { reuse } : {}), places, problems };
}

/** Writes the normalized records; only called when validation found nothing. Removed collections' files go. */
export function publishRecords(result: IngestResult, out = recordsDir()): void {
  const artDir = path.join(out, ARTIFACTS_DIR);
  fs.mkdirSync(artDir, { recursive: true });
  for (const [slug, list] of result.artifacts) {
    const body = list.map((a) => JSON.stringify(a)).join('\n') + (list.length ? '\n' : '');
    const file = path.join(artDir, `${slug}.jsonl`);
    // Unchanged files are left alone so their mtimes (and later stages' caches) stay valid.
    writeIfChanged(file, body);
  }
  for (const f of fs.readdirSync(artDir)) {
    const slug = f.slice(0, -6);
    if (f.endsWith('.jsonl') && !result.artifacts.has(slug) && !result.unchanged.has(slug)) fs.rmSync(path.join(artDir, f));
  }
  if (result.reuse) writeReuse(out, result.reuse);
  writeFileAtomic.sync(path.join(out, PLACES_FILE), JSON.stringify(result.places, null, 1));
  // Written last: readers treat collections.json as the commit point of a publish.
  writeFileAtomic.sync(path.join(out, COLLECTIONS_FILE), JSON.stringify(result.collections, null, 1));
}
