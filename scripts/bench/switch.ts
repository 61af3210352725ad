// `npm run bench -- switch [--artifacts 150000] [--dir /tmp]`: what one publish's version switch costs at a
// realistic file count, without rendering anything. Lays out a live version as a site of --artifacts records
// has it (3 locale pages, an API file and 3 citations per record, one image per record linked from the shared
// store), then times what every build adds: carrying the live version over into the next one (hard links), the
// switch itself (one link renamed) and, after it, removing the version before the previous one and pruning the
// image store.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LOCALES } from '../../model/locales.ts';

const { values } = parseArgs({ options: { artifacts: { type: 'string', default: '150000' }, dir: { type: 'string', default: os.tmpdir() } } });
const n = Number(values.artifacts);
const work = fs.mkdtempSync(path.join(values.dir, 'heritage-bench-switch-'));
process.env.HERITAGE_BUILD_DIR = path.join(work, 'build');
process.env.HERITAGE_DIST_DIR = path.join(work, 'dist');
const { siteVersionsDir, imageStoreDir } = await import('../../model/paths.ts');
const { livePaths, prepareNextVersion, switchTo } = await import('../cli/site-versions.ts');

const page = '<!doctype html>'.padEnd(9000, ' ');
const data = '{}'.padEnd(1500, ' ');
const started = performance.now();
const v0 = path.join(siteVersionsDir(), 'v0');
const layout = (i: number) => {
  const id = `SYN-${i}`;
  const img = `${i.toString(16).padStart(16, '0')}-0badcafe`;
  return { id, img };
};
for (let i = 0; i < n; i++) {
  const { id, img } = layout(i);
  for (const l of LOCALES) {
    const d = path.join(v0, 'site', l, 'artifacts', id);
    fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(d, 'index.html'), page);
  }
  if (i === 0)
    for (const d of ['api/artifacts', 'cite', 'media/img', 'media/iiif'])
      fs.mkdirSync(path.join(v0, d.startsWith('media') ? '' : 'site', d), { recursive: true });
  fs.writeFileSync(path.join(v0, 'site', 'api', 'artifacts', `${id}.json`), data);
  for (const ext of ['bib', 'ris', 'csl.json']) fs.writeFileSync(path.join(v0, 'site', 'cite', `${id}.${ext}`), data);
  for (const kind of ['img', 'iiif']) {
    const stored = path.join(imageStoreDir(), kind, img);
    fs.mkdirSync(stored, { recursive: true });
    fs.symlinkSync(path.relative(path.join(v0, 'media', kind), stored), path.join(v0, 'media', kind, img));
  }
  if (i % 10000 === 9999) console.error(`  laid out ${i + 1} of ${n} records (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
fs.mkdirSync(path.join(v0, 'state'), { recursive: true });
fs.writeFileSync(path.join(v0, 'site', 'index.html'), page);
fs.symlinkSync('v0', path.join(siteVersionsDir(), 'live'));
const layoutSeconds = (performance.now() - started) / 1000;

const paths = livePaths();
const runs: { carryOverSeconds: number; switchMs: number; cleanupSeconds: number; files: number; links: number }[] = [];
// Three publishes: the third one also removes the first version (the one before the previous).
for (let r = 0; r < 3; r++) {
  const next = prepareNextVersion(paths, false);
  const t = performance.now();
  const sw = switchTo(next, paths);
  runs.push({
    carryOverSeconds: Number(next.cloneSeconds.toFixed(2)),
    switchMs: Number((sw.seconds * 1000).toFixed(3)),
    cleanupSeconds: Number(((performance.now() - t) / 1000 - sw.seconds).toFixed(2)),
    files: next.cloned.files,
    links: next.cloned.links,
  });
  console.error(`  publish ${r + 1}: ${JSON.stringify(runs[r])}`);
}
fs.rmSync(work, { recursive: true, force: true });
console.log(
  JSON.stringify({ artifacts: n, dir: values.dir, layoutSeconds: Number(layoutSeconds.toFixed(1)), runs, load: os.loadavg().map((l) => l.toFixed(1)) }),
);
