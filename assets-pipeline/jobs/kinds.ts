// The kinds of job the workers run: each with its own queue, timeout, retries and backoff. A job's id is the
// content key its stage already uses, so adding the same work twice while it waits or runs is a no-op.
export interface KindPolicy {
  /** A job running longer than this fails its attempt (and is retried). */
  timeoutMs: number;
  /** Attempts in all, for failures that may pass (a worker's disk, a lost lock); bad input fails once. */
  attempts: number;
  /** First retry delay; doubles with each attempt. */
  backoffMs: number;
}

export const KINDS = {
  // A 200 MP master takes about a minute on one core; ten leaves room for a loaded machine.
  images: { timeoutMs: 10 * 60_000, attempts: 3, backoffMs: 2000 },
  // A 16,384 × 8,192 photo sphere takes about half a minute here; a 100,000-pixel-wide one many times that.
  panoramas: { timeoutMs: 30 * 60_000, attempts: 3, backoffMs: 2000 },
  // The pagoda's generated model (the biggest here) takes under a minute; a photogrammetry mesh may take many.
  models: { timeoutMs: 30 * 60_000, attempts: 3, backoffMs: 2000 },
  // One episode's whole ladder: an hour of film on one core takes about that long.
  video: { timeoutMs: 2 * 3600_000, attempts: 3, backoffMs: 5000 },
  // One collection's search documents: 150,000 records take a few minutes on one core.
  search: { timeoutMs: 30 * 60_000, attempts: 3, backoffMs: 2000 },
  // One page part: Astro bundles the site (a minute or two), then a 25,000-record shard's 75,000 pages take about
  // a minute quiet, several loaded. Each holds about 1.5 GiB: a worker runs one at a time unless told more.
  // Its own errors fail once; a second attempt is for a worker that died (out of memory, a machine gone).
  pages: { timeoutMs: 60 * 60_000, attempts: 2, backoffMs: 5000 },
} satisfies Record<string, KindPolicy>;

export type JobKind = keyof typeof KINDS;
export const JOB_KINDS = Object.keys(KINDS) as JobKind[];

export function isJobKind(k: string): k is JobKind {
  return k in KINDS;
}

export function kindPolicy(kind: JobKind): KindPolicy {
  const env = Number(process.env[`HERITAGE_JOB_TIMEOUT_${kind.toUpperCase()}`]);
  return Number.isFinite(env) && env > 0 ? { ...KINDS[kind], timeoutMs: env * 1000 } : KINDS[kind];
}

/** One queue per kind and code version: workers of another version never see this build's jobs. */
export function queueName(kind: JobKind, version: string): string {
  return `heritage-${kind}-${version}`;
}

/** Bad input: the job fails once (no retries) and the coordinator reports the message as in-process. */
export const INPUT_ERROR_PREFIX = 'input: ';

/** Redis keys outside BullMQ's: who coordinates (and with which version), and which workers are alive: each
 * worker's own key expires unless it beats, and the set names them, so the coordinator reads the live ones without
 * a KEYS scan (which walks every job's key: at 150,000 waiting jobs, tens of milliseconds of Redis a second). */
export const COORDINATOR_KEY = 'heritage:coordinator';
export const WORKER_KEY_PREFIX = 'heritage:worker:';
export const WORKERS_SET = 'heritage:workers';

export interface WorkerInfo {
  name: string;
  version: string;
  kinds: JobKind[];
  concurrency: number;
}

/** Stalled-job recovery: a worker killed mid-job loses its lock after this long, and another worker runs the job. */
export function lockMs(): number {
  const n = Number(process.env.HERITAGE_JOB_LOCK_MS);
  return Number.isFinite(n) && n >= 1000 ? n : 30_000;
}

/** Set by the build for the stages it runs in child processes beside the pages: the build's own bar is on the
 * terminal, so their coordinators draw nothing while they wait and print only their summary. */
export const JOBS_QUIET_ENV = 'HERITAGE_JOBS_QUIET';

/** BullMQ's priority for a job over a file of `bytes` (1 runs first, 2,097,151 last): the largest first, so that
 * the last jobs are small ones and the workers end together, not one of them alone on a 100 MP master. */
export function largestFirst(bytes: number): number {
  return Math.max(1, 2_097_151 - Math.floor(bytes / 1024));
}
