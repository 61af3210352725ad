// `build/assets/drama-subtitles.json` (each track's QC report) and `build/assets/drama-cues/<slug>/<ep>.json`
// (each episode's cues for the transcript and search): written by the subtitle stage, read by the drama pages
// and the search stage.
import path from 'node:path';
import { z } from 'zod';
import { assetsDir } from '../../model/paths.ts';
import { langMap } from '../../model/schema.ts';
import { readManifest } from './read.ts';

/** Raised whenever the shape below changes, so a manifest of an older build is rejected, not misread. */
export const SUBTITLE_MANIFEST_VERSION = 1;

const severity = z.enum(['error', 'warning']);

const finding = z.object({
  /** 1-based cue number in the checked file (for a missing cue, the source cue's); 0 for the file as a whole. */
  cue: z.number(),
  severity,
  code: z.enum(['parse', 'timing', 'overlap', 'too-short', 'too-long', 'reading-speed', 'too-many-lines', 'line-too-long', 'missing-cue', 'empty']),
  message: z.string(),
});
export type Finding = z.infer<typeof finding>;

const trackReport = z.object({
  lang: z.string(),
  label: langMap.optional(),
  test: z.boolean(),
  rtl: z.boolean(),
  /** Site URL of the normalized WebVTT. */
  url: z.string(),
  cues: z.number(),
  errors: z.number(),
  warnings: z.number(),
  /** Source cues that have a cue in this track at their time (equals `total` for the source itself). */
  covered: z.number(),
  total: z.number(),
  findings: z.array(finding),
  sourceFile: z.string(),
});
export type TrackReport = z.infer<typeof trackReport>;

const episodeSubtitles = z.object({ source: z.string().optional(), tracks: z.array(trackReport) });
export type EpisodeSubtitles = z.infer<typeof episodeSubtitles>;

const subtitleManifest = z.object({
  version: z.literal(SUBTITLE_MANIFEST_VERSION),
  dramas: z.record(z.string(), z.object({ episodes: z.record(z.string(), episodeSubtitles) })),
});
export type SubtitleManifest = z.infer<typeof subtitleManifest>;

/** Cues of one episode in every language: what the transcript and the search read. */
const episodeCues = z.object({
  drama: z.string(),
  episode: z.string(),
  tracks: z.array(z.object({ lang: z.string(), rtl: z.boolean(), cues: z.array(z.object({ start: z.number(), end: z.number(), text: z.string() })) })),
});
export type EpisodeCues = z.infer<typeof episodeCues>;

export const subtitleManifestPath = (): string => path.join(assetsDir(), 'drama-subtitles.json');
export const episodeCuesPath = (slug: string, ep: string): string => path.join(assetsDir(), 'drama-cues', slug, `${ep}.json`);

/** Undefined when the subtitle stage has not run; an unreadable or older manifest is an error naming the file. */
export const readSubtitleManifest = (): SubtitleManifest | undefined => readManifest(subtitleManifestPath(), subtitleManifest);

/** Undefined when the episode has no published cues. */
export const readEpisodeCues = (slug: string, ep: string): EpisodeCues | undefined => readManifest(episodeCuesPath(slug, ep), episodeCues);
