// `heritage build --queue` end to end, as an operator runs it: its own Redis, two real worker processes, a small
// site with one bad image and one scene model. On a terminal the build shows one progress bar (the jobs', over
// every kind), lists the failed job as `kind: record: file: message`, publishes, and its media and pages (rendered
// as page jobs on the workers) are byte-identical to the same stages run in-process. A worker of another code version is refused and takes no job; Redis
// unreachable, or lost mid-build, stops the build with a message and the live version stays as it was.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stages } from '../../../scripts/cli/stages.ts';
import { buildSitePages } from '../../../assets-pipeline/pages/stage.ts';
import { ROOT } from '../../../model/paths.ts';
import { mediaHashes } from './media-hashes.ts';
import { freePort, startRedis, type TestRedis } from '../../../scripts/tools/local-redis.ts';
import { plane, sceneYaml } from '../models/fixtures.ts';
import { createSite, liveId, pauseLine, snapshot, startBuild, versionsDir, type TempSite } from '../pages/publish-helpers.ts';

let site: TempSite;
let redis: TestRedis;
const children: ChildProcess[] = [];
/** Builds started in a process group of their own (publish-helpers), ended with every child they started. */
const builds: ChildProcess[] = [];
const redises: TestRedis[] = [];
let badImage = '';

interface Proc {
  child: ChildProcess;
  out: () => string;
  exit: Promise<number | null>;
}

function track(child: ChildProcess): Proc {
  let out = '';
  for (const s of [child.stdout, child.stderr]) s?.on('data', (d: Buffer) => (out += d.toString()));
  children.push(child);
  return { child, out: () => out, exit: new Promise((r) => child.on('exit', (code) => r(code))) };
}

