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

/** The pip's period: one 5 s stretch of it is computed and looped, since evaluating the expression for every
 * sample cost more than encoding the audio. */
const PIP_PERIOD = 5;

/** ffmpeg input arguments and the filter chain producing `[card]` and `[pip]`. Only the timecode changes from frame
 * to frame, so the title lines are drawn once, on the first frame, which is then repeated: drawing them on every
 * frame was a fifth of the encoding's time, for the same pixels. */
export function standInInputs(card: StandInCard, tmpDir: string): { inputs: string[]; videoChain: string; audioChain: string } {
  const font = standInFont();
  const d = card.duration.toFixed(3);
  // As many as a `color` source of that duration gives: one per frame interval begun before the end.
  const frames = Math.ceil(Number(d) * card.fps - 1e-9);
  const periods = Math.ceil(Number(d) / PIP_PERIOD);
  const rate = 44100;
  const inputs = [
    '-f',
    'lavfi',
    '-i',
    font
      ? `color=c=0x24344d:s=${card.width}x${card.height}:r=${card.fps}:d=${(1 / card.fps).toFixed(3)}`
      : `testsrc=s=${card.width}x${card.height}:r=${card.fps}:d=${d}`,
    '-f',
    'lavfi',
    '-i',
    `aevalsrc='0.05*sin(2*PI*660*t)*lt(t\\,0.12)':s=${rate}:d=${PIP_PERIOD}`,
  ];
  // Cut to the sample where an `aevalsrc` of the whole duration ends (`-t` only binds the first output).
  const audioChain = `[1:a]aloop=loop=${periods - 1}:size=${rate * PIP_PERIOD},atrim=end_sample=${Math.round(Number(d) * rate)}[pip]`;
  if (!font) return { inputs, videoChain: '[0:v]null[card]', audioChain };
  const draws = card.lines.map((line, i) => {
    const file = path.join(tmpDir, `card-line-${i}.txt`);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the range starts at U+0000 to keep all of Latin.
    fs.writeFileSync(file, font.cjk ? line : line.replace(/[^\u0000-\u024f]/g, ''));
    const size = fitSize(line, i === 0 ? 22 : 30, card.width, font.cjk);
    const y = Math.round(card.height * (0.2 + i * 0.16));
    return `drawtext=fontfile=${font.file}:textfile=${file}:fontsize=${size}:fontcolor=white:x=(w-tw)/2:y=${y}`;
  });
  // `loop` repeats the frame with its own timestamp: `setpts` numbers the copies, which the timecode shows.
  draws.push(`loop=loop=${frames - 1}:size=1:start=0`, `setpts=N/(${card.fps}*TB)`);
  draws.push(`drawtext=fontfile=${font.file}:text='%{pts\\:hms}':fontsize=36:fontcolor=0xffd166:x=(w-tw)/2:y=h*0.78`);
  return { inputs, videoChain: `[0:v]${draws.join(',')}[card]`, audioChain };
}
