// `heritage worker --queue redis://HOST:PORT [--concurrency N] [--kinds images,…] [--threads N] [--page-concurrency N]`:
// one worker process; start as many as there are cores (or machines) and stop them at any time.
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { JobQueueError } from '../../assets-pipeline/jobs/connection.ts';
import { isJobKind, JOB_KINDS, type JobKind } from '../../assets-pipeline/jobs/kinds.ts';
import { startWorker } from '../../assets-pipeline/jobs/worker.ts';

const USAGE = `usage: npm run heritage -- worker --queue redis://HOST:PORT [--concurrency N] [--kinds ${JOB_KINDS.join(',')}] [--threads N] [--page-concurrency N]`;

export async function workerCommand(args: string[]): Promise<number> {
  let values: { queue?: string; concurrency?: string; kinds?: string; threads?: string; 'page-concurrency'?: string };
  try {
    values = parseArgs({
      args,
      options: {
        queue: { type: 'string' },
        concurrency: { type: 'string' },
        kinds: { type: 'string' },
        threads: { type: 'string' },
        'page-concurrency': { type: 'string' },
      },
    }).values;
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const url = values.queue;
  const concurrency = Number(values.concurrency ?? 1);
  // A page job is an Astro process of about 1.5 GiB: one at a time unless the machine has the memory for more.
  const pageConcurrency = Number(values['page-concurrency'] ?? 1);
  const kinds = (values.kinds ?? JOB_KINDS.join(',')).split(',').filter(Boolean);
  const threads = values.threads;
  const bad = kinds.filter((k) => !isJobKind(k));
  if (!url || !Number.isInteger(concurrency) || concurrency < 1 || !Number.isInteger(pageConcurrency) || pageConcurrency < 1 || bad.length) {
    if (bad.length) console.error(`unknown job kind(s): ${bad.join(', ')} (known: ${JOB_KINDS.join(', ')})`);
    console.error(USAGE);
    return 2;
  }
  // libvips threads per image: 1 makes a worker stand for one core, so N workers use N cores.
  if (threads) sharp.concurrency(Number(threads));
  const log = (line: string) => console.log(line);
  try {
    const w = await startWorker({ url, kinds: kinds as JobKind[], concurrency, pageConcurrency, log });
    const signalled = new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    });
    const why = await Promise.race([signalled, w.refused]);
    if (why instanceof JobQueueError) {
      console.error(why.message);
      await w.stop();
      return 3;
    }
    log(`worker ${w.name}: ${why}, finishing the jobs it holds`);
    await w.stop();
    return 0;
  } catch (err) {
    if (err instanceof JobQueueError) {
      console.error(err.message);
      return 3;
    }
    throw err;
  }
}
