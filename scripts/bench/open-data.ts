// The open-data stage alone at scale: synthetic artifacts → ingest → time `runOpenDataStage` cold, then a
// re-run with nothing changed. Usage: npm run bench -- open-data [--artifacts 150000] [--dir test-output/bench-open-data] [--reuse]
// Prints JSON as the last line: {"artifacts","seconds","peakRssMiB","rerunSeconds","files","distMiB"}.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measure } from './measure.ts';

const { values } = parseArgs({
  options: {
    artifacts: { type: 'string', default: '150000' },
    dir: { type: 'string', default: 'test-output/bench-open-data' },
    reuse: { type: 'boolean', default: false },
    phase: { type: 'string' },
  },
});
const dir = path.resolve(values.dir!);
const env = { HERITAGE_CONTENT_DIR: path.join(dir, 'content'), HERITAGE_BUILD_DIR: path.join(dir, 'build'), HERITAGE_DIST_DIR: path.join(dir, 'dist') };

if (values.phase === 'prepare') {
  const { writeSyntheticCollection } = await import('../gen-synthetic.ts');
  const { checkContent, publishContent } = await import('../../assets-pipeline/ingest/content.ts');
  writeSyntheticCollection({ artifacts: Number(values.artifacts), out: env.HERITAGE_CONTENT_DIR });
  const r = await checkContent();
  if (r.problems.count) throw new Error(`synthetic import reported ${r.problems.count} problems`);
  publishContent(r);
} else if (values.phase === 'stage') {
  const { runOpenDataStage } = await import('../../assets-pipeline/open-data/stage.ts');
  const s = await runOpenDataStage({ progress: false, log: (l) => console.error(l) });
  if (s.failed) process.exitCode = 1;
  console.error(JSON.stringify(s));
} else {
  const tsx = [path.resolve('node_modules/tsx/dist/cli.mjs'), path.resolve('scripts/bench/open-data.ts'), '--dir', dir, '--artifacts', values.artifacts!];
  if (!values.reuse || !fs.existsSync(path.join(env.HERITAGE_BUILD_DIR, 'records', 'collections.json'))) {
    fs.rmSync(dir, { recursive: true, force: true });
    console.error(`preparing ${values.artifacts} synthetic artifacts in ${dir} …`);
    execFileSync(process.execPath, [...tsx, '--phase', 'prepare'], { env: { ...process.env, ...env }, stdio: 'inherit' });
  }
  // Cold: no state, no outputs (the pages Astro would build are not needed: artifact sitemap entries come from the records).
  fs.rmSync(env.HERITAGE_DIST_DIR, { recursive: true, force: true });
  fs.rmSync(path.join(env.HERITAGE_BUILD_DIR, 'open-data'), { recursive: true, force: true });
  const cold = await measure(process.execPath, [...tsx, '--phase', 'stage'], env, false);
  if (cold.code !== 0) throw new Error(`the stage failed (exit ${cold.code})`);
  const rerun = await measure(process.execPath, [...tsx, '--phase', 'stage'], env, false);
  const du = execFileSync('du', ['-sk', '--apparent-size', env.HERITAGE_DIST_DIR], { encoding: 'utf8' });
  const files = Number(execFileSync('sh', ['-c', `find "${env.HERITAGE_DIST_DIR}" -type f | wc -l`], { encoding: 'utf8' }).trim());
  console.log(
    JSON.stringify({
      artifacts: Number(values.artifacts),
      seconds: Number(cold.seconds.toFixed(1)),
      peakRssMiB: cold.peakRssMiB,
      rerunSeconds: Number(rerun.seconds.toFixed(1)),
      files,
      distMiB: Math.round(Number(du.split('\t')[0]) / 1024),
    }),
  );
}
