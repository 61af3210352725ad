// Image and panorama jobs whose outputs go to S3-compatible object storage (a real S3 server, s3rver, on loopback): the worker
// shares neither the coordinator's build folder nor its image store, only the queue, the content and the bucket;
// the coordinator takes the outputs from the bucket and publishes the same bytes an in-process build does. A store
// that cannot be used stops the build before any job with one message naming the store and what failed.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImageStage } from '../../../assets-pipeline/images/stage.ts';
import { runPanoramaStage, type PanoramaSource } from '../../../assets-pipeline/panoramas/stage.ts';
import { imageOutputs } from '../../../assets-pipeline/images/store.ts';
import { JobQueueError } from '../../../assets-pipeline/jobs/errors.ts';
import { openStore, STORE_ENV } from '../../../assets-pipeline/jobs/output-store.ts';
import { ROOT } from '../../../model/paths.ts';
import { freePort, startRedis, type TestRedis } from '../../../scripts/tools/local-redis.ts';
import { createTempSite } from '../images/temp-site.ts';
import { startS3, type TestS3 } from './local-s3.ts';
import { buildHashes } from './media-hashes.ts';

const site = createTempSite();
let redis: TestRedis;
let s3: TestS3;
const panoramas: PanoramaSource[] = [];
let worker: { child: ChildProcess; out: string[]; exited: Promise<number | null> } | undefined;
/** The worker's own build folder, as on another machine: empty, and still empty at the end. */
const workerBuild = path.join(site.root, 'build-worker');
const saved = { ...process.env };

