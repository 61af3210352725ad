// Distributed image jobs: `npm run bench -- distributed [--images 200] [--workers 1,2]`.
// Generates N HD (1920×1080) JPEGs (NPM jade photos, resized and hue-shifted so every file differs), renders
// them in-process one at a time, then as jobs on a fresh local Redis with 1, 2, … worker processes. Each
// worker stands for a one-core machine: one job at a time, libvips on one thread, one libuv thread; the
// in-process baseline runs the same way. Every run writes into a build folder of its own, and the outputs
// are compared byte for byte. Prints the figures as JSON on the last line.
import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { artifact, collection } from '../../model/schema.ts';
import { startRedis } from '../tools/local-redis.ts';

const { values } = parseArgs({ options: { images: { type: 'string', default: '200' }, workers: { type: 'string', default: '1,2' } } });
const COUNT = Number(values.images);
const WORKERS = values.workers.split(',').map(Number);
const SOURCES = '/work/shared/data/npm-jades/images';
const ROOT = process.cwd();
const log = (s: string) => process.stderr.write(`${s}\n`);
const ONE_CORE = { UV_THREADPOOL_SIZE: '1' };

function writeSite(root: string): string {
  const slug = 'bench';
  const media = path.join(root, 'content', 'collections', slug, 'media');
  const records = path.join(root, 'build', 'records');
  fs.mkdirSync(media, { recursive: true });
  fs.mkdirSync(path.join(records, 'artifacts'), { recursive: true });
  const base = { rights: 'http://rightsstatements.org/vocab/NoC-NC/1.0/', credit: { en: 'Bench museum' } };
  const c = collection.parse({ type: 'collection', id: slug, title: { en: slug }, description: { en: 'bench' }, ...base });
  fs.writeFileSync(path.join(records, 'collections.json'), JSON.stringify([{ ...c, hash: 'x' }]));
  const lines = Array.from({ length: COUNT }, (_, i) =>
    JSON.stringify({
      ...artifact.parse({
        type: 'artifact',
        id: `a${i}`,
        collection: slug,
        sourceId: `${i}`,
        title: { en: `Artifact ${i}` },
        media: [{ kind: 'image', path: `hd-${i}.jpg` }],
        ...base,
      }),
      hash: `${i}`,
    }),
  );
  fs.writeFileSync(path.join(records, 'artifacts', `${slug}.jsonl`), `${lines.join('\n')}\n`);
  return media;
}

async function generate(media: string): Promise<void> {
  const photos = fs
    .readdirSync(SOURCES)
    .filter((f) => f.endsWith('_full1140.jpg'))
    .sort();
  for (let i = 0; i < COUNT; i++) {
    await sharp(path.join(SOURCES, photos[i % photos.length]!))
      .resize(1920, 1080, { fit: 'fill', kernel: 'cubic' })
      .modulate({ hue: (i * 37) % 360 })
      .jpeg({ quality: 90 })
      .toFile(path.join(media, `hd-${i}.jpg`));
    if (i % 50 === 49) log(`generated ${i + 1}/${COUNT} HD JPEGs`);
  }
}

function tree(build: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const sub of ['img', 'iiif']) {
    const root = path.join(build, 'media', sub);
    for (const e of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
      if (!e.isFile()) continue;
      const p = path.join(e.parentPath, e.name);
      out.set(path.relative(root, p) + sub, crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex'));
    }
  }
  return out;
}

const same = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

function node(args: string[], env: Record<string, string>, stdout: 'pipe' | 'ignore' = 'pipe'): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...ONE_CORE, ...env },
    stdio: ['ignore', stdout, 'inherit'],
  });
}

interface StageRun {
  seconds: number;
  rendered: number;
  failed: number;
  /** When the stage started (epoch ms) and the CPU seconds its process spent in it. */
  startedAt: number;
  cpuSeconds: number;
}

/** CPU seconds (user + system) a live process has used so far, from /proc (the bench runs on Linux). */
function cpuOf(pid: number | undefined): number {
  if (!pid) return Number.NaN;
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** The whole machine's CPU seconds so far from /proc/stat: busy (every process, ours and others'), waiting on the
 * disk, and stolen by the hypervisor. */
function machineCpu(): { busy: number; iowait: number; steal: number } {
  try {
    const [user, nice, system, , iowait, irq, softirq, steal] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    return { busy: (user! + nice! + system! + irq! + softirq!) / 100, iowait: iowait! / 100, steal: steal! / 100 };
  } catch {
    return { busy: Number.NaN, iowait: Number.NaN, steal: Number.NaN };
  }
}

/** One worker's jobs as its log shows them: when each started and ended (epoch ms, as the lines arrived). */
interface JobSpan {
  id: string;
  start: number;
  end?: number;
}

