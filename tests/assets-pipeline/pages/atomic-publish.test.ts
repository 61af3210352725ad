// One atomic publish, end to end with the real build on a site of a few records: a build killed at each step
// leaves the live site exactly as it was, a second build at the same time is refused with its holder named,
// while an incremental build runs (a collection added, a record with an image removed) a poller finds the live
// site whole at every moment, and the build after that brings the other slot, two publishes behind, up to date
// in place; then one stage run alone publishes on top of the live version through a hard-link copy. Seven builds
// and a stage in all, each one's result the next one's start.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteServer } from '../../../scripts/site-server.ts';
import {
  changeContent,
  createSite,
  leftovers,
  liveId,
  pauseLine,
  problemsInLive,
  retitle,
  runBuild,
  snapshot,
  startBuild,
  versionsDir,
  type TempSite,
} from './publish-helpers.ts';

let site: TempSite;
beforeAll(async () => {
  site = await createSite();
  const first = await runBuild(site);
  expect(first.code, first.output).toBe(0);
  expect(first.output).toMatch(/▸ site version: slot a, first version/);
  changeContent(site);
}, 600_000);
afterAll(() => {
  if (site) fs.rmSync(site.root, { recursive: true, force: true });
});

// The poller looks every few ms (not a wait for some state: it must look at every moment it can).
const pollInterval = () => new Promise((r) => setTimeout(r, 5));
const slot = (id: string) => path.join(versionsDir(site), id);

