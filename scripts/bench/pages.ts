// Page weight before images: `npm run bench -- pages [--dist test-output/e2e/dist] [--media test-output/e2e/build/media]
//   [--baseline main | --baseline none]`.
// Loads the home, a collection, an artifact, the search, the browse and every scene page in every locale in Chromium, cold, and
// sums what each transfers before its images (scripts/tools/page-weight.ts: HTML, CSS, scripts, fonts and data,
// gzip as a static host sends them; images, media and scene models left out). Goal: every zh page ≤ 300 KB, every
// en/fr page ≤ 150 KB. The named baseline (a git ref, `main` unless told) is exported with `git archive`,
// installed with `npm ci` and built once into build/bench-pages/<commit>/ (reused by the next run at that commit;
// its build folder starts as hard links to the measured one), then measured in the same run on the same pages. Builds the demo at --dist first when it is missing.
// Prints each page's figures, then JSON as the last line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LOCALES, type Locale } from '../../model/locales.ts';
import { startSiteServer } from '../site-server.ts';
import { launchBrowser } from '../tools/browser.ts';
import { type PageWeight, weighPage } from '../tools/page-weight.ts';

const GOAL: Record<Locale, number> = { zh: 300_000, en: 150_000, fr: 150_000 };

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'test-output/e2e/dist' },
    media: { type: 'string', default: 'test-output/e2e/build/media' },
    baseline: { type: 'string', default: 'main' },
  },
});
const log = (s: string) => process.stderr.write(`${s}\n`);

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): void {
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed in ${cwd} (exit ${r.status})`);
}

function buildDemo(cwd: string, dist: string, media: string): void {
  log(`building the demo in ${cwd} …`);
  run(process.execPath, [path.join(cwd, 'node_modules/tsx/dist/cli.mjs'), 'scripts/heritage.ts', 'build'], cwd, {
    ...process.env,
    HERITAGE_BUILD_DIR: path.dirname(media),
    HERITAGE_DIST_DIR: dist,
  });
}

/** The baseline's sources at `ref`, installed and built once per commit. */
function baselineBuild(ref: string): { commit: string; dist: string; media: string } {
  const commit = spawnSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { encoding: 'utf8' }).stdout.trim();
  if (!commit) throw new Error(`baseline: no commit named "${ref}"`);
  const root = path.resolve('build/bench-pages', commit);
  const src = path.join(root, 'src');
  const dist = path.join(root, 'dist');
  const media = path.join(root, 'build', 'media');
  if (!fs.existsSync(path.join(src, 'package.json'))) {
    log(`baseline ${ref} (${commit.slice(0, 10)}): exporting and installing …`);
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(src, { recursive: true });
    const archive = spawnSync('git', ['archive', '--format=tar', commit], { maxBuffer: 2 ** 31 });
    if (archive.status !== 0) throw new Error(`git archive ${commit} failed: ${archive.stderr}`);
    const untar = spawnSync('tar', ['-x', '-C', src], { input: archive.stdout });
    if (untar.status !== 0) throw new Error(`unpacking the baseline failed: ${untar.stderr}`);
  }
  // Its own install, not a link to ours: the baseline's dependencies may differ (a font package removed since).
  const installed = path.join(root, 'installed');
  if (!fs.existsSync(installed)) {
    run('npm', ['ci', '--no-audit', '--no-fund'], src);
    fs.writeFileSync(installed, `${new Date().toISOString()}\n`);
  }
  if (!fs.existsSync(dist)) {
    // Seeded with hard links to the measured build's folder, so the incremental stages redo only what the
    // baseline's code makes differently (the films alone take ~5 min to encode); stages replace files by rename,
    // never in place, so the seed is never written through.
    const seed = path.dirname(path.resolve(values.media!));
    const own = path.dirname(media);
    if (fs.existsSync(seed) && !fs.existsSync(own)) {
      run('cp', ['-al', seed, own], process.cwd());
      fs.rmSync(path.join(own, 'build.lock'), { force: true });
    }
    buildDemo(src, dist, media);
  }
  return { commit, dist, media };
}

/** The first (by name) collection and artifact page of a locale, every scene page (each is a different model and
 * text: `scene:<slug>`), and its home, search and browse pages. */
function pagePaths(dist: string, locale: Locale): Record<string, string | undefined> {
  const names = (dir: string) => {
    const full = path.join(dist, locale, dir);
    return fs.existsSync(full)
      ? fs
          .readdirSync(full)
          .filter((n) => fs.existsSync(path.join(full, n, 'index.html')))
          .sort()
      : [];
  };
  const first = (dir: string) => names(dir)[0] && `/${locale}/${dir}/${names(dir)[0]}/`;
  const scenes = Object.fromEntries(names('scenes').map((n) => [`scene:${n}`, `/${locale}/scenes/${n}/`]));
  return {
    home: `/${locale}/`,
    collection: first('collections'),
    artifact: first('artifacts'),
    search: `/${locale}/search/`,
    browse: `/${locale}/browse/`,
    ...scenes,
  };
}

type Weights = Record<Locale, Record<string, PageWeight>>;

async function measure(label: string, dist: string, media: string, paths: Record<Locale, Record<string, string | undefined>>): Promise<Weights> {
  const server = await startSiteServer(0, '127.0.0.1', dist, media);
  const browser = await launchBrowser();
  const out = Object.fromEntries(LOCALES.map((l) => [l, {}])) as Weights;
  try {
    for (const locale of LOCALES) {
      for (const [kind, p] of Object.entries(paths[locale])) {
        if (!p || !fs.existsSync(path.join(dist, p, 'index.html'))) continue;
        const w = await weighPage(browser, `${server.url}${p}`);
        out[locale][kind] = { ...w, url: p };
        log(`${label} ${locale} ${kind.padEnd(10)} ${(w.bytes / 1000).toFixed(1).padStart(7)} KB in ${w.requests} requests  ${JSON.stringify(w.byType)}`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

const dist = path.resolve(values.dist!);
const media = path.resolve(values.media!);
if (!fs.existsSync(dist)) buildDemo(process.cwd(), dist, media);
const paths = Object.fromEntries(LOCALES.map((l) => [l, pagePaths(dist, l)])) as Record<Locale, Record<string, string | undefined>>;
const started = performance.now();
const current = await measure('current ', dist, media, paths);
let baseline: { ref: string; commit: string; pages: Weights } | undefined;
if (values.baseline !== 'none') {
  const b = baselineBuild(values.baseline!);
  baseline = { ref: values.baseline!, commit: b.commit, pages: await measure('baseline', b.dist, b.media, paths) };
}

const kb = (n: number) => Math.round(n / 100) / 10;
const failures: string[] = [];
const table = Object.fromEntries(
  LOCALES.map((l) => [
    l,
    Object.fromEntries(
      Object.keys(paths[l]).flatMap((k) => {
        const w = current[l][k];
        if (!w) return [];
        if (w.bytes > GOAL[l]) failures.push(`${w.url}: ${kb(w.bytes)} KB > ${GOAL[l] / 1000} KB`);
        const before = baseline?.pages[l][k];
        return [
          [
            k,
            {
              url: w.url,
              kb: kb(w.bytes),
              requests: w.requests,
              byTypeKb: Object.fromEntries(Object.entries(w.byType).map(([t, n]) => [t, kb(n)])),
              baselineKb: before ? kb(before.bytes) : null,
            },
          ],
        ];
      }),
    ),
  ]),
);
for (const f of failures) log(`over the goal: ${f}`);
console.log(
  JSON.stringify({
    goalKb: Object.fromEntries(LOCALES.map((l) => [l, GOAL[l] / 1000])),
    pass: failures.length === 0,
    failures,
    baseline: baseline ? { ref: baseline.ref, commit: baseline.commit.slice(0, 10) } : null,
    pages: table,
    seconds: Math.round((performance.now() - started) / 1000),
    load: os.loadavg().map((n) => Math.round(n * 100) / 100),
  }),
);
