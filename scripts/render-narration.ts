// Development-time: speaks each exhibition narration's transcript with espeak-ng, one recording per language its
// `audio` names, and writes it where `audio` says (below content/exhibitions/<slug>/) as a small mono MP3 that is
// committed; the build only publishes the files, so `npm ci && npm start` needs no espeak-ng. A synthetic voice
// is a stand-in until a person records the text: the exhibition's credit says so.
//   npx tsx scripts/render-narration.ts [slug…]     (none: every exhibition)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { ffmpegPath } from '../assets-pipeline/video/ffmpeg-path.ts';
import { exhibition } from '../model/exhibition.ts';
import type { Locale } from '../model/locales.ts';
import { contentDir } from '../model/paths.ts';

/** espeak-ng's voices for the site's languages (Mandarin read from characters, not pinyin). */
const VOICE: Record<Locale, string> = { zh: 'cmn', en: 'en-gb', fr: 'fr-fr' };

const root = path.join(contentDir(), 'exhibitions');
const wanted = process.argv.slice(2);
const slugs = fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'exhibition.yaml')) && (!wanted.length || wanted.includes(d)));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'narration-'));
let made = 0;
try {
  for (const slug of slugs) {
    const file = path.join(root, slug, 'exhibition.yaml');
    const parsed = exhibition.safeParse({ type: 'exhibition', id: slug, ...parse(fs.readFileSync(file, 'utf8')) });
    if (!parsed.success) throw new Error(`${file}: not a valid exhibition (run \`npm run heritage -- validate\`)`);
    for (const step of parsed.data.steps)
      for (const m of step.media) {
        if (m.kind !== 'narration') continue;
        for (const [locale, rel] of Object.entries(m.audio) as [Locale, string][]) {
          const text = m.transcript[locale];
          if (!text) throw new Error(`${file}: step "${step.id}" has a ${locale} recording but no ${locale} transcript to speak`);
          const out = path.join(root, slug, rel);
          const wav = path.join(tmp, 'speech.wav');
          execFileSync('espeak-ng', ['-v', VOICE[locale], '-s', '150', '-w', wav, text]);
          fs.mkdirSync(path.dirname(out), { recursive: true });
          // Speech in mono at 32 kbit/s: a minute is about 240 KB. Fixed metadata keeps the bytes reproducible.
          execFileSync(ffmpegPath(), [
            '-hide_banner',
            '-loglevel',
            'error',
            '-y',
            '-i',
            wav,
            '-ac',
            '1',
            '-ar',
            '22050',
            '-b:a',
            '32k',
            '-map_metadata',
            '-1',
            '-fflags',
            '+bitexact',
            out,
          ]);
          made++;
          console.log(`  ${slug}#${step.id} ${locale}: ${path.relative(process.cwd(), out)} (${Math.round(fs.statSync(out).size / 1024)} KB)`);
        }
      }
  }
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(`${made} recording(s) written`);
