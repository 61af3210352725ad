// Dramas: short films and series shown with subtitles and dubbed audio in the visitor's language.
// Curators write `content/dramas/<slug>/drama.yaml`; `heritage ingest` checks it against this schema and publishes
// the record, which the video and subtitle stages, the site and the search read through `readDramas()`.
import path from 'node:path';
import { z } from 'zod';
import { contentDir } from './paths.ts';
import { readTypeRecords } from './store.ts';
import { baseRecord, langMap, mediaPath, slug } from './schema.ts';

// ICU's language names (Intl.DisplayNames) know every registered language; a well-formed tag it cannot name
// (`xx`, `qq`) is a typo, which would otherwise reach the player as an unnamed track.
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** BCP 47 tags for subtitle and audio languages: `en`, `fr`, `zh-Hans`, `zh-Hant`, `ar`, `pt-BR`… */
export const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2}|-\d{3})?$/, 'use a BCP 47 tag such as en, fr, zh-Hans, zh-Hant, ar')
  .refine((tag) => languageNames.of(tag) !== undefined, {
    error: (i) => `unknown language "${String(i.input)}" (use a BCP 47 tag such as en, fr, zh-Hans, ar)`,
  });

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

export const dubTrack = z.object({
  lang: languageTag,
  path: mediaPath,
  label: langMap.optional(),
  /** A synthetic voice (e.g. espeak-ng) standing in for a real dub. */
  standIn: z.boolean().default(false),
});

/** Audio description: a narration of what the picture shows, spoken in the gaps between the dialogue. The video
 * stage mixes it over the episode's audio in the same language (the original or a dub) into a described-audio
 * rendition, marked in HLS as describing the video. */
export const describedTrack = z.object({
  lang: languageTag,
  /** The narration alone (silence between descriptions), relative to the drama folder. */
  path: mediaPath,
  /** The descriptions as timed text (WebVTT), from which scripts/make-audio-description.ts speaks the narration. */
  cues: mediaPath.refine((p) => /\.vtt$/i.test(p), { message: 'description cues must be a .vtt file' }).optional(),
  label: langMap.optional(),
  /** A synthetic voice (e.g. espeak-ng) standing in for a human describer. */
  standIn: z.boolean().default(false),
});

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

export const episode = z.object({
  /** Becomes `/{locale}/dramas/{slug}/{id}/`: validation refuses an id the site uses there itself (formats/urls.ts
   * slugClash: `qc`, the curators' report page). */
  id: slug,
  title: langMap,
  synopsis: langMap.optional(),
  video: videoSource,
  /** Language spoken in the video's own audio track. */
  originalLanguage: languageTag,
  /** The subtitle language other tracks are checked against for missing cues. */
  sourceSubtitle: languageTag.optional(),
  subtitles: z.array(subtitleTrack).default([]),
  dubs: z.array(dubTrack).default([]),
  descriptions: z.array(describedTrack).default([]),
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
      // A description is mixed over the dialogue in its own language, so that language must be heard in the episode.
      const spoken = new Set([e.originalLanguage, ...e.dubs.map((a) => a.lang)]);
      e.descriptions.forEach((a, j) => {
        if (!spoken.has(a.lang))
          ctx.addIssue({
            code: 'custom',
            path: ['episodes', i, 'descriptions', j, 'lang'],
            message: `no audio in "${a.lang}" to describe over (the original is "${e.originalLanguage}"; add a dub in "${a.lang}" first)`,
          });
      });
    });
  });
export type Drama = z.infer<typeof drama>;

export interface LoadedDrama {
  drama: Drama;
  /** Folder holding drama.yaml; track paths are relative to it. */
  dir: string;
}

/** The validated dramas (build/records/dramas.json, written by `heritage ingest`), with their content folders. */
export function readDramas(dir?: string): LoadedDrama[] {
  return readTypeRecords('dramas', drama, dir).map((d) => ({ drama: d, dir: path.join(contentDir(), 'dramas', d.id) }));
}