function watchJobs(w: ChildProcess): JobSpan[] {
  const spans: JobSpan[] = [];
  let rest = '';
  w.stdout!.on('data', (d: Buffer) => {
    const now = Date.now();
    const lines = (rest + d.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      const m = /^([▸✓✗]) images (\S+)/.exec(line);
      if (!m) continue;
      if (m[1] === '▸') spans.push({ id: m[2]!, start: now });
      else {
        const s = spans.findLast((x) => x.id === m[2]);
        if (s) s.end = now;
      }
    }
  });
  return spans;
}

const r2 = (n: number) => Number(n.toFixed(2));

/** Where a run's time went: per worker its busy seconds (jobs), idle seconds inside the run, first pick-up and
 * last end after the stage started, and CPU seconds; the coordinator's and Redis's CPU seconds beside them. */
function timeline(run: StageRun, spans: JobSpan[][], cpu: { workers: number[]; redis: number; machine: ReturnType<typeof machineCpu> }) {
  const t0 = run.startedAt;
  const end = t0 + run.seconds * 1000;
  return {
    perWorker: spans.map((s, i) => {
      const done = s.filter((x) => x.end !== undefined) as Required<JobSpan>[];
      const busy = done.reduce((n, x) => n + (x.end - x.start), 0) / 1000;
      const first = done.length ? Math.min(...done.map((x) => x.start)) : end;
      const last = done.length ? Math.max(...done.map((x) => x.end)) : t0;
      return {
        jobs: done.length,
        busySeconds: r2(busy),
        idleSeconds: r2(run.seconds - busy),
        firstPickSeconds: r2((first - t0) / 1000),
        lastEndSeconds: r2((last - t0) / 1000),
        cpuSeconds: r2(cpu.workers[i]!),
      };
    }),
    coordinatorCpuSeconds: r2(run.cpuSeconds),
    redisCpuSeconds: r2(cpu.redis),
    // What the rest of the machine took meanwhile (and the coordinator's start-up): with n workers on n cores,
    // every second of it is taken from them.
    otherCpuSeconds: r2(cpu.machine.busy - cpu.workers.reduce((a, b) => a + b, 0) - run.cpuSeconds - cpu.redis),
    iowaitSeconds: r2(cpu.machine.iowait),
    stealSeconds: r2(cpu.machine.steal),
  };
}

/** The machine's own ceiling: `n` bare-sharp processes side by side over the same images (no queue, no store,
 * no hashing), from one "go" to the last one's end. Their CPU seconds per image, one process against two, show
 * how much the cores slow each other down before any of our code runs. */
async function bareRun(media: string, root: string, n: number): Promise<{ seconds: number; cpuSeconds: number[]; rendered: number }> {
  const out = fs.mkdtempSync(path.join(root, `bare${n}-`));
  const claims = path.join(out, '.claims');
  fs.mkdirSync(claims);
  const procs = Array.from({ length: n }, () =>
    spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/bench/_distributed-bare.ts'), media, out, claims], {
      cwd: ROOT,
      env: { ...process.env, ...ONE_CORE },
      stdio: ['pipe', 'pipe', 'inherit'],
    }),
  );
  const ends: Promise<string>[] = [];
  const ready = procs.map(
    (p) =>
      new Promise<void>((onReady, failed) => {
        let out = '';
        p.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.startsWith('ready\n')) onReady();
        });
        ends.push(
          new Promise((resolve, reject) => {
            p.on('exit', (code) => {
              const err = new Error(`a bare-sharp process exited with ${code}`);
              if (code === 0) resolve(out.trim().split('\n').at(-1)!);
              else reject(err);
              failed(err);
            });
          }),
        );
      }),
  );
  for (const e of ends) e.catch(() => {}); // awaited below; a start-up failure rejects `ready` first
  await Promise.all(ready);
  const goAt = Date.now();
  for (const p of procs) p.stdin!.end('go\n');
  const results = (await Promise.all(ends)).map((l) => JSON.parse(l) as { rendered: number; cpuSeconds: number; endedAt: number });
  fs.rmSync(out, { recursive: true, force: true });
  return {
    seconds: (Math.max(...results.map((r) => r.endedAt)) - goAt) / 1000,
    cpuSeconds: results.map((r) => r.cpuSeconds),
    rendered: results.reduce((a, r) => a + r.rendered, 0),
  };
}

