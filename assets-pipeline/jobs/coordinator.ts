// The build's side of the job layer: adds jobs of every kind (deduplicated by their content key), waits for
// them through BullMQ's QueueEvents, shows one progress bar over all kinds and workers, and stops the build with
// a clear message when Redis is unreachable or lost. It never publishes anything itself: each stage does, once
// its jobs settled. One coordinator serves every stage of a build (`acquireCoordinator`), so the bar, the
// worker check and the failure summary cover the whole build.
import os from 'node:os';
import cliProgress from 'cli-progress';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { bullConnection, checkRedis, controlClient, JobQueueError, parseQueueUrl, withTimeout } from './connection.ts';
import {
  COORDINATOR_KEY,
  INPUT_ERROR_PREFIX,
  JOBS_QUIET_ENV,
  kindPolicy,
  queueName,
  WORKER_KEY_PREFIX,
  WORKERS_SET,
  type JobKind,
  type WorkerInfo,
} from './kinds.ts';
import { codeVersion } from './version.ts';
import type { JobFailure } from './errors.ts';
import { MEDIA_TARGET, mediaTarget } from './media-target.ts';

/** How a job ended: its result, or the message for the build summary (`record: file: message`). */
export type JobOutcome<R> = { ok: true; result: R } | { ok: false; input: boolean; message: string };

export interface CoordinatorOptions {
  /** One bar on stderr (a TTY), else a progress line every 10 s; a summary line on close either way. */
  progress: boolean;
  log: (line: string) => void;
  /** Redis unreachable for this long mid-build stops the build (default 15 s, HERITAGE_QUEUE_LOST_MS). */
  lostMs?: number;
}

interface Pending {
  kind: JobKind;
  label: string;
  resolve: (o: JobOutcome<unknown>) => void;
  reject: (err: Error) => void;
}

interface Channel {
  queue: Queue;
  events: QueueEvents;
  /** Ids of this kind's failed jobs (kept for inspection): read once, so adding a job costs one round trip, not three. */
  failed: Set<string>;
}

export class JobCoordinator {
  private pending = new Map<string, Pending>();
  private channels = new Map<JobKind, Promise<Channel>>();
  /** The channels that are up: the health check must not wait on one still connecting (Redis may be gone). */
  private ready: Channel[] = [];
  private counts = new Map<JobKind, { submitted: number; done: number; failed: number }>();
  readonly failures: JobFailure[] = [];
  private fatal: JobQueueError | undefined;
  private lostSince: number | undefined;
  private refused = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private lastLine = 0;
  private bar: cliProgress.SingleBar | undefined;
  private running = 0;
  /** When the first job was added, and the most workers seen at once while jobs were pending (for the summary). */
  private firstAdded: number | undefined;
  private mostWorkers = 0;
  private readonly quiet = Boolean(process.env[JOBS_QUIET_ENV]);
  /** Live workers of this code version, as of the last poll. */
  private live: WorkerInfo[] = [];
  private readonly version = codeVersion();

  private constructor(
    private readonly url: string,
    private readonly opts: CoordinatorOptions,
    private readonly control: Redis,
  ) {}

  static async open(url: string, opts: CoordinatorOptions): Promise<JobCoordinator> {
    parseQueueUrl(url);
    await checkRedis(url);
    const c = new JobCoordinator(url, opts, controlClient(url));
    await c.announce();
    // The bar's first line already counts the workers, however soon its jobs end.
    await c.poll();
    c.timer = setInterval(() => void c.poll(), 1000);
    return c;
  }

  /** One queue and its event stream per kind, subscribed before the kind's first job is added (no completion is missed). */
  private channel(kind: JobKind): Promise<Channel> {
    let ch = this.channels.get(kind);
    if (!ch) {
      ch = (async () => {
        const name = queueName(kind, this.version);
        const queue = new Queue(name, { connection: bullConnection(this.url) });
        const events = new QueueEvents(name, { connection: bullConnection(this.url) });
        queue.on('error', () => {}); // a lost connection is detected and reported by the health check
        events.on('error', () => {});
        await withTimeout(events.waitUntilReady(), 10_000, `Redis at ${this.url} did not answer`);
        const failed = new Set(await queue.getRanges(['failed'], 0, -1));
        events.on('completed', ({ jobId, returnvalue }) => this.settle(kind, jobId, { ok: true, result: parseResult(returnvalue) }));
        events.on('failed', ({ jobId, failedReason }) => {
          failed.add(jobId);
          this.settle(kind, jobId, failure(failedReason));
        });
        const ch = { queue, events, failed };
        this.ready.push(ch);
        return ch;
      })();
      this.channels.set(kind, ch);
    }
    return ch;
  }

  /** Opens a kind's queue ahead of its first job, while the stage still reads and hashes its sources (the first
   * job then waits for no connection); a failure here shows again when the job is added. */
  prepare(kind: JobKind): void {
    this.channel(kind).catch(() => {});
  }

  private tally(kind: JobKind) {
    let t = this.counts.get(kind);
    if (!t) this.counts.set(kind, (t = { submitted: 0, done: 0, failed: 0 }));
    return t;
  }

