// Development-time: speaks an episode's audio-description cues (WebVTT, one file per language, written by people)
// with espeak-ng into the narration the video stage mixes over that language's audio, and checks that every
// description sits in a gap of the dialogue and that its speech ends before the next line. The narration is
// committed (like the stand-in dub), so `npm ci && npm start` needs no espeak-ng.
//   npx tsx scripts/make-audio-description.ts content/dramas/<slug> [--episode ID] [--lang TAG] [--voice VOICE]
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import YAML from 'yaml';
import { drama as dramaSchema } from '../model/drama.ts';
import { parseSubtitleFile, plainText } from '../assets-pipeline/subtitles/parse.ts';
import { speakLines } from '../assets-pipeline/video/make-standin-dub.ts';
import { overrunProblems, placementProblems } from './audio-description/gaps.ts';

/** espeak-ng's voice for a language tag where its name differs (Mandarin). */
const VOICES: Record<string, string> = { zh: 'cmn', 'zh-Hans': 'cmn', 'zh-Hant': 'cmn' };

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { episode: { type: 'string' }, lang: { type: 'string' }, voice: { type: 'string' } },
});
const dir = positionals[0];
if (!dir) {
  console.error('usage: make-audio-description.ts content/dramas/<slug> [--episode ID] [--lang TAG] [--voice VOICE]');
  process.exit(2);
}
const yamlFile = path.join(dir, 'drama.yaml');
const parsed = dramaSchema.safeParse({ type: 'drama', id: path.basename(dir), ...YAML.parse(fs.readFileSync(yamlFile, 'utf8')) });
if (!parsed.success) {
  for (const i of parsed.error.issues) console.error(`${yamlFile}: ${i.path.join('.')}: ${i.message}`);
  process.exit(1);
}
let made = 0;
let failed = 0;
for (const ep of parsed.data.episodes) {
  if (values.episode && ep.id !== values.episode) continue;
  if (!('duration' in ep.video)) continue;
  const durationMs = ep.video.duration * 1000;
  for (const ad of ep.descriptions) {
    if (values.lang && ad.lang !== values.lang) continue;
    const where = `${ep.id} (${ad.lang})`;
    if (!ad.cues) {
      console.error(`${yamlFile}: ${where}: no \`cues\` file to speak`);
      failed++;
      continue;
    }
    const cuesFile = path.join(dir, ad.cues);
    const cues = parseSubtitleFile(cuesFile);
    // The dialogue the descriptions must leave room for: the subtitles in this language, else the source's.
    const sub = ep.subtitles.find((s) => s.lang === ad.lang) ?? ep.subtitles.find((s) => s.lang === ep.sourceSubtitle);
    const dialogue = sub ? parseSubtitleFile(path.join(dir, sub.path)) : undefined;
    const error = cues.error ?? dialogue?.error;
    if (error || !dialogue) {
      console.error(`${error ? (cues.error ? cuesFile : dialogue!.file) : yamlFile}: ${error ?? `${where}: no subtitles to find the dialogue's gaps in`}`);
      failed++;
      continue;
    }
    const placed = placementProblems(cues.cues, dialogue.cues, durationMs);
    if (placed.length) {
      for (const p of placed) console.error(`${cuesFile}: ${p}`);
      failed++;
      continue;
    }
    const voice = values.voice ?? VOICES[ad.lang] ?? ad.lang;
    const out = path.join(dir, ad.path);
    console.log(`${where}: speaking ${cues.cues.length} descriptions with espeak-ng voice "${voice}" …`);
    const lines = cues.cues.map((c) => ({ start: c.start, end: c.end, text: plainText(c.text).replace(/\s+/g, ' ').trim() }));
    const spoken = speakLines(lines, voice, ep.video.duration, out);
    const overruns = overrunProblems(
      cues.cues.map((c, i) => ({ ...c, spokenEnd: spoken[i]?.end ?? c.end })),
      dialogue.cues,
    );
    for (const p of overruns) console.error(`${cuesFile}: ${p}`);
    if (overruns.length) failed++;
    else made++;
    console.log(`${out}: ${fs.statSync(out).size} bytes, speech ${spoken.reduce((n, s) => n + s.end - s.start, 0) / 1000} s`);
  }
}
console.log(`audio description: ${made} narration(s) made, ${failed} with problems`);
process.exitCode = failed ? 1 : 0;
