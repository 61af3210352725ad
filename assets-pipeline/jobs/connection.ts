// The Redis side of the job layer: one URL (`redis://HOST:PORT`), a fail-fast reachability check, and the
// error every caller turns into a clear message instead of a stack trace.
import { Redis } from 'ioredis';
import { JobQueueError } from './errors.ts';

export { JobQueueError };

export function parseQueueUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new JobQueueError(`--queue expects redis://HOST:PORT, got "${url}"`);
  }
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') throw new JobQueueError(`--queue expects redis://HOST:PORT, got "${url}"`);
  return url;
}

/** BullMQ's connection options: commands wait through a reconnect (BullMQ requires it); our own health checks time out. */
export function bullConnection(url: string): { url: string; maxRetriesPerRequest: null; retryStrategy: (n: number) => number } {
  return { url, maxRetriesPerRequest: null, retryStrategy: (n) => Math.min(200 * n, 2000) };
}

/** A plain client for health checks and the worker registry: a command fails instead of waiting for a reconnect. */
export function controlClient(url: string): Redis {
  const client = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 3000, retryStrategy: (n) => Math.min(200 * n, 2000) });
  client.on('error', () => {}); // reported through the failing commands, with the URL
  return client;
}

export async function checkRedis(url: string, timeoutMs = 3000): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    connectTimeout: timeoutMs,
    enableOfflineQueue: false,
  });
  // ioredis rejects with "Connection is closed."; the socket's own error (ECONNREFUSED, ENOTFOUND) says why.
  let cause: string | undefined;
  client.on('error', (err: Error) => {
    cause ??= err.message;
  });
  try {
    await client.connect();
    await client.ping();
  } catch (err) {
    throw new JobQueueError(`cannot reach Redis at ${url} (${cause ?? (err as Error).message}); start redis-server there or fix --queue`);
  } finally {
    client.disconnect();
  }
}

/** Resolves with the promise, or rejects after `ms` with `message`. */
export function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
