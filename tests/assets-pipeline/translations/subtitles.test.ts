// A film's subtitles through the translation workflow: cues exported as XLIFF with their timing, a round trip
// through translate-toolkit (xliff2po, a filled PO, po2xliff), imported as a WebVTT track listed in drama.yaml.
// The film is the demo's Pepper&Carrot episode, whose French track has the English track's timing: the
// "translator" fills each PO entry with the French cue of the same number, so the imported track must equal it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContentType } from '../../../assets-pipeline/ingest/content.ts';
import { dramas } from '../../../assets-pipeline/ingest/content-types/dramas.ts';
import { parseSubtitleFile } from '../../../assets-pipeline/subtitles/parse.ts';
import { importSubtitles, isSubtitleFile } from '../../../assets-pipeline/translations/subtitle-import.ts';
import { episodeTracks, readFilms, writeSubtitleXliff } from '../../../assets-pipeline/translations/subtitle-units.ts';
import { readXliff } from '../../../assets-pipeline/translations/xliff.ts';

const FILM = 'pepper-and-carrot-ep06';
const EPISODE = 'the-potion-contest';
const run = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
};

let root: string;
let content: string;
let filmDir: string;
const FR_LINE = '      - { lang: fr, path: subtitles/fr.srt }\n';
beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-subtitles-'));
  content = path.join(root, 'content');
  filmDir = path.join(content, 'dramas', FILM);
  fs.cpSync(path.resolve('content/dramas', FILM), filmDir, { recursive: true });
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const frCues = () => parseSubtitleFile(path.resolve('content/dramas', FILM, 'subtitles/fr.srt')).cues;
const enCues = () => parseSubtitleFile(path.resolve('content/dramas', FILM, 'subtitles/en.srt')).cues;

function exportXliff(target: string): string {
  const film = readFilms(content).films.find((f) => f.id === FILM)!;
  const { tracks, errors } = episodeTracks(film, content, { target });
  expect(errors).toEqual([]);
  const file = path.join(root, `${target}.xlf`);
  fs.writeFileSync(file, writeSubtitleXliff(tracks, target).xliff);
  return file;
}

/** Fills each PO entry's msgstr by its location (the unit id), as a translator does in Poedit. */
function fillPoByLocation(po: string, targetOf: (id: string) => string): string {
  return po
    .split('\n\n')
    .map((block) => {
      const id = /^#: (.+)$/m.exec(block)?.[1];
      const empty = /\nmsgstr ""(\n?)$/;
      return id && empty.test(block) ? block.replace(empty, `\nmsgstr ${JSON.stringify(targetOf(id))}$1`) : block;
    })
    .join('\n\n');
}

describe('subtitle export', () => {
  it('one unit per source cue with its timing, and the existing French track as targets', () => {
    const file = exportXliff('fr');
    const units = readXliff(file).units;
    const en = enCues();
    expect(units).toHaveLength(en.length);
    expect(isSubtitleFile(units)).toBe(true);
    expect(units[4]!.id).toBe(`${FILM}/${EPISODE}/en/5`);
    expect(units[4]!.source).toBe(en[4]!.text);
    // fr.srt shares the English timing, so every cue has its French text as target.
    expect(units.map((u) => u.target)).toEqual(frCues().map((c) => c.text));
    const xml = fs.readFileSync(file, 'utf8');
    expect(xml).toContain('<context context-type="x-timing">00:00:24.240 --&gt; 00:00:28.240</context>');
  });
});

