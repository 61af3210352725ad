// The subtitle QC report with hostile tracks: a source at the cue limit whose every cue has findings with escaped
// excerpts, a translation missing nearly every cue, and a 200,000-cue track. Every QC page stays under its byte
// bound, each track's findings are cut into numbered pages of a fixed size, errors first, and every finding is on
// exactly one page; the over-long track is one error naming its file, cue and line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkContentType } from '../../assets-pipeline/ingest/content.ts';
import { dramas } from '../../assets-pipeline/ingest/content-types/dramas.ts';
import { MAX_CUES } from '../../assets-pipeline/subtitles/parse.ts';
import { runSubtitleStage } from '../../assets-pipeline/subtitles/stage.ts';
import { TYPE_RECORDS_VERSION, typeRecordsFile } from '../../model/store.ts';
import { LOCALES } from '../../model/locales.ts';
import { dramaViews, type DramaView } from '../../site/components/drama/drama-data.ts';
import { QC_FINDINGS_PER_PAGE, QC_PAGE_MAX_BYTES, qcFindingsPages, type QcFindingsPage } from '../../site/components/drama/qc-pages.ts';
import QcSummary from '../../site/pages/[locale]/dramas/[slug]/qc/index.astro';
import QcFindings from '../../site/pages/[locale]/dramas/[slug]/qc/[episode]/[lang]/[...page].astro';

const SOURCE_CUES = MAX_CUES;
const HUGE_CUES = 200_000;
const stamp = (ms: number) => new Date(ms).toISOString().slice(11, 23).replace('.', ',');
/** Markup-heavy text: 60 characters a viewer reads as `<&>…`, each escaped again on the page (4–5 bytes). */
const hostileLine = '&lt;&amp;&gt;'.repeat(20);

function srt(n: number, cue: (i: number) => { start: number; end: number; text: string }): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = cue(i);
    out.push(`${i + 1}\n${stamp(c.start)} --> ${stamp(c.end)}\n${c.text}\n`);
  }
  return out.join('\n');
}

let tmp: string;
let view: DramaView;
let pages: QcFindingsPage[];

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qc-pages-'));
  const content = path.join(tmp, 'content');
  const dir = path.join(content, 'dramas', 'hostile-film', 'subtitles');
  fs.mkdirSync(dir, { recursive: true });
  // Source: every cue 0.9 s with one 60-character line (line too long, reading speed too high: two warnings); every
  // 100th starts before the previous one ends (an error).
  fs.writeFileSync(
    path.join(dir, 'en.srt'),
    srt(SOURCE_CUES, (i) => ({ start: i * 1000 - (i % 100 === 99 ? 500 : 0), end: i * 1000 + 900, text: hostileLine })),
  );
  // Translation of two cues: every other source cue is missing (an error quoting the source text).
  fs.writeFileSync(
    path.join(dir, 'fr.srt'),
    srt(2, (i) => ({ start: i * 1000, end: i * 1000 + 900, text: 'Bonjour' })),
  );
  fs.writeFileSync(
    path.join(dir, 'de.srt'),
    srt(HUGE_CUES, (i) => ({ start: i * 2000, end: i * 2000 + 1900, text: `Zeile ${i}` })),
  );
  fs.writeFileSync(
    path.join(content, 'dramas', 'hostile-film', 'drama.yaml'),
    `title: { zh: 压力测试, en: Stress test, fr: Test de charge }
synopsis: { zh: 测试, en: Test, fr: Test }
description: { zh: 测试, en: Test, fr: Test }
credits: { zh: 测试, en: Test, fr: Test }
credit: { zh: 测试, en: Test, fr: Test }
rights: https://creativecommons.org/licenses/by/4.0/
episodes:
  - id: one
    title: { zh: 一, en: One, fr: Un }
    video: { standIn: true, duration: 21000 }
    originalLanguage: en
    subtitles:
      - { lang: en, path: subtitles/en.srt }
      - { lang: fr, path: subtitles/fr.srt }
      - { lang: de, path: subtitles/de.srt }
`,
  );
  vi.stubEnv('HERITAGE_CONTENT_DIR', content);
  vi.stubEnv('HERITAGE_BUILD_DIR', path.join(tmp, 'build'));
  const { records, problems } = checkContentType(dramas, content);
  expect(problems).toEqual([]);
  fs.mkdirSync(path.dirname(typeRecordsFile('dramas')), { recursive: true });
  fs.writeFileSync(typeRecordsFile('dramas'), JSON.stringify({ version: TYPE_RECORDS_VERSION, records }));
  runSubtitleStage(() => undefined);
  view = dramaViews().find((v) => v.drama.id === 'hostile-film')!;
  pages = qcFindingsPages(view);
}, 120_000);

