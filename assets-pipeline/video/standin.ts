// The lavfi input for a stand-in video: a title card that says it is a stand-in, with the drama title and a running
// timecode, and a short pip every 5 s as its "original" audio. Cheap to encode (mostly static pixels) and
// unmistakable for the real work.
import fs from 'node:fs';
import path from 'node:path';

const FONT_CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', // fonts-noto-cjk: Latin and CJK titles
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', // fonts-dejavu-core: Latin only
];

/** A font file drawtext can use; undefined when the machine has none (the card then carries no text). */
export function standInFont(): { file: string; cjk: boolean } | undefined {
  const file = FONT_CANDIDATES.find((f) => fs.existsSync(f));
  return file ? { file, cjk: file.includes('CJK') } : undefined;
}

/** The font size (px, at most `max`) at which a line fits 90 % of the card's width: drawtext neither wraps nor
 * shrinks, and a long title at the full size was cut at both edges. Widths are estimated per character (Noto Sans:
 * Latin about 0.58 em, CJK 1 em), which errs on the small side; a font without CJK draws those characters not at all. */
export function fitSize(line: string, max: number, width: number, cjk = true): number {
  const ems = [...line].reduce((n, ch) => n + (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? (cjk ? 1 : 0) : 0.58), 0);
  return Math.max(12, Math.min(max, Math.floor((width * 0.9) / Math.max(ems, 1))));
}

export interface StandInCard {
  duration: number;
  fps: number;
  width: number;
  height: number;
  /** Lines of the card; written to files so titles need no filter-graph escaping. */
  lines: string[];
}

/** ffmpeg input arguments and the filter chain producing `[card]` and `[pip]`. */
export function standInInputs(card: StandInCard, tmpDir: string): { inputs: string[]; videoChain: string; audioChain: string } {
  const font = standInFont();
  const d = card.duration.toFixed(3);
  const inputs = [
    '-f',
    'lavfi',
    '-i',
    font ? `color=c=0x24344d:s=${card.width}x${card.height}:r=${card.fps}:d=${d}` : `testsrc=s=${card.width}x${card.height}:r=${card.fps}:d=${d}`,
    '-f',
    'lavfi',
    '-i',
    `aevalsrc='0.05*sin(2*PI*660*t)*lt(mod(t\\,5)\\,0.12)':s=44100:d=${d}`,
  ];
  if (!font) return { inputs, videoChain: '[0:v]null[card]', audioChain: '[1:a]anull[pip]' };
  const draws = card.lines.map((line, i) => {
    const file = path.join(tmpDir, `card-line-${i}.txt`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the range starts at U+0000 to keep all of Latin.
    fs.writeFileSync(file, font.cjk ? line : line.replace(/[^\u0000-\u024f]/g, ''));
    const size = fitSize(line, i === 0 ? 22 : 30, card.width, font.cjk);
    const y = Math.round(card.height * (0.2 + i * 0.16));
    return `drawtext=fontfile=${font.file}:textfile=${file}:fontsize=${size}:fontcolor=white:x=(w-tw)/2:y=${y}`;
  });
  draws.push(`drawtext=fontfile=${font.file}:text='%{pts\\:hms}':fontsize=36:fontcolor=0xffd166:x=(w-tw)/2:y=h*0.78`);
  return { inputs, videoChain: `[0:v]${draws.join(',')}[card]`, audioChain: '[1:a]anull[pip]' };
}
