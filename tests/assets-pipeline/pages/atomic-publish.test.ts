// One atomic publish, end to end with the real build on a site of a few records: a build killed in each stage
// leaves the live site exactly as it was, a second build at the same time is refused with its holder named,
// and while an incremental build runs (a collection added, a record with an image removed) a poller finds the
// live site whole at every moment, then the new version live and nothing left behind.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteServer } from '../../../scripts/site-server.ts';
import { changeContent, createSite, leftovers, liveId, problemsInLive, runBuild, snapshot, startBuild, versionsDir, type TempSite } from './publish-helpers.ts';

let site: TempSite;
beforeAll(async () => {
  site = await createSite();
  const first = await runBuild(site);
  expect(first.code, first.output).toBe(0);
  changeContent(site);
}, 600_000);
afterAll(() => {
  if (site) fs.rmSync(site.root, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('atomic publish', () => {
  it('starts from a whole first version, reached through the fixed links', () => {
    const { version, problems } = problemsInLive(site);
    expect(version).toBeDefined();
    expect(problems).toEqual([]);
    expect(fs.realpathSync(site.dist)).toBe(fs.realpathSync(path.join(versionsDir(site), version!, 'site')));
    expect(fs.realpathSync(path.join(site.build, 'media'))).toBe(fs.realpathSync(path.join(versionsDir(site), version!, 'media')));
    // The record about to be removed has its page and image now.
    expect(fs.existsSync(path.join(site.dist, 'en', 'artifacts', 'T-3', 'index.html'))).toBe(true);
  });

  // Where to stop each build: the heading the build prints as it enters a stage (the search and open-data stages
  // run beside the pages), or, for steps too short to hit from outside, the build's own pause before them.
  const stages: [string, RegExp, Record<string, string>?][] = [
    ['preparing the version', /normalized records written/],
    ['images', /▸ images/],
    ['models', /▸ models/],
    ['site pages', /▸ site pages/],
    ['search', /▸ search index .*beside the pages/],
    ['open data', /▸ open data .*beside the pages/],
    ['sitemaps', /⏸ paused before sitemaps/, { HERITAGE_BUILD_PAUSE_AT: 'sitemaps' }],
  ];
  for (const [name, marker, env] of stages) {
    it(`a build killed (SIGKILL) in "${name}" leaves the live site untouched`, async () => {
      const version = liveId(site)!;
      const before = snapshot(path.join(versionsDir(site), version));
      const b = startBuild(site, env);
      await b.waitForLine(marker);
      // Into the stage's work, not just its heading (the build writes its next version meanwhile).
      await sleep(name === 'search' || name === 'open data' ? 1500 : 100);
      process.kill(-b.child.pid!, 'SIGKILL');
      await b.exit;
      expect(b.output()).not.toMatch(/▸ switched/);
      expect(liveId(site)).toBe(version);
      expect(snapshot(path.join(versionsDir(site), version))).toEqual(before);
      expect(problemsInLive(site).problems).toEqual([]);
    }, 600_000);
  }

  it('refuses a second build while one runs, keeps the site whole through the switch, and the server follows it', async () => {
    const server = await startSiteServer(0, '127.0.0.1', site.dist, path.join(site.build, 'media'));
    const status = async (p: string) => (await fetch(`${server.url}${p}`)).status;
    try {
      expect(await status('/en/artifacts/T-3/')).toBe(200);
      expect(await status('/en/artifacts/X-1/')).toBe(404);
      const old = liveId(site)!;
      const seen = new Set<string>();
      const found: string[] = [];
      let polls = 0;
      let polling = true;
      const poller = (async () => {
        while (polling) {
          const { version, problems } = problemsInLive(site);
          if (version) seen.add(version);
          found.push(...problems.map((p) => `${version}: ${p}`));
          polls++;
          await sleep(3);
        }
      })();
      const first = startBuild(site);
      await first.waitForLine(/▸ site version /);
      const second = await runBuild(site);
      expect(second.code).toBe(1);
      const holder = /another build is running: pid (\d+) on \S+, running "heritage build" since \d{4}-\d\d-\d\dT/.exec(second.output);
      expect(holder, second.output).not.toBeNull();
      // The pid named is the running build's (tsx runs it in a child of the process the test started).
      expect(() => process.kill(Number(holder![1]), 0)).not.toThrow();
      expect(second.output).not.toMatch(/▸ switched/);
      const code = await first.exit;
      await sleep(300); // a few more rounds on the new version
      polling = false;
      await poller;
      expect(code, first.output()).toBe(0);
      // The last killed build left its lock behind; this one took it over and said so.
      expect(first.output()).toMatch(/took over a stale build lock: pid \d+ on \S+, running "heritage build" since .* is no longer running/);
      expect(found.slice(0, 10)).toEqual([]);
      const now = liveId(site)!;
      expect(now).not.toBe(old);
      expect(seen).toEqual(new Set([old, now]));
      expect(polls).toBeGreaterThan(20);
      // The new version: T-3 and its image gone, the new collection in pages, search and API.
      expect(fs.existsSync(path.join(site.dist, 'en', 'artifacts', 'T-3'))).toBe(false);
      expect(fs.existsSync(path.join(site.dist, 'fr', 'artifacts', 'X-2', 'index.html'))).toBe(true);
      expect(fs.existsSync(path.join(site.dist, 'api', 'artifacts', 'X-1.json'))).toBe(true);
      expect(problemsInLive(site).problems).toEqual([]);
      expect(leftovers(site)).toEqual([]);
      expect(fs.existsSync(path.join(site.build, 'build.lock'))).toBe(false);
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
});
