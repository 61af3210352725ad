// The importer alone at scale, on a synthetic export as messy as real ones: nested contributors, materials and
// object names, date forms in three languages (centuries with parts, short range ends, BCE, reigns, "date not
// known", unreadable text), period labels to reconcile, stray control characters and decomposed accents, and a
// few rows without a title (errors). Usage: npm run bench -- ingest [--records 70000] [--dir test-output/bench-ingest]
// [--baseline <git ref>]. Prints JSON as the last line: {"records","seconds","peakRssMiB","warnings","errors"} (and the
// process's CPU time: `cpuSeconds`, `cpuMsPerRecord`, which load changes far less than wall time), and
// with `--baseline` the same figures of that commit's importer on the same export, measured in the same run right
// before (a figure from another day on a shared machine says little: load changes it twofold).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { rng } from '../../model/seeded-random.ts';
import { measure } from './measure.ts';

const { values } = parseArgs({
  options: {
    records: { type: 'string', default: '70000' },
    dir: { type: 'string', default: 'test-output/bench-ingest' },
    phase: { type: 'string' },
    baseline: { type: 'string' },
  },
});
const dir = path.resolve(values.dir!);
const content = path.join(dir, 'content');
const n = Number(values.records);

const DATES = [
  (y: number) => `${y}`,
  (y: number) => `c.${y}–${(y + 3) % 10}`,
  (y: number) => `${y}-${y + 12}`,
  (y: number) => `${Math.floor(y / 100) + 1}e siècle`,
  (y: number) => `late ${Math.floor(y / 100) + 1}th century`,
  (y: number) => `1ère moitié du ${['XVI', 'XVII', 'XVIII', 'XIX'][y % 4]}e siècle`,
  (y: number) => `${Math.floor(y / 100) + 1}世纪`,
  (y: number) => `${(y % 500) + 1} av. J.-C. – ${(y % 200) + 1} ap. J.-C.`,
  () => '乾隆年间',
  () => 'date not known',
  () => 'spring, probably',
];
const PERIODS = ['Qing (1644-1911)', 'dynastie Qing', '清代', 'Ming dynasty', 'dynastie Ming', 'Han', 'Époque inconnue'];
const MATERIALS: [string, string][] = [
  ['porcelain', 'porcelaine'],
  ['stoneware', 'grès'],
  ['bronze', 'bronze'],
  ['jade', 'jade'],
  ['silk', 'soie'],
];
const NAMES = ['bowl', 'vase', 'tea bowl', 'plate', 'figure', 'hanging scroll'];

function writeExport(): void {
  const coll = path.join(content, 'collections', 'bench');
  fs.mkdirSync(coll, { recursive: true });
  fs.writeFileSync(
    path.join(coll, 'collection.yaml'),
    `id: bench
title: { en: Ingest benchmark, fr: Banc d'essai }
description: { en: Synthetic messy export. }
rights: https://creativecommons.org/publicdomain/zero/1.0/
credit: { en: Synthetic data }
chronology: chinese-dynasties
records: records.jsonl
fields:
  id: id
  title: { en: title, fr: titre }
  description: { en: description }
  date: { years: dating }
  period: { fr: period }
  objectType: { en: 'objectNames[].value' }
  materials:
    - { en: 'materials[].name', fr: 'materials[].name_fr' }
  makers:
    - name: { en: 'contributors[role=artist].name' }
      role: { en: 'contributors[role=artist].qualifier' }
  identifiers:
    - { scheme: accession, value: 'numbers[type=accession].value' }
`,
  );
  const r = rng(11);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out = fs.openSync(path.join(coll, 'records.jsonl'), 'w');
  let batch: string[] = [];
  for (let i = 1; i <= n; i++) {
    const y = 1500 + Math.floor(r() * 400);
    const m = pick(MATERIALS);
    const dirty = r() < 0.01 ? '\u0007' : '';
    const rec = {
      id: `B-${i}`,
      title: r() < 0.001 ? '' : `${pick(NAMES)} with ${m[0]} decoration ${i}${dirty}`,
      titre: r() < 0.3 ? `Objet en ${m[1]} nº ${i}`.normalize('NFD') : undefined,
      description: `A ${m[0]} object recorded in a synthetic export, number ${i}. `.repeat(1 + Math.floor(r() * 4)),
      dating: pick(DATES)(y),
      period: pick(PERIODS),
      objectNames: [{ value: pick(NAMES) }, ...(r() < 0.2 ? [{ value: pick(NAMES) }] : [])],
      materials: [{ name: m[0], name_fr: m[1] }, ...(r() < 0.3 ? [{ name: 'glaze', name_fr: 'glaçure' }] : [])],
      contributors: [
        { name: `Maker ${i % 997}`, role: 'artist', qualifier: r() < 0.5 ? 'attributed to' : 'made by' },
        { name: `Workshop ${i % 31}`, role: 'publisher', qualifier: 'published by' },
      ],
      dimensions: [
        { type: 'height', value: Math.round(r() * 500) / 10, unit: 'cm' },
        { type: 'width', value: Math.round(r() * 500) / 10, unit: 'cm' },
      ],
      numbers: [
        { type: 'old', value: `O-${i}` },
        { type: 'accession', value: `${1900 + (i % 120)}.${i}` },
      ],
    };
    batch.push(JSON.stringify(rec));
    if (batch.length === 5000 || i === n) {
      fs.writeSync(out, `${batch.join('\n')}\n`);
      batch = [];
      process.stderr.write(`\rwriting synthetic export: ${i}/${n}`);
    }
  }
  fs.closeSync(out);
  process.stderr.write('\n');
}

