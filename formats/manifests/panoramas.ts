// The format shared by the panorama stage (writer) and the site (reader): `build/assets/panoramas.json`. Each
// variant of each panorama is a tile pyramid laid out for Photo Sphere Viewer's equirectangular tiles adapter
// (levels of `cols` × `rows` tiles, cols a power of two and rows = cols / 2) and a small preview shown while the
// tiles load.
import path from 'node:path';
import { z } from 'zod';
import { assetsDir } from '../../model/paths.ts';
import { readManifest } from './read.ts';

export const PANORAMAS_MANIFEST_FILE = 'panoramas.json';
export const PANORAMA_MANIFEST_VERSION = 1;

const level = z.object({ width: z.number().int().positive(), cols: z.number().int().positive(), rows: z.number().int().positive() });
export type PanoramaLevel = z.infer<typeof level>;

const panoramaEntry = z.object({
  /** Content hash of the source file (sha256, hex). */
  hash: z.string(),
  /** The source's size. */
  width: z.number(),
  height: z.number(),
  /** Tiles are square, this many pixels a side. */
  tileSize: z.number().int().positive(),
  /** Lowest resolution first. */
  levels: z.array(level).min(1),
  /** Tile `col`, `row` of level `level` (index in `levels`): `${tiles}/${level}/${col}_${row}.jpg`. */
  tiles: z.string(),
  /** The whole panorama, small (JPEG). */
  preview: z.object({ url: z.string(), width: z.number(), height: z.number(), bytes: z.number() }),
});
export type PanoramaEntry = z.infer<typeof panoramaEntry>;

/** Keyed by `<panorama>/<variant>`. */
export type PanoramaManifest = Record<string, PanoramaEntry>;
export const panoramaKey = (panorama: string, variant: string): string => `${panorama}/${variant}`;

const fileSchema = z.object({ version: z.literal(PANORAMA_MANIFEST_VERSION), panoramas: z.record(z.string(), panoramaEntry) });

export const panoramaManifestFile = (dir = assetsDir()): string => path.join(dir, PANORAMAS_MANIFEST_FILE);

export const panoramaManifestJson = (panoramas: PanoramaManifest): string => JSON.stringify({ version: PANORAMA_MANIFEST_VERSION, panoramas }, null, 1);

/** A missing file means the panorama stage has not run; a malformed or older one is an error. */
export function readPanoramaManifest(dir = assetsDir()): PanoramaManifest {
  return readManifest(panoramaManifestFile(dir), fileSchema)?.panoramas ?? {};
}

/** The URL of one tile, as the viewer asks for it. */
export const tileUrl = (entry: Pick<PanoramaEntry, 'tiles'>, level: number, col: number, row: number): string => `${entry.tiles}/${level}/${col}_${row}.jpg`;
