// The site is published from two slots, `site-versions/a/` and `site-versions/b/`, each a whole site: pages,
// search, API, downloads and sitemaps in `site/`, media in `media/`, the stages' record of what they published
// in `state/`. `site-versions/live` is a link naming one of them; `dist` and `build/media` are fixed links
// through it, so pages and media change together, in one rename, for the local server and a static host alike.
//
// A build writes into the other slot (the version before the live one) and switches `live` over to it; the
// live slot is never written. Each slot keeps its stages' states, so the incremental stages bring it up to date
// from its own last publish: the work is what changed since then (this publish's changes and the previous
// one's), never a pass over the unchanged files. Copying the live version (hard links, one per file: 517 s at
// 150k records on a loaded machine) happens only when the other slot is missing or a build stopped half-way
// through writing it. Rendered image folders live in a content-addressed store shared by both slots
// (images/store.ts); a slot links each image it shows, once, when it first shows it.
import fs from 'node:fs';
import path from 'node:path';
import { buildDir, distDir, imageStoreDir, mediaDir, siteVersionsDir } from '../../model/paths.ts';
import { IMAGE_ID, unlinkedImagesFile } from '../../assets-pipeline/images/store.ts';
import { type CloneCount, linkTree } from '../../assets-pipeline/link-tree.ts';

const LIVE = 'live';
const SLOTS = ['a', 'b'] as const;
/** Names the slot a build is writing; still there when the build stopped before its switch. */
const WRITING = 'writing';
/** In a slot's state/: when it last went live, for messages about what is live. */
const PUBLISHED = 'published-at';

export interface SiteVersion {
  id: string;
  dir: string;
  site: string;
  media: string;
  state: string;
}

function versionAt(id: string): SiteVersion {
  const dir = path.join(siteVersionsDir(), id);
  return { id, dir, site: path.join(dir, 'site'), media: path.join(dir, 'media'), state: path.join(dir, 'state') };
}

function readLink(file: string): string | undefined {
  try {
    return fs.readlinkSync(file);
  } catch {
    return undefined;
  }
}

export function liveVersion(): SiteVersion | undefined {
  const id = readLink(path.join(siteVersionsDir(), LIVE));
  return id && fs.existsSync(path.join(siteVersionsDir(), id)) ? versionAt(id) : undefined;
}

/** "slot a, published 2026-…Z": what a message about the live site says. */
export function describeVersion(v: SiteVersion): string {
  let when = '';
  try {
    when = `, published ${fs.readFileSync(path.join(v.state, PUBLISHED), 'utf8').trim()}`;
  } catch {
    // adopted from an unversioned publish: no date recorded
  }
  return `slot ${v.id}${when}`;
}

/** How the slot a build or a stage alone writes was started, as its first message says. */
export function describeStart(next: PreparedVersion): string {
  const c = next.cloned;
  if (next.start === 'in-place')
    return `brought up to date in place from its own last publish (${describeVersion(next.previous ?? next)} stays live until the switch)`;
  if (next.start === 'empty') return 'first version';
  return `started as a copy of the live ${describeVersion(next.previous!)} (${next.reason}): ${c.files} files and ${c.links} links by hard link in ${next.cloneSeconds.toFixed(1)} s, once`;
}

/** Points `link` at `target` by renaming a fresh link over it: readers see the old or the new, never neither. */
function swapLink(link: string, target: string): void {
  const tmp = `${link}.new-${process.pid}`;
  fs.rmSync(tmp, { force: true });
  fs.symlinkSync(target, tmp);
  fs.renameSync(tmp, link);
}

/** A fixed link (`dist`, `build/media`) through `site-versions/live`; a real folder there is an earlier, unversioned
 * publish and is adopted as the first version by the caller. */
function ensureFixedLink(link: string, through: string): void {
  const want = path.relative(path.dirname(link), through);
  if (readLink(link) === want) return;
  fs.mkdirSync(path.dirname(link), { recursive: true });
  swapLink(link, want);
}

const isRealDir = (p: string): boolean => {
  try {
    return fs.lstatSync(p).isDirectory();
  } catch {
    return false;
  }
};

export interface Paths {
  /** The stable paths readers use: the project's dist/ and media folder. */
  dist: string;
  media: string;
}

export const livePaths = (): Paths => ({ dist: distDir(), media: mediaDir() });

/** An earlier publish wrote dist/ and build/media/ as real folders: they become slot a (by rename) and the fixed
 * links take their place. The site is missing for the moment between the two renames, once. */