if (values.phase === 'run') {
  const { ingestAll } = await import('../../assets-pipeline/ingest/ingest.ts');
  const r = ingestAll(content);
  const records = [...r.artifacts.values()].reduce((s, a) => s + a.length, 0);
  fs.writeFileSync(path.join(dir, 'result.json'), JSON.stringify({ records, warnings: r.problems.warnings.length, errors: r.problems.count }));
} else {
  fs.rmSync(dir, { recursive: true, force: true });
  writeExport();
  const baseline = values.baseline ? await run(checkout(values.baseline)) : undefined;
  const current = await run(process.cwd());
  if (baseline) console.log(`baseline ${values.baseline}: ${JSON.stringify(baseline)}`);
  console.log(JSON.stringify({ ...current, ...(baseline ? { baseline: { ref: values.baseline, ...baseline } } : {}) }));
}

/** The importer of another commit, from `git archive` (no worktree: the repository is shared), using this
 * checkout's installed packages. */
function checkout(ref: string): string {
  const to = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-ingest-baseline-'));
  const tar = execFileSync('git', ['archive', ref, 'assets-pipeline', 'model', 'formats', 'scripts', 'package.json', 'tsconfig.json'], { maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', to], { input: tar });
  fs.symlinkSync(path.resolve('node_modules'), path.join(to, 'node_modules'));
  process.on('exit', () => fs.rmSync(to, { recursive: true, force: true }));
  return to;
}

/** One importer (the checkout at `root`) over the export, in its own process, measured. */
async function run(root: string): Promise<{
  records: number;
  seconds: number;
  peakRssMiB: number;
  warnings: number;
  errors: number;
  cpuSeconds: number;
  cpuMsPerRecord: number;
  load: number;
}> {
  fs.rmSync(path.join(dir, 'result.json'), { force: true });
  const load = Math.round(os.loadavg()[0]! * 10) / 10;
  const m = await measure(process.execPath, [
    path.resolve('node_modules/tsx/dist/cli.mjs'),
    path.join(root, 'scripts/bench/ingest.ts'),
    '--phase',
    'run',
    '--dir',
    dir,
    '--records',
    String(n),
  ]);
  if (m.code !== 0) process.exit(m.code);
  const res = JSON.parse(fs.readFileSync(path.join(dir, 'result.json'), 'utf8')) as { records: number; warnings: number; errors: number };
  return {
    records: res.records,
    seconds: Math.round(m.seconds * 10) / 10,
    peakRssMiB: m.peakRssMiB,
    warnings: res.warnings,
    errors: res.errors,
    cpuSeconds: m.cpuSeconds,
    // Start-up (loading the importer's modules) included: the figure a curator's machine would pay, per record.
    cpuMsPerRecord: Math.round((m.cpuSeconds / n) * 1e6) / 1000,
    load,
  };
}
