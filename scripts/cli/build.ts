// `heritage build`: the whole publish in order. Each stage is incremental, so a re-run does only new work.
import { ingest } from './validate.ts';
import { buildSitePages } from './site-build.ts';
import { stages } from './stages.ts';

export async function build(): Promise<number> {
  const started = Date.now();
  if (ingest() !== 0) return 1;
  let failed = 0;
  for (const stage of stages.filter((s) => s.when === 'before-site')) {
    console.log(`\n▸ ${stage.name}`);
    failed += await stage.run();
  }
  console.log('\n▸ site pages (Astro)');
  // Stages that do not read the pages overlap with the page build; their output is printed when they end.
  const beside = (async () => {
    let n = 0;
    for (const stage of stages.filter((s) => s.when === 'with-site')) {
      n += await stage.run();
      console.log(`  ✓ ${stage.name} (ran beside the pages)`);
    }
    return n;
  })();
  const pages = await buildSitePages();
  failed += await beside;
  if (!pages) {
    console.error('✗ the site build failed; dist/ still holds the previous publish');
    return 1;
  }
  console.log(`  ${pages.shardsRendered} shard(s) rendered, ${pages.shardsKept} unchanged, ${pages.pagesRemoved} stale page(s) removed in ${pages.seconds.toFixed(1)} s (${pages.publishSeconds.toFixed(1)} s of it publishing into dist/)`);
  for (const stage of stages.filter((s) => s.when === 'after-site')) {
    console.log(`\n▸ ${stage.name}`);
    failed += await stage.run();
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (failed) console.error(`\n✗ built in ${secs} s, but ${failed} item(s) failed in the asset stages (see above); the rest is published.`);
  else console.log(`\n✓ built in ${secs} s`);
  return failed ? 1 : 0;
}
