// Quality checks for one subtitle track, and for a translation against its source-language track.
// Limits follow the Netflix Timed Text Style Guides (partnerhelp.netflixstudios.com, "Timed Text Style Guide:
// General Requirements" and the per-language guides): at most 2 lines; minimum duration 5/6 s (we use 0.8 s),
// maximum 7 s; per line and reading speed (adult programmes) by language, in LANGUAGE_LIMITS: Chinese (Simplified
// and Traditional) 16 characters and 9 characters/s, Japanese 13 and 4, Korean 16 and 12; Latin, Cyrillic and
// Arabic scripts 42 and 20. A track whose language is unknown gets the limits of each line's script.
import type { ParsedSubtitles, SubtitleCue } from './parse.ts';
import { plainText } from './parse.ts';
import type { Finding } from '../../formats/manifests/subtitles.ts';

export type { Finding };

export const QC_LIMITS = {
  minDurationMs: 800,
  maxDurationMs: 7000,
  maxLines: 2,
  maxLineChars: 42,
  maxLineCharsCjk: 16,
  maxCharsPerSecond: 20,
  maxCharsPerSecondCjk: 9,
  /** A source cue counts as translated when target cues cover at least this share of its time. */
  minCoverageShare: 0.3,
} as const;

const CJK_LANGS = /^(zh|ja|ko|yue|wuu|cmn)(-|$)/;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Characters as a reader sees them (grapheme clusters, so Arabic marks and emoji count once). */
export function charCount(text: string): number {
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/** Length against a line limit. In CJK tracks half-width characters (Latin letters, digits, ASCII punctuation,
 * spaces) count as half a character, as the Netflix Chinese guides count them. */
export function displayLength(text: string, cjk: boolean): number {
  if (!cjk) return charCount(text);
  let n = 0;
  for (const { segment } of segmenter.segment(text)) n += /^[\u0020-\u024f]$/.test(segment) ? 0.5 : 1;
  return n;
}

/** CJK rules apply to a CJK-language track, or to a line mostly in CJK script when the language is unknown. */
export function isCjk(text: string, lang?: string): boolean {
  if (lang) return CJK_LANGS.test(lang);
  const chars = [...text.replace(/\s/g, '')];
  return chars.length > 0 && chars.filter((c) => CJK_CHAR.test(c)).length * 2 >= chars.length;
}

export function formatTime(ms: number): string {
  const s = Math.max(0, ms) / 1000;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${(s % 60).toFixed(3).padStart(6, '0')}`;
}

const clip = (t: string): string => (t.length > 40 ? `${t.slice(0, 39)}…` : t).replace(/\n/g, ' / ');

interface LineLimits {
  maxLineChars: number;
  maxCharsPerSecond: number;
  /** Half-width characters count as half (the CJK guides' counting). */
  cjk: boolean;
}
const LATIN: LineLimits = { maxLineChars: QC_LIMITS.maxLineChars, maxCharsPerSecond: QC_LIMITS.maxCharsPerSecond, cjk: false };
const CHINESE: LineLimits = { maxLineChars: QC_LIMITS.maxLineCharsCjk, maxCharsPerSecond: QC_LIMITS.maxCharsPerSecondCjk, cjk: true };
/** By primary language subtag; anything not listed uses the Latin-script limits. */
export const LANGUAGE_LIMITS: Readonly<Record<string, LineLimits>> = {
  zh: CHINESE,
  yue: CHINESE,
  cmn: CHINESE,
  wuu: CHINESE,
  ja: { maxLineChars: 13, maxCharsPerSecond: 4, cjk: true },
  ko: { maxLineChars: 16, maxCharsPerSecond: 12, cjk: true },
};

/** The limits for a cue: by the track's language when known, else by the script its text is mostly in. */
export function limitsFor(text: string, lang?: string): LineLimits {
  if (lang) return LANGUAGE_LIMITS[lang.split('-')[0]!.toLowerCase()] ?? LATIN;
  return isCjk(text) ? CHINESE : LATIN;
}

/** Checks that need only the track itself. */
export function checkTrack(cues: readonly SubtitleCue[], lang?: string): Finding[] {
  const out: Finding[] = [];
  let prev: SubtitleCue | undefined;
  for (const c of cues) {
    const text = plainText(c.text);
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const limits = limitsFor(text, lang);
    const cjk = limits.cjk;
    const dur = c.end - c.start;
    if (lines.length === 0) out.push({ cue: c.index, severity: 'error', code: 'empty', message: 'cue has no text' });
    if (dur <= 0) {
      out.push({ cue: c.index, severity: 'error', code: 'timing', message: `ends (${formatTime(c.end)}) before it starts (${formatTime(c.start)})` });
    } else if (dur < QC_LIMITS.minDurationMs) {
      out.push({
        cue: c.index,
        severity: 'warning',
        code: 'too-short',
        message: `shown ${(dur / 1000).toFixed(2)} s, under ${QC_LIMITS.minDurationMs / 1000} s`,
      });
    } else if (dur > QC_LIMITS.maxDurationMs) {
      out.push({
        cue: c.index,
        severity: 'warning',
        code: 'too-long',
        message: `shown ${(dur / 1000).toFixed(2)} s, over ${QC_LIMITS.maxDurationMs / 1000} s`,
      });
    }
    if (prev && c.start < prev.end) {
      out.push({
        cue: c.index,
        severity: 'error',
        code: 'overlap',
        message: `starts at ${formatTime(c.start)}, before cue ${prev.index} ends at ${formatTime(prev.end)}`,
      });
    }
    if (dur > 0 && lines.length > 0) {
      const chars = lines.reduce((n, l) => n + displayLength(l.trim(), cjk), 0);
      const cps = chars / (dur / 1000);
      const limit = limits.maxCharsPerSecond;
      if (cps > limit) {
        out.push({
          cue: c.index,
          severity: 'warning',
          code: 'reading-speed',
          message: `reading speed ${cps.toFixed(1)} chars/s over ${limit}${cjk ? ' (CJK)' : ''}: "${clip(text)}"`,
        });
      }
    }
    if (lines.length > QC_LIMITS.maxLines) {
      out.push({ cue: c.index, severity: 'warning', code: 'too-many-lines', message: `${lines.length} lines, at most ${QC_LIMITS.maxLines}` });
    }
    const maxChars = limits.maxLineChars;
    lines.forEach((l, i) => {
      const n = displayLength(l.trim(), cjk);
      if (n > maxChars) {
        out.push({
          cue: c.index,
          severity: 'warning',
          code: 'line-too-long',
          message: `line ${i + 1} has ${n} characters, over ${maxChars}${cjk ? ' (CJK)' : ''}: "${clip(l.trim())}"`,
        });
      }
    });
    if (!prev || c.end > prev.end) prev = c;
  }
  return out;
}

/** Findings from reading the file: a parse failure for the file as a whole, a malformed timing line at its cue. */
export function parseFindings(p: ParsedSubtitles): Finding[] {
  const out: Finding[] = p.malformed.map((m) => ({
    cue: m.cue,
    severity: 'error' as const,
    code: 'timing' as const,
    message: `line ${m.line}: malformed timing line "${clip(m.timing)}" (expected "00:00:01,000 --> 00:00:02,500"): the cue is left out of the published track`,
  }));
  if (p.error) out.unshift({ cue: p.errorAt?.cue ?? 0, severity: 'error', code: 'parse', message: p.error });
  return out;
}

function overlapMs(a: SubtitleCue, b: SubtitleCue): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

export interface CoverageResult {
  findings: Finding[];
  /** Source cues with a translation at their time. */
  covered: number;
  total: number;
}

/** Source cues with no target cue at their time. Translators may merge or split cues, so we match by time,
 * not by number. */
export function checkAgainstSource(target: readonly SubtitleCue[], source: readonly SubtitleCue[], sourceLang: string): CoverageResult {
  const findings: Finding[] = [];
  const sorted = [...target].sort((a, b) => a.start - b.start);
  let covered = 0;
  let from = 0;
  for (const s of source) {
    const dur = Math.max(1, s.end - s.start);
    while (from < sorted.length && sorted[from]!.end <= s.start - 10_000) from++;
    let sum = 0;
    for (let i = from; i < sorted.length && sorted[i]!.start < s.end; i++) sum += overlapMs(sorted[i]!, s);
    if (sum / dur >= QC_LIMITS.minCoverageShare) {
      covered++;
    } else {
      findings.push({
        // There is no target cue to point at, so the position is the source cue's number (the message says so).
        cue: s.index,
        severity: 'error',
        code: 'missing-cue',
        message: `missing cue against ${sourceLang} cue ${s.index} (${formatTime(s.start)} --> ${formatTime(s.end)}): "${clip(plainText(s.text))}"`,
      });
    }
  }
  return { findings, covered, total: source.length };
}
