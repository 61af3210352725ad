// Renders one source image into a folder: responsive derivatives (`img/`) and a level-0 tile pyramid
// (`iiif/`). The caller owns the folder (a temp folder renamed into place), so nothing here is atomic.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Metadata, OutputInfo, Sharp } from 'sharp';
import { buildInfo, completeLevel0 } from '../iiif/level0.ts';
import type { IiifInfo } from '../../formats/manifests/images.ts';
import type { DerivativeSettings } from './settings.ts';

/** A problem with the input itself (not a bug): reported with record and file, the run goes on. */
export class ImageInputError extends Error {}

/** Written beside the derivatives: the render result without timings. */
export const RENDER_META = 'meta.json';

export const VARIANT_FILES = { avif: 'avif', webp: 'webp', jpeg: 'jpg' } as const;

export interface RenderResult {
  width: number;
  height: number;
  thumb: { width: number; height: number };
  display: { width: number; height: number };
  info: IiifInfo;
  /** Milliseconds spent per output kind, for the benchmark. */
  ms: { thumb: number; display: number; tiles: number };
}

/** Reads only the header, so a decompression bomb is refused before a single pixel is decoded. */
export async function probe(file: string, pixelLimit: number): Promise<{ width: number; height: number }> {
  let meta: Metadata;
  try {
    meta = await sharp(file, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw new ImageInputError(`not a readable image (${(err as Error).message})`);
  }
  if (!meta.width || !meta.height) throw new ImageInputError(`not a readable image (no dimensions, format ${meta.format ?? 'unknown'})`);
  if (meta.width * meta.height > pixelLimit) {
    const mp = ((meta.width * meta.height) / 1e6).toFixed(0);
    throw new ImageInputError(
      `image declares ${meta.width}×${meta.height} (${mp} MP), above the pixel limit of ${(pixelLimit / 1e6).toFixed(0)} MP ` +
        '(option pixelLimit / HERITAGE_IMAGE_PIXEL_LIMIT)',
    );
  }
  // EXIF orientations 5–8 turn the picture a quarter turn: the published image has width and height swapped.
  const turned = (meta.orientation ?? 1) >= 5;
  return turned ? { width: meta.height, height: meta.width } : { width: meta.width, height: meta.height };
}

/** One decode pipeline: upright, 8-bit sRGB (CMYK JPEGs and 16-bit TIFFs are converted here). */
export function open(file: string, pixelLimit: number): Sharp {
  return sharp(file, { limitInputPixels: pixelLimit }).autoOrient().toColourspace('srgb');
}

async function encodeVariant(raw: { data: Buffer; info: OutputInfo }, base: string, s: DerivativeSettings): Promise<void> {
  const src = () => sharp(raw.data, { raw: { width: raw.info.width, height: raw.info.height, channels: raw.info.channels } });
  await Promise.all([
    src().avif({ quality: s.avifQuality, effort: s.avifEffort }).toFile(`${base}.${VARIANT_FILES.avif}`),
    src().webp({ quality: s.webpQuality }).toFile(`${base}.${VARIANT_FILES.webp}`),
    src().flatten({ background: '#ffffff' }).jpeg({ quality: s.jpegQuality, mozjpeg: true }).toFile(`${base}.${VARIANT_FILES.jpeg}`),
  ]);
}

export function decodeError(err: unknown): Error {
  const msg = (err as Error).message ?? String(err);
  return new ImageInputError(`cannot decode the image, the file is truncated or corrupt (${msg.split('\n')[0]})`);
}

export async function renderImage(
  file: string,
  outDir: string,
  opts: { settings: DerivativeSettings; pixelLimit: number; serviceId: string },
): Promise<RenderResult> {
  const s = opts.settings;
  const { width, height } = await probe(file, opts.pixelLimit);
  fs.mkdirSync(path.join(outDir, 'img'), { recursive: true });
  const ms = { thumb: 0, display: 0, tiles: 0 };

  // The display size is decoded once to raw pixels; the thumbnail is resized from it (cheap, and the
  // JPEG shrink-on-load already happened), so the source is decoded twice in all: here and for the tiles.
  let t = performance.now();
  let display: { data: Buffer; info: OutputInfo };
  try {
    display = await open(file, opts.pixelLimit)
      .resize({ width: s.displayWidth, height: Math.round(s.displayWidth * 1.5), fit: 'inside', withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    throw decodeError(err);
  }
  await encodeVariant(display, path.join(outDir, 'img', 'display'), s);
  ms.display = performance.now() - t;

  t = performance.now();
  const rawInput = { raw: { width: display.info.width, height: display.info.height, channels: display.info.channels } };
  const thumb = await sharp(display.data, rawInput)
    .resize({ width: s.thumbWidth, height: Math.round(s.thumbWidth * 1.5), fit: 'inside', withoutEnlargement: true })
    .raw()
    .toBuffer({ resolveWithObject: true });
  await encodeVariant(thumb, path.join(outDir, 'img', 'thumb'), s);
  ms.thumb = performance.now() - t;

  t = performance.now();
  const iiifDir = path.join(outDir, 'iiif');
  try {
    await open(file, opts.pixelLimit)
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: s.tileQuality })
      .tile({ layout: 'iiif3', size: s.tileSize, overlap: 0, id: 'tmp' })
      .toFile(iiifDir);
  } catch (err) {
    throw decodeError(err);
  }
  const info = buildInfo(opts.serviceId, width, height, completeLevel0(iiifDir, width, height, s.tileSize));
  if (!info.tiles.length) throw new Error(`the tiler wrote an incomplete pyramid for ${file}`);
  fs.writeFileSync(path.join(iiifDir, 'info.json'), JSON.stringify(info));
  ms.tiles = performance.now() - t;

  const result = {
    width,
    height,
    thumb: { width: thumb.info.width, height: thumb.info.height },
    display: { width: display.info.width, height: display.info.height },
    info,
  };
  // Outputs describe themselves, so a run killed before it saved its state can adopt them instead of redoing them.
  fs.writeFileSync(path.join(outDir, 'img', RENDER_META), JSON.stringify(result));
  return { ...result, ms };
}