beforeAll(async () => {
  [redis, s3] = await Promise.all([startRedis(), startS3('heritage')]);
  // Started first: it comes up (a few seconds) while the other tests run; the first two must give it no job.
  fs.mkdirSync(workerBuild);
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts/heritage.ts'), 'worker', '--queue', redis.url, '--kinds', 'images,panoramas'],
    {
      cwd: ROOT,
      env: { ...saved, ...s3.env, HERITAGE_BUILD_DIR: workerBuild },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const w = { child, out: [] as string[], exited: new Promise<number | null>((r) => child.on('exit', (code) => r(code))) };
  for (const s of [child.stdout, child.stderr]) s.on('data', (d: Buffer) => w.out.push(...d.toString().split('\n').filter(Boolean)));
  worker = w;
  const media = site.mediaDir('s');
  const names = ['a.jpg', 'b.jpg', 'c.jpg'];
  for (const [i, name] of names.entries()) {
    // 600 wide: a pyramid of two levels, several tiles, beside the derivatives.
    await sharp({
      create: { width: 600, height: 400 + i * 40, channels: 3, background: '#806040', noise: { type: 'gaussian', mean: 100 + i * 20, sigma: 40 } },
    })
      .jpeg()
      .toFile(path.join(media, name));
  }
  // A small photo sphere: a pyramid of one level of 2×1 tiles and a preview, as its own kind of job.
  const pano = path.join(site.content, 'panoramas', 't');
  fs.mkdirSync(pano, { recursive: true });
  await sharp({ create: { width: 1024, height: 512, channels: 3, background: '#406080', noise: { type: 'gaussian', mean: 110, sigma: 45 } } })
    .jpeg()
    .toFile(path.join(pano, 'a.jpg'));
  panoramas.push({ key: 't/a', file: path.join(pano, 'a.jpg') });
  site.writeRecords([{ slug: 's', artifacts: names.map((n, i) => ({ id: `s${i}`, title: { en: n }, media: [{ kind: 'image' as const, path: n }] })) }]);
});

afterAll(async () => {
  process.env = saved;
  worker?.child.kill('SIGKILL');
  await worker?.exited;
  await Promise.all([redis?.stop(), s3?.stop()]);
  site.cleanup();
});

describe('the output store on S3', () => {
  it('stops before adding a job when the store cannot be used, naming the store and what failed', async () => {
    const build = path.join(site.root, 'build-refused');
    fs.cpSync(site.build, build, { recursive: true });
    const dead = `http://127.0.0.1:${await freePort()}`;
    const cases: [Record<string, string>, string, RegExp][] = [
      [{}, 's3://no-such-bucket/x', /^the store s3:\/\/no-such-bucket\/x \(http:\/\/127\.0\.0\.1:\d+\): the bucket does not exist \(NoSuchBucket: /],
      [
        { AWS_SECRET_ACCESS_KEY: 'wrong' },
        's3://heritage/wrong-secret',
        /^the store s3:\/\/heritage\/wrong-secret \(.*\) refused the credentials while checking the bucket \(SignatureDoesNotMatch: .*\); set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/,
      ],
      [
        { AWS_ENDPOINT_URL: dead },
        's3://heritage/dead',
        new RegExp(`^cannot reach the store s3://heritage/dead \\(${dead}\\) while checking the bucket \\(.*ECONNREFUSED`),
      ],
    ];
    for (const [env, spec, message] of cases) {
      process.env = { ...saved, ...s3.env, ...env, HERITAGE_BUILD_DIR: build, [STORE_ENV]: spec };
      const err = await runImageStage({ queue: redis.url, progress: false, log: () => {} }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(JobQueueError);
      expect((err as Error).message).toMatch(message);
    }
    process.env = saved;
    // Nothing rendered, published or recorded; no job was added.
    expect(fs.existsSync(path.join(build, 'image-store'))).toBe(false);
    expect(fs.existsSync(path.join(build, 'assets', 'images.json'))).toBe(false);
  }, 60_000);

  it('keeps a key absent until its completion record is written last', async () => {
    process.env = { ...saved, ...s3.env, HERITAGE_BUILD_DIR: path.join(site.root, 'build-partial') };
    try {
      const store = await openStore(imageOutputs, 's3://heritage/partial');
      const id = '0123456789abcdef-01234567';
      // What a worker killed mid-upload leaves: some of the output's files, no record.
      const client = new S3Client({ endpoint: s3.endpoint, region: 'us-east-1', forcePathStyle: true });
      await client.send(new PutObjectCommand({ Bucket: 'heritage', Key: `partial/images/${id}/iiif/info.json`, Body: '{}' }));
      expect(await store.result(id)).toBeUndefined();
      expect(await store.take(id)).toBeUndefined();
      expect(fs.existsSync(path.join(site.root, 'build-partial', 'image-store', 'iiif', id))).toBe(false);
      // A record whose file differs from what it lists is refused, not published.
      const tmp = path.join(site.root, 'partial-render');
      fs.mkdirSync(path.join(tmp, 'img'), { recursive: true });
      fs.mkdirSync(path.join(tmp, 'iiif'), { recursive: true });
      fs.writeFileSync(path.join(tmp, 'img', 'meta.json'), '{}');
      fs.writeFileSync(path.join(tmp, 'iiif', 'info.json'), '{"tiles":[]}');
      await store.put(tmp, id, JSON.parse('{}'));
      const record = JSON.parse(
        await (await client.send(new GetObjectCommand({ Bucket: 'heritage', Key: `partial/images/${id}.done.json` }))).Body!.transformToString(),
      ) as { files: [string, number, string][] };
      expect(record.files.map((f) => f[0])).toEqual(['iiif/info.json', 'img/meta.json']);
      await client.send(new PutObjectCommand({ Bucket: 'heritage', Key: `partial/images/${id}/iiif/info.json`, Body: '{"tiles":[1]}' }));
      await expect(store.take(id)).rejects.toThrow(`partial/images/${id}/iiif/info.json is not the file its completion record lists`);
      expect(fs.existsSync(path.join(site.root, 'build-partial', 'image-store', 'iiif', id))).toBe(false);
    } finally {
      process.env = saved;
    }
  }, 60_000);

  it('builds through a worker that shares only the queue, the content and the bucket: the same bytes as in-process', async () => {
    const localBuild = path.join(site.root, 'build-local');
    const queueBuild = path.join(site.root, 'build-queue');
    for (const b of [localBuild, queueBuild]) fs.cpSync(site.build, b, { recursive: true });
    const t0 = performance.now();
    const w = worker!;

    // The reference renders in this process, as the build without a queue does.
    process.env = { ...saved, HERITAGE_BUILD_DIR: localBuild };
    const local = await runImageStage({ progress: false, log: () => {} });
    expect(local).toMatchObject({ rendered: 3, failed: 0 });

    process.env = { ...saved, ...s3.env, HERITAGE_BUILD_DIR: queueBuild, [STORE_ENV]: 's3://heritage/site' };
    const r = await runImageStage({ queue: redis.url, progress: false, log: () => {} });
    process.env = saved;
    expect(r, w.out.join('\n')).toMatchObject({ rendered: 3, failed: 0 });
    // Three jobs in all: the refused builds added none.
    expect(w.out.filter((l) => l.startsWith('▸ images'))).toHaveLength(3);
    expect(w.out.filter((l) => l.startsWith('✓ images'))).toHaveLength(3);

    const published = buildHashes(queueBuild);
    expect(Object.keys(published).filter((f) => f.endsWith('info.json'))).toHaveLength(3);
    expect(Object.keys(published).length).toBeGreaterThan(3 * 4);
    expect(published).toEqual(buildHashes(localBuild));
    expect(fs.readFileSync(path.join(queueBuild, 'assets', 'images.json'), 'utf8')).toBe(
      fs.readFileSync(path.join(localBuild, 'assets', 'images.json'), 'utf8'),
    );
    expect(fs.readdirSync(workerBuild)).toEqual([]);
    console.log(`S3 store build: ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // Another build (a fresh build folder, another site URL) finds the outputs in the bucket: the same bytes, and
    // each info.json names this build's URL, as the in-process stage rewrites it for an output it already has.
    const again = path.join(site.root, 'build-again');
    fs.cpSync(site.build, again, { recursive: true });
    process.env = { ...saved, ...s3.env, HERITAGE_BUILD_DIR: again, [STORE_ENV]: 's3://heritage/site' };
    const base = 'https://other.example/media';
    expect(await runImageStage({ queue: redis.url, baseUrl: base, progress: false, log: () => {} })).toMatchObject({ failed: 0 });
    process.env = saved;
    const infos = Object.keys(published).filter((f) => f.endsWith('info.json'));
    for (const f of infos) expect(JSON.parse(fs.readFileSync(path.join(again, 'media', f), 'utf8')).id).toBe(`${base}/${path.dirname(f)}`);
    // The rendered files (the IIIF manifests beside them name the site's URL, so they differ).
    const rendered = (t: Record<string, string>) =>
      Object.keys(t).filter((f) => /^[0-9a-f]{16}-[0-9a-f]{8}$/.test(f.split(path.sep)[1]!) && !infos.includes(f));
    const other = buildHashes(again);
    expect(rendered(other).length).toBeGreaterThan(3 * 4);
    expect(rendered(other).sort()).toEqual(rendered(published).sort());
    expect(rendered(other).filter((f) => other[f] !== published[f])).toEqual([]);

    // A panorama's pyramid through the bucket too: the same bytes as in-process.
    process.env = { ...saved, HERITAGE_BUILD_DIR: localBuild };
    expect(await runPanoramaStage({ sources: panoramas, log: () => {} })).toMatchObject({ rendered: 1, failed: 0 });
    process.env = { ...saved, ...s3.env, HERITAGE_BUILD_DIR: queueBuild, [STORE_ENV]: 's3://heritage/site' };
    expect(await runPanoramaStage({ sources: panoramas, queue: redis.url, progress: false, log: () => {} })).toMatchObject({ rendered: 1, failed: 0 });
    process.env = saved;
    const pano = buildHashes(queueBuild, ['pano']);
    expect(Object.keys(pano).filter((f) => f.endsWith('.jpg'))).toHaveLength(2 + 1);
    expect(pano).toEqual(buildHashes(localBuild, ['pano']));
    expect(fs.readFileSync(path.join(queueBuild, 'assets', 'panoramas.json'), 'utf8')).toBe(
      fs.readFileSync(path.join(localBuild, 'assets', 'panoramas.json'), 'utf8'),
    );
    expect(w.out.filter((l) => l.startsWith('✓ panoramas'))).toHaveLength(1);
    expect(fs.readdirSync(workerBuild)).toEqual([]);

    w.child.kill('SIGTERM');
    expect(await w.exited).toBe(0);
  }, 180_000);
});
