// The stages' heavy work as jobs on a real Redis: a coordinator (this process) and three worker processes, one of
// them SIGKILLed mid-job. The build completes, a bad input fails its job with the in-process message, and
// every output is byte-identical to an in-process build of the same content: images first, then the other
// kinds on the workers that are left (one more worker takes only images, and none of the others' jobs). A search
// or page job that fails is reported by its stage (the search index goes on without it; no page is published).
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { stages } from '../../../scripts/cli/stages.ts';
import { buildSitePages } from '../../../assets-pipeline/pages/stage.ts';
import { runImageStage, type ImageStageResult } from '../../../assets-pipeline/images/stage.ts';
import { runPanoramaStage, type PanoramaSource } from '../../../assets-pipeline/panoramas/stage.ts';
import { runModelStage } from '../../../assets-pipeline/models/stage.ts';
import { checkContentType } from '../../../assets-pipeline/ingest/content.ts';
import { scenes as sceneType } from '../../../assets-pipeline/ingest/content-types/scenes.ts';
import { dramas as dramaType } from '../../../assets-pipeline/ingest/content-types/dramas.ts';
import { runVideoStage } from '../../../assets-pipeline/video/stage.ts';
import { indexingCodeHash, prepareCollection, prepareCollectionsAsJobs, runSearchStage, searchCacheKey } from '../../../assets-pipeline/search/stage.ts';
import { readyToIndex } from '../../../assets-pipeline/search/write-index.ts';
import { readImageManifest } from '../../../formats/manifests/images.ts';
import { readCollections } from '../../../model/store.ts';
import { TYPE_RECORDS_VERSION, typeRecordsFile } from '../../../model/store.ts';
import { plane, sceneYaml } from '../models/fixtures.ts';
import { JobQueueError } from '../../../assets-pipeline/jobs/errors.ts';
import { ROOT } from '../../../model/paths.ts';
import { createTempSite } from '../images/temp-site.ts';
import { buildHashes } from './media-hashes.ts';
import { freePort, startRedis, type TestRedis } from '../../../scripts/tools/local-redis.ts';

const site = createTempSite();
let redis: TestRedis;
const panoramas: PanoramaSource[] = [];
const workers: { child: ChildProcess; out: string[]; exited: Promise<number | null> }[] = [];

