// Subtitle files with the defects a hurried curator makes: a malformed timing line is an error at its own cue
// (never merged into the previous cue's text), and the limits come from the track's language (a valid language tag
// in the file name) or, failing that, from the script of its text.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CUES, parseSubtitleFile, parseSubtitleText } from '../../../assets-pipeline/subtitles/parse.ts';
import { langFromFile, qcFile, qcSubtitles } from '../../../assets-pipeline/subtitles/qc-cli.ts';

const dir = 'tests/fixtures/hostile/subtitles';

describe('hostile subtitle files', () => {
  it.each(['srt', 'vtt'])('reports a malformed timing line at its cue and leaves it out (%s)', (ext) => {
    const file = `${dir}/malformed-timing.${ext}`;
    const parsed = parseSubtitleFile(file);
    expect(parsed.cues.map((c) => [c.index, c.text])).toEqual([
      [1, 'First cue'],
      [3, 'Third cue'],
    ]);
    const errors = qcFile(file, {}, new Map()).filter((f) => f.severity === 'error');
    expect(errors.map((f) => `${f.cue}:${f.code}`)).toEqual(['2:timing']);
    expect(errors[0]!.message).toMatch(
      ext === 'srt' ? /^line 6: malformed timing line "00:00:03,000 -> 00:00:04,500"/ : /^line 6: malformed timing line "00:00:03\.000 --> 00:00:0x\.500"/,
    );
  });

  it('takes the language from a valid tag in the file name only', () => {
    expect(langFromFile('fr.srt')).toBe('fr');
    expect(langFromFile('ep1.zh-hant.vtt')).toBe('zh-Hant');
    expect(langFromFile('ar.test.vtt')).toBe('ar');
    expect(langFromFile('clean.vtt')).toBeUndefined();
    expect(langFromFile('episode-1.srt')).toBeUndefined();
  });

  it('gives a Chinese track in a file not named by its language the Chinese limits', () => {
    const codes = qcFile(`${dir}/episode-1.srt`, {}, new Map()).map((f) => `${f.code}:${f.message.includes('(CJK)')}`);
    // 23 Chinese characters: over 16 per line and 9 per second (Latin limits, 42 and 20, would pass it).
    expect(codes).toEqual(expect.arrayContaining(['line-too-long:true', 'reading-speed:true']));
  });

  it('applies the Japanese guide (13 characters per line)', () => {
    const long = qcFile(`${dir}/ja.line-limit.srt`, {}, new Map()).find((f) => f.code === 'line-too-long');
    expect(long?.message).toMatch(/has 16 characters, over 13/);
  });
});

describe('a track with more cues than any film', () => {
  const stamp = (ms: number) => new Date(ms).toISOString().slice(11, 23).replace('.', ',');
  /** SRT of `n` cues, 4 lines each (number, timing, text, blank): cue k's timing line is line 4k - 2. */
  const srt = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}\n${stamp(i * 1000)} --> ${stamp(i * 1000 + 900)}\nCue ${i + 1}\n`).join('\n');

  it('is refused with one error at the first cue over the limit, naming its line, instead of being published', () => {
    const n = 200_000;
    const parsed = parseSubtitleText(srt(n), 'huge.srt');
    expect(parsed.cues).toEqual([]);
    const cue = MAX_CUES + 1;
    expect(parsed.errorAt).toEqual({ cue, line: 4 * cue - 2 });
    expect(parsed.error).toBe(`line ${4 * cue - 2}: cue ${cue} is over the 20,000 cues a track may have (the file has 200,000): the track is not published`);
  });

  it('is reported by qc-subtitles as file:cue: error: line N', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cue-limit-'));
    const file = path.join(dir, 'en.srt');
    fs.writeFileSync(file, srt(MAX_CUES + 5));
    const lines: string[] = [];
    expect(qcSubtitles([file], { log: (l) => lines.push(l) })).toBe(1);
    const cue = MAX_CUES + 1;
    expect(lines[0]).toBe(
      `${file}:${cue}: error: line ${4 * cue - 2}: cue ${cue} is over the 20,000 cues a track may have (the file has 20,005): the track is not published`,
    );
    fs.rmSync(dir, { recursive: true });
  });

  it('publishes a track of exactly the limit', () => {
    const parsed = parseSubtitleText(srt(MAX_CUES), 'full.srt');
    expect(parsed.error).toBeUndefined();
    expect(parsed.cues).toHaveLength(MAX_CUES);
  });
});
