// Reads every collection under content/collections, checks it completely, and only when nothing is wrong
// publishes the normalized records (each file written to a temp name, then renamed over the old one).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { contentDir, recordsDir } from '../../model/paths.ts';
import {
  mediaPath,
  artifact as artifactSchema,
  collection as collectionSchema,
  place as placeSchema,
  type Artifact,
  type ArtifactInput,
  type Collection,
  type Place,
  type Stored,
} from '../../model/schema.ts';
import { ARTIFACTS_DIR, COLLECTIONS_FILE, PLACES_FILE } from '../../model/store.ts';
import { loadCollectionConfig } from './collection-config.ts';
import { slugProblem } from './content-type.ts';
import { mapRecord, mappingPaths, type MapContext } from './map-record.ts';
import { refillCredit } from './map-credit.ts';
import { Problems } from './problems.ts';
import { pathKey, readKeys, readRows } from './read-rows.ts';
import { chronologyFiles, namedRanges, periodMatcher, readChronology, type Chronology } from '../../model/periods.ts';
import { loadYaml, type KeyPath } from './yaml-file.ts';
import { collectionKey, readReuse, sharedInputs, writeReuse, type ReuseIndex } from './reuse.ts';
import { writeIfChanged } from '../write-if-changed.ts';
import { translationMerger } from '../translations/merge.ts';
import { overlaysKey } from '../translations/overlay.ts';
import { readRemoteIndex, type PendingMedia } from './remote-media.ts';
import { UnreconciledTally } from './unreconciled.ts';

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
  /** Media addresses the records name that have no cached copy yet: `checkContent` fetches them and reads again. */
  pendingMedia: PendingMedia[];
}

export const artifactCount = (r: IngestResult): number =>
  [...r.artifacts.values()].reduce((s, a) => s + a.length, 0) + [...r.unchanged.values()].reduce((s, n) => s + n, 0);

export function hashRecord(record: object): string {
  // The one-shot form: the same digest as createHash().update().digest(), without a Hash object per record.
  return crypto.hash('sha256', JSON.stringify(record)).slice(0, 16);
}

