// `heritage build`: the whole publish in order. Each stage is incremental, so a re-run does only new work.
// Everything is written into the slot that is not live (site-versions.ts), which goes live in one step at the
// end; one build runs at a time (build-lock.ts).
import path from 'node:path';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { distDir, ROOT } from '../../model/paths.ts';
import { configuredSiteOrigin, siteOrigin } from '../../formats/urls.ts';
import { refuseSearchKey, unpublishKey } from '../../assets-pipeline/search-meili/search-key.ts';
import { ingest } from './validate.ts';
import { runNode } from '../../assets-pipeline/run-node.ts';
import { buildSitePages } from '../../assets-pipeline/pages/stage.ts';
import { stages } from './stages.ts';
import { failureLines, JobQueueError } from '../../assets-pipeline/jobs/errors.ts';
import { JOBS_QUIET_ENV } from '../../assets-pipeline/jobs/kinds.ts';
import { STORE_ENV } from '../../assets-pipeline/jobs/output-store.ts';
import { acquireBuildLock, describeHolder } from './build-lock.ts';
import {
  describeStart,
  describeVersion,
  hasLiveSite,
  invalidateStandby,
  livePaths,
  liveVersion,
  prepareNextVersion,
  restorePaths,
  standbyVersion,
  switchTo,
} from './site-versions.ts';

const VERSION_ENV = ['HERITAGE_DIST_DIR', 'HERITAGE_MEDIA_DIR', 'HERITAGE_PUBLISH_STATE_DIR'] as const;

export async function build(args: string[] = []): Promise<number> {
  const lock = acquireBuildLock('heritage build');
  if (!lock.ok) {
    console.error(`✗ ${lock.message}`);
    return 1;
  }
  if (lock.recovered) console.log(`  (took over a stale build lock: ${describeHolder(lock.recovered)} is no longer running)`);
  const saved = Object.fromEntries(VERSION_ENV.map((k) => [k, process.env[k]]));
  try {
    return await buildVersion(args);
  } finally {
    restorePaths(saved);
    lock.release();
  }
}

/** HERITAGE_BUILD_PAUSE_AT=<stage id, or "switch">: stop before that step, e.g. to look at the prepared version
 * before it goes live, or for a test to stop the build there; SIGUSR2 resumes. */
async function pauseAt(step: string, dir: string): Promise<void> {
  if (process.env.HERITAGE_BUILD_PAUSE_AT !== step) return;
  console.log(`  ⏸ paused before ${step}; the next version is ${dir} (kill -USR2 ${process.pid} resumes)`);
  // A signal listener alone does not keep Node running: without the timer the build would just end here.
  const keepAlive = setInterval(() => {}, 2 ** 30);
  await new Promise<void>((resolve) => process.once('SIGUSR2', () => resolve()));
  clearInterval(keepAlive);
}

const liveWords = (): string => {
  const v = liveVersion();
  return v ? `the live site is still ${describeVersion(v)}` : 'nothing is live yet';
};

/** Loaded only with a queue, so the in-process build never loads BullMQ or a Redis client. */
async function holdJobs(url: string): Promise<{ failures: string[]; release: () => Promise<void> }> {
  const { acquireCoordinator } = await import('../../assets-pipeline/jobs/coordinator.ts');
  const { jobs, release } = await acquireCoordinator(url, { progress: Boolean(process.stderr.isTTY), log: (l) => console.log(l) });
  const held = {
    failures: [] as string[],
    release: async () => {
      held.failures = failureLines(jobs.failures);
      await release();
    },
  };
  return held;
}