describe('atomic publish', () => {
  it('starts from a whole first version, reached through the fixed links', () => {
    const { version, problems } = problemsInLive(site);
    expect(version).toBe('a');
    expect(problems).toEqual([]);
    expect(fs.realpathSync(site.dist)).toBe(fs.realpathSync(path.join(slot('a'), 'site')));
    expect(fs.realpathSync(path.join(site.build, 'media'))).toBe(fs.realpathSync(path.join(slot('a'), 'media')));
    // The record about to be removed has its page and image now.
    expect(fs.existsSync(path.join(site.dist, 'en', 'artifacts', 'T-3', 'index.html'))).toBe(true);
  });

  // Where to stop each build: the build's own pause before a step (a fixed point: everything before it is
  // written into the other slot), or the heading the build prints as it enters a stage (the open-data stage
  // runs beside the pages, in a child process the kill must reach too).
  const stops: [string, RegExp, Record<string, string>?][] = [
    ['before the first asset stage', pauseLine('images'), { HERITAGE_BUILD_PAUSE_AT: 'images' }],
    ['in the site pages', /▸ site pages/],
    ['in open data, beside the pages', /▸ open data .*beside the pages/],
    ['with every stage done, before the switch', pauseLine('switch'), { HERITAGE_BUILD_PAUSE_AT: 'switch' }],
  ];
  for (const [name, marker, env] of stops) {
    it(`a build killed (SIGKILL) ${name} leaves the live site untouched`, async () => {
      const before = snapshot(slot('a'));
      const b = startBuild(site, env);
      await b.waitForLine(marker);
      process.kill(-b.child.pid!, 'SIGKILL');
      await b.exit;
      expect(b.output()).not.toMatch(/▸ switched/);
      expect(liveId(site)).toBe('a');
      expect(snapshot(slot('a'))).toEqual(before);
      expect(problemsInLive(site).problems).toEqual([]);
      // The other slot is marked as written half-way, so the next build does not trust it.
      expect(fs.readlinkSync(path.join(versionsDir(site), 'writing'))).toBe('b');
    }, 600_000);
  }

  it('refuses a second build while one runs, keeps the site whole through the switch, and the server follows it', async () => {
    const server = await startSiteServer(0, '127.0.0.1', site.dist, path.join(site.build, 'media'));
    const status = async (p: string) => (await fetch(`${server.url}${p}`)).status;
    try {
      expect(await status('/en/artifacts/T-3/')).toBe(200);
      expect(await status('/en/artifacts/X-1/')).toBe(404);
      const seen = new Map<string, number>();
      const found: string[] = [];
      let polling = true;
      const poller = (async () => {
        while (polling) {
          const { version, problems } = problemsInLive(site);
          if (version) seen.set(version, (seen.get(version) ?? 0) + 1);
          found.push(...problems.map((p) => `${version}: ${p}`));
          await pollInterval();
        }
      })();
      const first = startBuild(site);
      await first.waitForLine(/▸ site version: /);
      const second = await runBuild(site);
      expect(second.code).toBe(1);
      const holder = /another build is running: pid (\d+) on \S+, running "heritage build" since \d{4}-\d\d-\d\dT/.exec(second.output);
      expect(holder, second.output).not.toBeNull();
      // The pid named is the running build's (tsx runs it in a child of the process the test started).
      expect(() => process.kill(Number(holder![1]), 0)).not.toThrow();
      expect(second.output).not.toMatch(/▸ switched/);
      const code = await first.exit;
      // A few more rounds on the new version before the poller stops.
      const after = seen.get('b') ?? 0;
      await expect.poll(() => seen.get('b') ?? 0).toBeGreaterThan(after + 5);
      polling = false;
      await poller;
      expect(code, first.output()).toBe(0);
      // The last killed build left its lock behind; this one took it over and said so. The slot it left
      // half-written is started again from a copy of the live one.
      expect(first.output()).toMatch(/took over a stale build lock: pid \d+ on \S+, running "heritage build" since .* is no longer running/);
      expect(first.output()).toMatch(/slot b, started as a copy of the live slot a, published .* \(a build stopped while writing it\)/);
      expect(first.output()).toMatch(/▸ switched: slot b is live .*; slot a keeps the version before it/);
      expect(found.slice(0, 10)).toEqual([]);
      expect(liveId(site)).toBe('b');
      expect([...seen.keys()]).toEqual(['a', 'b']);
      expect(seen.get('a')).toBeGreaterThan(5);
      // The new version: T-3 and its image gone, the new collection in pages, search and API.
      expect(fs.existsSync(path.join(site.dist, 'en', 'artifacts', 'T-3'))).toBe(false);
      expect(fs.existsSync(path.join(site.dist, 'fr', 'artifacts', 'X-2', 'index.html'))).toBe(true);
      expect(fs.existsSync(path.join(site.dist, 'api', 'artifacts', 'X-1.json'))).toBe(true);
      expect(problemsInLive(site).problems).toEqual([]);
      expect(leftovers(site)).toEqual([]);
      expect(fs.existsSync(path.join(site.build, 'build.lock'))).toBe(false);
      expect(fs.existsSync(path.join(versionsDir(site), 'writing'))).toBe(false);
      // The running server, never restarted, serves the new version: new pages and their images, old ones gone.
      expect(await status('/en/artifacts/X-1/')).toBe(200);
      expect(await status('/en/artifacts/T-3/')).toBe(404);
      const img = /\/img\/[0-9a-f-]+\/thumb\.jpg/.exec(await (await fetch(`${server.url}/en/artifacts/X-1/`)).text());
      expect(img).not.toBeNull();
      expect(await status(img![0])).toBe(200);
    } finally {
      await server.close();
    }
  }, 900_000);

  it('writes the next version into the other slot in place: from its own last publish, two publishes behind', async () => {
    // Slot a still shows T-3 (the publish that removed it went into slot b) and has never seen collection extra.
    expect(fs.existsSync(path.join(slot('a'), 'site', 'en', 'artifacts', 'T-3', 'index.html'))).toBe(true);
    const t3Image = /\/img\/([0-9a-f]{16}-[0-9a-f]{8})\//.exec(
      fs.readFileSync(path.join(slot('a'), 'site', 'en', 'artifacts', 'T-3', 'index.html'), 'utf8'),
    )![1]!;
    expect(fs.existsSync(path.join(site.build, 'image-store', 'img', t3Image))).toBe(true);
    const untouched = fs.statSync(path.join(slot('a'), 'site', '404.html')).ino;
    retitle(site, 'Jade disc retitled');
    const b = await runBuild(site);
    expect(b.code, b.output).toBe(0);
    expect(b.output).toMatch(
      /▸ site version: slot a, brought up to date in place from its own last publish \(slot b, published .* stays live until the switch\)/,
    );
    expect(liveId(site)).toBe('a');
    expect(problemsInLive(site).problems).toEqual([]);
    expect(fs.existsSync(path.join(site.dist, 'en', 'artifacts', 'T-3'))).toBe(false);
    expect(fs.existsSync(path.join(site.dist, 'zh', 'artifacts', 'X-1', 'index.html'))).toBe(true);
    expect(fs.readFileSync(path.join(site.dist, 'en', 'artifacts', 'T-2', 'index.html'), 'utf8')).toContain('Jade disc retitled');
    expect(fs.readFileSync(path.join(site.dist, 'api', 'artifacts', 'T-2.json'), 'utf8')).toContain('Jade disc retitled');
    // Nothing was copied: a page no change touched is the same file as before.
    expect(fs.statSync(path.join(slot('a'), 'site', '404.html')).ino).toBe(untouched);
    // T-3's image: neither slot shows it now, so it left the store.
    expect(fs.existsSync(path.join(site.build, 'image-store', 'img', t3Image))).toBe(false);
    expect(leftovers(site)).toEqual([]);
  }, 600_000);

  it('runs one stage alone on a hard-link copy of the live version, keeps the site whole, and keeps the previous slot', async () => {
    // Live is slot a (the last publish); slot b is whole, two publishes behind in nothing but T-2's title.
    expect(liveId(site)).toBe('a');
    const before = snapshot(slot('a'));
    const sitemap = (id: string) => fs.readFileSync(path.join(slot(id), 'site', 'sitemaps', 'sitemap-1.xml'), 'utf8');
    expect(sitemap('a')).toContain('<loc>http://localhost:4321/');
    const seen = new Map<string, number>();
    const found: string[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const { version, problems } = problemsInLive(site);
        if (version) seen.set(version, (seen.get(version) ?? 0) + 1);
        found.push(...problems.map((p) => `${version}: ${p}`));
        await pollInterval();
      }
    })();
    // The sitemaps stage with another public origin: its output changes, nothing else's.
    const stage = startBuild(site, { HERITAGE_SITE_URL: 'https://museum.example.org' }, ['stage', 'sitemaps']);
    const code = await stage.exit;
    const after = seen.get('b') ?? 0;
    await expect.poll(() => seen.get('b') ?? 0).toBeGreaterThan(after + 5);
    polling = false;
    await poller;
    expect(code, stage.output()).toBe(0);
    expect(stage.output()).toMatch(
      /slot b, started as a copy of the live slot a, published .* \(one stage \(sitemaps\) publishes on top of the live version\)/,
    );
    expect(stage.output()).toMatch(/slot b is live: the live version with sitemaps run again/);
    expect(found.slice(0, 10)).toEqual([]);
    expect([...seen.keys()]).toEqual(['a', 'b']);
    expect(liveId(site)).toBe('b');
    // The stage's output changed in the new live version; the previous one, kept as slot a, is untouched.
    expect(sitemap('b')).toContain('<loc>https://museum.example.org/en/');
    expect(sitemap('b')).not.toContain('localhost');
    expect(snapshot(slot('a'))).toEqual(before);
    expect(sitemap('a')).toContain('<loc>http://localhost:4321/');
    // Everything else is the live version as it was: the same files, linked, not copied or rebuilt.
    for (const f of ['404.html', path.join('en', 'artifacts', 'T-2', 'index.html'), path.join('api', 'artifacts', 'T-2.json')]) {
      expect(fs.statSync(path.join(slot('b'), 'site', f)).ino, f).toBe(fs.statSync(path.join(slot('a'), 'site', f)).ino);
    }
    expect(fs.readFileSync(path.join(site.dist, 'en', 'artifacts', 'T-2', 'index.html'), 'utf8')).toContain('Jade disc retitled');
    expect(problemsInLive(site).problems).toEqual([]);
    expect(leftovers(site)).toEqual([]);
    expect(fs.existsSync(path.join(site.build, 'build.lock'))).toBe(false);
    expect(fs.existsSync(path.join(versionsDir(site), 'writing'))).toBe(false);
  }, 300_000);
});