/** `heritage worker` from the checkout at `root` (another checkout stands for a machine with other code). */
function worker(root = ROOT): Proc {
  return track(
    spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'heritage.ts'), 'worker', '--queue', redis.url], {
      cwd: root,
      env: { ...process.env, ...site.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

/** The build on a pseudo-terminal (util-linux `script`), where the progress bars draw as an operator sees them. */
function buildOnTerminal(args: string[], env: Record<string, string>): Proc {
  const cmd = [process.execPath, path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/heritage.ts'), 'build', ...args].join(' ');
  return track(spawn('script', ['-qfec', cmd, '/dev/null'], { cwd: ROOT, env: { ...process.env, ...site.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
}

async function until(what: string, ok: () => boolean | Promise<boolean>, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The terminal's control sequences (cursor moves, line clears, save and restore). */
const ESCAPES = new RegExp(`${String.fromCharCode(27)}(\\[[0-9;?]*[A-Za-z]|[78])`, 'g');

/** The terminal's lines as they end up on screen: escape codes out, each redraw of a bar a line of its own. */
const screenLines = (raw: string): string[] =>
  raw
    .replace(ESCAPES, '\n')
    .split(/[\r\n]+/)
    .filter(Boolean);

beforeAll(async () => {
  site = await createSite();
  const demo = path.join(site.content, 'collections', 'demo');
  // A PNG cut off in the middle: the image stage's bad input.
  const png = fs.readFileSync(path.join(demo, 'media', 'a.png'));
  badImage = path.join(demo, 'media', 'cut.png');
  fs.writeFileSync(badImage, png.subarray(0, Math.floor(png.length / 2)));
  fs.appendFileSync(path.join(demo, 'records.csv'), 'T-4,残片,Fragment,,前200年,罐 jar,陶,clay,cut.png\n');
  fs.mkdirSync(path.join(site.content, 'scenes', 'models'), { recursive: true });
  fs.writeFileSync(path.join(site.content, 'scenes', 'models', 'a.glb'), await plane('floor', 40));
  fs.writeFileSync(path.join(site.content, 'scenes', 'demo.yaml'), sceneYaml('demo', [{ id: 'a', path: 'models/a.glb' }]));
  redis = await startRedis();
});

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const b of builds) if (b.exitCode === null && b.signalCode === null) process.kill(-b.pid!, 'SIGKILL');
  // A test that failed half-way may have left its Redis running (stop() twice is harmless).
  for (const r of [redis, ...redises]) await r?.stop();
  if (site) fs.rmSync(site.root, { recursive: true, force: true });
});

describe('heritage build --queue', () => {
  it('stops before publishing anything when Redis cannot be reached', async () => {
    const port = await freePort();
    const b = startBuild(site, {}, ['build', '--queue', `redis://127.0.0.1:${port}`]);
    builds.push(b.child);
    expect(await b.exit).toBe(1);
    expect(b.output()).toMatch(
      new RegExp(`✗ cannot reach Redis at redis://127\\.0\\.0\\.1:${port} \\(.*ECONNREFUSED.*\\n  nothing was switched: nothing is live yet`),
    );
    expect(liveId(site)).toBeUndefined();
  }, 120_000);

  it('builds with two workers: one bar, the failed job in the summary, published, the same bytes as in-process', async () => {
    // Two workers, and a third from the same checkout with one line more: another code version, as on a machine
    // not yet updated.
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-other-version-'));
    const skip = new Set(['node_modules', '.git', 'content', 'build', 'dist', 'test-output', 'tests', '.astro']);
    for (const name of fs.readdirSync(ROOT)) if (!skip.has(name)) fs.cpSync(path.join(ROOT, name), path.join(other, name), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(other, 'node_modules'));
    fs.appendFileSync(path.join(other, 'assets-pipeline', 'jobs', 'kinds.ts'), '// changed on this machine only\n');
    const ws = [worker(), worker()];
    const stale = worker(other);
    await until('three workers', () => [...ws, stale].every((w) => w.out().includes('code version')), 240_000);
    // Paused before its first stage, the build's coordinator is up and keeps announcing its code version.
    const build = buildOnTerminal(['--queue', redis.url], { HERITAGE_BUILD_PAUSE_AT: 'images' });
    await until('the pause', () => pauseLine('images').test(build.out()), 240_000);
    // The stale worker waits on queues of its own version, so it sees none of the build's jobs; it checks the
    // build's version every 5 s and stops.
    expect(await stale.exit).toBe(3);
    expect(stale.out()).toMatch(/refused: the build at redis:\/\/127\.0\.0\.1:\d+ runs code version (\S+), this worker (?!\1)\S+; update this machine's code/);
    expect(stale.out()).not.toMatch(/^▸/m);
    fs.rmSync(other, { recursive: true, force: true });

    process.kill(Number(/kill -USR2 (\d+)/.exec(build.out())![1]), 'SIGUSR2');
    // A timeout of its own, to show how far the build got (a loaded machine takes minutes for the pages).
    const code = await Promise.race([
      build.exit,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error(`the build did not end in 8 min:\n${screenLines(build.out()).slice(-30).join('\n')}`)), 480_000).unref(),
      ),
    ]);
    const lines = screenLines(build.out());
    // Exit 1: an item failed, the rest is published.
    expect(code, lines.join('\n')).toBe(1);
    expect(lines.some((l) => l.startsWith('▸ switched: slot a is live'))).toBe(true);

    // One bar: the jobs' (over images and models), never a stage's own bar beside it, nor a second jobs bar for the
    // page parts (the same bar counts on, below). The open-data stage, which has no jobs, draws its own after the
    // jobs are done.
    const bars = lines.filter((l) => /[░█]{10}/.test(l));
    expect(new Set(bars.map((l) => l.trim().split(/ [░█]/)[0]))).toEqual(new Set(['jobs', 'open data']));
    expect(
      bars.some((l) => /^jobs .* done \| images 3\/3, models 1\/1 \| 0 running, 1 failed \| 2 workers \| ETA /.test(l)),
      bars.join('\n'),
    ).toBe(true);

    // The in-process reference: the build's own image and model stages, without a queue, on the same records.
    const saved = { ...process.env };
    const ref = path.join(site.root, 'build-in-process');
    fs.cpSync(path.join(site.build, 'records'), path.join(ref, 'records'), { recursive: true });
    let refErrors: string[];
    try {
      Object.assign(process.env, { HERITAGE_CONTENT_DIR: site.content, HERITAGE_BUILD_DIR: ref });
      const { runImageStage } = await import('../../../assets-pipeline/images/stage.ts');
      const r = await runImageStage({ progress: false, log: () => {} });
      refErrors = r.errors.map((e) => `images: ${e.record}: ${e.file}: ${e.message}`);
      expect(await stages.find((s) => s.id === 'models')!.run()).toBe(0);
    } finally {
      process.env = saved;
    }
    // The summary names the bad image as the in-process stage does.
    expect(refErrors).toHaveLength(1);
    expect(refErrors[0]).toContain(`images: T-4: ${badImage}: `);
    const summary = lines.indexOf('✗ 1 job(s) failed (the build went on without them):');
    expect(summary, lines.join('\n')).toBeGreaterThan(-1);
    expect(lines[summary + 1]).toBe(`  ${refErrors[0]}`);

    const live = fs.realpathSync(path.join(site.build, 'media'));
    const published = mediaHashes(live, ['img', 'iiif', 'models']);
    expect(Object.keys(published).filter((f) => f.endsWith('.glb'))).toHaveLength(2);
    expect(Object.keys(published).filter((f) => f.endsWith('info.json'))).toHaveLength(2);
    expect(published).toEqual(mediaHashes(path.join(ref, 'media'), ['img', 'iiif', 'models']));
    for (const manifest of ['images.json', 'models.json'])
      expect(fs.readFileSync(path.join(site.build, 'assets', manifest), 'utf8')).toBe(fs.readFileSync(path.join(ref, 'assets', manifest), 'utf8'));
    // Each job ran on one of the two workers, the bad image once; the two page parts (the listings and the one
    // shard) too, on the same bar, which counts on from the asset stages' jobs; one summary line at the end.
    const ran = ws.flatMap((w) => w.out().split('\n')).filter((l) => l.startsWith('▸ '));
    expect(ran.filter((l) => l.includes('cut.png'))).toHaveLength(1);
    expect(ran.filter((l) => l.startsWith('▸ models'))).toHaveLength(1);
    expect(ran.filter((l) => l.startsWith('▸ pages')).map((l) => l.split(' ')[3])).toEqual(expect.arrayContaining(['listings', 'demo-0']));
    expect(ran.filter((l) => l.startsWith('▸ pages'))).toHaveLength(2);
    expect(
      bars.some((l) => /^jobs .* done \| images 3\/3, models 1\/1, pages 2\/2 \| 0 running, 1 failed \| 2 workers \| ETA /.test(l)),
      bars.join('\n'),
    ).toBe(true);
    expect(
      bars.some((l) => /^jobs .* done \| pages /.test(l)),
      bars.join('\n'),
    ).toBe(false);
    const summaries = lines.filter((l) => /^\s*jobs: \d+\/\d+ done \(/.test(l));
    expect(
      summaries.filter((l) => !l.includes('(search ')),
      lines.join('\n'),
    ).toEqual([expect.stringMatching(/^ {2}jobs: 5\/6 done \(images 3\/3, models 1\/1, pages 2\/2\), 1 failed, up to 2 worker\(s\), in [\d.]+ s$/)]);

    // The pages the workers rendered are the bytes the in-process page stage renders from the same records.
    const refDist = path.join(site.root, 'dist-in-process');
    const refState = path.join(site.root, 'state-in-process');
    fs.mkdirSync(refState);
    try {
      Object.assign(process.env, { ...site.env, HERITAGE_DIST_DIR: refDist, HERITAGE_PUBLISH_STATE_DIR: refState });
      expect(await buildSitePages()).toMatchObject({ shardsRendered: 1 });
    } finally {
      process.env = saved;
    }
    const pages = mediaHashes(refDist, ['']);
    expect(Object.keys(pages)).toContain(path.join('en', 'artifacts', 'T-1', 'index.html'));
    const livePages = mediaHashes(fs.realpathSync(site.dist), ['']);
    expect(Object.keys(pages).filter((f) => livePages[f] !== pages[f])).toEqual([]);
    for (const w of ws) w.child.kill('SIGTERM');
    await Promise.all(ws.map((w) => w.exit));
  }, 780_000);

  it('stops with a message when Redis is lost mid-build; the live version stays as it was', async () => {
    const before = snapshot(path.join(versionsDir(site), 'a'));
    // A new image, so the build has a job to wait for; no worker takes it.
    await sharp({ create: { width: 40, height: 30, channels: 3, background: '#2060a0' } })
      .png()
      .toFile(path.join(site.content, 'collections', 'demo', 'media', 'c.png'));
    fs.appendFileSync(path.join(site.content, 'collections', 'demo', 'records.csv'), 'T-5,新,New,,前200年,罐 jar,陶,clay,c.png\n');
    const lost = await startRedis();
    redises.push(lost);
    const b = startBuild(site, { HERITAGE_QUEUE_LOST_MS: '2000' }, ['build', '--queue', lost.url]);
    builds.push(b.child);
    const c = new Redis(lost.url);
    try {
      // Image jobs carry a priority (largest first), so they wait in BullMQ's `prioritized` set, not its `wait` list.
      await until('a job waiting in Redis', async () => {
        const [key] = await c.keys('bull:heritage-images-*:prioritized');
        return key !== undefined && (await c.zcard(key)) > 0;
      });
    } finally {
      c.disconnect();
    }
    await lost.stop();
    expect(await b.exit).toBe(1);
    expect(b.output()).toMatch(
      new RegExp(`✗ lost Redis at ${lost.url.replace(/\./g, '\\.')} for 2 s .*\\n  nothing was switched: the live site is still slot a`),
    );
    expect(liveId(site)).toBe('a');
    expect(snapshot(path.join(versionsDir(site), 'a'))).toEqual(before);
  }, 180_000);
});
