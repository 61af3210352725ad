// The format shared by the image stage (writer) and the site (reader): `build/assets/images.json`.
// Every URL in it is site-root relative (`/img/…`, `/iiif/…`) unless a base URL was configured.
import fs from 'node:fs';
import path from 'node:path';
import { assetsDir } from '../../model/paths.ts';

export const IMAGES_MANIFEST_FILE = 'images.json';

export interface ImageVariant {
  width: number;
  height: number;
  avif: string;
  webp: string;
  jpeg: string;
}

/** An IIIF Image API 3 level-0 size or tile description as listed in info.json. */
export interface IiifInfo {
  '@context': 'http://iiif.io/api/image/3/context.json';
  id: string;
  type: 'ImageService3';
  protocol: 'http://iiif.io/api/image';
  profile: 'level0';
  width: number;
  height: number;
  sizes: { width: number; height: number }[];
  tiles: { width: number; height: number; scaleFactors: number[] }[];
}

export interface ImageEntry {
  width: number;
  height: number;
  /** Content hash of the source file (sha256, hex). */
  hash: string;
  thumb: ImageVariant;
  display: ImageVariant;
  iiif: {
    /** Image service id: the URL the tiles are served under, e.g. `/iiif/3f2a…`. */
    id: string;
    /** URL of the info.json. */
    infoUrl: string;
    info: IiifInfo;
  };
}

/** Keyed by `<collection>/<media path>`, e.g. `npm-jades/images/jade001_full1140.jpg`. */
export type ImageManifest = Record<string, ImageEntry>;

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

/** The site reads this once per build; a missing file means the image stage has not run (no images yet). */
export function readImageManifest(dir = assetsDir()): ImageManifest {
  const file = imageManifestFile(dir);
  if (!fs.existsSync(file)) return {};
  return JSON.parse(fs.readFileSync(file, 'utf8')) as ImageManifest;
}
