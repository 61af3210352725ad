// The build's side of the job layer: adds jobs (deduplicated by their content key), waits for them through
// BullMQ's QueueEvents, shows one progress bar over all workers, and stops the build with a clear message
// when Redis is unreachable or lost. It never publishes anything itself: the stage does, once every job settled.
import os from 'node:os';
import cliProgress from 'cli-progress';
import { Queue, QueueEvents } from 'bullmq';
import type { Redis } from 'ioredis';
import { bullConnection, checkRedis, controlClient, JobQueueError, parseQueueUrl, withTimeout } from './connection.ts';
import { COORDINATOR_KEY, INPUT_ERROR_PREFIX, kindPolicy, queueName, WORKER_KEY_PREFIX, type JobKind, type WorkerInfo } from './kinds.ts';
import { codeVersion } from './version.ts';

/** How a job ended: its result, or the message for the build summary (`record: file: message`). */
export type JobOutcome<R> = { ok: true; result: R } | { ok: false; input: boolean; message: string };

export interface CoordinatorOptions {
  kind: JobKind;
  /** One bar on stderr (a TTY), else a progress line every 10 s. */
  progress: boolean;
  log: (line: string) => void;
  /** Redis unreachable for this long mid-build stops the build (default 15 s, HERITAGE_QUEUE_LOST_MS). */
  lostMs?: number;
}

interface Pending {
  resolve: (o: JobOutcome<unknown>) => void;
  reject: (err: Error) => void;
}

export class JobCoordinator {
  private pending = new Map<string, Pending>();
  private done = 0;
  private failed = 0;
  private submitted = 0;
  private fatal: JobQueueError | undefined;
  private lostSince: number | undefined;
  private refused = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private lastLine = 0;
  private bar: cliProgress.SingleBar | undefined;
  private readonly version = codeVersion();

  private constructor(
    private readonly url: string,
    private readonly opts: CoordinatorOptions,
    private readonly queue: Queue,
    private readonly events: QueueEvents,
    private readonly control: Redis,
  ) {}

  static async open(url: string, opts: CoordinatorOptions): Promise<JobCoordinator> {
    parseQueueUrl(url);
    await checkRedis(url);
    const name = queueName(opts.kind, codeVersion());
    const queue = new Queue(name, { connection: bullConnection(url) });
    const events = new QueueEvents(name, { connection: bullConnection(url) });
    const control = controlClient(url);
    const c = new JobCoordinator(url, opts, queue, events, control);
    queue.on('error', () => {}); // a lost connection is detected and reported by the health check
    events.on('error', () => {});
    // Subscribed before the first job is added, so no completion is missed.
    await withTimeout(events.waitUntilReady(), 10_000, `Redis at ${url} did not answer`);
    events.on('completed', ({ jobId, returnvalue }) => c.settle(jobId, { ok: true, result: parseResult(returnvalue) }));
    events.on('failed', ({ jobId, failedReason }) => c.settle(jobId, failure(failedReason)));
    await c.announce();
    if (opts.progress) {
      c.bar = new cliProgress.SingleBar(
        {
          format: `${opts.kind} jobs {bar} {value}/{total} done | {running} running, {failed} failed | {workers} workers | ETA {eta_formatted}`,
          stream: process.stderr,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      c.bar.start(0, 0, { running: 0, failed: 0, workers: 0 });
    }
    c.timer = setInterval(() => void c.poll(), 1000);
    return c;
  }

  /** Adds one job (or joins the one already waiting or running under the same id) and waits for its end. */
  async submit<R>(id: string, data: object): Promise<JobOutcome<R>> {
    if (this.fatal) throw this.fatal;
    const outcome = new Promise<JobOutcome<R>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (o: JobOutcome<unknown>) => void, reject });
    });
    this.submitted++;
    this.bar?.setTotal(this.submitted);
    // Not awaited: with Redis gone a command waits for the reconnect, while the health check ends the build.
    void this.enqueue(id, data);
    return outcome;
  }

  private async enqueue(id: string, data: object): Promise<void> {
    const policy = kindPolicy(this.opts.kind);
    try {
      // A failed job of an earlier build is kept for inspection; it must go before the same id can run again.
      const old = await this.queue.getJob(id);
      if (old && (await old.isFailed())) await old.remove();
      await this.queue.add(this.opts.kind, data, {
        jobId: id,
        attempts: policy.attempts,
        backoff: { type: 'exponential', delay: policy.backoffMs },
        removeOnComplete: true,
        removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
      });
    } catch (err) {
      this.abort(new JobQueueError(`lost Redis at ${this.url} while adding jobs (${(err as Error).message})`));
    }
  }

  private settle(id: string, outcome: JobOutcome<unknown>): void {
    const p = this.pending.get(id);
    if (!p) return; // another build's job
    this.pending.delete(id);
    if (outcome.ok) this.done++;
    else this.failed++;
    this.bar?.update(this.done + this.failed, { failed: this.failed });
    p.resolve(outcome);
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
    const keys = await this.control.keys(`${WORKER_KEY_PREFIX}*`);
    const values = keys.length ? await this.control.mget(keys) : [];
    return values.flatMap((v) => (v ? [JSON.parse(v) as WorkerInfo] : []));
  }

  private async poll(): Promise<void> {
    if (this.fatal) return;
    try {
      const [counts, workers] = await withTimeout(
        Promise.all([this.queue.getJobCounts('active'), this.workers(), this.announce()]),
        3000,
        'no answer within 3 s',
      );
      this.lostSince = undefined;
      const mine = workers.filter((w) => w.version === this.version && w.kinds.includes(this.opts.kind));
      for (const w of workers) {
        if (w.version === this.version || this.refused.has(w.name)) continue;
        this.refused.add(w.name);
        this.opts.log(
          `refused worker ${w.name}: it runs code version ${w.version}, this build ${this.version}; it takes none of this build's jobs (update its code and restart it)`,
        );
      }
      const running = counts.active ?? 0;
      this.bar?.update(this.done + this.failed, { running, failed: this.failed, workers: mine.length });
      if (!this.bar && this.pending.size && Date.now() - this.lastLine > 10_000) {
        this.lastLine = Date.now();
        this.opts.log(
          `  ${this.opts.kind} jobs: ${this.done + this.failed}/${this.submitted} done, ${running} running, ${this.failed} failed, ${mine.length} workers` +
            (mine.length ? '' : ` (start one: npm run heritage -- worker --queue ${this.url})`),
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

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.bar?.stop();
    const quiet = (p: Promise<unknown>) => withTimeout(p, 2000, 'close').catch(() => {});
    if (!this.fatal) await quiet(this.control.del(COORDINATOR_KEY));
    await Promise.all([quiet(this.events.close()), quiet(this.queue.close())]);
    this.control.disconnect();
  }
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
