// Makes a synthetic stand-in dub: espeak-ng speaks each subtitle cue at its start time, and the result is
// encoded as a small mono Opus file that curators commit (visitors' machines never need espeak-ng).
// Usage: npx tsx assets-pipeline/video/make-standin-dub.ts <subtitles.srt|vtt> <voice> <seconds> <out.opus>
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseSubtitleFile, plainText } from '../subtitles/parse.ts';
import { ffmpegPath } from './ffmpeg-path.ts';

const RATE = 22050; // espeak-ng's native rate; resampling it would add nothing to a robot voice.

/** PCM samples of a RIFF WAVE file's `data` chunk (espeak-ng writes 16-bit mono). */
function wavSamples(buf: Buffer): Int16Array {
  let off = 12;
  while (off + 8 <= buf.length) {
    const id = buf.toString('ascii', off, off + 4);
    const size = buf.readUInt32LE(off + 4);
    if (id === 'data') {
      const body = buf.subarray(off + 8, Math.min(buf.length, off + 8 + size));
      return new Int16Array(body.buffer.slice(body.byteOffset, body.byteOffset + (body.length & ~1)));
    }
    off += 8 + size;
  }
  return new Int16Array(0);
}

export interface SpokenLine {
  /** Milliseconds. */
  start: number;
  end: number;
  text: string;
}

/** Speaks each line with espeak-ng at its start time into one mono Opus file of `seconds`; returns when each line's
 * speech really ends (ms), so callers can check it fits where it was placed. */
export function speakLines(lines: SpokenLine[], voice: string, seconds: number, out: string): { start: number; end: number }[] {
  const mix = new Int16Array(Math.ceil(seconds * RATE));
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dub-'));
  const spoken: { start: number; end: number }[] = [];
  try {
    for (const line of lines) {
      const text = line.text;
      if (!text) {
        spoken.push({ start: line.start, end: line.start });
        continue;
      }
      const wav = path.join(tmp, 'cue.wav');
      // Speak faster when the line would otherwise overrun its cue (espeak-ng speaks ~15 chars/s at 175 wpm).
      const wpm = Math.min(260, Math.max(160, Math.round((text.length / 15 / ((line.end - line.start) / 1000)) * 175)));
      execFileSync('espeak-ng', ['-v', voice, '-s', String(wpm), '-w', wav, text]);
      const samples = wavSamples(fs.readFileSync(wav));
      const at = Math.round((line.start / 1000) * RATE);
      spoken.push({ start: line.start, end: line.start + Math.round((samples.length / RATE) * 1000) });
      for (let i = 0; i < samples.length && at + i < mix.length; i++) {
        mix[at + i] = Math.max(-32768, Math.min(32767, mix[at + i]! + samples[i]!));
      }
    }
    const raw = path.join(tmp, 'mix.raw');
    fs.writeFileSync(raw, Buffer.from(mix.buffer));
    fs.mkdirSync(path.dirname(out), { recursive: true });
    execFileSync(ffmpegPath(), [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      's16le',
      '-ar',
      String(RATE),
      '-ac',
      '1',
      '-i',
      raw,
      '-c:a',
      'libopus',
      '-b:a',
      '8k',
      '-application',
      'voip',
      out,
    ]);
    return spoken;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export function makeStandInDub(subtitles: string, voice: string, seconds: number, out: string): void {
  const parsed = parseSubtitleFile(subtitles);
  if (parsed.error) throw new Error(`${subtitles}: ${parsed.error}`);
  const lines = parsed.cues.map((cue) => ({
    start: cue.start,
    end: cue.end,
    text: plainText(cue.text)
      .replace(/\s+/g, ' ')
      .replace(/\[[^\]]*\]/g, '')
      .trim(),
  }));
  speakLines(lines, voice, seconds, out);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [subs, voice, secs, out] = process.argv.slice(2);
  if (!subs || !voice || !secs || !out) {
    console.error('usage: make-standin-dub.ts <subtitles> <espeak-ng voice> <seconds> <out.opus>');
    process.exit(2);
  }
  makeStandInDub(subs, voice, Number(secs), out);
  console.log(`${out}: ${fs.statSync(out).size} bytes`);
}
