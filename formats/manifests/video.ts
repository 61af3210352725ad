// `build/assets/dramas.json`: what the video stage published for each drama episode, read by the drama pages.
import path from 'node:path';
import { z } from 'zod';
import { assetsDir } from '../../model/paths.ts';
import { langMap } from '../../model/schema.ts';
import { readManifest, readOwnManifest } from './read.ts';

/** Raised whenever the shape below changes, so a manifest of an older build is rejected, not misread. */
export const VIDEO_MANIFEST_VERSION = 1;

const episodeVideo = z.object({
  key: z.string(),
  duration: z.number(),
  standIn: z.boolean(),
  /** Site URLs (media is served at the site root). */
  hls: z.string(),
  mp4: z.string(),
  poster: z.string(),
  sprite: z.object({ image: z.string(), vtt: z.string(), interval: z.number() }),
  renditions: z.array(z.object({ width: z.number(), height: z.number(), bandwidth: z.number() })),
  audio: z.array(
    z.object({
      lang: z.string(),
      original: z.boolean(),
      standIn: z.boolean(),
      label: langMap.optional(),
      /** An audio-description rendition (HLS `public.accessibility.describes-video`). */
      describes: z.boolean().optional(),
    }),
  ),
});
export type EpisodeVideo = z.infer<typeof episodeVideo>;

const videoManifest = z.object({
  version: z.literal(VIDEO_MANIFEST_VERSION),
  /** The encoder settings the episodes were made with (their keys already hash them; kept for people reading). */
  settings: z.record(z.string(), z.unknown()),
  dramas: z.record(z.string(), z.object({ episodes: z.record(z.string(), episodeVideo) })),
});
export type VideoManifest = z.infer<typeof videoManifest>;

export const videoManifestPath = (): string => path.join(assetsDir(), 'dramas.json');

/** Undefined when the video stage has not run; an unreadable or older manifest is an error naming the file. */
export const readVideoManifest = (): VideoManifest | undefined => readManifest(videoManifestPath(), videoManifest);

/** The stage's own previous manifest: unreadable means nothing to reuse (every episode is encoded again). */
export const readPreviousVideoManifest = (log?: (line: string) => void): VideoManifest | undefined => readOwnManifest(videoManifestPath(), videoManifest, log);
