// Dramas: short films and series shown with subtitles and dubbed audio in the visitor's language.
// Curators write `content/dramas/<slug>/drama.yaml`; the video and subtitle stages, the site and the search read
// it through `readDramas()`, so the file format is defined here once.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { contentDir } from './paths.ts';
import { issueText, readYamlFile, yamlLine } from './yaml-input.ts';
import { baseRecord, langMap, mediaPath, slug } from './schema.ts';
import { confine } from './confine.ts';

/** BCP 47 tags for subtitle and audio languages: `en`, `fr`, `zh-Hans`, `zh-Hant`, `ar`, `pt-BR`… */
export const languageTag = z.string().regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2}|-\d{3})?$/, 'use a BCP 47 tag such as en, fr, zh-Hans, zh-Hant, ar');

/** Scripts written right to left; the player sets `dir="rtl"` on their captions and transcript. */
const RTL_LANGS = new Set(['ar', 'he', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv']);
export const isRtl = (tag: string): boolean => RTL_LANGS.has(tag.split('-')[0]!);

export const subtitleTrack = z.object({
  lang: languageTag,
  /** SRT or WebVTT, relative to the drama folder. */
  path: mediaPath.refine((p) => /\.(srt|vtt)$/i.test(p), { message: 'subtitle files must be .srt or .vtt' }),
  /** Shown in the menu, e.g. "العربية (test track)". Defaults to the language's own name. */
  label: langMap.optional(),
  /** A track made only to exercise the player (e.g. right-to-left display); listed as such to visitors. */
  test: z.boolean().default(false),
});
export type SubtitleTrack = z.infer<typeof subtitleTrack>;

export const dubTrack = z.object({
  lang: languageTag,
  path: mediaPath,
  label: langMap.optional(),
  /** A synthetic voice (e.g. espeak-ng) standing in for a real dub. */
  standIn: z.boolean().default(false),
});
export type DubTrack = z.infer<typeof dubTrack>;

/** Either a real video file, or a stand-in the video stage generates at the work's real length. */
export const videoSource = z.union([
  z.object({ path: mediaPath }),
  z.object({
    standIn: z.literal(true),
    duration: z
      .number()
      .positive()
      .max(6 * 3600),
  }),
]);
export type VideoSource = z.infer<typeof videoSource>;

export const episode = z.object({
  /** Becomes `/{locale}/dramas/{slug}/{id}/`; `qc` is the curators' report page. */
  id: slug.refine((s) => s !== 'qc', { message: '"qc" is reserved for the QC report page' }),
  title: langMap,
  synopsis: langMap.optional(),
  video: videoSource,
  /** Language spoken in the video's own audio track. */
  originalLanguage: languageTag,
  /** The subtitle language other tracks are checked against for missing cues. */
  sourceSubtitle: languageTag.optional(),
  subtitles: z.array(subtitleTrack).default([]),
  dubs: z.array(dubTrack).default([]),
  sourceUrl: z.string().url().optional(),
});
export type Episode = z.infer<typeof episode>;

export const drama = baseRecord
  .extend({
    type: z.literal('drama'),
    id: slug,
    synopsis: langMap,
    /** Multi-line credits per language (authors, translators, animation). */
    credits: langMap,
    episodes: z.array(episode).min(1),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.episodes.forEach((e, i) => {
      if (seen.has(e.id)) ctx.addIssue({ code: 'custom', path: ['episodes', i, 'id'], message: `duplicate episode id "${e.id}"` });
      seen.add(e.id);
    });
  });
export type Drama = z.infer<typeof drama>;

export interface LoadedDrama {
  drama: Drama;
  /** Folder holding drama.yaml; track paths are relative to it. */
  dir: string;
}

export interface DramaLoadError {
  file: string;
  message: string;
}

/** Reads every `content/dramas/<slug>/drama.yaml`. Invalid files are reported, never thrown, so one bad
 * drama does not hide the others. */
export function readDramas(root = path.join(contentDir(), 'dramas')): { dramas: LoadedDrama[]; errors: DramaLoadError[] } {
  const dramas: LoadedDrama[] = [];
  const errors: DramaLoadError[] = [];
  if (!fs.existsSync(root)) return { dramas, errors };
  for (const name of fs.readdirSync(root).sort()) {
    const dir = path.join(root, name);
    const file = path.join(dir, 'drama.yaml');
    if (!fs.existsSync(file)) continue;
    const read = readYamlFile(file);
    if ('error' in read) {
      errors.push({ file, message: `not valid YAML: ${read.error}` });
      continue;
    }
    const parsed = drama.safeParse({ type: 'drama', id: name, ...(read.value as object) });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) errors.push({ file, message: issueText(issue) });
      continue;
    }
    if (parsed.data.id !== name) {
      errors.push({ file, message: `id: "${parsed.data.id}" must equal its folder name "${name}"` });
      continue;
    }
    // Every media file must be inside this drama's folder once links are followed: a subtitle linked to
    // /etc/passwd would otherwise be published on a QC page.
    const refs = parsed.data.episodes.flatMap((e, i) => [
      ...e.subtitles.map((s, j) => ({ at: ['episodes', i, 'subtitles', j, 'path'], rel: s.path })),
      ...e.dubs.map((a, j) => ({ at: ['episodes', i, 'dubs', j, 'path'], rel: a.path })),
      ...('path' in e.video ? [{ at: ['episodes', i, 'video', 'path'], rel: e.video.path }] : []),
    ]);
    let bad = 0;
    for (const { at, rel } of refs) {
      const c = confine(dir, rel, `content/dramas/${name}/`);
      if ('problem' in c) {
        bad++;
        errors.push({ file: `${file}:${yamlLine(file, at)}`, message: `${at.join('.')}: ${c.problem}` });
      }
    }
    if (bad === 0) dramas.push({ drama: parsed.data, dir });
  }
  return { dramas, errors };
}

/** Page URL of an episode; the first episode is the drama page itself. */
export function episodeUrl(locale: string, d: Drama, episodeId: string, seconds?: number): string {
  const first = d.episodes[0]!.id === episodeId;
  const base = first ? `/${locale}/dramas/${d.id}/` : `/${locale}/dramas/${d.id}/${episodeId}/`;
  return seconds === undefined ? base : `${base}?t=${Math.floor(seconds * 10) / 10}`;
}
