// `npm run bench -- build --artifacts N [--baseline REV] [--rounds R]`: a synthetic collection of N artifacts, the
// full site build (import, asset stages, Astro pages) measured for time and peak memory of the whole process tree.
// With --baseline, the same content is also built by commit REV (checked out in a temporary worktree, with this
// checkout's node_modules when the lock files agree), the two alternating R times so that a change in the machine's load falls on both; the
// medians and their ratio are printed.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeSyntheticCollection } from '../gen-synthetic.ts';
import { measure } from './measure.ts';
import { median } from './stats.ts';

const { values } = parseArgs({
  options: {
    artifacts: { type: 'string', default: '20000' },
    baseline: { type: 'string' },
    rounds: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
  },
});
const artifacts = Number(values.artifacts);
const rounds = values.baseline ? Math.max(1, Number(values.rounds)) : 1;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-bench-build-'));
const content = path.join(work, 'content');
writeSyntheticCollection({ artifacts, out: content });
fs.writeFileSync(path.join(content, 'places.yaml'), '[]\n');

interface Run {
  seconds: number;
  peakRssMiB: number;
  pages: number;
  bytes: number;
}

function distSize(dir: string): { pages: number; bytes: number } {
  let pages = 0;
  let bytes = 0;
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        bytes += fs.statSync(p).size;
        if (e.name.endsWith('.html')) pages++;
      }
    }
  };
  walk(fs.realpathSync(dir));
  return { pages, bytes };
}

/** One clean build of the content by the checkout at `repo`, in build folders of its own. */
async function build(repo: string, label: string): Promise<Run> {
  const out = fs.mkdtempSync(path.join(work, 'run-'));
  const env = { HERITAGE_CONTENT_DIR: content, HERITAGE_BUILD_DIR: path.join(out, 'build'), HERITAGE_DIST_DIR: path.join(out, 'dist') };
  console.error(`[${label}] building ${artifacts} synthetic artifacts in ${out} …`);
  const run = await measure(process.execPath, [path.join(repo, 'node_modules/tsx/dist/cli.mjs'), 'scripts/heritage.ts', 'build'], env, false, repo);
  if (run.code !== 0) {
    console.error(`[${label}] build failed (exit ${run.code})`);
    process.exit(1);
  }
  const size = distSize(env.HERITAGE_DIST_DIR);
  fs.rmSync(out, { recursive: true, force: true });
  console.error(`[${label}] ${run.seconds.toFixed(1)} s, peak ${run.peakRssMiB} MiB, ${size.pages} pages`);
  return { seconds: run.seconds, peakRssMiB: run.peakRssMiB, ...size };
}

let baselineRepo: string | undefined;
if (values.baseline) {
  baselineRepo = path.join(work, 'baseline');
  execFileSync('git', ['worktree', 'add', '--detach', baselineRepo, values.baseline], { stdio: 'ignore' });
  // With the same lock file it shares this checkout's node_modules; with another one it installs its own.
  const sameLock = spawnSync('git', ['diff', '--quiet', values.baseline, '--', 'package-lock.json']).status === 0;
  if (sameLock) fs.symlinkSync(path.resolve('node_modules'), path.join(baselineRepo, 'node_modules'));
  else {
    console.error(`${values.baseline} has another package-lock.json: npm ci in its worktree …`);
    execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: baselineRepo, stdio: ['ignore', 'ignore', 'inherit'] });
  }
}

const current: Run[] = [];
const baseline: Run[] = [];
try {
  for (let r = 0; r < rounds; r++) {
    // Alternate which goes first, so neither always meets a warm or a cold page cache.
    const order: ('current' | 'baseline')[] = baselineRepo ? (r % 2 ? ['current', 'baseline'] : ['baseline', 'current']) : ['current'];
    for (const which of order)
      if (which === 'current') current.push(await build(process.cwd(), `current ${r + 1}/${rounds}`));
      else baseline.push(await build(baselineRepo!, `${values.baseline} ${r + 1}/${rounds}`));
  }
} finally {
  if (baselineRepo) execFileSync('git', ['worktree', 'remove', '--force', baselineRepo], { stdio: 'ignore' });
  if (!values.keep) fs.rmSync(work, { recursive: true, force: true });
}

const summary = (runs: Run[]) => ({
  seconds: Number(median(runs.map((r) => r.seconds)).toFixed(1)),
  runs: runs.map((r) => Number(r.seconds.toFixed(1))),
  pages: runs[0]!.pages,
  pagesPerSecond: Math.round(runs[0]!.pages / median(runs.map((r) => r.seconds))),
  peakRssMiB: Math.max(...runs.map((r) => r.peakRssMiB)),
  distMiB: Math.round(runs[0]!.bytes / 2 ** 20),
});
const now = summary(current);
console.log(
  JSON.stringify(
    baseline.length
      ? {
          artifacts,
          load: os.loadavg().map((l) => Number(l.toFixed(1))),
          current: now,
          baseline: { rev: values.baseline, ...summary(baseline) },
          timeRatio: Number((now.seconds / summary(baseline).seconds).toFixed(3)),
        }
      : { artifacts, ...now },
  ),
);