function startWorker(build: string, extraArgs: string[] = []) {
  const child = spawn(
    process.execPath,
    // `--import tsx`, not tsx's CLI: the CLI runs the script in a child process, which the signals would miss.
    ['--import', 'tsx', path.join(ROOT, 'scripts/heritage.ts'), 'worker', '--queue', redis.url, '--threads', '1', ...extraArgs],
    { cwd: ROOT, env: { ...process.env, HERITAGE_BUILD_DIR: build, HERITAGE_JOB_LOCK_MS: '3000' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const w = { child, out: [] as string[], exited: new Promise<number | null>((r) => child.on('exit', (code) => r(code))) };
  for (const s of [child.stdout, child.stderr]) s.on('data', (d: Buffer) => w.out.push(...d.toString().split('\n').filter(Boolean)));
  workers.push(w);
  return w;
}

async function waitFor(what: string, ok: () => boolean, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  redis = await startRedis();
  const media = site.mediaDir('q');
  const names: string[] = [];
  for (let i = 0; i < 12; i++) {
    names.push(`p${i}.jpg`);
    await sharp({ create: { width: 320, height: 200 + i * 10, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 90 + i * 8, sigma: 40 } } })
      .jpeg()
      .toFile(path.join(media, `p${i}.jpg`));
  }
  // Big enough that a worker is still on it when the test kills that worker.
  names.push('big.jpg');
  await sharp({ create: { width: 2400, height: 1800, channels: 3, background: '#806040', noise: { type: 'gaussian', mean: 120, sigma: 50 } } })
    .jpeg()
    .toFile(path.join(media, 'big.jpg'));
  // A JPEG cut off in the middle: the render fails on it as bad input.
  const good = fs.readFileSync(path.join(media, 'p0.jpg'));
  fs.writeFileSync(path.join(media, 'cut.jpg'), good.subarray(0, Math.floor(good.length / 3)));
  names.push('cut.jpg');
  // Two small photo spheres and one that is not twice as wide as high (bad input for the panorama stage).
  const pano = path.join(site.content, 'panoramas', 't');
  fs.mkdirSync(pano, { recursive: true });
  for (const [name, w, h] of [
    ['a.jpg', 2048, 1024],
    ['b.jpg', 1024, 512],
    ['flat.jpg', 1200, 900],
  ] as const) {
    await sharp({ create: { width: w, height: h, channels: 3, background: '#406080', noise: { type: 'gaussian', mean: 110, sigma: 45 } } })
      .jpeg()
      .toFile(path.join(pano, name));
    panoramas.push({ key: `t/${name.slice(0, -4)}`, file: path.join(pano, name) });
  }
  // Two scene models and a broken one.
  fs.mkdirSync(path.join(site.content, 'scenes', 'models'), { recursive: true });
  fs.writeFileSync(path.join(site.content, 'scenes', 'models', 'a.glb'), await plane('floor', 40));
  fs.writeFileSync(path.join(site.content, 'scenes', 'models', 'b.glb'), await plane('floor', 24));
  fs.writeFileSync(path.join(site.content, 'scenes', 'models', 'broken.glb'), 'glTF but not really');
  const variants = ['a', 'b', 'broken'].map((id) => ({ id, path: `models/${id}.glb` }));
  fs.writeFileSync(path.join(site.content, 'scenes', 'demo.yaml'), sceneYaml('demo', variants));
  // A film of one 4-second stand-in episode (the in-process stage's own kind of input).
  fs.mkdirSync(path.join(site.content, 'dramas', 'tiny'), { recursive: true });
  fs.writeFileSync(
    path.join(site.content, 'dramas', 'tiny', 'drama.yaml'),
    `title: { en: Tiny, zh: 小剧 }
synopsis: { en: A test. }
credits: { en: Test }
credit: { en: Test }
rights: https://creativecommons.org/licenses/by/4.0/
episodes:
  - id: one
    title: { en: One }
    video: { standIn: true, duration: 4 }
    originalLanguage: en
`,
  );
  site.writeRecords([{ slug: 'q', artifacts: names.map((n, i) => ({ id: `q${i}`, title: { en: n }, media: [{ kind: 'image' as const, path: n }] })) }]);
});

afterAll(async () => {
  for (const w of workers) w.child.kill('SIGKILL');
  await Promise.all(workers.map((w) => w.exited));
  await redis?.stop();
  site.cleanup();
});

describe('image jobs on Redis with three workers', () => {
  let local: ImageStageResult;
  const localBuild = path.join(site.root, 'build-local');
  const queueBuild = path.join(site.root, 'build-queue');
  beforeAll(() => {
    fs.cpSync(site.build, localBuild, { recursive: true });
    fs.cpSync(site.build, queueBuild, { recursive: true });
  });

  it('builds in-process as a reference', async () => {
    process.env.HERITAGE_BUILD_DIR = localBuild;
    local = await runImageStage({ progress: false, log: () => {} });
    expect(local.rendered).toBe(13);
    expect(local.failed).toBe(1);
  }, 240_000);

  it('survives a worker killed mid-job and writes the same bytes', async () => {
    const ws = [startWorker(queueBuild), startWorker(queueBuild), startWorker(queueBuild)];
    await waitFor('three workers', () => ws.every((w) => w.out.some((l) => l.startsWith('worker '))), 180_000);
    process.env.HERITAGE_BUILD_DIR = queueBuild;
    const lines: string[] = [];
    const run = runImageStage({ queue: redis.url, progress: false, log: (l) => lines.push(l) });
    // Kill a worker mid-job: freeze the first one seen starting a job (SIGSTOP), read what it already wrote,
    // and kill it (SIGKILL) only if that job has not ended; otherwise let it go on and try the next start.
    const started = (w: (typeof ws)[number]) =>
      w.out.flatMap((l) => (l.startsWith('▸') ? [l.split(' ')[2]!] : [])).filter((id) => !w.out.some((e) => /^[✓✗]/.test(e) && e.includes(id)));
    let victim: (typeof ws)[number] | undefined;
    let killedJob = '';
    while (!victim) {
      await waitFor('a worker to start a job', () => ws.some((w) => started(w).length > 0));
      const w = ws.find((x) => started(x).length > 0)!;
      w.child.kill('SIGSTOP');
      await new Promise((r) => setTimeout(r, 300));
      const open = started(w);
      if (open.length) {
        killedJob = open[0]!;
        w.child.kill('SIGKILL');
        victim = w;
      } else w.child.kill('SIGCONT');
    }
    await victim.exited;
    const r = await run;

    const others = ws.filter((w) => w !== victim);
    expect(
      others.some((w) => w.out.some((l) => /^[✓✗]/.test(l) && l.includes(killedJob))),
      `another worker ran the killed job ${killedJob}:\n${ws.map((w) => w.out.join('\n')).join('\n--\n')}`,
    ).toBe(true);

    expect(r.rendered).toBe(13);
    expect(r.failed).toBe(1);
    // The bad image: one attempt, and the summary line the in-process run prints.
    expect(r.errors).toEqual(local.errors);
    expect(r.errors[0]!.message).toMatch(/^cannot decode the image, the file is truncated or corrupt/);
    expect(others.flatMap((w) => w.out).filter((l) => l.startsWith('▸') && l.includes('q/cut.jpg'))).toHaveLength(1);

    expect(buildHashes(queueBuild)).toEqual(buildHashes(localBuild));
    expect(fs.readFileSync(path.join(queueBuild, 'assets', 'images.json'), 'utf8')).toBe(
      fs.readFileSync(path.join(localBuild, 'assets', 'images.json'), 'utf8'),
    );
  }, 240_000);

  it('runs panorama jobs on the workers left, the same bytes, skipping a worker that takes only images', async () => {
    // Started first: it comes up while the in-process reference renders.
    const imagesOnly = startWorker(queueBuild, ['--kinds', 'images']);
    process.env.HERITAGE_BUILD_DIR = localBuild;
    const mine = await runPanoramaStage({ sources: panoramas, log: () => {} });
    expect(mine).toMatchObject({ sources: 3, rendered: 2, failed: 1 });

    await waitFor('the images-only worker', () => imagesOnly.out.some((l) => l.startsWith('worker ')));
    expect(imagesOnly.out.find((l) => l.startsWith('worker '))).toMatch(/kinds images,/);
    process.env.HERITAGE_BUILD_DIR = queueBuild;
    const r = await runPanoramaStage({ sources: panoramas, queue: redis.url, progress: false, log: () => {} });
    expect(r).toMatchObject({ sources: 3, rendered: 2, failed: 1 });
    expect(r.errors).toEqual(mine.errors);
    expect(r.errors[0]!.message).toMatch(/^not an equirectangular panorama: 1200×900/);
    expect(buildHashes(queueBuild, ['pano'])).toEqual(buildHashes(localBuild, ['pano']));
    // 2048 wide: levels of 2×1 and 4×2 tiles; 1024 wide: one level of 2×1; each with a preview and meta.json.
    expect(Object.keys(buildHashes(queueBuild, ['pano']))).toHaveLength(2 + 8 + 2 + 2 * 2);
    expect(fs.readFileSync(path.join(queueBuild, 'assets', 'panoramas.json'), 'utf8')).toBe(
      fs.readFileSync(path.join(localBuild, 'assets', 'panoramas.json'), 'utf8'),
    );
    expect(imagesOnly.out.filter((l) => l.startsWith('▸'))).toEqual([]);
    // The bad source ran once: bad input is not retried.
    expect(workers.flatMap((w) => w.out).filter((l) => l.startsWith('▸ panoramas') && l.includes('t/flat'))).toHaveLength(1);
  }, 240_000);

  it('builds model LODs as jobs, the same bytes and the same failure', async () => {
    const scenes = checkContentType(sceneType, site.content).records;
    process.env.HERITAGE_BUILD_DIR = localBuild;
    const mine = await runModelStage({ scenes });
    expect(mine.built).toEqual(['demo/a', 'demo/b']);
    process.env.HERITAGE_BUILD_DIR = queueBuild;
    const r = await runModelStage({ scenes, queue: redis.url, progress: false });
    expect(r.built).toEqual(mine.built);
    expect(r.failed).toEqual(mine.failed);
    expect(r.failed[0]!.errors[0]).toContain('models/broken.glb');
    const glbs = buildHashes(queueBuild, ['models']);
    expect(Object.keys(glbs)).toHaveLength(4);
    expect(glbs).toEqual(buildHashes(localBuild, ['models']));
    expect(fs.readFileSync(path.join(queueBuild, 'assets', 'models.json'), 'utf8')).toBe(
      fs.readFileSync(path.join(localBuild, 'assets', 'models.json'), 'utf8'),
    );
    expect(workers.flatMap((w) => w.out).filter((l) => l.startsWith('▸ models') && l.includes('demo/broken'))).toHaveLength(1);
  }, 240_000);

  it('encodes video renditions as jobs, the same bytes', async () => {
    const records = JSON.stringify({ version: TYPE_RECORDS_VERSION, records: checkContentType(dramaType, site.content).records });
    for (const build of [localBuild, queueBuild]) fs.writeFileSync(typeRecordsFile('dramas', path.join(build, 'records')), records);
    process.env.HERITAGE_BUILD_DIR = localBuild;
    expect(await runVideoStage(() => {})).toMatchObject({ encoded: 1, failed: 0 });
    process.env.HERITAGE_BUILD_DIR = queueBuild;
    expect(await runVideoStage(() => {}, { queue: redis.url, progress: false })).toMatchObject({ encoded: 1, failed: 0 });
    const files = buildHashes(queueBuild, ['dramas']);
    expect(Object.keys(files).some((f) => f.endsWith('/master.m3u8'))).toBe(true);
    expect(files).toEqual(buildHashes(localBuild, ['dramas']));
    expect(fs.readFileSync(path.join(queueBuild, 'assets', 'dramas.json'), 'utf8')).toBe(
      fs.readFileSync(path.join(localBuild, 'assets', 'dramas.json'), 'utf8'),
    );
    expect(workers.flatMap((w) => w.out).filter((l) => l.startsWith('✓ video'))).toHaveLength(1);
  }, 240_000);

  it("prepares a collection's search documents as a job, the same bytes", async () => {
    const cache = (build: string) => fs.readFileSync(path.join(build, 'search-cache', 'q.bin'));
    process.env.HERITAGE_BUILD_DIR = localBuild;
    const c = readCollections().find((x) => x.id === 'q')!;
    await readyToIndex();
    await prepareCollection(c, searchCacheKey(c, indexingCodeHash(), readImageManifest()));
    process.env.HERITAGE_BUILD_DIR = queueBuild;
    expect(await prepareCollectionsAsJobs(redis.url, false)).toEqual({ prepared: 1, failed: [] });
    expect(cache(queueBuild).equals(cache(localBuild))).toBe(true);
    expect(workers.flatMap((w) => w.out).filter((l) => l.startsWith('✓ search'))).toHaveLength(1);
    // Prepared once: the next build finds the cache fresh and sends no job.
    expect(await prepareCollectionsAsJobs(redis.url, false)).toEqual({ prepared: 0, failed: [] });
  }, 120_000);

  it('lists a failed search job and writes the index without that collection, as the image stage goes on', async () => {
    // The coordinator's records have a collection the workers' build folder lacks: a build folder not shared.
    const build = path.join(site.root, 'build-unshared');
    fs.cpSync(queueBuild, build, { recursive: true });
    const records = path.join(build, 'records');
    // The index also holds the other content types' documents: none here.
    for (const type of ['scenes', 'panoramas', 'dramas', 'exhibitions'])
      if (!fs.existsSync(typeRecordsFile(type, records)))
        fs.writeFileSync(typeRecordsFile(type, records), JSON.stringify({ version: TYPE_RECORDS_VERSION, records: [] }));
    // The reference: the same index without r, in-process.
    process.env.HERITAGE_BUILD_DIR = build;
    const without = await runSearchStage(path.join(site.root, 'search-without-r'));
    const cols = JSON.parse(fs.readFileSync(path.join(records, 'collections.json'), 'utf8')) as { id: string; hash: string }[];
    fs.writeFileSync(path.join(records, 'collections.json'), JSON.stringify([...cols, { ...cols[0]!, id: 'r', hash: 'only-on-the-coordinator' }]));
    const q = fs.readFileSync(path.join(records, 'artifacts', 'q.jsonl'), 'utf8');
    fs.writeFileSync(path.join(records, 'artifacts', 'r.jsonl'), q.replaceAll('"collection":"q"', '"collection":"r"').replaceAll('"id":"q', '"id":"r'));
    // The stage as `heritage stage search --queue` runs it beside the pages: exit 1 (items failed, the rest
    // published), not a crash the build would read as a stage that did not finish.
    Object.assign(process.env, { HERITAGE_BUILD_DIR: build, HERITAGE_DIST_DIR: path.join(site.root, 'dist-unshared') });
    const printed: string[] = [];
    const spies = (['log', 'error'] as const).map((m) => vi.spyOn(console, m).mockImplementation((l: string) => void printed.push(l)));
    let failed: number;
    try {
      failed = await stages.find((x) => x.id === 'search')!.run({ queue: redis.url });
    } finally {
      for (const spy of spies) spy.mockRestore();
      delete process.env.HERITAGE_DIST_DIR;
    }
    expect(failed).toBe(1);
    const message = "unexpected failure: this worker's records have no collection r (is the build folder shared?)";
    const summary = printed.indexOf('✗ 1 job(s) failed (the index went on without their records):');
    expect(summary, printed.join('\n')).toBeGreaterThan(-1);
    expect(printed[summary + 1]).toBe(`  search: r: ${path.join(records, 'artifacts', 'r.jsonl')}: ${message}`);
    // r's own document is there, none of its 14 records.
    expect(
      printed.filter((l) => l.startsWith(`  ${without.docs + 1} documents, `)),
      printed.join('\n'),
    ).toHaveLength(1);
    // Not bad input: retried (3 attempts), then reported.
    expect(workers.flatMap((w) => w.out).filter((l) => /^▸ search \S+ r \(attempt \d\)$/.test(l))).toHaveLength(3);
  }, 120_000);

  it('publishes no page when a page job fails, naming the part and the error', async () => {
    // The workers do not see this build folder (the search test's): every part's job fails on them.
    const build = path.join(site.root, 'build-unshared');
    const dist = path.join(site.root, 'dist-pages');
    Object.assign(process.env, { HERITAGE_BUILD_DIR: build, HERITAGE_DIST_DIR: dist, HERITAGE_PUBLISH_STATE_DIR: path.join(site.root, 'state-pages') });
    const printed: string[] = [];
    const spies = (['log', 'error'] as const).map((m) => vi.spyOn(console, m).mockImplementation((l: string) => void printed.push(l)));
    let summary: Awaited<ReturnType<typeof buildSitePages>>;
    try {
      summary = await buildSitePages(undefined, { queue: redis.url });
    } finally {
      for (const spy of spies) spy.mockRestore();
      delete process.env.HERITAGE_DIST_DIR;
      delete process.env.HERITAGE_PUBLISH_STATE_DIR;
    }
    expect(summary).toBeUndefined();
    const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const part of ['listings', 'q-0', 'r-0']) {
      const folder = `${esc(path.join(queueBuild, 'page-staging'))}/[0-9a-f]{8}/${part}`;
      const line = new RegExp(
        `^  ✗ pages part "${part}" failed: unexpected failure: this worker does not see ${folder}, the folder the build prepared for the part \\(is the build folder shared\\?\\)$`,
      );
      expect(
        printed.filter((l) => line.test(l)),
        printed.join('\n'),
      ).toHaveLength(1);
    }
    expect(fs.existsSync(dist)).toBe(false);
    expect(fs.existsSync(path.join(build, 'page-staging'))).toBe(false);
    // Not Astro's own error: tried again once.
    expect(workers.flatMap((w) => w.out).filter((l) => /^▸ pages \S+ listings \(attempt \d\)$/.test(l))).toHaveLength(2);
  }, 120_000);

  it('refuses a worker of another code version', async () => {
    const { Redis } = await import('ioredis');
    const c = new Redis(redis.url);
    await c.set('heritage:coordinator', JSON.stringify({ version: 'another-version', host: 'elsewhere', pid: 1 }), 'PX', 30_000);
    const w = startWorker(queueBuild);
    expect(await w.exited).toBe(3);
    expect(w.out.join('\n')).toMatch(/refused: the build at redis:\/\/127\.0\.0\.1:\d+ runs code version another-version, this worker /);
    await c.del('heritage:coordinator');
    c.disconnect();
  }, 120_000);

  it('stops with a clear message when Redis cannot be reached, publishing nothing', async () => {
    const port = await freePort();
    process.env.HERITAGE_BUILD_DIR = path.join(site.root, 'build-none');
    fs.cpSync(site.build, process.env.HERITAGE_BUILD_DIR, { recursive: true });
    const err = await runImageStage({ queue: `redis://127.0.0.1:${port}`, progress: false, log: () => {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobQueueError);
    expect((err as Error).message).toMatch(new RegExp(`^cannot reach Redis at redis://127\\.0\\.0\\.1:${port} \\(.*ECONNREFUSED`));
    expect(fs.existsSync(path.join(process.env.HERITAGE_BUILD_DIR, 'assets', 'images.json'))).toBe(false);
  });

  it('stops with a clear message when Redis is lost mid-build, publishing nothing', async () => {
    const lost = await startRedis();
    const build = path.join(site.root, 'build-lost');
    fs.cpSync(site.build, build, { recursive: true });
    process.env.HERITAGE_BUILD_DIR = build;
    process.env.HERITAGE_QUEUE_LOST_MS = '2000';
    try {
      // No worker: the jobs wait in Redis until it goes away under the coordinator.
      const run = runImageStage({ queue: lost.url, progress: false, log: () => {} }).catch((e: unknown) => e);
      const { Redis } = await import('ioredis');
      const c = new Redis(lost.url);
      for (let i = 0; i < 600 && !(await c.exists('heritage:coordinator')); i++) await new Promise((r) => setTimeout(r, 50));
      c.disconnect();
      await lost.stop();
      const err = await run;
      expect(err).toBeInstanceOf(JobQueueError);
      expect((err as Error).message).toMatch(new RegExp(`^lost Redis at ${lost.url.replace(/[.]/g, '\\.')} for 2 s`));
      expect(fs.existsSync(path.join(build, 'assets', 'images.json'))).toBe(false);
    } finally {
      delete process.env.HERITAGE_QUEUE_LOST_MS;
    }
  }, 120_000);
});
