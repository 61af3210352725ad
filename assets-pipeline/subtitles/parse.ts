// Reads SRT and WebVTT with the `subtitle` package (v4: one parser for both formats, typed, used widely) and turns
// them into one cue list. Parser errors become findings naming the file and row, never a stack trace.
import fs from 'node:fs';
import { parseSync, formatTimestamp, type NodeCue } from 'subtitle';

export interface SubtitleCue {
  /** 1-based position in the file, as curators count cues. */
  index: number;
  /** Milliseconds. */
  start: number;
  end: number;
  /** Text as written (may hold WebVTT/SRT markup), lines separated by "\n". */
  text: string;
  /** WebVTT cue settings (`line:0 align:start`), kept when normalizing. */
  settings?: string;
}

export interface ParsedSubtitles {
  file: string;
  format: 'SRT' | 'WebVTT';
  cues: SubtitleCue[];
  /** Set when the file could not be read or parsed; `cues` then holds what came before the error. */
  error?: string;
  /** Where the error is, when it is at one cue rather than the file as a whole. */
  errorAt?: { cue: number; line: number };
  /** Cues left out because their timing line is malformed (each an error at its cue). */
  malformed: MalformedCue[];
}

export interface MalformedCue {
  /** The cue's 1-based position in the file, counting it. */
  cue: number;
  /** 1-based line of the timing line (or of the block's first line). */
  line: number;
  timing: string;
}

/** The timing line the `subtitle` parser accepts (its RE_TIMESTAMP). */
const TIMING = /^((?:\d{1,}:)?\d{1,2}:\d{1,2}[,.]\d{1,3}) --> ((?:\d{1,}:)?\d{1,2}:\d{1,2}[,.]\d{1,3})(?: (.*))?$/;
/** A line that was meant as one: an arrow of any length, or a clock time. */
const TIMING_ATTEMPT = /-+>|^\s*\d{1,2}:\d{1,2}[:,.]\d/;
const VTT_BLOCK = /^(WEBVTT|NOTE|STYLE|REGION)(\s|$)/;

/**
 * Splits the text into blank-line separated blocks and takes out the ones that try to be a cue but have no valid
 * timing line. The parser would read such a block as more text of the cue before it: the cue would vanish from the
 * published track without a word and its neighbour would show its number and timing as text.
 */
function takeOutMalformed(text: string): { text: string; malformed: MalformedCue[]; positions: number[]; timingLines: number[] } {
  const lines = text.split('\n');
  const keep: string[] = [];
  const malformed: MalformedCue[] = [];
  const positions: number[] = [];
  const timingLines: number[] = [];
  let position = 0;
  for (let i = 0; i < lines.length; ) {
    if (lines[i]!.trim() === '') {
      keep.push(lines[i]!);
      i++;
      continue;
    }
    const start = i;
    while (i < lines.length && lines[i]!.trim() !== '') i++;
    const block = lines.slice(start, i);
    const timingAt = block.findIndex((l) => TIMING.test(l));
    const isIndexed = /^\d+$/.test(block[0]!.trim());
    const attempt = block.slice(0, 2).findIndex((l) => TIMING_ATTEMPT.test(l));
    if (timingAt === 0 || timingAt === 1) {
      position++;
      positions.push(position);
      timingLines.push(start + timingAt + 1);
      keep.push(...block);
    } else if (!VTT_BLOCK.test(block[0]!) && (attempt >= 0 || (isIndexed && block.length > 1))) {
      position++;
      const at = attempt >= 0 ? attempt : 1;
      malformed.push({ cue: position, line: start + at + 1, timing: block[at]!.trim() });
      keep.push(...block.map(() => ''));
    } else keep.push(...block);
  }
  return { text: keep.join('\n'), malformed, positions, timingLines };
}

/** More cues than any film has (a feature runs ~1,500–3,000): a track over it is refused, not published, so its
 * QC page and transcript stay a size a browser renders (200,000 cues made a 31.7 MB QC page and froze the player). */
export const MAX_CUES = 20_000;

export function parseSubtitleText(text: string, file = '<input>'): ParsedSubtitles {
  const format = /^\uFEFF?WEBVTT/.test(text) ? 'WebVTT' : 'SRT';
  // SRT from Windows tools often carries CRLF; the parser splits on "\n" only.
  const { text: wellFormed, malformed, positions, timingLines } = takeOutMalformed(text.replace(/\r\n?/g, '\n'));
  const overLimit = (count: number, cue: number, line: number | undefined): ParsedSubtitles => ({
    file,
    format,
    cues: [],
    malformed,
    errorAt: { cue, line: line ?? 0 },
    error: `${line ? `line ${line}: ` : ''}cue ${cue} is over the ${MAX_CUES.toLocaleString('en')} cues a track may have (the file has ${count.toLocaleString('en')}): the track is not published`,
  });
  // Counted before parsing (a 200,000-cue file is not worth parsing) and named at the first cue over the limit, as
  // `file:cue` with its timing line, like a malformed timing line.
  if (positions.length > MAX_CUES) return overLimit(positions.length, positions[MAX_CUES]!, timingLines[MAX_CUES]);
  try {
    const nodes = parseSync(wellFormed).filter((n): n is NodeCue => n.type === 'cue');
    // Cues are numbered by their place in the file, malformed ones counted, when the parser saw the same blocks.
    const at = (i: number): number => (nodes.length === positions.length ? positions[i]! : i + 1);
    // The parser can find more cues than blocks (a block holding two timing lines); its own count has no line.
    if (nodes.length > MAX_CUES) return overLimit(nodes.length, MAX_CUES + 1, undefined);
    const cues = nodes.map((n, i) => ({
      index: at(i),
      start: n.data.start,
      end: n.data.end,
      text: n.data.text.trim(),
      ...(n.data.settings ? { settings: n.data.settings } : {}),
    }));
    return { file, format, cues, malformed };
  } catch (e) {
    return { file, format, cues: [], malformed, error: `cannot parse ${format}: ${(e as Error).message}` };
  }
}

export function parseSubtitleFile(file: string): ParsedSubtitles {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { file, format: 'SRT', cues: [], malformed: [], error: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  return parseSubtitleText(text, file);
}

/** Text a viewer reads: markup such as `<i>`, `<v Name>`, `{\an8}` removed, entities decoded. */
export function plainText(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/\{\\[^}]*\}/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .trim();
}

/** WebVTT with the SRT-only quirks removed: the form every browser `<track>` accepts. */
export function toWebVtt(cues: readonly SubtitleCue[], note?: string): string {
  const out = ['WEBVTT', ''];
  if (note) out.push(`NOTE ${note.replace(/-->/g, '->')}`, '');
  for (const c of cues) {
    const times = `${formatTimestamp(c.start, { format: 'WebVTT' })} --> ${formatTimestamp(c.end, { format: 'WebVTT' })}`;
    // An empty line would end the cue early, and "-->" inside text would start a new one.
    const body = c.text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => l.replace(/-->/g, '→'))
      .join('\n');
    out.push(String(c.index), c.settings ? `${times} ${c.settings}` : times, body || ' ', '');
  }
  return out.join('\n');
}