function adoptUnversioned(paths: Paths): void {
  if (liveVersion() || !(isRealDir(paths.dist) || isRealDir(paths.media))) return;
  const v = versionAt(SLOTS[0]);
  fs.rmSync(v.dir, { recursive: true, force: true });
  fs.mkdirSync(v.state, { recursive: true });
  for (const [from, to] of [
    [paths.dist, v.site],
    [paths.media, v.media],
  ] as const) {
    if (isRealDir(from)) fs.renameSync(from, to);
    else fs.mkdirSync(to, { recursive: true });
  }
  const pagesState = path.join(buildDir(), 'pages-state.json');
  if (fs.existsSync(pagesState)) fs.copyFileSync(pagesState, path.join(v.state, 'pages-state.json'));
  swapLink(path.join(siteVersionsDir(), LIVE), v.id);
}

/** Rendered image folders live in the store and are linked into a slot by folder. A real one (from an
 * unversioned publish) moves into the store once, by hard links, and is linked from then on. */
function imageFolder(rel: string, abs: string, target: string): boolean {
  const m = /^(img|iiif)\/([^/]+)$/.exec(rel);
  if (!m || !IMAGE_ID.test(m[2]!)) return false;
  const stored = path.join(imageStoreDir(), m[1]!, m[2]!);
  if (!fs.existsSync(stored)) {
    const tmp = `${stored}.tmp-${process.pid}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    linkTree(abs, tmp);
    fs.renameSync(tmp, stored);
  }
  fs.symlinkSync(path.relative(path.dirname(target), stored), target);
  return true;
}

/** How the slot being written started: as it was (the usual case), as a copy of the live version, or empty. */
export type Start = 'in-place' | 'copied' | 'empty';

export interface PreparedVersion extends SiteVersion {
  /** The live version when the build started (it stays as it is until the switch). */
  previous: SiteVersion | undefined;
  start: Start;
  /** Why the slot was copied, when it was. */
  reason?: string;
  cloned: CloneCount;
  cloneSeconds: number;
}

/** Removes what is neither one of the slots in `keep` nor the live link: a slot a stopped build set aside, an
 * earlier layout's versions, staging links. */
export function removeLeftovers(keep: (SiteVersion | undefined)[]): number {
  const root = siteVersionsDir();
  if (!fs.existsSync(root)) return 0;
  const kept = new Set(keep.filter((v) => v !== undefined).map((v) => v.id));
  let removed = 0;
  for (const name of fs.readdirSync(root)) {
    if (name === LIVE || name === WRITING || kept.has(name)) continue;
    fs.rmSync(path.join(root, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

/** Moved aside (one rename, beside the slots) and removed after the switch by removeLeftovers, so what a stopped
 * build left costs nothing before the new version goes live. */
function setAside(dir: string): void {
  const name = path.relative(siteVersionsDir(), dir).replaceAll(path.sep, '-');
  if (fs.existsSync(dir)) fs.renameSync(dir, path.join(siteVersionsDir(), `${name}.old-${process.pid}`));
}

const writingMark = (): string => path.join(siteVersionsDir(), WRITING);

/** Picks the slot that is not live and makes it ready to write, then points this process's (and its children's)
 * output paths at it. With `fresh` the pages start empty (a full build); the media are kept either way. With
 * `copyBecause` the slot starts as a copy of the live version even when whole (for work that does not bring a
 * whole version up to date, such as one stage run alone). */
export function prepareNextVersion(paths: Paths, fresh: boolean, copyBecause?: string): PreparedVersion {
  fs.mkdirSync(siteVersionsDir(), { recursive: true });
  adoptUnversioned(paths);
  const previous = liveVersion();
  const next = versionAt(previous?.id === SLOTS[0] ? SLOTS[1] : SLOTS[0]);
  const unfinished = readLink(writingMark()) === next.id;
  // Said before the first write into the slot: a build stopped from here on leaves it marked.
  swapLink(writingMark(), next.id);
  const started = performance.now();
  const cloned: CloneCount = { files: 0, dirs: 0, links: 0 };
  let start: Start = 'in-place';
  let reason: string | undefined;
  if (!fs.existsSync(next.dir) || unfinished || copyBecause) {
    reason = copyBecause ?? (unfinished ? 'a build stopped while writing it' : 'it did not exist yet');
    setAside(next.dir);
    if (previous) {
      start = 'copied';
      if (!fresh) linkTree(previous.site, next.site, cloned);
      if (!fresh) linkTree(previous.state, next.state, cloned);
      if (fs.existsSync(previous.media)) linkTree(previous.media, next.media, cloned, imageFolder);
    } else start = 'empty';
  }
  if (fresh) {
    // A full build: the pages and the stages' records of them start empty, the media carry over.
    for (const d of [next.site, next.state]) setAside(d);
  }
  for (const d of [next.site, next.media, next.state]) fs.mkdirSync(d, { recursive: true });
  fs.rmSync(path.join(next.state, PUBLISHED), { force: true });
  process.env.HERITAGE_DIST_DIR = next.site;
  process.env.HERITAGE_MEDIA_DIR = next.media;
  process.env.HERITAGE_PUBLISH_STATE_DIR = next.state;
  return { ...next, previous, start, reason, cloned, cloneSeconds: (performance.now() - started) / 1000 };
}

/** The slot that is not live, when it is whole (the version before the live one). */
export function standbyVersion(): SiteVersion | undefined {
  const live = liveVersion();
  const other = versionAt(live?.id === SLOTS[0] ? SLOTS[1] : SLOTS[0]);
  return fs.existsSync(other.dir) && readLink(writingMark()) !== other.id ? other : undefined;
}

/** Marks the slot that is not live as unfinished: the next build starts it again from a copy of the live one
 * (after something outside a build changed the live slot and the standby would otherwise come back with it). */
export function invalidateStandby(): void {
  const standby = standbyVersion();
  if (standby) swapLink(writingMark(), standby.id);
}

/** Whether `dist` holds a site (for the "pages start empty" decision): removing dist/ asks for a full build. */
export const hasLiveSite = (paths: Paths): boolean => fs.existsSync(path.join(paths.dist, 'index.html'));

/** The one step: `live` now names the new slot. Then the fixed links are made if missing, what a stopped build
 * set aside is removed, and images neither slot shows leave the store. The previous slot stays for readers
 * still on it, and is the one the next build writes. */
export function switchTo(next: PreparedVersion, paths: Paths): { seconds: number; removed: number; pruned: number } {
  fs.writeFileSync(path.join(next.state, PUBLISHED), `${new Date().toISOString()}\n`);
  const started = performance.now();
  swapLink(path.join(siteVersionsDir(), LIVE), next.id);
  const seconds = (performance.now() - started) / 1000;
  fs.rmSync(writingMark(), { force: true });
  ensureFixedLink(paths.dist, path.join(siteVersionsDir(), LIVE, 'site'));
  ensureFixedLink(paths.media, path.join(siteVersionsDir(), LIVE, 'media'));
  const removed = removeLeftovers([next, next.previous]);
  // After a copy, or with leftovers of a stopped build, the store may hold images no record of unlinking names
  // (rendered by a build that never went live): one listing of every image, once.
  const pruned = next.start === 'in-place' && removed === 0 ? pruneUnlinked(next, next.previous) : pruneImageStore([next, next.previous]);
  fs.rmSync(path.join(next.state, path.basename(unlinkedImagesFile())), { force: true });
  return { seconds, removed, pruned };
}

/** Restores this process's output paths after a build (tests run several builds in one process). */
export function restorePaths(saved: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

/** The images this publish stopped linking that the other slot does not link either leave the store: work in
 * proportion to what changed. */
function pruneUnlinked(next: SiteVersion, other: SiteVersion | undefined): number {
  let ids: string[];
  try {
    ids = fs.readFileSync(path.join(next.state, path.basename(unlinkedImagesFile())), 'utf8').split('\n');
  } catch {
    return 0;
  }
  let pruned = 0;
  for (const id of new Set(ids)) {
    if (!IMAGE_ID.test(id)) continue;
    const linked = [next, other].some((v) => v && ['img', 'iiif'].some((kind) => fs.existsSync(path.join(v.media, kind, id))));
    if (linked) continue;
    for (const kind of ['img', 'iiif']) fs.rmSync(path.join(imageStoreDir(), kind, id), { recursive: true, force: true });
    pruned++;
  }
  return pruned;
}

/** Image folders in the store that neither slot links any more (one listing per slot, no walk of the images). */
function pruneImageStore(keep: (SiteVersion | undefined)[]): number {
  let pruned = 0;
  for (const kind of ['img', 'iiif']) {
    const root = path.join(imageStoreDir(), kind);
    if (!fs.existsSync(root)) continue;
    const used = new Set<string>();
    for (const v of keep) {
      if (!v) continue;
      const dir = path.join(v.media, kind);
      if (fs.existsSync(dir)) for (const name of fs.readdirSync(dir)) used.add(name);
    }
    for (const name of fs.readdirSync(root)) {
      if (used.has(name)) continue;
      fs.rmSync(path.join(root, name), { recursive: true, force: true });
      pruned++;
    }
  }
  return pruned;
}
