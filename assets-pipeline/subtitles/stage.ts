// Subtitle stage: every track of every drama episode is parsed, checked and published as WebVTT at
// `build/media/dramas/<slug>/<episode>/subtitles/<lang>.vtt` (served at `/dramas/…`). The QC findings, the
// coverage table and each episode's cues (for the transcript and search) go to `build/assets/`.
import fs from 'node:fs';
import path from 'node:path';
import { isRtl, readDramas, type LoadedDrama } from '../../model/drama.ts';
import { assetsDir, mediaDir } from '../../model/paths.ts';
import { parseSubtitleFile, plainText, toWebVtt, type ParsedSubtitles } from './parse.ts';
import { checkAgainstSource, checkTrack, parseFindings } from './qc.ts';
import {
  episodeCuesPath,
  SUBTITLE_MANIFEST_VERSION,
  subtitleManifestPath,
  type EpisodeCues,
  type EpisodeSubtitles,
  type Finding,
  type SubtitleManifest,
  type TrackReport,
} from '../../formats/manifests/subtitles.ts';
import { writeIfChanged } from '../write-if-changed.ts';
import { simplifiedHan } from '../../model/han-script.ts';
import { readLabels } from '../../formats/i18n.ts';
import type { LangMap } from '../../model/schema.ts';

interface Track {
  lang: string;
  path: string;
  test: boolean;
  label?: LangMap;
  parsed: ParsedSubtitles;
  /** How a track the curator did not supply was made. */
  derived?: string;
}

const TRADITIONAL = ['zh-Hant', 'zh-TW', 'zh-HK'];

/** Chinese pages read in simplified characters: an episode whose only Chinese track is in traditional ones gets
 * a simplified track converted from it (OpenCC), labelled as converted, so the Chinese default follows the
 * page's script. A curator's own simplified track always wins. */
function simplifiedTrack(tracks: Track[]): Track | undefined {
  if (tracks.some((t) => t.lang === 'zh-Hans' || t.lang === 'zh' || t.lang === 'zh-CN')) return undefined;
  const from = tracks.find((t) => TRADITIONAL.includes(t.lang) && !t.test && !t.parsed.error);
  if (!from) return undefined;
  const cues = from.parsed.cues.map((c) => ({ ...c, text: simplifiedHan(c.text) ?? c.text }));
  return {
    lang: 'zh-Hans',
    path: from.path,
    test: false,
    label: readLabels('drama')['player.convertedSimplified']!,
    parsed: { ...from.parsed, cues },
    derived: `converted with OpenCC (t2s) from ${from.lang}`,
  };
}

function episodeReport({ drama, dir }: LoadedDrama, epIndex: number): { report: EpisodeSubtitles; cues: EpisodeCues; written: number } {
  const ep = drama.episodes[epIndex]!;
  const parsed = new Map<string, ParsedSubtitles>(ep.subtitles.map((t) => [t.lang, parseSubtitleFile(path.join(dir, t.path))]));
  const sourceLang = ep.sourceSubtitle ?? ep.originalLanguage;
  const source = parsed.get(sourceLang);
  const outDir = path.join(mediaDir(), 'dramas', drama.id, ep.id, 'subtitles');
  let written = 0;
  const tracks: TrackReport[] = [];
  const cueTracks: EpisodeCues['tracks'] = [];
  const inputs: Track[] = ep.subtitles.map((t) => ({ ...t, parsed: parsed.get(t.lang)! }));
  const simplified = simplifiedTrack(inputs);
  if (simplified) inputs.push(simplified);
  for (const t of inputs) {
    const p = t.parsed;
    const findings: Finding[] = [...parseFindings(p), ...(p.error ? [] : checkTrack(p.cues, t.lang))];
    let covered = p.cues.length;
    let total = p.cues.length;
    if (source && !source.error && t.lang !== sourceLang) {
      const cov = checkAgainstSource(p.cues, source.cues, sourceLang);
      // A track that could not be read or was refused has no cues: its one error says why, not a missing cue per
      // source cue (20,000 of them for a refused track).
      if (!p.error) findings.push(...cov.findings);
      covered = cov.covered;
      total = cov.total;
    }
    findings.sort((a, b) => a.cue - b.cue);
    if (!p.error) {
      const note = `${drama.id}/${ep.id} ${t.lang}${t.test ? ' (test track)' : ''}, ${t.derived ?? 'normalized'} from ${path.basename(t.path)}`;
      if (writeIfChanged(path.join(outDir, `${t.lang}.vtt`), toWebVtt(p.cues, note))) written++;
      cueTracks.push({ lang: t.lang, rtl: isRtl(t.lang), cues: p.cues.map((c) => ({ start: c.start / 1000, end: c.end / 1000, text: plainText(c.text) })) });
    }
    tracks.push({
      lang: t.lang,
      ...(t.label ? { label: t.label } : {}),
      test: t.test,
      rtl: isRtl(t.lang),
      url: `/dramas/${drama.id}/${ep.id}/subtitles/${t.lang}.vtt`,
      cues: p.cues.length,
      errors: findings.filter((f) => f.severity === 'error').length,
      warnings: findings.filter((f) => f.severity === 'warning').length,
      covered,
      total,
      findings,
      sourceFile: t.path,
    });
  }
  return { report: { source: source ? sourceLang : undefined, tracks }, cues: { drama: drama.id, episode: ep.id, tracks: cueTracks }, written };
}

export interface SubtitleStageResult {
  tracks: number;
  written: number;
  errors: number;
  warnings: number;
}

export function runSubtitleStage(log: (line: string) => void = console.log): SubtitleStageResult {
  const dramas = readDramas();
  const manifest: SubtitleManifest = { version: SUBTITLE_MANIFEST_VERSION, dramas: {} };
  const result: SubtitleStageResult = { tracks: 0, written: 0, errors: 0, warnings: 0 };
  const keepDramas = new Set<string>();
  for (const loaded of dramas) {
    const episodes: Record<string, EpisodeSubtitles> = {};
    loaded.drama.episodes.forEach((ep, i) => {
      const { report, cues, written } = episodeReport(loaded, i);
      episodes[ep.id] = report;
      writeIfChanged(episodeCuesPath(loaded.drama.id, ep.id), JSON.stringify(cues));
      result.written += written;
      for (const t of report.tracks) {
        result.tracks++;
        result.errors += t.errors;
        result.warnings += t.warnings;
      }
    });
    manifest.dramas[loaded.drama.id] = { episodes };
    keepDramas.add(loaded.drama.id);
  }
  // A drama removed from content loses its cue files (its media folder is pruned by the video stage).
  const cueRoot = path.join(assetsDir(), 'drama-cues');
  if (fs.existsSync(cueRoot)) {
    for (const d of fs.readdirSync(cueRoot)) if (!keepDramas.has(d)) fs.rmSync(path.join(cueRoot, d), { recursive: true, force: true });
  }
  writeIfChanged(subtitleManifestPath(), JSON.stringify(manifest, null, 1));
  log(
    `subtitles: ${result.tracks} tracks, ${result.written} written, QC ${result.errors} errors, ${result.warnings} warnings (see /{locale}/dramas/{slug}/qc/)`,
  );
  return result;
}