afterAll(() => {
  vi.unstubAllEnvs();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const trackPages = (lang: string) => pages.filter((p) => p.track.lang === lang);
const bytes = (html: string) => Buffer.byteLength(html, 'utf8');

describe('subtitle QC pages with hostile tracks', () => {
  it('refuses the 200,000-cue track with one error naming file, cue and line', () => {
    const de = view.episodes[0]!.subtitles!.tracks.find((t) => t.lang === 'de')!;
    const cue = MAX_CUES + 1;
    // Four lines per cue (number, timing, text, blank): cue k's timing line is line 4k - 2.
    expect(de.findings.map((f) => `${de.sourceFile}:${f.cue}: ${f.severity}: ${f.message}`)).toEqual([
      `subtitles/de.srt:${cue}: error: line ${4 * cue - 2}: cue ${cue} is over the 20,000 cues a track may have (the file has 200,000): the track is not published`,
    ]);
    expect(fs.existsSync(path.join(tmp, 'build', 'media', 'dramas', 'hostile-film', 'one', 'subtitles', 'de.vtt'))).toBe(false);
  });

  it('cuts each track into pages of a fixed size, errors first, every finding on exactly one page', () => {
    for (const lang of ['en', 'fr', 'de']) {
      const track = view.episodes[0]!.subtitles!.tracks.find((t) => t.lang === lang)!;
      const own = trackPages(lang);
      expect(own).toHaveLength(Math.ceil(track.findings.length / QC_FINDINGS_PER_PAGE));
      expect(own.map((p) => p.current)).toEqual(own.map((_, i) => i + 1));
      expect(own.slice(0, -1).every((p) => p.findings.length === QC_FINDINGS_PER_PAGE)).toBe(true);
      const all = own.flatMap((p) => p.findings);
      expect(all).toHaveLength(track.findings.length);
      expect(new Set(all).size).toBe(track.findings.length);
      const firstWarning = all.findIndex((f) => f.severity === 'warning');
      if (firstWarning >= 0) expect(all.slice(firstWarning).every((f) => f.severity === 'warning')).toBe(true);
    }
    // The source: 2 warnings per cue, and an overlap error at every 100th cue, all errors on the first page.
    expect(trackPages('en')[0]!.track.findings).toHaveLength(2 * SOURCE_CUES + SOURCE_CUES / 100);
    expect(
      trackPages('en')[0]!
        .findings.slice(0, SOURCE_CUES / 100)
        .every((f) => f.code === 'overlap'),
    ).toBe(true);
    expect(trackPages('en')).toHaveLength(Math.ceil((2.01 * SOURCE_CUES) / QC_FINDINGS_PER_PAGE));
    // The translation: every source cue but the first two is missing.
    expect(trackPages('fr')[0]!.track.findings).toHaveLength(SOURCE_CUES - 2);
  });

  it(`keeps every QC page under ${QC_PAGE_MAX_BYTES} bytes, with numbered links to the track's other pages`, async () => {
    const container = await AstroContainer.create();
    let largest = 0;
    for (const locale of LOCALES) {
      const summary = await container.renderToString(QcSummary, { params: { locale, slug: 'hostile-film' }, props: { view } });
      largest = Math.max(largest, bytes(summary));
      for (const lang of ['en', 'fr', 'de']) expect(summary).toContain(`href="/${locale}/dramas/hostile-film/qc/one/${lang}/"`);
    }
    // Every page in English; the first, a middle and the last of each track in Chinese and French.
    const sample = (p: QcFindingsPage) => p.current === 1 || p.current === p.last || p.current === Math.ceil(p.last / 2);
    for (const qc of pages) {
      for (const locale of LOCALES) {
        if (locale !== 'en' && !sample(qc)) continue;
        const html = await container.renderToString(QcFindings, {
          params: { locale, slug: 'hostile-film', episode: 'one', lang: qc.track.lang, page: qc.current > 1 ? String(qc.current) : undefined },
          props: { view, qc },
        });
        largest = Math.max(largest, bytes(html));
        expect(bytes(html), `${locale} ${qc.track.lang} page ${qc.current}`).toBeLessThanOrEqual(QC_PAGE_MAX_BYTES);
        // One line per finding, each as `file:cue: severity:`, markup escaped.
        const pre = /<pre[^>]*data-qc-findings[^>]*>([\s\S]*?)<\/pre>/.exec(html)![1]!;
        expect(pre.split('\n')).toHaveLength(qc.findings.length);
        expect(pre).not.toContain('<&');
        const base = `/${locale}/dramas/hostile-film/qc/one/${qc.track.lang}/`;
        if (qc.last > 1) {
          expect(html).toContain(`aria-current="page"`);
          if (qc.current < qc.last) expect(html).toContain(`rel="next" href="${base}${qc.current + 1}/"`);
          expect(html).toContain(`href="${base}${qc.last}/"`);
        }
      }
    }
    expect(largest).toBeGreaterThan(QC_PAGE_MAX_BYTES / 4);
  }, 240_000);
});
