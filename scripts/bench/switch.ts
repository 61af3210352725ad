// `npm run bench -- switch [--artifacts 150000] [--publishes 3] [--dir /tmp]`: what publishing costs beyond the
// stages' own work at a realistic file count, without rendering anything. Lays out a live slot as a site of
// --artifacts records has it (3 locale pages, an API file and 3 citations per record, one image per record
// linked from the shared store), then times: the one-time start of the other slot as a copy of the live one
// (hard links: what every publish cost before the two slots), and then --publishes steady-state publishes, each
// preparing the other slot in place, writing the changed records into it (temp + rename, as the stages do), the
// switch (one link renamed) and the clean-up after it (images neither slot links leave the store).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LOCALES } from '../../model/locales.ts';

const { values } = parseArgs({
  options: { artifacts: { type: 'string', default: '150000' }, publishes: { type: 'string', default: '3' }, dir: { type: 'string', default: os.tmpdir() } },
});
const n = Number(values.artifacts);
const work = fs.mkdtempSync(path.join(values.dir, 'heritage-bench-switch-'));
process.env.HERITAGE_BUILD_DIR = path.join(work, 'build');
process.env.HERITAGE_DIST_DIR = path.join(work, 'dist');
const { siteVersionsDir, imageStoreDir } = await import('../../model/paths.ts');
const { livePaths, prepareNextVersion, switchTo } = await import('../cli/site-versions.ts');
const { unlinkedImagesFile } = await import('../../assets-pipeline/images/store.ts');

const page = '<!doctype html>'.padEnd(9000, ' ');
const data = '{}'.padEnd(1500, ' ');
const started = performance.now();
const live = path.join(siteVersionsDir(), 'a');
const img = (i: number) => `${i.toString(16).padStart(16, '0')}-0badcafe`;
for (const d of ['site/api/artifacts', 'site/cite', 'media/img', 'media/iiif', 'state']) fs.mkdirSync(path.join(live, d), { recursive: true });
for (let i = 0; i < n; i++) {
  const id = `SYN-${i}`;
  for (const l of LOCALES) {
    const d = path.join(live, 'site', l, 'artifacts', id);
    fs.mkdirSync(d, { recursive: true });
    fs.writeFileSync(path.join(d, 'index.html'), page);
  }
  fs.writeFileSync(path.join(live, 'site', 'api', 'artifacts', `${id}.json`), data);
  for (const ext of ['bib', 'ris', 'csl.json']) fs.writeFileSync(path.join(live, 'site', 'cite', `${id}.${ext}`), data);
  for (const kind of ['img', 'iiif']) {
    const stored = path.join(imageStoreDir(), kind, img(i));
    fs.mkdirSync(stored, { recursive: true });
    fs.symlinkSync(path.relative(path.join(live, 'media', kind), stored), path.join(live, 'media', kind, img(i)));
  }
  if (i % 10000 === 9999) console.error(`  laid out ${i + 1} of ${n} records (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}
fs.writeFileSync(path.join(live, 'site', 'index.html'), page);
fs.symlinkSync('a', path.join(siteVersionsDir(), 'live'));
const layoutSeconds = (performance.now() - started) / 1000;

const paths = livePaths();
const seconds = (from: number) => Number(((performance.now() - from) / 1000).toFixed(3));
const runs: {
  slot: string;
  start: string;
  prepareSeconds: number;
  files: number;
  writeSeconds: number;
  switchMs: number;
  cleanupSeconds: number;
  imagesPruned: number;
}[] = [];
// The first publish starts the other slot as a copy (once); the rest write it in place.
for (let r = 0; r <= Number(values.publishes); r++) {
  let t = performance.now();
  const next = prepareNextVersion(paths, false);
  const prepareSeconds = seconds(t);
  t = performance.now();
  // Publish r changes record r: its pages and data files replaced and its image replaced (the new one rendered
  // into the store and linked, the old one unlinked), as the stages do. The slot written was last written two
  // publishes ago, so it takes record r-1's change too; record r-1's old image then leaves the store.
  for (const k of [r - 1, r].filter((k) => k >= 0)) {
    for (const file of [...LOCALES.map((l) => path.join(l, 'artifacts', `SYN-${k}`, 'index.html')), path.join('api', 'artifacts', `SYN-${k}.json`)]) {
      const target = path.join(next.site, file);
      fs.writeFileSync(`${target}.tmp`, `${page}${k}`);
      fs.renameSync(`${target}.tmp`, target);
    }
    const replaced = `${(n + k).toString(16).padStart(16, '0')}-0badcafe`;
    if (fs.existsSync(path.join(next.media, 'img', replaced))) continue;
    for (const kind of ['img', 'iiif']) {
      const stored = path.join(imageStoreDir(), kind, replaced);
      fs.mkdirSync(stored, { recursive: true });
      fs.symlinkSync(path.relative(path.join(next.media, kind), stored), path.join(next.media, kind, replaced));
      fs.rmSync(path.join(next.media, kind, img(k)));
    }
    fs.appendFileSync(unlinkedImagesFile(), `${img(k)}\n`);
  }
  const writeSeconds = seconds(t);
  t = performance.now();
  const sw = switchTo(next, paths);
  runs.push({
    slot: next.id,
    start: next.start,
    prepareSeconds,
    files: next.cloned.files + next.cloned.links,
    writeSeconds,
    switchMs: Number((sw.seconds * 1000).toFixed(3)),
    cleanupSeconds: Number((seconds(t) - sw.seconds).toFixed(3)),
    imagesPruned: sw.pruned,
  });
  console.error(`  publish ${r + 1}: ${JSON.stringify(runs[r])}`);
}
const load = os.loadavg().map((l) => l.toFixed(1));
// Removing millions of files takes longer than the bench: done by a detached rm, so the bench lock is free.
spawn('rm', ['-rf', work], { detached: true, stdio: 'ignore' }).unref();
console.log(JSON.stringify({ artifacts: n, dir: values.dir, layoutSeconds: Number(layoutSeconds.toFixed(1)), runs, load }));
