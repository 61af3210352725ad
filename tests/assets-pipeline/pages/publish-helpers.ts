// A small throwaway site built by the real `heritage build` in a child process, and the checks a visitor's view
// of it must pass at every moment: read through the one `live` link, as the server and a static host do.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { LOCALES } from '../../../model/locales.ts';

export interface TempSite {
  root: string;
  content: string;
  build: string;
  dist: string;
  env: Record<string, string>;
}

const FIXTURE = path.resolve('tests/fixtures/collections/good/collections/demo');

/** The fixture collection (T-1 with an image, T-2) plus T-3 with an image of its own. */
export async function createSite(): Promise<TempSite> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-publish-'));
  const content = path.join(root, 'content');
  const demo = path.join(content, 'collections', 'demo');
  fs.cpSync(FIXTURE, demo, { recursive: true });
  await sharp({ create: { width: 64, height: 48, channels: 3, background: '#b03020' } })
    .png()
    .toFile(path.join(demo, 'media', 'b.png'));
  fs.appendFileSync(path.join(demo, 'records.csv'), 'T-3,陶罐,Pottery jar,,前200年,罐 jar,陶,clay,b.png\n');
  const build = path.join(root, 'build');
  const dist = path.join(root, 'dist');
  return { root, content, build, dist, env: { HERITAGE_CONTENT_DIR: content, HERITAGE_BUILD_DIR: build, HERITAGE_DIST_DIR: dist } };
}

/** The next publish: T-3 (and so its image) removed, a collection added. */
export function changeContent(site: TempSite): void {
  const csv = path.join(site.content, 'collections', 'demo', 'records.csv');
  fs.writeFileSync(
    csv,
    fs
      .readFileSync(csv, 'utf8')
      .split('\n')
      .filter((l) => !l.startsWith('T-3,'))
      .join('\n'),
  );
  const extra = path.join(site.content, 'collections', 'extra');
  fs.cpSync(path.join(site.content, 'collections', 'demo'), extra, { recursive: true });
  const yaml = path.join(extra, 'collection.yaml');
  fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace(/^id: demo$/m, 'id: extra'));
  const rows = path.join(extra, 'records.csv');
  fs.writeFileSync(rows, fs.readFileSync(rows, 'utf8').replace(/^T-/gm, 'X-'));
}

/** The publish after that: T-2's English title changes. */
export function retitle(site: TempSite, title: string): void {
  const csv = path.join(site.content, 'collections', 'demo', 'records.csv');
  fs.writeFileSync(csv, fs.readFileSync(csv, 'utf8').replace(/^T-2,玉璧,[^,]*,/m, `T-2,玉璧,${title},`));
}

export interface RunningBuild {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the line that matched, or rejects when the build ends first. */
  waitForLine: (re: RegExp) => Promise<string>;
  exit: Promise<number | null>;
}

/** `heritage build` (or another command, e.g. `stage sitemaps`) in a process group of its own, so the test can
 * SIGKILL it with every child it started. */
