// `heritage build`: the whole publish in order. Each stage is incremental, so a re-run does only new work.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ingest } from './validate.ts';
import { ROOT } from '../../model/paths.ts';
import { stages } from './stages.ts';

function astroBuild(): number {
  const bin = path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
  // A child process: the page render holds every record, and its memory is returned when it exits.
  const r = spawnSync(process.execPath, [bin, 'build', '--silent'], { stdio: 'inherit', cwd: ROOT, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  return r.status ?? 1;
}

export async function build(): Promise<number> {
  const started = Date.now();
  if (ingest() !== 0) return 1;
  let failed = 0;
  for (const stage of stages.filter((s) => s.when === 'before-site')) {
    console.log(`\n▸ ${stage.name}`);
    failed += await stage.run();
  }
  console.log('\n▸ site pages (Astro)');
  if (astroBuild() !== 0) {
    console.error('✗ the site build failed; the previous dist/ may be incomplete');
    return 1;
  }
  for (const stage of stages.filter((s) => s.when === 'after-site')) {
    console.log(`\n▸ ${stage.name}`);
    failed += await stage.run();
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (failed) console.error(`\n✗ built in ${secs} s, but ${failed} item(s) failed in the asset stages (see above); the rest is published.`);
  else console.log(`\n✓ built in ${secs} s`);
  return failed ? 1 : 0;
}
