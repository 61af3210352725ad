// `npm run heritage -- qc-subtitles FILE…`: prints every finding as `file:cue: severity: message` and returns 1
// when any finding is an error (parse failure, broken timing, overlap, empty cue, cue missing against the source).
// Style findings (duration, reading speed, line count and length) are warnings: printed, exit code unaffected,
// unless `strict` is set.
import fs from 'node:fs';
import path from 'node:path';
import { contentDir } from '../../model/paths.ts';
import { checkContentType } from '../ingest/content.ts';
import { dramas } from '../ingest/content-types/dramas.ts';
import { parseSubtitleFile } from './parse.ts';
import { checkAgainstSource, checkTrack, parseFindings, type Finding } from './qc.ts';

export interface QcOptions {
  /** Source language used when a file is not part of a drama.yaml episode (default `en`). */
  source?: string;
  strict?: boolean;
  log?: (line: string) => void;
}

const languageNames = new Intl.DisplayNames('en', { type: 'language', fallback: 'none' });

/** A BCP-47 tag whose language subtag is a known language, in canonical case; undefined for anything else. */
export function languageTag(text: string): string | undefined {
  try {
    const [tag] = Intl.getCanonicalLocales(text);
    return tag && languageNames.of(new Intl.Locale(tag).language) !== undefined ? tag : undefined;
  } catch {
    return undefined;
  }
}

/** The first dot-separated part of the file name that is a language tag: `fr.srt`, `ar.test.vtt`, `ep1.zh-Hant.vtt`
 * → `fr`, `ar`, `zh-Hant`; `clean.vtt` → undefined (the checks then tell the script of each line). */
export const langFromFile = (file: string): string | undefined =>
  path
    .basename(file)
    .split('.')
    .slice(0, -1)
    .map(languageTag)
    .find((t) => t !== undefined);

/** For files listed in a drama.yaml, that episode's source track; otherwise `<source>.srt|vtt` beside the file. */
function sourceFor(file: string, fallbackLang: string, known: Map<string, KnownTrack>): { lang: string; file: string } | undefined {
  const fromDrama = known.get(path.resolve(file));
  if (fromDrama) return fromDrama.file ? fromDrama : undefined;
  for (const ext of ['vtt', 'srt']) {
    const candidate = path.join(path.dirname(file), `${fallbackLang}.${ext}`);
    if (fs.existsSync(candidate)) return { lang: fallbackLang, file: candidate };
  }
  return undefined;
}

interface KnownTrack {
  /** The track's own language, as its drama.yaml gives it. */
  trackLang: string;
  lang: string;
  file: string;
}

function sourcesFromDramas(): Map<string, KnownTrack> {
  const map = new Map<string, KnownTrack>();
  // Read from content/ (not the published records): curators check tracks before they ingest them. A drama.yaml
  // that does not validate gives no source tracks here; `heritage validate` names its problems.
  for (const drama of checkContentType(dramas, contentDir()).records) {
    const dir = path.join(contentDir(), 'dramas', drama.id);
    for (const ep of drama.episodes) {
      const src = ep.subtitles.find((s) => s.lang === (ep.sourceSubtitle ?? ep.originalLanguage));
      for (const s of ep.subtitles) {
        map.set(path.resolve(dir, s.path), { trackLang: s.lang, lang: src?.lang ?? '', file: src ? path.resolve(dir, src.path) : '' });
      }
    }
  }
  return map;
}

export function qcFile(file: string, opts: QcOptions = {}, known = sourcesFromDramas()): Finding[] {
  const parsed = parseSubtitleFile(file);
  if (parsed.error) return parseFindings(parsed);
  // The drama's data first, then a language tag in the file name, else the script of each line decides.
  const lang = known.get(path.resolve(file))?.trackLang ?? langFromFile(file);
  const findings = [...parseFindings(parsed), ...checkTrack(parsed.cues, lang)];
  const src = sourceFor(file, opts.source ?? 'en', known);
  if (src && path.resolve(src.file) !== path.resolve(file)) {
    const source = parseSubtitleFile(src.file);
    if (!source.error) findings.push(...checkAgainstSource(parsed.cues, source.cues, src.lang).findings);
  }
  return findings.sort((a, b) => a.cue - b.cue);
}

/** Checks each file and prints its findings; returns the process exit code. */
export function qcSubtitles(files: readonly string[], opts: QcOptions = {}): number {
  const log = opts.log ?? ((l: string) => console.log(l));
  if (files.length === 0) {
    log('usage: heritage qc-subtitles FILE.srt|FILE.vtt …');
    return 2;
  }
  const known = sourcesFromDramas();
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    for (const f of qcFile(file, opts, known)) {
      log(`${file}:${f.cue}: ${f.severity}: ${f.message}`);
      if (f.severity === 'error' || opts.strict) errors++;
      else warnings++;
    }
  }
  log(`qc-subtitles: ${files.length} file(s), ${errors} error(s), ${warnings} warning(s)`);
  return errors > 0 ? 1 : 0;
}
