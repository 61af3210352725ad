// The site is published in versions: a build prepares `site-versions/<id>/` (pages, search, API, downloads,
// sitemaps in `site/`, media in `media/`, the stages' record of what they published in `state/`) beside the
// live one and switches by renaming one link, `site-versions/live`, over the old one. `dist` and `build/media`
// are fixed links through `live`, so the pages and their media change together, in one step, for the local
// server and for a static host alike; a visitor never sees half of a publish.
//
// A version starts as the previous one with every file hard-linked (never copied), and the stages write into
// it only by temporary file + rename, which replaces the link and leaves the live file alone. Rendered image
// folders (most of the media's millions of files) are linked by folder from a content-addressed store shared
// by every version, so a version costs one link per page or data file and one per image.
import fs from 'node:fs';
import path from 'node:path';
import { buildDir, distDir, imageStoreDir, mediaDir, siteVersionsDir } from '../../model/paths.ts';
import { IMAGE_ID } from '../../assets-pipeline/images/store.ts';

const LIVE = 'live';
const PREVIOUS = 'previous';

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

/** An earlier publish wrote dist/ and build/media/ as real folders: they become the first version (by rename)
 * and the fixed links take their place. The site is missing for the moment between the two renames, once. */
function adoptUnversioned(paths: Paths): void {
  if (liveVersion() || !(isRealDir(paths.dist) || isRealDir(paths.media))) return;
  const v = versionAt(newVersionId());
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

/** Sorts by time; the pid and milliseconds keep two builds (or two publishes in one process) apart. */
function newVersionId(): string {
  return `${new Date().toISOString().replace(/[-:]/g, '')}-${process.pid}`;
}

export interface CloneCount {
  files: number;
  dirs: number;
  links: number;
}

/** Hard-links every file of `from` into `to` (folders made, links copied as links). `folder(rel, abs)` may
 * place a folder itself (return true) instead of walking it. */
export function linkTree(from: string, to: string, count: CloneCount, folder?: (rel: string, abs: string, target: string) => boolean, rel = ''): void {
  fs.mkdirSync(to, { recursive: true });
  count.dirs++;
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    const source = path.join(from, e.name);
    const target = path.join(to, e.name);
    if (e.isDirectory()) {
      if (!folder?.(r, source, target)) linkTree(source, target, count, folder, r);
    } else if (e.isSymbolicLink()) {
      fs.symlinkSync(fs.readlinkSync(source), target);
      count.links++;
    } else {
      fs.linkSync(source, target);
      count.files++;
    }
  }
}

/** Rendered image folders live in the store and are linked into a version by folder. A real one (from an
 * unversioned publish) moves into the store once, by hard links, and is linked from then on. */
function imageFolder(rel: string, abs: string, target: string): boolean {
  const m = /^(img|iiif)\/([^/]+)$/.exec(rel);
  if (!m || !IMAGE_ID.test(m[2]!)) return false;
  const stored = path.join(imageStoreDir(), m[1]!, m[2]!);
  if (!fs.existsSync(stored)) {
    const tmp = `${stored}.tmp-${process.pid}`;
    fs.rmSync(tmp, { recursive: true, force: true });
    linkTree(abs, tmp, { files: 0, dirs: 0, links: 0 });
    fs.renameSync(tmp, stored);
  }
  fs.symlinkSync(path.relative(path.dirname(target), stored), target);
  return true;
}

export interface PreparedVersion extends SiteVersion {
  previous: SiteVersion | undefined;
  cloned: CloneCount;
  cloneSeconds: number;
}

/** Removes what a killed build left: versions that are neither live nor the one before it, staging links. */
export function removeLeftovers(keep: (SiteVersion | undefined)[] = [liveVersion(), previousVersion()]): number {
  const root = siteVersionsDir();
  if (!fs.existsSync(root)) return 0;
  const kept = new Set(keep.filter((v) => v !== undefined).map((v) => v.id));
  let removed = 0;
  for (const name of fs.readdirSync(root)) {
    if (name === LIVE || name === PREVIOUS || kept.has(name)) continue;
    fs.rmSync(path.join(root, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

function previousVersion(): SiteVersion | undefined {
  const id = readLink(path.join(siteVersionsDir(), PREVIOUS));
  return id && fs.existsSync(path.join(siteVersionsDir(), id)) ? versionAt(id) : undefined;
}

/** Makes the next version from the live one (hard links) and points this process's (and its children's) output
 * paths at it. With `fresh` the pages start empty (a full build), the media are still carried over. */
export function prepareNextVersion(paths: Paths, fresh: boolean): PreparedVersion {
  fs.mkdirSync(siteVersionsDir(), { recursive: true });
  adoptUnversioned(paths);
  removeLeftovers();
  const previous = liveVersion();
  const next = versionAt(newVersionId());
  const started = performance.now();
  const cloned: CloneCount = { files: 0, dirs: 0, links: 0 };
  if (previous && !fresh) linkTree(previous.site, next.site, cloned);
  else fs.mkdirSync(next.site, { recursive: true });
  if (previous && !fresh) linkTree(previous.state, next.state, cloned);
  else fs.mkdirSync(next.state, { recursive: true });
  if (previous && fs.existsSync(previous.media)) linkTree(previous.media, next.media, cloned, imageFolder);
  else fs.mkdirSync(next.media, { recursive: true });
  process.env.HERITAGE_DIST_DIR = next.site;
  process.env.HERITAGE_MEDIA_DIR = next.media;
  process.env.HERITAGE_PUBLISH_STATE_DIR = next.state;
  return { ...next, previous, cloned, cloneSeconds: (performance.now() - started) / 1000 };
}

/** Whether `dist` holds a site (for the "pages start empty" decision): removing dist/ asks for a full build. */
export const hasLiveSite = (paths: Paths): boolean => fs.existsSync(path.join(paths.dist, 'index.html'));

/** The one step: `live` now names the new version. Then the fixed links are made if missing, the version before
 * the previous one is removed (the previous one stays for readers still on it), and unused images leave the store. */
export function switchTo(next: PreparedVersion, paths: Paths): { seconds: number; removed: number } {
  const started = performance.now();
  swapLink(path.join(siteVersionsDir(), LIVE), next.id);
  const seconds = (performance.now() - started) / 1000;
  ensureFixedLink(paths.dist, path.join(siteVersionsDir(), LIVE, 'site'));
  ensureFixedLink(paths.media, path.join(siteVersionsDir(), LIVE, 'media'));
  if (next.previous) swapLink(path.join(siteVersionsDir(), PREVIOUS), next.previous.id);
  const removed = removeLeftovers([next, next.previous]);
  pruneImageStore([next, next.previous]);
  return { seconds, removed };
}

/** Restores this process's output paths after a build (tests run several builds in one process). */
export function restorePaths(saved: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
}

/** Image folders in the store that no kept version links any more. */
function pruneImageStore(keep: (SiteVersion | undefined)[]): void {
  for (const kind of ['img', 'iiif']) {
    const root = path.join(imageStoreDir(), kind);
    if (!fs.existsSync(root)) continue;
    const used = new Set<string>();
    for (const v of keep) {
      if (!v) continue;
      const dir = path.join(v.media, kind);
      if (fs.existsSync(dir)) for (const name of fs.readdirSync(dir)) used.add(name);
    }
    for (const name of fs.readdirSync(root)) if (!used.has(name)) fs.rmSync(path.join(root, name), { recursive: true, force: true });
  }
}
