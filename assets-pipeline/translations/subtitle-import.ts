// `translations import FILE` for a subtitle XLIFF: each unit is one cue of a film's source track. The cues are
// checked against the current source track, the translated track gets the source timing and goes through the
// subtitle QC, and only when nothing is wrong is it written as WebVTT beside the source track and listed in the
// film's drama.yaml (comments and layout kept). Any error: nothing is written.
import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import YAML from 'yaml';
import { languageTag } from '../../model/drama.ts';
import { contentDir } from '../../model/paths.ts';
import { toWebVtt, type SubtitleCue } from '../subtitles/parse.ts';
import { checkAgainstSource, checkTrack, formatTime } from '../subtitles/qc.ts';
import { sameText, tagsOf } from './import.ts';
import type { ImportedUnit } from './import-types.ts';
import { episodeTracks, parseSubtitleUnitId, readFilms, sameLanguage, type EpisodeTrack } from './subtitle-units.ts';
import { readXliff } from './xliff.ts';

export interface SubtitleImportOptions {
  /** The track's language (BCP 47: fr, zh-Hans…); needed when the file does not say (po2xliff output). */
  lang?: string;
  translator: string;
  root?: string;
}

export interface SubtitleImportResult {
  errors: string[];
  warnings: string[];
  lang?: string;
  /** Tracks written, relative to the content folder. */
  tracks: string[];
  cues: number;
}

/** True when every unit of the file names a cue (a subtitle XLIFF), so the CLI sends it here. */
export function isSubtitleFile(units: readonly ImportedUnit[]): boolean {
  return units.length > 0 && units.every((u) => parseSubtitleUnitId(u.id) !== undefined);
}

const NAMED_UNTRANSLATED = 5;

interface Episode {
  track: EpisodeTrack;
  units: Map<number, ImportedUnit>;
}