function timedRun(args: string[], env: Record<string, string>): Promise<StageRun> {
  return new Promise((resolve, reject) => {
    const child = node([path.join(ROOT, 'scripts/bench/_distributed-child.ts'), ...args], env);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.on('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) reject(new Error(`stage run exited with ${code}`));
      else resolve(JSON.parse(last));
    });
  });
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-bench-distributed-'));
  const children: ChildProcess[] = [];
  try {
    const media = writeSite(root);
    await generate(media);
    const content = path.join(root, 'content');
    const buildFor = (name: string) => {
      const b = path.join(root, `build-${name}`);
      fs.cpSync(path.join(root, 'build'), b, { recursive: true });
      return b;
    };
    log(`in-process, one image at a time, libvips on one thread…`);
    const baseBuild = buildFor('inprocess');
    const m0 = machineCpu();
    const base = await timedRun(['inprocess'], { HERITAGE_CONTENT_DIR: content, HERITAGE_BUILD_DIR: baseBuild });
    const m1 = machineCpu();
    if (base.rendered !== COUNT) throw new Error(`in-process run rendered ${base.rendered} of ${COUNT}`);
    const reference = tree(baseBuild);
    const runs: { workers: number; seconds: number }[] = [];
    // The machine's figures span the child's whole life (its start-up too), the process's only the stage.
    const traces: object[] = [
      {
        workers: 0,
        seconds: r2(base.seconds),
        cpuSeconds: r2(base.cpuSeconds),
        cpuSecondsPerImage: Number((base.cpuSeconds / COUNT).toFixed(3)),
        otherCpuSeconds: r2(m1.busy - m0.busy - base.cpuSeconds),
        iowaitSeconds: r2(m1.iowait - m0.iowait),
      },
    ];
    const bare: { processes: number; seconds: number }[] = [];
    for (const n of [1, 2]) {
      log(`bare sharp, ${n} process(es) side by side, libvips on one thread…`);
      const b = await bareRun(media, root, n);
      if (b.rendered !== COUNT) throw new Error(`${n} bare-sharp process(es) rendered ${b.rendered} of ${COUNT}`);
      bare.push({ processes: n, seconds: r2(b.seconds) });
      const cpu = b.cpuSeconds.reduce((a, c) => a + c, 0);
      traces.push({ bareProcesses: n, seconds: r2(b.seconds), cpuSeconds: b.cpuSeconds.map(r2), cpuSecondsPerImage: Number((cpu / COUNT).toFixed(3)) });
    }
    let identical = true;
    for (const n of WORKERS) {
      const redis = await startRedis();
      const build = buildFor(`w${n}`);
      const env = { HERITAGE_CONTENT_DIR: content, HERITAGE_BUILD_DIR: build };
      const workers = Array.from({ length: n }, () =>
        node([path.join(ROOT, 'scripts/heritage.ts'), 'worker', '--queue', redis.url, '--threads', '1', '--concurrency', '1'], env),
      );
      children.push(...workers);
      // Workers are ready (connected, registered) before the clock starts: machines that are already up.
      await Promise.all(
        workers.map(
          (w) =>
            new Promise<void>((resolve) => {
              w.stdout!.on('data', function ready(d: Buffer) {
                if (d.toString().includes('code version')) {
                  w.stdout!.off('data', ready);
                  w.stdout!.resume();
                  resolve();
                }
              });
            }),
        ),
      );
      log(`${n} worker(s)…`);
      const spans = workers.map(watchJobs);
      const cpu0 = { workers: workers.map((w) => cpuOf(w.pid)), redis: cpuOf(redis.pid), machine: machineCpu() };
      const r = await timedRun(['queue', redis.url], env);
      const m = machineCpu();
      const cpu = {
        workers: workers.map((w, i) => cpuOf(w.pid) - cpu0.workers[i]!),
        redis: cpuOf(redis.pid) - cpu0.redis,
        machine: { busy: m.busy - cpu0.machine.busy, iowait: m.iowait - cpu0.machine.iowait, steal: m.steal - cpu0.machine.steal },
      };
      const perImage = Number((cpu.workers.reduce((a, c) => a + c, 0) / COUNT).toFixed(3));
      traces.push({ workers: n, seconds: r2(r.seconds), workerCpuSecondsPerImage: perImage, ...timeline(r, spans, cpu) });
      if (r.rendered !== COUNT) throw new Error(`${n}-worker run rendered ${r.rendered} of ${COUNT}`);
      runs.push({ workers: n, seconds: Number(r.seconds.toFixed(2)) });
      for (const w of workers) w.kill('SIGTERM');
      await Promise.all(workers.map((w) => new Promise((res) => (w.exitCode !== null ? res(null) : w.on('exit', res)))));
      await redis.stop();
      identical &&= same(reference, tree(build));
    }
    const secs = (w: number) => runs.find((r) => r.workers === w)?.seconds;
    const one = secs(1);
    const two = secs(2);
    const result = {
      images: COUNT,
      inProcessSeconds: Number(base.seconds.toFixed(2)),
      runs,
      speedup2: one && two ? Number((one / two).toFixed(3)) : null,
      // The same ratio for bare sharp without our queue, measured in this run: the machine's own ceiling.
      bareRuns: bare,
      bareSpeedup2: Number((bare[0]!.seconds / bare[1]!.seconds).toFixed(3)),
      overhead1: one ? Number((one / base.seconds).toFixed(3)) : null,
      identicalOutputs: identical,
      perImageSeconds: Number((base.seconds / COUNT).toFixed(3)),
      loadAverage: os.loadavg().map((l) => Number(l.toFixed(2))),
    };
    // The trace goes to stderr: the last line of stdout stays the result.
    log(`trace: ${JSON.stringify(traces)}`);
    console.log(JSON.stringify(result));
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    fs.rmSync(root, { recursive: true, force: true });
  }
}

await main();
