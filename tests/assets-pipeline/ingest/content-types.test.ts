// Content types besides collections go through the same check and the same report: file:line:field: message,
// with the line of the YAML (or CSV) source.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../../assets-pipeline/ingest/content.ts';
import { formatProblem } from '../../../assets-pipeline/ingest/problems.ts';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'content-types-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
  fs.writeFileSync(path.join(root, rel), text);
}

describe('every content type is checked with file:line:field messages', () => {
  it('reports a drama with an unknown language, a missing track, and monitoring of an unknown scene with a bad cell', async () => {
    write(
      'dramas/tiny/drama.yaml',
      `title: { en: Tiny }
synopsis: { en: A test. }
credits: { en: Test }
credit: { en: Test }
rights: https://creativecommons.org/licenses/by/4.0/
episodes:
  - id: one
    title: { en: One }
    video: { standIn: true, duration: 12 }
    originalLanguage: qq
    subtitles:
      - { lang: en, path: en.vtt }
`,
    );
    write(
      'monitoring/pagoda/series.yaml',
      `scene: pagoda
simulated: true
notice: { zh: 模拟, en: Simulated, fr: Simulé }
source: { zh: 模拟, en: Simulated, fr: Simulé }
datasets:
  - id: tilt
    file: tilt.csv
    title: { zh: 倾斜, en: Tilt, fr: Inclinaison }
    series:
      - { column: a, label: { zh: a, en: a, fr: a }, unit: mm }
`,
    );
    write('monitoring/pagoda/tilt.csv', '# SIMULATED\ndate,a\n2020-01-01,1\n2020-01-08,abc\n');
    const r = await checkContent(root);
    const lines = r.problems.list.map((p) => formatProblem(p, root));
    expect(lines).toEqual([
      'dramas/tiny/drama.yaml:10:episodes.0.originalLanguage: unknown language "qq" (use a BCP 47 tag such as en, fr, zh-Hans, ar)',
      'monitoring/pagoda/series.yaml:1:scene: unknown scene "pagoda" (not in content/scenes/)',
      'monitoring/pagoda/tilt.csv:4:a: "abc" is not a number',
    ]);
    expect(r.types.get('dramas')).toEqual([]);
    expect(r.types.get('monitoring')).toEqual([]);
  });

  it('accepts the drama once it is fixed, and reports the track file it names that is missing', async () => {
    write('dramas/tiny/drama.yaml', fs.readFileSync(path.join(root, 'dramas/tiny/drama.yaml'), 'utf8').replace('qq', 'en'));
    expect((await checkContent(root)).problems.list.map((p) => formatProblem(p, root))).toContain(
      'dramas/tiny/drama.yaml:12:episodes.0.subtitles.0.path: file not found: en.vtt',
    );
    write('dramas/tiny/en.vtt', 'WEBVTT\n');
    expect((await checkContent(root)).types.get('dramas')?.map((d) => d.id)).toEqual(['tiny']);
  });
});
