// The format shared by the image stage (writer) and the site, search and open data (readers):
// `build/assets/images.json`. Every URL in it is site-root relative (`/img/…`, `/iiif/…`) unless a base URL was
// configured.
import path from 'node:path';
import { z } from 'zod';
import { assetsDir } from '../../model/paths.ts';
import type { Artifact, MediaRef } from '../../model/schema.ts';
import { type LinkedImage, linkedImage } from '../iiif-service.ts';
import { readManifest } from './read.ts';

export const IMAGES_MANIFEST_FILE = 'images.json';
/** Raised whenever the shape below changes, so a manifest of an older build is rejected, not misread. */
export const IMAGE_MANIFEST_VERSION = 1;

const imageVariant = z.object({ width: z.number(), height: z.number(), avif: z.string(), webp: z.string(), jpeg: z.string() });
export type ImageVariant = z.infer<typeof imageVariant>;

const size = z.object({ width: z.number(), height: z.number() });
/** An IIIF Image API 3 level-0 size or tile description as listed in info.json. */
const iiifInfo = z.object({
  '@context': z.literal('http://iiif.io/api/image/3/context.json'),
  id: z.string(),
  type: z.literal('ImageService3'),
  protocol: z.literal('http://iiif.io/api/image'),
  profile: z.literal('level0'),
  width: z.number(),
  height: z.number(),
  sizes: z.array(size),
  tiles: z.array(z.object({ width: z.number(), height: z.number(), scaleFactors: z.array(z.number()) })),
});
export type IiifInfo = z.infer<typeof iiifInfo>;

const imageEntry = z.object({
  width: z.number(),
  height: z.number(),
  /** Content hash of the source file (sha256, hex). */
  hash: z.string(),
  thumb: imageVariant,
  display: imageVariant,
  iiif: z.object({
    /** Image service id: the URL the tiles are served under, e.g. `/iiif/3f2a…`. */
    id: z.string(),
    /** URL of the info.json. */
    infoUrl: z.string(),
    info: iiifInfo,
  }),
});
export type ImageEntry = z.infer<typeof imageEntry>;

/** Keyed by `<collection>/<media path>`, e.g. `npm-jades/images/jade001_full1140.jpg`. */
export type ImageManifest = Record<string, ImageEntry>;

const imageManifestFileSchema = z.object({ version: z.literal(IMAGE_MANIFEST_VERSION), images: z.record(z.string(), imageEntry) });

export function imageKey(collection: string, mediaPath: string): string {
  return `${collection}/${mediaPath}`;
}

/** A collection's entries, the way stages key their caches on its images. */
export function collectionImages(images: ImageManifest, collection: string): [string, ImageEntry][] {
  const prefix = imageKey(collection, '');
  return Object.entries(images).filter(([k]) => k.startsWith(prefix));
}

export function imageManifestFile(dir = assetsDir()): string {
  return path.join(dir, IMAGES_MANIFEST_FILE);
}

/** The file's text as the image stage writes it. */
export function imageManifestJson(images: ImageManifest): string {
  return JSON.stringify({ version: IMAGE_MANIFEST_VERSION, images }, null, 1);
}

/** A missing file means the image stage has not run (no images yet); a malformed or older one is an error. */
export function readImageManifest(dir = assetsDir()): ImageManifest {
  return readManifest(imageManifestFile(dir), imageManifestFileSchema)?.images ?? {};
}

/** An artifact's published images, in its media order; one whose image was not (yet) processed has none. */
export function imagesOf(images: ImageManifest, artifact: Pick<Artifact, 'media' | 'collection'>): ImageEntry[] {
  return artifact.media.flatMap((r) => (r.kind === 'image' && r.path ? (images[imageKey(artifact.collection, r.path)] ?? []) : []));
}

let cached: ImageManifest | undefined;

/** imagesOf the manifest as it was when first asked, read once per process (an Astro build, a stage run). */
export function imagesFor(artifact: Pick<Artifact, 'media' | 'collection'>): ImageEntry[] {
  cached ??= readImageManifest();
  return imagesOf(cached, artifact);
}

/** An image as a page shows it: published by the image stage, or linked from another institution's IIIF service. */
type ShownImage = { local: ImageEntry; linked?: undefined } | { linked: LinkedImage; local?: undefined };

/** Every image of an artifact a page shows, in its media order, with the media reference it comes from. The
 * local ones only where the image stage has published them. */
export function shownImagesFor(artifact: Pick<Artifact, 'media' | 'collection'>): { image: ShownImage; ref: MediaRef }[] {
  cached ??= readImageManifest();
  const images = cached;
  return artifact.media.flatMap((ref): { image: ShownImage; ref: MediaRef }[] => {
    if (ref.kind !== 'image') return [];
    if (ref.service) return [{ image: { linked: linkedImage(ref.service) }, ref }];
    const entry = ref.path ? images[imageKey(artifact.collection, ref.path)] : undefined;
    return entry ? [{ image: { local: entry }, ref }] : [];
  });
}

/** A card's thumbnail: the first shown image's small size (a linked one has a JPEG only). */
export function cardThumbFor(
  artifact: Pick<Artifact, 'media' | 'collection'>,
): (Partial<ImageVariant> & { jpeg: string; width: number; height: number }) | undefined {
  const first = shownImagesFor(artifact)[0]?.image;
  return first?.local?.thumb ?? first?.linked?.thumb;
}

export const imageFor = (artifact: Pick<Artifact, 'media' | 'collection'>): ImageEntry | undefined => imagesFor(artifact)[0];
