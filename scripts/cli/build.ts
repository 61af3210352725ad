// `heritage build`: the whole publish in order. Each stage is incremental, so a re-run does only new work.
import path from 'node:path';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { ROOT } from '../../model/paths.ts';
import { ingest } from './validate.ts';
import { runNode } from '../../assets-pipeline/run-node.ts';
import { buildSitePages } from '../../assets-pipeline/pages/stage.ts';
import { stages } from './stages.ts';
import { JobQueueError } from '../../assets-pipeline/jobs/errors.ts';

export async function build(args: string[] = []): Promise<number> {
  const started = Date.now();
  const { queue } = parseArgs({ args, options: { queue: { type: 'string' } }, strict: false }).values as { queue?: string };
  if ((await ingest()) !== 0) return 1;
  let failed = 0;
  for (const stage of stages.filter((s) => s.when === 'before-site')) {
    console.log(`\n▸ ${stage.name}`);
    try {
      failed += await stage.run({ queue });
    } catch (err) {
      if (!(err instanceof JobQueueError)) throw err;
      console.error(`✗ ${err.message}\n  nothing was published; dist/ still holds the previous publish`);
      return 1;
    }
  }
  console.log('\n▸ site pages (Astro)');
  // Stages that do not read the pages run beside the page build, one after another in a child process each,
  // holding one of the two slots the page parts use; their output is printed as they go.
  const slots = pLimit(2);
  const tsx = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const beside = slots(async () => {
    let n = 0;
    for (const stage of stages.filter((s) => s.when === 'with-site')) {
      const code = await runNode([tsx, path.join(ROOT, 'scripts', 'heritage.ts'), 'stage', stage.id]);
      console.log(code === 0 ? `  ✓ ${stage.name} (ran beside the pages)` : `  ✗ ${stage.name} failed (see above)`);
      n += code === 0 ? 0 : 1;
    }
    return n;
  });
  const pages = await buildSitePages(slots);
  failed += await beside;
  if (!pages) {
    console.error('✗ the site build failed; dist/ still holds the previous publish');
    return 1;
  }
  console.log(
    `  ${pages.shardsRendered} shard(s) rendered, ${pages.shardsKept} unchanged, ${pages.pagesRemoved} stale page(s) removed ` +
      `in ${pages.seconds.toFixed(1)} s (${pages.publishSeconds.toFixed(1)} s of it publishing into dist/)`,
  );
  for (const stage of stages.filter((s) => s.when === 'after-site')) {
    console.log(`\n▸ ${stage.name}`);
    failed += await stage.run();
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (failed) console.error(`\n✗ built in ${secs} s, but ${failed} item(s) failed in the asset stages (see above); the rest is published.`);
  else console.log(`\n✓ built in ${secs} s`);
  return failed ? 1 : 0;
}
