import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSubtitleText, toWebVtt } from '../../../assets-pipeline/subtitles/parse.ts';
import { qcFile, qcSubtitles } from '../../../assets-pipeline/subtitles/qc-cli.ts';
import { checkTrack, displayLength, isCjk } from '../../../assets-pipeline/subtitles/qc.ts';

const FIX = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/subtitles');
const codes = (file: string) => qcFile(path.join(FIX, file)).map((f) => `${f.cue}:${f.severity}:${f.code}`);

describe('subtitle QC catches each defect of the bad-file corpus', () => {
  it.each([
    ['overlap.vtt', '2:error:overlap'],
    ['duration.srt', '1:warning:too-short'],
    ['duration.srt', '2:warning:too-long'],
    ['reading-speed.srt', '1:warning:reading-speed'],
    ['lines.srt', '1:warning:too-many-lines'],
    ['lines.srt', '2:warning:line-too-long'],
    ['zh-Hans.cjk-limits.vtt', '1:warning:line-too-long'],
    ['zh-Hans.cjk-limits.vtt', '2:warning:reading-speed'],
    ['backwards.srt', '1:error:timing'],
    ['unparseable.srt', '1:error:timing'],
    ['missing/fr.vtt', '2:error:missing-cue'],
  ])('%s → %s', (file, expected) => {
    expect(codes(file)).toContain(expected);
  });

  it('passes a clean file and the source track itself', () => {
    expect(codes('clean.vtt')).toEqual([]);
    expect(codes('missing/en.vtt')).toEqual([]);
  });

  it('prints file:cue: findings and exits 1 on errors, 0 on warnings only', () => {
    const lines: string[] = [];
    const overlap = path.join(FIX, 'overlap.vtt');
    expect(qcSubtitles([overlap], { log: (l) => lines.push(l) })).toBe(1);
    expect(lines[0]).toBe(`${overlap}:2: error: starts at 00:00:03.000, before cue 1 ends at 00:00:04.000`);
    expect(qcSubtitles([path.join(FIX, 'reading-speed.srt')], { log: () => undefined })).toBe(0);
    expect(qcSubtitles([path.join(FIX, 'reading-speed.srt')], { strict: true, log: () => undefined })).toBe(1);
    expect(qcSubtitles([path.join(FIX, 'clean.vtt')], { log: () => undefined })).toBe(0);
  });

  it('names a file it cannot read instead of throwing', () => {
    const lines: string[] = [];
    expect(qcSubtitles([path.join(FIX, 'nope.srt')], { log: (l) => lines.push(l) })).toBe(1);
    expect(lines[0]).toMatch(/nope\.srt:0: error: cannot read: ENOENT/);
  });
});

describe('CJK counting', () => {
  it('uses CJK limits for CJK tracks and counts half-width characters as half', () => {
    expect(isCjk('Hello', 'zh-Hant')).toBe(true);
    expect(isCjk('你好世界', undefined)).toBe(true);
    expect(displayLength('选择圆形(Circle)', true)).toBe(4 + 4);
    // 16 CJK characters fit one line, 17 do not
    const cue = (text: string) => [{ index: 1, start: 0, end: 5000, text }];
    expect(checkTrack(cue('一二三四五六七八九十一二三四五六'), 'zh-Hans')).toEqual([]);
    expect(checkTrack(cue('一二三四五六七八九十一二三四五六七'), 'zh-Hans').map((f) => f.code)).toEqual(['line-too-long']);
  });
});

describe('normalization to WebVTT', () => {
  it('turns SRT into WebVTT that parses back to the same cues', () => {
    const srt = '1\r\n00:00:01,500 --> 00:00:03,250\r\nLine one\r\nLine two\r\n\r\n2\r\n00:01:02,000 --> 00:01:04,000\r\nA --> B\r\n';
    const parsed = parseSubtitleText(srt);
    expect(parsed.format).toBe('SRT');
    const vtt = toWebVtt(parsed.cues, 'test');
    expect(vtt.startsWith('WEBVTT\n')).toBe(true);
    expect(vtt).toContain('00:00:01.500 --> 00:00:03.250\nLine one\nLine two');
    const back = parseSubtitleText(vtt);
    expect(back.format).toBe('WebVTT');
    expect(back.cues.map((c) => [c.start, c.end])).toEqual([
      [1500, 3250],
      [62000, 64000],
    ]);
    expect(back.cues[1]!.text).toBe('A → B');
  });
});