export function startBuild(site: TempSite, env: Record<string, string> = {}, command: string[] = ['build']): RunningBuild {
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/heritage.ts', ...command], {
    env: { ...process.env, ...site.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const waiters: { re: RegExp; resolve: (l: string) => void; reject: (e: Error) => void }[] = [];
  const onData = (d: Buffer) => {
    out += d.toString();
    for (const w of [...waiters]) {
      const line = out.split('\n').find((l) => w.re.test(l));
      if (line !== undefined) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(line);
      }
    }
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  void exit.then(() => {
    for (const w of waiters.splice(0)) w.reject(new Error(`the build ended before printing ${w.re}:\n${out}`));
  });
  return {
    child,
    output: () => out,
    exit,
    waitForLine: (re) =>
      new Promise((resolve, reject) => {
        const line = out.split('\n').find((l) => re.test(l));
        if (line !== undefined) resolve(line);
        else if (child.exitCode !== null) reject(new Error(`the build ended before printing ${re}:\n${out}`));
        else waiters.push({ re, resolve, reject });
      }),
  };
}

export async function runBuild(site: TempSite): Promise<{ code: number | null; output: string }> {
  const b = startBuild(site);
  const code = await b.exit;
  return { code, output: b.output() };
}

export const versionsDir = (site: TempSite): string => path.join(site.build, 'site-versions');
export const liveId = (site: TempSite): string | undefined => {
  try {
    return fs.readlinkSync(path.join(versionsDir(site), 'live'));
  } catch {
    return undefined;
  }
};

/** Every file of a tree with its inode and mtime (links not followed): equal snapshots mean nothing changed. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      const st = fs.lstatSync(path.join(dir, r));
      out.set(r, `${st.ino}:${st.mtimeMs}:${st.size}`);
      if (e.isDirectory()) walk(r);
    }
  };
  walk('');
  return out;
}

const ids = (dir: string): Set<string> => new Set(fs.existsSync(dir) ? fs.readdirSync(dir).filter((n) => fs.existsSync(path.join(dir, n, 'index.html'))) : []);

function walkHtml(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walkHtml(p, out);
    else if (e.name.endsWith('.html')) out.push(p);
  }
  return out;
}

/** What a visitor could find wrong in the live version, read through one resolution of the `live` link: a listed
 * record without its page, a page whose image is gone, search or API naming other records than the pages. */
export function problemsInLive(site: TempSite): { version: string | undefined; problems: string[] } {
  const version = liveId(site);
  if (!version) return { version, problems: [] };
  const base = path.join(versionsDir(site), version);
  const live = path.join(base, 'site');
  const media = path.join(base, 'media');
  const problems: string[] = [];
  const pages = ids(path.join(live, 'zh', 'artifacts'));
  for (const l of LOCALES) {
    const here = ids(path.join(live, l, 'artifacts'));
    if ([...here].sort().join() !== [...pages].sort().join()) problems.push(`${l} artifact pages ${[...here]} differ from zh ${[...pages]}`);
    for (const file of walkHtml(path.join(live, l, 'collections'))) {
      const html = fs.readFileSync(file, 'utf8');
      for (const m of html.matchAll(new RegExp(`href="/${l}/artifacts/([^/"]+)/"`, 'g'))) {
        if (!here.has(decodeURIComponent(m[1]!))) problems.push(`${path.relative(live, file)} links ${m[1]} which has no page`);
      }
    }
    for (const id of here) {
      const html = fs.readFileSync(path.join(live, l, 'artifacts', id, 'index.html'), 'utf8');
      // Every image URL in src, srcset, data attributes and JSON-LD alike.
      for (const m of html.matchAll(/(\/(?:img|iiif)\/[0-9a-f]{16}-[0-9a-f]{8}\/[^"'?\s,]+)/g)) {
        if (!fs.existsSync(path.join(media, m[1]!))) problems.push(`${l}/artifacts/${id} shows ${m[1]} which is gone`);
      }
    }
  }
  const api = new Set(
    fs
      .readdirSync(path.join(live, 'api', 'artifacts'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -5)),
  );
  if ([...api].sort().join() !== [...pages].sort().join()) problems.push(`API artifacts ${[...api]} differ from pages ${[...pages]}`);
  const stored = path.join(live, 'search', 'stored', 'en');
  const found = new Set<string>();
  for (const f of fs.readdirSync(stored)) {
    const docs = JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(stored, f))).toString()) as { href: string; thumb?: string }[];
    for (const d of docs) {
      const m = /^artifacts\/([^/]+)\/$/.exec(d.href);
      if (m) found.add(decodeURIComponent(m[1]!));
      if (d.thumb && !fs.existsSync(path.join(media, d.thumb))) problems.push(`search shows ${d.thumb} which is gone`);
    }
  }
  if ([...found].sort().join() !== [...pages].sort().join()) problems.push(`search artifacts ${[...found]} differ from pages ${[...pages]}`);
  return { version, problems };
}

/** Leftovers a build must not leave: temp folders anywhere in the live version or the image store, anything in
 * site-versions/ but the two slots and the live link. */
export function leftovers(site: TempSite): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (/\.tmp|\.old-|^\.staging/.test(e.name)) found.push(p);
      if (e.isDirectory()) walk(p);
    }
  };
  walk(path.join(versionsDir(site), liveId(site) ?? '-'));
  walk(path.join(site.build, 'image-store'));
  for (const name of fs.readdirSync(versionsDir(site))) if (!['live', 'a', 'b'].includes(name)) found.push(path.join(versionsDir(site), name));
  return found;
}

/** The line a build prints when it stops before `step` (HERITAGE_BUILD_PAUSE_AT=step). */
export const pauseLine = (step: string): RegExp => new RegExp(`⏸ paused before ${step};`);