  private totals() {
    let submitted = 0;
    let settled = 0;
    let failed = 0;
    for (const t of this.counts.values()) {
      submitted += t.submitted;
      settled += t.done + t.failed;
      failed += t.failed;
    }
    const kinds = [...this.counts].map(([k, t]) => `${k} ${t.done + t.failed}/${t.submitted}`).join(', ');
    return { submitted, settled, failed, kinds };
  }

  /** Adds one job (or joins the one already waiting or running under the same id) and waits for its end.
   * `label` names it in the failure summary (`record: file`); `priority` (BullMQ's: 1 first) orders the waiting jobs. */
  async submit<R>(kind: JobKind, id: string, data: object, label: string, priority?: number): Promise<JobOutcome<R>> {
    if (this.fatal) throw this.fatal;
    // Read now, not when the coordinator opened: a stage run alone points the media folder at its version later.
    const target = { ...data, [MEDIA_TARGET]: mediaTarget() };
    const outcome = new Promise<JobOutcome<R>>((resolve, reject) => {
      this.pending.set(`${kind}\0${id}`, { kind, label, resolve: resolve as (o: JobOutcome<unknown>) => void, reject });
    });
    this.tally(kind).submitted++;
    this.firstAdded ??= Date.now();
    this.draw();
    // Not awaited: with Redis gone a command waits for the reconnect, while the health check ends the build.
    void this.enqueue(kind, id, target, priority);
    return outcome;
  }

  private async enqueue(kind: JobKind, id: string, data: object, priority: number | undefined): Promise<void> {
    const policy = kindPolicy(kind);
    try {
      const { queue, failed } = await this.channel(kind);
      // A failed job of an earlier build is kept for inspection; it must go before the same id can run again.
      if (failed.delete(id)) {
        const old = await queue.getJob(id);
        if (old && (await old.isFailed())) await old.remove();
      }
      await queue.add(kind, data, {
        jobId: id,
        ...(priority ? { priority } : {}),
        attempts: policy.attempts,
        backoff: { type: 'exponential', delay: policy.backoffMs },
        removeOnComplete: true,
        removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
      });
    } catch (err) {
      this.abort(new JobQueueError(`lost Redis at ${this.url} while adding jobs (${(err as Error).message})`));
    }
  }

  private settle(kind: JobKind, id: string, outcome: JobOutcome<unknown>): void {
    const p = this.pending.get(`${kind}\0${id}`);
    if (!p) return; // another build's job
    this.pending.delete(`${kind}\0${id}`);
    const t = this.tally(kind);
    if (outcome.ok) t.done++;
    else {
      t.failed++;
      this.failures.push({ kind, label: p.label, message: outcome.message });
    }
    this.draw();
    p.resolve(outcome);
  }