/** A media file must exist and, after resolving symlinks, still be inside the collection's media folder. */
function mediaChecker(mediaRoot: string): (rel: string) => string | undefined {
  let realRoot: string | undefined;
  return (rel) => {
    const abs = path.resolve(mediaRoot, rel);
    if (!abs.startsWith(mediaRoot + path.sep)) return `path "${rel}" escapes the collection's media folder`;
    if (!fs.existsSync(abs)) return `file not found: media/${rel}`;
    const real = fs.realpathSync(abs);
    // Resolved once per collection, not once per file.
    realRoot ??= fs.realpathSync(mediaRoot);
    if (!real.startsWith(realRoot + path.sep)) return `path "${rel}" links outside the collection's media folder`;
    return undefined;
  };
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
  remote: RemoteOptions = {},
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
  const taken = slugProblem('collection', config.id);
  if (taken) problems.add(configFile, lineOf(['id']), 'id', taken);
  const recordsFile = path.resolve(dir, config.records);
  if (!fs.existsSync(recordsFile)) {
    problems.add(configFile, lineOf(['records']), 'records', `file not found: ${config.records}`);
    return undefined;
  }
  // Resolved with symlinks and compared with a separator, so neither `../` nor a link leads outside.
  const realDir = fs.realpathSync(dir);
  if (!fs.realpathSync(recordsFile).startsWith(realDir + path.sep)) {
    problems.add(configFile, lineOf(['records']), 'records', `"${config.records}" is outside the collection folder: the records file must be inside it`);
    return undefined;
  }
  const ctx = mapContext(config.chronology, path.join(path.dirname(path.dirname(dir)), 'chronologies'), (msg) =>
    problems.add(configFile, lineOf(['chronology']), 'chronology', msg),
  );
  if (ctx) {
    const cached = readRemoteIndex(dir);
    ctx.remoteMedia = (url) => {
      const error = remote.failures?.get(url);
      if (error) return { error };
      const entry = cached[url];
      // A copy deleted by hand is fetched again rather than reported missing.
      return entry && fs.existsSync(path.join(dir, 'media', entry.path)) ? { entry } : undefined;
    };
  }
  if (config.fields.period === 'derive' && !config.chronology)
    problems.add(configFile, lineOf(['fields', 'period']), 'fields.period', '`derive` needs the collection to name its `chronology` (e.g. chinese-dynasties)');
  // Keys first (the header for CSV, one pass without keeping rows for JSONL), so a mapping naming an unknown
  // column is reported once instead of as an empty field in every row. Credit templates may name fields of the
  // mapped record (`{title}`) as well as columns.
  const wanted = mappingPaths(config.fields).flatMap(({ path: col, at }) => {
    const key = pathKey(col);
    return key === undefined || (at[1] === 'credit' && col.split('.')[0]! in artifactSchema.shape) ? [] : [{ col, key, at }];
  });
  const known = (keys: Set<string>, w: { col: string; key: string }) => keys.has(w.col) || keys.has(w.key);
  const keys = readKeys(recordsFile, new Problems(), (seen) => wanted.every((w) => known(seen, w)));
  let mappingOk = !!ctx;
  for (const w of wanted) {
    const { col, at } = w;
    if (!known(keys, w) && keys.size) {
      mappingOk = false;
      const listed = [...keys]
        .filter((k) => !k.includes('.') && !k.includes('['))
        .slice(0, 12)
        .join(', ');
      problems.add(configFile, lineOf(at), at.join('.'), `unknown column "${col}" (the file has: ${listed}${keys.size > 12 ? ', …' : ''})`);
    }
  }
  for (const p of config.fields.places ?? []) {
    if (p.place && !placeIds.has(p.place))
      problems.add(configFile, lineOf(['fields', 'places']), 'places', `unknown place "${p.place}" (not in content/places.yaml)`);
  }
  const artifacts: Stored<Artifact>[] = [];
  const merge = translationMerger(config.id, problems, path.dirname(path.dirname(dir)));
  const unmatched = new Map<string, { count: number; at: number }>();
  const unreconciled = new UnreconciledTally();
  const mediaRoot = path.join(dir, 'media');
  const relFile = path.relative(process.cwd(), recordsFile);
  const checkMedia = mediaChecker(mediaRoot);
  let linked = 0;
  readRows(recordsFile, problems, (row) => {
    if (!mappingOk || !ctx) return !problems.stopped;
    const result = mapRecord(config, row.data, ctx);
    for (const w of result.warnings) problems.warn(recordsFile, row.line, w.field, w.message);
    for (const url of result.pendingMedia) remote.pending?.push({ collectionDir: dir, url });
    for (const label of result.unmatchedPeriods) {
      const u = unmatched.get(label);
      if (u) u.count++;
      else unmatched.set(label, { count: 1, at: row.line });
    }
    if (!result.ok) for (const p of result.problems) problems.add(recordsFile, row.line, p.field, p.message);
    // Translations merge as each row is read; a credit naming record fields is then filled again, so each locale's
    // credit has the title in that locale. The record is hashed once, as it will be published (a repeated row is
    // compared by that hash too).
    let published: Artifact | undefined;
    let rec: Artifact | ArtifactInput;
    if (result.ok) {
      published = merge(result.record);
      if (published !== result.record && config.fields.credit) published = refillCredit(config, row.data, published);
      rec = published;
    } else rec = result.input;
    const hash = hashRecord(rec);
    const first = rec.id ? seenIds.get(rec.id) : undefined;
    if (first) {
      // A repeated row that says exactly the same thing is harmless (real exports contain them); a repeated
      // id with different content is a conflict the curator must resolve.
      if (first.hash === hash) problems.warn(recordsFile, row.line, 'id', `repeats the identical record at ${first.at}; skipped`);
      else problems.add(recordsFile, row.line, 'id', `duplicate id "${rec.id}" (first used at ${first.at})`);
      return !problems.stopped;
    }
    if (rec.id) seenIds.set(rec.id, { at: `${relFile}:${row.line}`, hash });
    let mediaOk = true;
    (rec.media ?? []).forEach((m, i) => {
      if (m.path === undefined && m.service) return; // linked: no file here
      const err = m.path !== undefined && mediaPath.safeParse(m.path).success ? checkMedia(m.path) : 'media path must stay inside the collection media folder';
      if (err && !(result.ok === false && result.problems.some((p) => p.field === `media.${i}.path`))) {
        mediaOk = false;
        problems.add(recordsFile, row.line, `media.${i}.path`, err);
      }
    });
    // The record is this row's own (parsed or merged afresh): its hash is added in place rather than by a copy.
    if (published && mediaOk) {
      artifacts.push(Object.assign(published, { hash }));
      unreconciled.add(published, row.line);
      if (config.linkImageServicesFrom) for (const m of published.media) if (m.service) linked++;
    }
    return !problems.stopped;
  });
  const names = ctx?.chronologies.map((c) => c.id).join(', ');
  // A period that is no period of the chronology would be a facet value nobody curated: it stays on the page only.
  for (const [label, { count, at }] of [...unmatched].sort((a, b) => b[1].count - a[1].count))
    problems.warn(
      recordsFile,
      at,
      'period',
      `${names ? `period label "${label}" matches no period of ${names}` : `period label "${label}" is not reconciled: the collection names no \`chronology\``} (${count} record${count > 1 ? 's, the first at this row' : ''}): shown on the record page, left out of browsing`,
    );
  for (const [row, field, message] of unreconciled.warnings()) problems.warn(recordsFile, row, field, message);
  // Said once, not per record: what the build takes on trust about the services it links.
  if (linked > 0)
    problems.warn(
      configFile,
      lineOf(['linkImageServicesFrom']),
      'linkImageServicesFrom',
      `${linked} image${linked > 1 ? 's are' : ' is'} linked, checked in form only: the build does not ask the services whether they answer or whether their size and level are as declared`,
    );
  const coll = collectionSchema.parse({
    type: 'collection',
    id: config.id,
    title: config.title,
    description: config.description,
    rights: config.rights,
    credit: config.credit,
    ...(config.holder ? { holder: config.holder } : {}),
    ...(config.sourceUrl ? { sourceUrl: config.sourceUrl } : {}),
    ...(config.linkImageServicesFrom ? { linkedImageOrigins: [...new Set(config.linkImageServicesFrom.map((o) => o.toLowerCase()))].sort() } : {}),
  });
  return { collection: { ...coll, hash: hashRecord({ coll, items: artifacts.map((a) => a.hash) }) }, artifacts };
}

/** The chronologies a collection names, resolved to files (built-in or the site's own); undefined after
 * reporting a name that is not one. */
function mapContext(names: string | string[] | undefined, siteDir: string, report: (msg: string) => void): MapContext | undefined {
  const list = names === undefined ? [] : Array.isArray(names) ? names : [names];
  const files = chronologyFiles(siteDir);
  const chronologies: Chronology[] = [];
  for (const n of list) {
    const file = files.get(n);
    if (!file) {
      report(`unknown chronology "${n}" (known: ${[...files.keys()].join(', ')})`);
      return undefined;
    }
    try {
      chronologies.push(readChronology(file));
    } catch (e) {
      report((e as Error).message);
      return undefined;
    }
  }
  return { chronologies, named: namedRanges(chronologies), matchPeriod: chronologies.length ? periodMatcher(chronologies) : undefined };
}

interface RemoteOptions {
  /** Collects the media addresses with no cached copy. */
  pending?: PendingMedia[];
  /** Addresses a fetch failed for, with the reason (reported at each record naming them). */
  failures?: ReadonlyMap<string, string>;
}

export interface IngestOptions {
  /** Published records folder: collections unchanged since they were published there are not read again. */
  reuseFrom?: string;
  /** Stop reading after this many errors (the run fails either way; this only saves time on a bad mapping). */
  maxErrors?: number;
  /** Media addresses whose fetch failed, with why (set by `checkContent` on its second read). */
  remoteFailures?: ReadonlyMap<string, string>;
}

export function ingestAll(root = contentDir(), options: IngestOptions = {}): IngestResult {
  const problems = new Problems(options.maxErrors);
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
  const pendingMedia: PendingMedia[] = [];
  const entries = fs.existsSync(collDir) ? fs.readdirSync(collDir, { withFileTypes: true }) : [];
  // A linked folder could bring in anything on the machine: it is refused with a word, never silently skipped.
  for (const d of entries)
    if (d.isSymbolicLink())
      problems.add(path.join(collDir, d.name), 0, '-', 'is a symbolic link: a collection must be a real folder inside content/collections (not read)');
  const dirs = entries
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const name of dirs) {
    if (problems.stopped) break;
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
    const r = ingestCollection(dir, problems, seenIds, placeIds, {
      pending: pendingMedia,
      ...(options.remoteFailures ? { failures: options.remoteFailures } : {}),
    });
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
  return { collections, artifacts, unchanged, ...(reuseFrom ? { reuse } : {}), places, problems, pendingMedia };
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
