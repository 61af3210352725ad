// A film's subtitle track as translation units: one unit per cue (not per distinct text: "Yes." at 00:01 and at
// 12:40 may need different words), named `<film>/<episode>/<source lang>/<cue>` so the name survives tools that
// drop XLIFF ids (po2xliff keeps it as the PO location). Read from content/ like `qc-subtitles`: a translator's
// track is made before the film is published.
import path from 'node:path';
import { XMLBuilder } from 'fast-xml-parser';
import type { Drama } from '../../model/drama.ts';
import { contentDir } from '../../model/paths.ts';
import { checkContentType } from '../ingest/content.ts';
import { formatProblem } from '../ingest/problems.ts';
import { dramas } from '../ingest/content-types/dramas.ts';
import { parseSubtitleFile, type SubtitleCue } from '../subtitles/parse.ts';
import { formatTime, limitsFor, QC_LIMITS } from '../subtitles/qc.ts';

export interface SubtitleUnit {
  id: string;
  cue: SubtitleCue;
  /** The cue before, shown as context (a line often continues the one before). */
  previous?: string;
  /** The target track's text at the same time, when the film has one already. */
  target?: string;
}

export interface EpisodeTrack {
  film: string;
  episode: string;
  sourceLang: string;
  /** Absolute path of the source track. */
  sourceFile: string;
  cues: SubtitleCue[];
  /** Absolute path of the film's folder (drama.yaml is there). */
  dir: string;
  /** Index of the episode in drama.yaml. */
  episodeIndex: number;
  /** The target-language track drama.yaml lists now, if any (path relative to the film's folder). */
  existing?: string;
}

const UNIT_ID = /^([a-z0-9][a-z0-9-]*)\/([a-z0-9][a-z0-9-]*)\/([A-Za-z]{2,3}(?:-[A-Za-z0-9]+)*)\/(\d+)$/;

export const subtitleUnitId = (film: string, episode: string, lang: string, cue: number): string => `${film}/${episode}/${lang}/${cue}`;

export function parseSubtitleUnitId(id: string): { film: string; episode: string; lang: string; cue: number } | undefined {
  const m = UNIT_ID.exec(id);
  return m ? { film: m[1]!, episode: m[2]!, lang: m[3]!, cue: Number(m[4]) } : undefined;
}

/** The films as curators wrote them (content/dramas), read as `qc-subtitles` reads them. */
export function readFilms(root = contentDir()): { films: Drama[]; problems: string[] } {
  const r = checkContentType(dramas, root);
  return { films: r.records, problems: r.problems.map((p) => formatProblem(p)) };
}

/** Same language for a track: `fr` and `fr-FR` are, `zh-Hans` and `zh-Hant` are not. */
export function sameLanguage(a: string, b: string): boolean {
  let la: Intl.Locale;
  let lb: Intl.Locale;
  try {
    [la, lb] = [new Intl.Locale(a), new Intl.Locale(b)];
  } catch {
    return false; // not a language tag at all
  }
  if (la.language !== lb.language) return false;
  if (la.script && lb.script) return la.script === lb.script;
  // `zh` alone is ambiguous between the two scripts: it matches neither of them.
  return la.language !== 'zh' || (!la.script && !lb.script);
}

/** The source track of each episode (the `from` language, else the episode's sourceSubtitle, else its original
 * language), or a message saying why there is none. */
export function episodeTracks(
  film: Drama,
  root: string,
  opts: { episode?: string; from?: string; target: string },
): { tracks: EpisodeTrack[]; errors: string[] } {
  const dir = path.join(root, 'dramas', film.id);
  const errors: string[] = [];
  const tracks: EpisodeTrack[] = [];
  film.episodes.forEach((ep, episodeIndex) => {
    if (opts.episode && ep.id !== opts.episode) return;
    const lang = opts.from ?? ep.sourceSubtitle ?? ep.originalLanguage;
    const src = ep.subtitles.find((s) => s.lang === lang);
    if (!src) {
      errors.push(`${film.id}/${ep.id}: no ${lang} subtitle track to translate from (tracks: ${ep.subtitles.map((s) => s.lang).join(', ') || 'none'})`);
      return;
    }
    const parsed = parseSubtitleFile(path.join(dir, src.path));
    if (parsed.error || parsed.malformed.length) {
      errors.push(
        `${path.join(dir, src.path)}: ${parsed.error ?? `${parsed.malformed.length} malformed cue(s)`}; run qc-subtitles and fix the source track first`,
      );
      return;
    }
    const existing = ep.subtitles.find((s) => s.lang !== lang && sameLanguage(s.lang, opts.target))?.path;
    tracks.push({
      film: film.id,
      episode: ep.id,
      sourceLang: lang,
      sourceFile: path.join(dir, src.path),
      cues: parsed.cues,
      dir,
      episodeIndex,
      ...(existing ? { existing } : {}),
    });
  });
  if (opts.episode && !film.episodes.some((e) => e.id === opts.episode))
    errors.push(`${film.id}: no episode "${opts.episode}" (episodes: ${film.episodes.map((e) => e.id).join(', ')})`);
  return { tracks, errors };
}

