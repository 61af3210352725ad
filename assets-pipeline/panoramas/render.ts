// Renders one equirectangular source into a folder: a small preview and a tile pyramid for Photo Sphere Viewer's
// equirectangular tiles adapter. The caller owns the folder (a temp folder renamed into place), so nothing here is
// atomic. Decoding, the pixel limit and the errors for bad files are the image stage's own.
import fs from 'node:fs';
import path from 'node:path';
import { decodeError, ImageInputError, open, probe } from '../images/render.ts';
import type { PanoramaLevel } from '../../formats/manifests/panoramas.ts';

export interface PanoramaSettings {
  /** Largest tile side; a level's tiles are this size or a little smaller (so the top level keeps the source width). */
  tileSize: number;
  tileQuality: number;
  previewWidth: number;
  previewQuality: number;
}

/** The viewer asks for tiles at the resolution the screen needs; 512-pixel tiles keep the first view to a few
 * requests, and a 1024 × 512 preview (about 60 KB) is what shows while they load. */
export const PANORAMA_SETTINGS: PanoramaSettings = { tileSize: 512, tileQuality: 80, previewWidth: 1024, previewQuality: 72 };

/** Narrower than this there is nothing to tile: one preview-sized image is the whole panorama. */
export const MIN_PANORAMA_WIDTH = 1024;

export const PANORAMA_META = 'meta.json';

export interface PanoramaRender {
  width: number;
  height: number;
  tileSize: number;
  levels: PanoramaLevel[];
  preview: { width: number; height: number; bytes: number };
}

/**
 * The pyramid for a source `width` wide: the adapter needs cols a power of two and rows = cols / 2, so the top level
 * has the fewest columns whose tiles are at most `tileSize` wide, with tiles of width / cols (rounded down: the
 * top level loses at most cols − 1 pixels). Each lower level halves the columns, down to two.
 */
export function pyramid(width: number, tileSize: number): { tile: number; levels: PanoramaLevel[] } {
  const topCols = Math.max(2, 2 ** Math.ceil(Math.log2(width / tileSize)));
  const tile = Math.floor(width / topCols);
  const levels: PanoramaLevel[] = [];
  for (let cols = 2; cols <= topCols; cols *= 2) levels.push({ width: cols * tile, cols, rows: cols / 2 });
  return { tile, levels };
}

export async function renderPanorama(file: string, outDir: string, opts: { settings: PanoramaSettings; pixelLimit: number }): Promise<PanoramaRender> {
  const s = opts.settings;
  const { width, height } = await probe(file, opts.pixelLimit);
  // Equirectangular means 360° across and 180° down: exactly twice as wide as high (a pixel of rounding allowed).
  if (Math.abs(width - 2 * height) > Math.max(2, width * 0.002))
    throw new ImageInputError(`not an equirectangular panorama: ${width}×${height} is not twice as wide as it is high`);
  if (width < MIN_PANORAMA_WIDTH) throw new ImageInputError(`too small for a panorama: ${width}×${height} (at least ${MIN_PANORAMA_WIDTH} pixels wide)`);
  const { tile, levels } = pyramid(width, s.tileSize);
  const top = levels.at(-1)!;
  fs.mkdirSync(outDir, { recursive: true });

  const previewFile = path.join(outDir, 'preview.jpg');
  const previewSize = { width: s.previewWidth, height: s.previewWidth / 2 };
  try {
    await open(file, opts.pixelLimit)
      .resize(previewSize.width, previewSize.height, { fit: 'fill' })
      .jpeg({ quality: s.previewQuality, mozjpeg: true })
      .toFile(previewFile);
  } catch (err) {
    throw decodeError(err);
  }

  // libvips' Deep Zoom writer streams the image through once and halves it per level; a top level of exactly
  // cols × tile pixels makes each of its levels exactly one of ours.
  const dz = path.join(outDir, 'dz');
  try {
    let img = open(file, opts.pixelLimit);
    if (top.width !== width || top.width / 2 !== height) img = img.resize(top.width, top.width / 2, { fit: 'fill' });
    await img.jpeg({ quality: s.tileQuality, mozjpeg: true }).tile({ size: tile, overlap: 0, layout: 'dz', depth: 'onepixel' }).toFile(dz);
  } catch (err) {
    throw decodeError(err);
  }
  const dzLevels = path.join(outDir, 'dz_files');
  const topDz = Math.ceil(Math.log2(top.width));
  const tilesDir = path.join(outDir, 'tiles');
  fs.mkdirSync(tilesDir);
  levels.forEach((level, i) => {
    const from = path.join(dzLevels, String(topDz - (levels.length - 1 - i)));
    const to = path.join(tilesDir, String(i));
    fs.mkdirSync(to);
    for (let col = 0; col < level.cols; col++)
      for (let row = 0; row < level.rows; row++) {
        const src = path.join(from, `${col}_${row}.jpeg`);
        if (!fs.existsSync(src)) throw new Error(`the tiler wrote no tile ${col}_${row} at level ${i} for ${file}`);
        fs.renameSync(src, path.join(to, `${col}_${row}.jpg`));
      }
  });
  fs.rmSync(dzLevels, { recursive: true, force: true });
  fs.rmSync(`${dz}.dzi`, { force: true });

  const result: PanoramaRender = { width, height, tileSize: tile, levels, preview: { ...previewSize, bytes: fs.statSync(previewFile).size } };
  // Outputs describe themselves, so a run killed before it saved its state can adopt them instead of redoing them.
  fs.writeFileSync(path.join(outDir, PANORAMA_META), JSON.stringify(result));
  return result;
}