export function importSubtitles(file: string, options: SubtitleImportOptions): SubtitleImportResult {
  const root = options.root ?? contentDir();
  const errors: string[] = [];
  const warnings: string[] = [];
  const err = (line: number, message: string) => errors.push(`${file}:${line}: ${message}`);
  const fail = (): SubtitleImportResult => ({ errors, warnings, tracks: [], cues: 0 });
  const parsed = readXliff(file);
  for (const e of parsed.errors) err(e.line, e.message);
  if (errors.length) return fail();

  // The language most units declare: a unit declaring another one is then reported at its line.
  const declared = new Map<string, number>();
  for (const u of parsed.units) if (u.lang) declared.set(u.lang, (declared.get(u.lang) ?? 0) + 1);
  const lang = options.lang ?? [...declared].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!lang || !languageTag.safeParse(lang).success) {
    err(1, lang ? `"${lang}" is not a language tag (fr, zh-Hans…)` : 'the file does not say its target language: pass --locale (fr, zh-Hans…)');
    return fail();
  }
  const { films, problems } = readFilms(root);
  if (problems.length) {
    errors.push(...problems.map((p) => `${p} (fix the film first: npm run heritage -- validate)`));
    return fail();
  }

  const episodes = new Map<string, Episode>();
  let untranslated = 0;
  for (const u of parsed.units) {
    const ref = parseSubtitleUnitId(u.id);
    if (!ref) {
      err(u.line, `unit "${u.id}" is not a subtitle cue; a file holds either record texts or cues`);
      continue;
    }
    if (u.lang && !sameLanguage(u.lang, lang)) {
      err(u.line, `cue "${u.id}": target language "${u.lang}" is not ${lang}`);
      continue;
    }
    const key = `${ref.film}/${ref.episode}/${ref.lang}`;
    let ep = episodes.get(key);
    if (!ep) {
      const film = films.find((f) => f.id === ref.film);
      const found = film ? episodeTracks(film, root, { episode: ref.episode, from: ref.lang, target: lang }) : undefined;
      if (!film || !found?.tracks[0]) {
        err(u.line, film ? found!.errors.join('; ') : `cue "${u.id}": no film "${ref.film}" in content/dramas`);
        continue;
      }
      ep = { track: found.tracks[0], units: new Map() };
      episodes.set(key, ep);
    }
    const cue = ep.track.cues.find((c) => c.index === ref.cue);
    if (!cue) {
      err(u.line, `cue "${u.id}": the ${ref.lang} track has no cue ${ref.cue} now (changed since the export?); export again`);
      continue;
    }
    if (u.source && sameText(u.source) !== sameText(cue.text)) {
      err(u.line, `cue "${u.id}": source text differs from the track's ("${cue.text.slice(0, 60)}"); export again`);
      continue;
    }
    const first = ep.units.get(ref.cue);
    if (first) {
      err(u.line, `cue "${u.id}" appears twice (first at line ${first.line})`);
      continue;
    }
    ep.units.set(ref.cue, u);
    const target = u.target.trim();
    if (u.markup) err(u.line, `cue "${u.id}": XLIFF inline markup <${u.markup}> is not read; write subtitle tags such as <i> as text`);
    else if (!target) {
      // A file sent back half done would list every cue: the first few are named, the rest counted.
      if (++untranslated <= NAMED_UNTRANSLATED) err(u.line, `cue "${u.id}" (${formatTime(cue.start)}) is not translated; a track is imported whole`);
    } else if (tagsOf(target) !== tagsOf(cue.text))
      err(u.line, `cue "${u.id}": tags in the translation (${tagsOf(target) || 'none'}) do not match the source (${tagsOf(cue.text) || 'none'})`);
  }
  if (untranslated > NAMED_UNTRANSLATED)
    err(1, `… and ${untranslated - NAMED_UNTRANSLATED} more cues not translated (${untranslated} of ${parsed.units.length})`);
  if (!parsed.units.length) err(1, 'the file holds no cue');
  if (errors.length) return fail();

  const written: { track: EpisodeTrack; file: string; vtt: string }[] = [];
  let cues = 0;
  for (const { track, units } of episodes.values()) {
    const missing = track.cues.filter((c) => !units.has(c.index));
    if (missing.length) {
      err(
        1,
        `${track.film}/${track.episode}: ${missing.length} cue(s) of the ${track.sourceLang} track are not in the file (first: cue ${missing[0]!.index}); export again`,
      );
      continue;
    }
    const lineOf = (cue: number) => units.get(cue)?.line ?? 1;
    const translated: SubtitleCue[] = track.cues.map((c) => ({ ...c, text: units.get(c.index)!.target.trim() }));
    // A timing error the source track has already (an overlap) is the source's to fix, not this file's.
    const inSource = new Set(checkTrack(track.cues, track.sourceLang).map((f) => `${f.cue} ${f.code}`));
    const findings = [...checkTrack(translated, lang), ...checkAgainstSource(translated, track.cues, track.sourceLang).findings];
    for (const f of findings.sort((a, b) => a.cue - b.cue)) {
      const message = `cue ${f.cue}: ${f.message}`;
      if (f.severity === 'error' && !inSource.has(`${f.cue} ${f.code}`)) err(lineOf(f.cue), message);
      else warnings.push(`${file}:${lineOf(f.cue)}: warning: ${message}${f.severity === 'error' ? ' (as in the source track)' : ''}`);
    }
    const rel = path.join(path.dirname(path.relative(track.dir, track.sourceFile)), `${lang}.vtt`);
    if (track.existing && path.normalize(track.existing) !== rel) {
      err(1, `${track.film}/${track.episode} has a ${lang} track already (${track.existing}); remove it from drama.yaml to replace it with an imported one`);
      continue;
    }
    cues += translated.length;
    written.push({
      track,
      file: rel,
      vtt: toWebVtt(translated, `translation: ${options.translator}; from the ${track.sourceLang} track, imported from ${path.basename(file)}`),
    });
  }
  if (errors.length) return fail();

  // drama.yaml edits first, in memory: a film whose YAML cannot be read stops the import before any file.
  const yamlEdits = new Map<string, YAML.Document>();
  for (const w of written) {
    if (w.track.existing) continue;
    const yamlFile = path.join(w.track.dir, 'drama.yaml');
    const doc = yamlEdits.get(yamlFile) ?? YAML.parseDocument(fs.readFileSync(yamlFile, 'utf8'));
    const list = doc.getIn(['episodes', w.track.episodeIndex, 'subtitles']);
    if (!YAML.isSeq(list)) {
      err(1, `${yamlFile}: episode ${w.track.episode} has no subtitles list to add the track to`);
      continue;
    }
    const node = doc.createNode({ lang, path: w.file });
    node.flow = true;
    list.add(node);
    yamlEdits.set(yamlFile, doc);
  }
  if (errors.length) return fail();
  for (const w of written) writeFileAtomic.sync(path.join(w.track.dir, w.file), w.vtt);
  for (const [f, doc] of yamlEdits) writeFileAtomic.sync(f, doc.toString({ lineWidth: 0 }));
  return { errors, warnings, lang, cues, tracks: written.map((w) => path.relative(root, path.join(w.track.dir, w.file))) };
}