describe('subtitle round trip through translate-toolkit', () => {
  it('xliff2po, filled PO, po2xliff, import: a French WebVTT track with the source timing, listed in drama.yaml', () => {
    const yamlFile = path.join(filmDir, 'drama.yaml');
    const yaml = fs.readFileSync(yamlFile, 'utf8');
    expect(yaml).toContain(FR_LINE);
    fs.writeFileSync(yamlFile, yaml.replace(FR_LINE, ''));
    const xlf = exportXliff('fr');
    expect(readXliff(xlf).units.every((u) => u.target === '')).toBe(true);
    const po = path.join(root, 'fr.po');
    run('xliff2po', ['--progress=none', '-i', xlf, '-o', po]);
    const fr = frCues();
    fs.writeFileSync(
      po,
      fillPoByLocation(fs.readFileSync(po, 'utf8'), (id) => fr[Number(id.split('/').pop()) - 1]!.text),
    );
    const back = path.join(root, 'fr-back.xlf');
    run('po2xliff', ['--progress=none', '-i', po, '-o', back]);

    const r = importSubtitles(back, { translator: 'Morevna Project contributors', lang: 'fr', root: content });
    expect(r.errors).toEqual([]);
    expect(r.tracks).toEqual([`dramas/${FILM}/subtitles/fr.vtt`]);
    const track = parseSubtitleFile(path.join(filmDir, 'subtitles/fr.vtt'));
    expect(track.format).toBe('WebVTT');
    expect(track.cues.map((c) => [c.index, c.start, c.end, c.text])).toEqual(fr.map((c) => [c.index, c.start, c.end, c.text]));
    // drama.yaml gains exactly the track line, comments and the rest kept, and still validates.
    const after = fs.readFileSync(yamlFile, 'utf8');
    expect(after.replace('      - { lang: fr, path: subtitles/fr.vtt }\n', '')).toBe(yaml.replace(FR_LINE, ''));
    const film = checkContentType(dramas, content);
    expect(film.problems).toEqual([]);
    expect(film.records[0]!.episodes[0]!.subtitles.find((s) => s.lang === 'fr')?.path).toBe('subtitles/fr.vtt');
  });
});

describe('subtitle import refuses bad files with file:line messages and writes nothing', () => {
  it('untranslated cue, mismatched tags, wrong language, a track that exists, and QC warnings at their line', () => {
    const xlf = exportXliff('zh-Hans');
    const text = fs.readFileSync(xlf, 'utf8');
    const lines = text.split('\n');
    const lineOf = (cue: number) => lines.findIndex((l) => l.includes(`id="${FILM}/${EPISODE}/en/${cue}"`)) + 1;
    // Every cue "translated" as a short Chinese placeholder, then three made wrong.
    let bad = text.replace(/<\/source>/g, '</source><target xml:lang="zh-Hans">好</target>');
    bad = bad.replace(`id="${FILM}/${EPISODE}/en/3"`, `id="${FILM}/${EPISODE}/en/3" x="1"`).replace(/(x="1"[\s\S]*?<target xml:lang="zh-Hans">)好/, '$1');
    bad = bad.replace(/(id="[^"]+\/en\/5"[\s\S]*?<target xml:lang=")zh-Hans(">)/, '$1zh-Hant$2');
    bad = bad.replace(/(id="[^"]+\/en\/7"[\s\S]*?<target xml:lang="zh-Hans">)好/, '$1&lt;i&gt;好&lt;/i&gt;');
    const file = path.join(root, 'bad.xlf');
    fs.writeFileSync(file, bad);
    const r = importSubtitles(file, { translator: 't', root: content });
    expect(r.errors).toEqual([
      `${file}:${lineOf(3)}: cue "${FILM}/${EPISODE}/en/3" (00:00:07.240) is not translated; a track is imported whole`,
      `${file}:${lineOf(5)}: cue "${FILM}/${EPISODE}/en/5": target language "zh-Hant" is not zh-Hans`,
      `${file}:${lineOf(7)}: cue "${FILM}/${EPISODE}/en/7": tags in the translation (</i> <i>) do not match the source (none)`,
    ]);
    expect(fs.existsSync(path.join(filmDir, 'subtitles/zh-Hans.vtt'))).toBe(false);

    // A French file where the film has fr.srt already: refused, fr.srt untouched.
    const fr = exportXliff('fr');
    const r2 = importSubtitles(fr, { translator: 't', root: content });
    expect(r2.errors).toEqual([
      `${fr}:1: ${FILM}/${EPISODE} has a fr track already (subtitles/fr.srt); remove it from drama.yaml to replace it with an imported one`,
    ]);

    // A sound file: written, with a QC warning (a line over 16 characters in Chinese) at its cue's line.
    const long = '很长很长很长很长很长很长很长很长很长很长';
    const good = text
      .replace(/<\/source>/g, '</source><target xml:lang="zh-Hans">好</target>')
      .replace(/(id="[^"]+\/en\/9"[\s\S]*?<target xml:lang="zh-Hans">)好/, `$1${long}`);
    fs.writeFileSync(file, good);
    const r3 = importSubtitles(file, { translator: 't', root: content });
    expect(r3.errors).toEqual([]);
    expect(r3.warnings.filter((w) => w.includes('line 1 has 20 characters'))).toEqual([
      `${file}:${lineOf(9)}: warning: cue 9: line 1 has 20 characters, over 16 (CJK): "${long}"`,
    ]);
    expect(parseSubtitleFile(path.join(filmDir, 'subtitles/zh-Hans.vtt')).cues[8]!.text).toBe(long);
  });
});