  /** The bar is up only while jobs are pending, and wiped when none is, so the lines stages print between their jobs
   * stay readable: the next stage's jobs bring it back counting on (done per kind over the whole build), so the
   * terminal never shows two. */
  private draw(): void {
    if (this.pending.size) this.mostWorkers = Math.max(this.mostWorkers, this.mine().length);
    if (!this.opts.progress || this.quiet) return;
    const { submitted, settled, failed, kinds } = this.totals();
    // Redis's count is a poll old: with nothing pending, none of this build's jobs runs.
    const payload = { running: this.pending.size ? this.running : 0, failed, workers: this.mine().length, kinds };
    if (!this.bar && this.pending.size) {
      this.bar = new cliProgress.SingleBar(
        {
          format: 'jobs {bar} {value}/{total} done | {kinds} | {running} running, {failed} failed | {workers} workers | ETA {eta_formatted}',
          stream: process.stderr,
          etaBuffer: 50,
          clearOnComplete: true,
          // Before a rate is known cli-progress says INF or NULL (cut to "NFs" by its rounding): say nothing yet.
          formatTime: (t, o, r) => (typeof t === 'number' && Number.isFinite(t) ? cliProgress.Format.TimeFormat(t, o, r) : '…'),
        },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(submitted, settled, payload);
    }
    if (!this.bar) return;
    this.bar.setTotal(submitted);
    this.bar.update(settled, payload);
    if (!this.pending.size) {
      this.bar.stop();
      this.bar = undefined;
    }
  }

  private abort(err: JobQueueError): void {
    if (this.fatal) return;
    this.fatal = err;
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }

  /** Tells workers which code version this build runs, so a worker of another version refuses to start. */
  private async announce(): Promise<void> {
    const me = { version: this.version, host: os.hostname(), pid: process.pid };
    await this.control.set(COORDINATOR_KEY, JSON.stringify(me), 'PX', 30_000);
  }

  private async workers(): Promise<WorkerInfo[]> {
    const names = await this.control.smembers(WORKERS_SET);
    const values = names.length ? await this.control.mget(names.map((n) => `${WORKER_KEY_PREFIX}${n}`)) : [];
    // A worker that stopped beating (killed, its machine gone) has an expired key: it leaves the set here.
    const gone = names.filter((_, i) => !values[i]);
    if (gone.length) await this.control.srem(WORKERS_SET, ...gone);
    return values.flatMap((v) => (v ? [JSON.parse(v) as WorkerInfo] : []));
  }

  /** The live workers that take a kind this build has sent jobs of (the bar counts these). */
  private mine(): WorkerInfo[] {
    return this.live.filter((w) => w.kinds.some((k) => this.counts.has(k)));
  }

  private async poll(): Promise<void> {
    if (this.fatal) return;
    try {
      const [counts, workers] = await withTimeout(
        Promise.all([Promise.all(this.ready.map((c) => c.queue.getJobCounts('active'))), this.workers(), this.announce()]),
        3000,
        'no answer within 3 s',
      );
      this.lostSince = undefined;
      this.live = workers.filter((w) => w.version === this.version);
      const mine = this.mine();
      for (const w of workers) {
        if (w.version === this.version || this.refused.has(w.name)) continue;
        this.refused.add(w.name);
        this.opts.log(
          `refused worker ${w.name}: it runs code version ${w.version}, this build ${this.version}; it takes none of this build's jobs (update its code and restart it)`,
        );
      }
      this.running = counts.reduce((n, c) => n + (c.active ?? 0), 0);
      this.draw();
      if (!this.opts.progress && !this.quiet && this.pending.size && Date.now() - this.lastLine > 10_000) {
        this.lastLine = Date.now();
        const { submitted, settled, failed, kinds: perKind } = this.totals();
        // A kind no live worker takes waits for one: say which, so the operator can start it.
        const idle = [...new Set([...this.pending.values()].map((p) => p.kind))].filter((k) => !mine.some((w) => w.kinds.includes(k)));
        this.opts.log(
          `  jobs: ${settled}/${submitted} done (${perKind}), ${this.running} running, ${failed} failed, ${mine.length} workers` +
            (idle.length ? ` (no worker takes ${idle.join(', ')}: npm run heritage -- worker --queue ${this.url} --kinds ${idle.join(',')})` : ''),
        );
      }
    } catch (err) {
      this.lostSince ??= Date.now();
      const lostMs = this.opts.lostMs ?? (Number(process.env.HERITAGE_QUEUE_LOST_MS) || 15_000);
      if (Date.now() - this.lostSince >= lostMs) {
        this.abort(new JobQueueError(`lost Redis at ${this.url} for ${Math.round(lostMs / 1000)} s (${(err as Error).message})`));
      }
    }
  }

  /** One line for the end of the build: jobs done per kind, failed, the most workers that served them, and time. */
  summary(): string | undefined {
    if (this.firstAdded === undefined) return undefined;
    const { submitted, settled, failed, kinds } = this.totals();
    const secs = ((Date.now() - this.firstAdded) / 1000).toFixed(1);
    const left = submitted - settled ? `, ${submitted - settled} not run` : '';
    return `jobs: ${settled - failed}/${submitted} done (${kinds}), ${failed} failed${left}, up to ${this.mostWorkers} worker(s), in ${secs} s`;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.bar?.stop();
    this.bar = undefined;
    const line = this.summary();
    if (line) this.opts.log(`  ${line}`);
    const quiet = (p: Promise<unknown>) => withTimeout(p, 2000, 'close').catch(() => {});
    if (!this.fatal) await quiet(this.control.del(COORDINATOR_KEY));
    const channels = await Promise.all([...this.channels.values()].map((c) => c.catch(() => undefined)));
    await Promise.all(channels.flatMap((c) => (c ? [quiet(c.events.close()), quiet(c.queue.close())] : [])));
    this.control.disconnect();
  }
}

let shared: { url: string; opening: Promise<JobCoordinator>; users: number } | undefined;

/** The build's one coordinator: the first stage (or the build itself) opens it, the last release closes it. */
export async function acquireCoordinator(url: string, opts: CoordinatorOptions): Promise<{ jobs: JobCoordinator; release: () => Promise<void> }> {
  if (shared && shared.url !== url) throw new JobQueueError(`one build uses one queue: ${shared.url} is open, ${url} was asked for`);
  if (!shared) shared = { url, opening: JobCoordinator.open(url, opts), users: 0 };
  const mine = shared;
  mine.users++;
  let jobs: JobCoordinator;
  try {
    jobs = await mine.opening;
  } catch (err) {
    if (--mine.users === 0 && shared === mine) shared = undefined;
    throw err;
  }
  let released = false;
  return {
    jobs,
    release: async () => {
      if (released) return;
      released = true;
      if (--mine.users > 0) return;
      if (shared === mine) shared = undefined;
      await jobs.close();
    },
  };
}

function parseResult(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function failure(reason: string): JobOutcome<never> {
  if (reason.startsWith(INPUT_ERROR_PREFIX)) return { ok: false, input: true, message: reason.slice(INPUT_ERROR_PREFIX.length) };
  return { ok: false, input: false, message: `unexpected failure: ${reason}` };
}
