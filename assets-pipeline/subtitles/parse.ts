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
}

export function parseSubtitleText(text: string, file = '<input>'): ParsedSubtitles {
  const format = /^\uFEFF?WEBVTT/.test(text) ? 'WebVTT' : 'SRT';
  try {
    // SRT from Windows tools often carries CRLF; the parser splits on "\n" only.
    const nodes = parseSync(text.replace(/\r\n?/g, '\n'));
    const cues = nodes
      .filter((n): n is NodeCue => n.type === 'cue')
      .map((n, i) => ({
        index: i + 1,
        start: n.data.start,
        end: n.data.end,
        text: n.data.text.trim(),
        ...(n.data.settings ? { settings: n.data.settings } : {}),
      }));
    return { file, format, cues };
  } catch (e) {
    return { file, format, cues: [], error: `cannot parse ${format}: ${(e as Error).message}` };
  }
}

export function parseSubtitleFile(file: string): ParsedSubtitles {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    return { file, format: 'SRT', cues: [], error: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
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