async function buildVersion(args: string[]): Promise<number> {
  const started = Date.now();
  const { queue, store } = parseArgs({ args, options: { queue: { type: 'string' }, store: { type: 'string' } }, strict: false }).values as {
    queue?: string;
    store?: string;
  };
  if (store !== undefined) {
    if (!queue) {
      console.error('✗ --store is where the workers put their outputs: it needs --queue redis://HOST:PORT');
      return 2;
    }
    // Read by the image stage here and in the stages' child processes.
    process.env[STORE_ENV] = store;
  }
  const keyRefused = await refuseSearchKey();
  if (keyRefused) {
    console.error(`✗ ${keyRefused}`);
    // From the version before the live one too: it is what a reader still on it sees, and the next build's start.
    const standby = standbyVersion();
    const removed = [distDir(), ...(standby ? [standby.site] : [])].flatMap((d) => unpublishKey(d, process.env.HERITAGE_MEILI_SEARCH_KEY ?? ''));
    // Those pages are gone behind the back of the standby's page record: its next build starts from a copy.
    if (removed.length && standby) invalidateStandby();
    if (removed.length) console.error(`  removed ${removed.length} published search page(s) that carried that key`);
    return 1;
  }
  if ((await ingest()) !== 0) return 1;
  const paths = livePaths();
  const next = prepareNextVersion(paths, !hasLiveSite(paths));
  console.log(`\n▸ site version: slot ${next.id}, ${describeStart(next)}`);
  if (!configuredSiteOrigin())
    console.log(`  no HERITAGE_SITE_URL: sitemaps, canonical links, JSON-LD and citation files name ${siteOrigin()}; pages show visitors their own address`);
  let failed = 0;
  // One coordinator for the asset stages' jobs and the page parts': one bar over all kinds, one summary, and one
  // list of the jobs that failed, after the pages.
  let held: Awaited<ReturnType<typeof holdJobs>> | undefined;
  try {
    held = queue ? await holdJobs(queue) : undefined;
    for (const stage of stages.filter((s) => s.when === 'before-site')) {
      await pauseAt(stage.id, next.dir);
      console.log(`\n▸ ${stage.name}`);
      failed += await stage.run({ queue });
    }
  } catch (err) {
    await held?.release();
    if (!(err instanceof JobQueueError)) throw err;
    console.error(`✗ ${err.message}\n  nothing was switched: ${liveWords()}`);
    return 1;
  }
  console.log('\n▸ site pages (Astro)');
  // Stages that do not read the pages run beside the page build, one after another in a child process each,
  // holding one of the two slots the page parts use; their output is printed as they go.
  const slots = pLimit(2);
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const crashed: string[] = [];
  const beside = slots(async () => {
    let n = 0;
    for (const stage of stages.filter((s) => s.when === 'with-site')) {
      console.log(`  ▸ ${stage.name} (beside the pages)`);
      // Its jobs are not drawn: this process's bar is on the terminal (the child prints its jobs' summary).
      const code = await runNode([tsx, path.join(ROOT, 'scripts', 'heritage.ts'), 'stage', stage.id, ...(queue ? ['--queue', queue] : [])], {
        [JOBS_QUIET_ENV]: '1',
      });
      console.log(code === 0 ? `  ✓ ${stage.name} (ran beside the pages)` : `  ✗ ${stage.name} failed (see above)`);
      // Exit 1 is failed items, the rest published; anything else (a crash, a signal) left the stage unfinished.
      if (code > 1) crashed.push(stage.name);
      n += code === 0 ? 0 : 1;
    }
    return n;
  });
  let pages: Awaited<ReturnType<typeof buildSitePages>>;
  try {
    await pauseAt('pages', next.dir);
    pages = await buildSitePages(slots, { queue });
    failed += await beside;
  } finally {
    await held?.release();
  }
  if (held?.failures.length) {
    console.error(`\n✗ ${held.failures.length} job(s) failed (the build went on without them):`);
    for (const line of held.failures) console.error(`  ${line}`);
  }
  if (!pages || crashed.length) {
    console.error(`✗ ${pages ? `${crashed.join(', ')} did not finish` : 'the site build failed'}; nothing was switched: ${liveWords()}`);
    return 1;
  }
  console.log(
    `  ${pages.shardsRendered} shard(s) rendered, ${pages.shardsKept} unchanged, ${pages.pagesRemoved} stale page(s) removed ` +
      `in ${pages.seconds.toFixed(1)} s (${pages.publishSeconds.toFixed(1)} s of it moving them into the new version)`,
  );
  for (const stage of stages.filter((s) => s.when === 'after-site')) {
    console.log(`\n▸ ${stage.name}`);
    await pauseAt(stage.id, next.dir);
    failed += await stage.run();
  }
  await pauseAt('switch', next.dir);
  const sw = switchTo(next, paths);
  console.log(
    `\n▸ switched: slot ${next.id} is live (one link renamed in ${(sw.seconds * 1000).toFixed(2)} ms)${next.previous ? `; slot ${next.previous.id} keeps the version before it` : ''}` +
      `${sw.removed ? `; ${sw.removed} leftover(s) of stopped builds removed` : ''}${sw.pruned ? `; ${sw.pruned} image folder(s) no version shows left the store` : ''}`,
  );
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (failed) console.error(`\n✗ built in ${secs} s, but ${failed} item(s) failed in the asset stages (see above); the rest is published.`);
  else console.log(`\n✓ built in ${secs} s`);
  return failed ? 1 : 0;
}
