// A worker: takes jobs of the given kinds from this code version's queues, one home per kind's work, and
// publishes their outputs atomically into the store. Workers can start and stop at any time: a job whose
// worker dies is moved back to waiting by BullMQ's stalled-job check once its lock expires.
import os from 'node:os';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { bullConnection, checkRedis, controlClient, JobQueueError, parseQueueUrl } from './connection.ts';
import { ImageInputError, imageJobLabel, runImageJob, type ImageJobData } from './image-job.ts';
import { JobInputError } from './errors.ts';
import type { ModelJobData } from './model-job-id.ts';
import type { VideoJobData } from './video-job.ts';
import type { PanoramaJobData } from './panorama-job.ts';
import type { SearchJobData } from '../search/stage.ts';
import type { PageJobData } from './page-job.ts';
import { COORDINATOR_KEY, INPUT_ERROR_PREFIX, kindPolicy, lockMs, queueName, WORKER_KEY_PREFIX, WORKERS_SET, type JobKind, type WorkerInfo } from './kinds.ts';
import { codeVersion } from './version.ts';
import { inMediaTarget } from './media-target.ts';

interface Handler {
  /** `signal` aborts when the job timed out: work in a child process (Astro) is stopped, not left running. */
  run(data: unknown, signal: AbortSignal): Promise<unknown>;
  label(data: unknown): string;
}

// Other kinds' code (glTF tools, ffmpeg runner) loads with a kind's first job, so a worker starts as fast as the image one.
const handlers: Record<JobKind, Handler> = {
  images: { run: (d) => runImageJob(d as ImageJobData), label: (d) => imageJobLabel(d as ImageJobData) },
  panoramas: {
    run: async (d) => (await import('./panorama-job.ts')).runPanoramaJob(d as PanoramaJobData),
    label: (d) => `${(d as PanoramaJobData).key}: ${(d as PanoramaJobData).file}`,
  },
  models: { run: async (d) => (await import('./model-job.ts')).runModelJob(d as ModelJobData), label: (d) => (d as ModelJobData).key },
  video: {
    run: async (d) => (await import('./video-job.ts')).runVideoJob(d as VideoJobData),
    label: (d) => `${(d as VideoJobData).dramaId}/${(d as VideoJobData).episodeId}`,
  },
  search: { run: async (d) => (await import('./search-job.ts')).runSearchJob(d as SearchJobData), label: (d) => (d as SearchJobData).collection },
  pages: { run: async (d, signal) => (await import('./page-job.ts')).runPageJob(d as PageJobData, signal), label: (d) => (d as PageJobData).name },
};

export interface WorkerOptions {
  url: string;
  kinds: JobKind[];
  concurrency: number;
  /** Page jobs at a time (each an Astro process of about 1.5 GiB), whatever `concurrency` says; default 1. */
  pageConcurrency?: number;
  log: (line: string) => void;
}

/** Runs until `stop()` resolves; refuses to start next to a coordinator of another code version. */
export async function startWorker(opts: WorkerOptions): Promise<{ name: string; stop: () => Promise<void>; refused: Promise<JobQueueError> }> {
  parseQueueUrl(opts.url);
  await checkRedis(opts.url);
  const version = codeVersion();
  const name = `${os.hostname()}:${process.pid}`;
  const control = controlClient(opts.url);
  const coordinatorVersion = async (): Promise<string | undefined> => {
    const raw = await control.get(COORDINATOR_KEY).catch(() => null);
    return raw ? (JSON.parse(raw) as { version: string }).version : undefined;
  };
  const mismatch = (other: string) =>
    new JobQueueError(
      `refused: the build at ${opts.url} runs code version ${other}, this worker ${version}; update this machine's code and restart the worker`,
    );
  const other = await coordinatorVersion();
  if (other && other !== version) {
    control.disconnect();
    throw mismatch(other);
  }

  const workers = opts.kinds.map((kind) => {
    const policy = kindPolicy(kind);
    const handler = handlers[kind];
    const w = new Worker(
      queueName(kind, version),
      async (job: Job) => {
        const label = handler.label(job.data);
        const t = performance.now();
        opts.log(`▸ ${kind} ${job.id} ${label} (attempt ${job.attemptsMade + 1})`);
        let timer: NodeJS.Timeout | undefined;
        const timeout = new AbortController();
        try {
          const result = await Promise.race([
            inMediaTarget(job.data, () => handler.run(job.data, timeout.signal)),
            new Promise<never>((_, reject) => {
              timer = setTimeout(() => {
                reject(new Error(`timed out after ${policy.timeoutMs / 1000} s`));
                timeout.abort();
              }, policy.timeoutMs);
            }),
          ]);
          opts.log(`✓ ${kind} ${job.id} ${label} in ${((performance.now() - t) / 1000).toFixed(2)} s`);
          return result;
        } catch (err) {
          const message = (err as Error).message ?? String(err);
          opts.log(`✗ ${kind} ${job.id} ${label}: ${message}`);
          if (err instanceof ImageInputError || err instanceof JobInputError) throw new UnrecoverableError(`${INPUT_ERROR_PREFIX}${message}`);
          throw err;
        } finally {
          clearTimeout(timer);
        }
      },
      {
        connection: bullConnection(opts.url),
        concurrency: kind === 'pages' ? (opts.pageConcurrency ?? 1) : opts.concurrency,
        lockDuration: lockMs(),
        stalledInterval: lockMs(),
        // A job whose worker died twice is more likely killing workers than unlucky: it fails with BullMQ's message.
        maxStalledCount: 2,
        name,
      },
    );
    w.on('error', (err) => opts.log(`worker: ${err.message}`));
    return w;
  });

  const info: WorkerInfo = { name, version, kinds: opts.kinds, concurrency: opts.concurrency };
  const beat = async () => {
    await control
      .multi()
      .set(`${WORKER_KEY_PREFIX}${name}`, JSON.stringify(info), 'PX', 15_000)
      .sadd(WORKERS_SET, name)
      .exec()
      .catch(() => {});
  };
  await beat();
  let refuse: (e: JobQueueError) => void = () => {};
  const refused = new Promise<JobQueueError>((r) => {
    refuse = r;
  });
  const timer = setInterval(async () => {
    await beat();
    const v = await coordinatorVersion();
    if (v && v !== version) refuse(mismatch(v));
  }, 5000);
  const pages = opts.kinds.includes('pages') ? ` (pages ${opts.pageConcurrency ?? 1} at a time)` : '';
  opts.log(`worker ${name}: code version ${version}, kinds ${opts.kinds.join(',')}, ${opts.concurrency} at a time${pages}, queue ${opts.url}`);

  const stop = async () => {
    clearInterval(timer);
    await Promise.all(workers.map((w) => w.close()));
    await control
      .multi()
      .del(`${WORKER_KEY_PREFIX}${name}`)
      .srem(WORKERS_SET, name)
      .exec()
      .catch(() => {});
    control.disconnect();
  };
  return { name, stop, refused };
}
