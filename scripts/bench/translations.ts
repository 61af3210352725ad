// The translation workflow at scale: synthetic artifacts whose French titles are missing → `translations
// export` (XLIFF) → every unit filled → `translations import`. Each command is timed as a curator runs it
// (its own process, including the record refresh it starts with, which skips the unchanged collection).
// Usage: npm run bench -- translations [--artifacts 150000] [--dir test-output/bench-translations] [--reuse]
// Prints JSON as the last line: {"units","exportSeconds","importSeconds","peakRssMiB","xliffMiB",
// "exportCpuSeconds","importCpuSeconds"} (CPU time says what the code costs on a machine others share).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measure } from './measure.ts';

const { values } = parseArgs({
  options: {
    artifacts: { type: 'string', default: '150000' },
    dir: { type: 'string', default: 'test-output/bench-translations' },
    reuse: { type: 'boolean', default: false },
    phase: { type: 'string' },
  },
});
const dir = path.resolve(values.dir!);
const env = { HERITAGE_CONTENT_DIR: path.join(dir, 'content'), HERITAGE_BUILD_DIR: path.join(dir, 'build'), HERITAGE_DIST_DIR: path.join(dir, 'dist') };
const xlf = path.join(dir, 'fr.xlf');
const filled = path.join(dir, 'fr.filled.xlf');

if (values.phase === 'prepare') {
  const { writeSyntheticCollection } = await import('../gen-synthetic.ts');
  const { ingestAll, publishRecords } = await import('../../assets-pipeline/ingest/ingest.ts');
  writeSyntheticCollection({ artifacts: Number(values.artifacts), out: env.HERITAGE_CONTENT_DIR });
  // A collection as museums have them: titles in Chinese and English, French still to do.
  for (const d of fs.readdirSync(path.join(env.HERITAGE_CONTENT_DIR, 'collections'))) {
    const file = path.join(env.HERITAGE_CONTENT_DIR, 'collections', d, 'collection.yaml');
    fs.writeFileSync(
      file,
      fs.readFileSync(file, 'utf8').replace('title: { zh: title_zh, en: title_en, fr: title_fr }', 'title: { zh: title_zh, en: title_en }'),
    );
  }
  const r = ingestAll(undefined, { reuseFrom: path.join(env.HERITAGE_BUILD_DIR, 'records') });
  if (r.problems.count) throw new Error(`synthetic import reported ${r.problems.count} problems`);
  publishRecords(r);
} else {
  const tsx = path.resolve('node_modules/tsx/dist/cli.mjs');
  if (!values.reuse || !fs.existsSync(path.join(env.HERITAGE_BUILD_DIR, 'records', 'collections.json'))) {
    fs.rmSync(dir, { recursive: true, force: true });
    console.error(`preparing ${values.artifacts} synthetic artifacts in ${dir} …`);
    execFileSync(process.execPath, [tsx, path.resolve('scripts/bench/translations.ts'), '--dir', dir, '--artifacts', values.artifacts!, '--phase', 'prepare'], {
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
  }
  fs.rmSync(path.join(env.HERITAGE_CONTENT_DIR, 'translations'), { recursive: true, force: true });
  const heritage = (...args: string[]) => measure(process.execPath, [tsx, path.resolve('scripts/heritage.ts'), ...args], env);
  const exp = await heritage('translations', 'export', '--locale', 'fr', '--format', 'xliff', '--out', xlf);
  if (exp.code !== 0) throw new Error('export failed');
  // The translator's work: every empty unit gets a target (the source text, marked, stands in for French).
  const text = fs.readFileSync(xlf, 'utf8');
  let units = 0;
  const out = text.replace(/(<source xml:lang="[a-zA-Z-]+">([^<]*)<\/source>)(\s*<context-group)/g, (_m, src: string, body: string, rest: string) => {
    units++;
    return `${src}<target xml:lang="fr" state="translated">[fr] ${body}</target>${rest}`;
  });
  const total = (text.match(/<trans-unit /g) ?? []).length;
  fs.writeFileSync(filled, out);
  console.error(`${total} units exported, ${units} filled`);
  const imp = await heritage('translations', 'import', filled, '--translator', 'benchmark');
  if (imp.code !== 0) throw new Error('import failed');
  console.log(
    JSON.stringify({
      units: total,
      exportSeconds: Math.round(exp.seconds * 10) / 10,
      importSeconds: Math.round(imp.seconds * 10) / 10,
      peakRssMiB: Math.max(exp.peakRssMiB, imp.peakRssMiB),
      xliffMiB: Math.round(fs.statSync(xlf).size / 2 ** 20),
      exportCpuSeconds: Math.round(exp.cpuSeconds * 10) / 10,
      importCpuSeconds: Math.round(imp.cpuSeconds * 10) / 10,
    }),
  );
}
