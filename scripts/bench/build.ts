// `npm run bench -- build --artifacts N`: a synthetic collection of N artifacts, the full site build
// (import, asset stages, Astro pages) measured for time and peak memory of the whole process tree.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeSyntheticCollection } from '../gen-synthetic.ts';
import { measure } from './measure.ts';

const { values } = parseArgs({ options: { artifacts: { type: 'string', default: '20000' }, keep: { type: 'boolean', default: false } } });
const artifacts = Number(values.artifacts);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-bench-build-'));
const content = path.join(work, 'content');
writeSyntheticCollection({ artifacts, out: content });
fs.writeFileSync(path.join(content, 'places.yaml'), '[]\n');
const env = { HERITAGE_CONTENT_DIR: content, HERITAGE_BUILD_DIR: path.join(work, 'build'), HERITAGE_DIST_DIR: path.join(work, 'dist') };

console.error(`building ${artifacts} synthetic artifacts in ${work} …`);
const run = await measure(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/heritage.ts', 'build'], env, false);
if (run.code !== 0) {
  console.error(`build failed (exit ${run.code})`);
  process.exit(1);
}

let pages = 0;
let bytes = 0;
const walk = (dir: string): void => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else {
      bytes += fs.statSync(p).size;
      if (e.name.endsWith('.html')) pages++;
    }
  }
};
walk(env.HERITAGE_DIST_DIR);
if (!values.keep) fs.rmSync(work, { recursive: true, force: true });
console.log(
  JSON.stringify({
    artifacts,
    pages,
    seconds: Number(run.seconds.toFixed(1)),
    pagesPerSecond: Math.round(pages / run.seconds),
    peakRssMiB: run.peakRssMiB,
    distMiB: Math.round(bytes / 2 ** 20),
  }),
);
