// The translation workflow as a translator and a curator use it, through the CLI: export XLIFF, convert it
// with translate-toolkit (xliff2po), fill the PO, convert back (po2xliff), import, build, and read the
// French text on the built page; then change a source title and see the status ask for a review.
// Runs on its own small site (the `tiny` fixture) so the demo build is left alone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { fillPo } from '../assets-pipeline/translations/temp-content.ts';

const ROOT = path.resolve('test-output/translations-e2e');
const CONTENT = path.join(ROOT, 'content');
const env = { ...process.env, HERITAGE_CONTENT_DIR: CONTENT, HERITAGE_BUILD_DIR: path.join(ROOT, 'build'), HERITAGE_DIST_DIR: path.join(ROOT, 'dist') };

function heritage(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/heritage.ts', ...args], { env, encoding: 'utf8' });
}
function tool(cmd: string, ...args: string[]): void {
  const r = spawnSync(cmd, ['--progress=none', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd}: ${r.stderr}`);
}
const page = (p: string) => fs.readFileSync(path.join(ROOT, 'dist', p, 'index.html'), 'utf8');

describe('translation round trip through translate-toolkit to the built page', () => {
  beforeAll(() => {
    fs.rmSync(ROOT, { recursive: true, force: true });
    fs.cpSync(path.resolve('tests/fixtures/translations'), CONTENT, { recursive: true });
    const xlf = path.join(ROOT, 'fr.xlf');
    const exp = heritage('translations', 'export', '--locale', 'fr', '--format', 'xliff', '--out', xlf);
    expect(exp.status, exp.stderr).toBe(0);
    tool('xliff2po', '-i', xlf, '-o', path.join(ROOT, 'fr.po'));
    const po = fs.readFileSync(path.join(ROOT, 'fr.po'), 'utf8');
    fs.writeFileSync(path.join(ROOT, 'fr.po'), fillPo(po, { 'Early Spring': 'Début du printemps', 'Ink on silk': 'Encre sur soie' }));
    tool('po2xliff', '-i', path.join(ROOT, 'fr.po'), '-o', path.join(ROOT, 'back.xlf'));
    const imp = heritage('translations', 'import', path.join(ROOT, 'back.xlf'), '--locale', 'fr', '--translator', 'A. Traductrice');
    expect(imp.status, imp.stderr).toBe(0);
    const build = heritage('build');
    expect(build.status, build.stderr).toBe(0);
  }, 600_000);

  it('shows the French text, credited, with the fallback and the reading aid marked', () => {
    const fr = page('fr/artifacts/t-2');
    expect(fr).toMatch(/<h1[^>]*>Début du printemps<\/h1>/);
    expect(fr).toContain('Encre sur soie');
    expect(fr).toContain('Traduction : A. Traductrice');
    // t-3 has only a Chinese title: on the English page it falls back visibly, with its pinyin beside it.
    const en = page('en/artifacts/t-3');
    expect(en).toMatch(/<h1[^>]*class="fallback"[^>]*lang="zh-Hans"[^>]*>墨竹图<\/h1>|<h1[^>]*lang="zh-Hans"[^>]*class="fallback"[^>]*>墨竹图<\/h1>/);
    expect(en).toMatch(/<span lang="zh-Latn-pinyin"[^>]*>mò zhú tú<\/span>/);
    // A maker's name has no translation: its pinyin is the reading aid.
    expect(en).toMatch(/lang="zh-Latn-pinyin"[^>]*>wén tóng</);
  });

  it('lists a translation whose source title changed as needing review', () => {
    const csv = path.join(CONTENT, 'collections/tiny/records.csv');
    fs.writeFileSync(csv, fs.readFileSync(csv, 'utf8').replace('Early Spring', 'Early Spring (dated 1072)'));
    const r = heritage('translations', 'status', '--json');
    expect(r.status, r.stderr).toBe(0);
    const status = JSON.parse(r.stdout) as {
      needsReview: unknown[];
      collections: Record<string, { fields: Record<string, Record<string, { needsReview: number }>> }>;
    };
    expect(status.needsReview).toContainEqual({ collection: 'tiny', id: 't-2', field: 'title', locale: 'fr', state: 'stale' });
    expect(status.collections.tiny!.fields.title!.fr!.needsReview).toBe(1);
  });
});

// The demo itself is translated through the same workflow (content/translations/): checked on the shared build.
describe('the demo in French', () => {
  const base = inject('baseUrl');
  it('shows a painting title translated through the workflow, credited with its review state', async () => {
    const html = await (await fetch(`${base}/fr/artifacts/met-1981.276/`)).text();
    expect(html).toMatch(/<h1[^>]*>Vieux arbres, lointain horizontal<\/h1>/);
    expect(html).toMatch(/Traduction : [^<]*traduction assistée par machine/);
    expect(html).toContain('à relire');
  });
});
