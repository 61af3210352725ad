// `npm run bench -- publish --add 1000 [--base 150000]`: build a synthetic site of --base artifacts, then add
// a new collection of --add artifacts and rebuild. Prints the rebuild time and how many files outside the new
// collection changed: other collections' artifact and collection pages must not (changedOutsideNewCollection),
// while the listings that count collections (home, browse pages, search index) legitimately do.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LOCALES } from '../../model/locales.ts';
import { writeSyntheticCollection } from '../gen-synthetic.ts';
import { measure } from './measure.ts';

const { values } = parseArgs({ options: { base: { type: 'string', default: '150000' }, add: { type: 'string', default: '1000' } } });
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-bench-publish-'));
const content = path.join(work, 'content');
const env = { HERITAGE_CONTENT_DIR: content, HERITAGE_BUILD_DIR: path.join(work, 'build'), HERITAGE_DIST_DIR: path.join(work, 'dist') };
const build = (quiet: boolean) => measure(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/heritage.ts', 'build'], env, quiet);

writeSyntheticCollection({ artifacts: Number(values.base), out: content });
fs.writeFileSync(path.join(content, 'places.yaml'), '[]\n');
console.error(`base build: ${values.base} artifacts …`);
const first = await build(false);
if (first.code !== 0) process.exit(1);

function snapshot(dir: string, rel = '', out = new Map<string, string>()): Map<string, string> {
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) snapshot(dir, r, out);
    else {
      const st = fs.statSync(path.join(dir, r));
      out.set(r, `${st.size}:${st.mtimeMs}`);
    }
  }
  return out;
}
const before = snapshot(env.HERITAGE_DIST_DIR);
const basePages = [...before.keys()].filter((k) => k.endsWith('.html')).length;
const baseMiB = Math.round([...before.values()].reduce((s, v) => s + Number(v.split(':')[0]), 0) / 2 ** 20);

const slug = 'new-acquisitions';
writeSyntheticCollection({ artifacts: Number(values.add), out: content, slug, seed: 99 });
console.error(`adding ${values.add} artifacts as "${slug}" and rebuilding …`);
const second = await build(false);
if (second.code !== 0) process.exit(1);
const after = snapshot(env.HERITAGE_DIST_DIR);

const newIds = new Set(
  fs
    .readFileSync(path.join(content, 'collections', slug, 'records.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0])
    .filter(Boolean),
);
const inNewCollection = (rel: string): boolean => {
  const [, section, key] = rel.split('/');
  return (section === 'artifacts' && newIds.has(key!)) || (section === 'collections' && key === slug);
};
const isContentPage = (rel: string): boolean =>
  LOCALES.some((l) => rel.startsWith(`${l}/artifacts/`) || (rel.startsWith(`${l}/collections/`) && rel.split('/').length > 3));
let changedOutside = 0;
let listingsChanged = 0;
let added = 0;
for (const [rel, sig] of after) {
  const old = before.get(rel);
  if (!old) {
    if (!inNewCollection(rel)) listingsChanged++;
    else added++;
    continue;
  }
  if (old === sig) continue;
  if (inNewCollection(rel)) continue;
  if (isContentPage(rel)) changedOutside++;
  else listingsChanged++;
}
fs.rmSync(work, { recursive: true, force: true });
console.log(
  JSON.stringify({
    seconds: Number(second.seconds.toFixed(1)),
    peakRssMiB: second.peakRssMiB,
    changedOutsideNewCollection: changedOutside,
    newCollectionFiles: added,
    listingsChanged,
    baseBuild: { artifacts: Number(values.base), pages: basePages, seconds: Number(first.seconds.toFixed(1)), peakRssMiB: first.peakRssMiB, distMiB: baseMiB },
  }),
);