/** Units of one episode; a cue of the existing target track with exactly the source cue's timing is its target. */
export function trackUnits(t: EpisodeTrack): SubtitleUnit[] {
  const existing = t.existing ? parseSubtitleFile(path.join(t.dir, t.existing)) : undefined;
  const byTime = new Map((existing?.error ? [] : (existing?.cues ?? [])).map((c) => [`${c.start}-${c.end}`, c.text]));
  return t.cues.map((cue, i) => {
    const target = byTime.get(`${cue.start}-${cue.end}`);
    const previous = i > 0 ? t.cues[i - 1]!.text : undefined;
    return { id: subtitleUnitId(t.film, t.episode, t.sourceLang, cue.index), cue, ...(previous ? { previous } : {}), ...(target ? { target } : {}) };
  });
}

const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' / ');

/** The context line a CAT tool shows beside the cue (translate-toolkit makes it the PO `#.` comment). */
export function cueNote(t: EpisodeTrack, u: SubtitleUnit, targetLang: string): string {
  const limits = limitsFor('', targetLang);
  const seconds = (u.cue.end - u.cue.start) / 1000;
  return [
    `film: ${t.film}, episode: ${t.episode}`,
    `cue ${u.cue.index}: ${formatTime(u.cue.start)} --> ${formatTime(u.cue.end)} (${seconds.toFixed(1)} s)`,
    u.previous ? `previous cue: ${oneLine(u.previous)}` : '',
    `at most ${QC_LIMITS.maxLines} lines of ${limits.maxLineChars} characters, ${limits.maxCharsPerSecond} characters/s (about ${Math.floor(seconds * limits.maxCharsPerSecond)} here)`,
    'keep <i> and other tags as in the source; one line break at most',
  ]
    .filter(Boolean)
    .join(' | ');
}

/** XLIFF 1.2 (see xliff.ts for why 1.2): one <file> per episode, one unit per cue, whitespace preserved (cue lines). */
export function writeSubtitleXliff(tracks: readonly EpisodeTrack[], targetLang: string): { xliff: string; units: number; translated: number } {
  let units = 0;
  let translated = 0;
  const limits = limitsFor('', targetLang);
  const files = tracks.map((t) => ({
    '@_original': `dramas/${t.film}/${t.episode}/${path.basename(t.sourceFile)}`,
    '@_source-language': t.sourceLang,
    '@_target-language': targetLang,
    '@_datatype': 'plaintext',
    body: {
      'trans-unit': trackUnits(t).map((u) => {
        units++;
        if (u.target) translated++;
        return {
          '@_id': u.id,
          '@_resname': `cue ${u.cue.index}`,
          '@_xml:space': 'preserve',
          '@_maxwidth': String(QC_LIMITS.maxLines * limits.maxLineChars),
          '@_size-unit': 'char',
          source: { '@_xml:lang': t.sourceLang, '#text': u.cue.text },
          ...(u.target ? { target: { '@_xml:lang': targetLang, '@_state': 'translated', '#text': u.target } } : {}),
          'context-group': {
            '@_name': 'cue',
            '@_purpose': 'information',
            context: [
              { '@_context-type': 'x-film', '#text': `${t.film}/${t.episode}` },
              { '@_context-type': 'x-timing', '#text': `${formatTime(u.cue.start)} --> ${formatTime(u.cue.end)}` },
              ...(u.previous ? [{ '@_context-type': 'x-previous-cue', '#text': u.previous }] : []),
            ],
          },
          note: { '@_from': 'developer', '#text': cueNote(t, u, targetLang) },
        };
      }),
    },
  }));
  // Not indented: `format` would put whitespace around multi-line cue text, which xml:space="preserve" keeps.
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: false, suppressEmptyNode: true });
  const body = builder.build({ xliff: { '@_version': '1.2', '@_xmlns': 'urn:oasis:names:tc:xliff:document:1.2', file: files } }) as string;
  // One unit a line: a `file:line` message then points at the cue.
  return { xliff: `<?xml version="1.0" encoding="UTF-8"?>\n${body.replace(/<trans-unit /g, '\n<trans-unit ')}\n`, units, translated };
}
