// Every knob that changes the pixels the image stage writes. Their hash is part of each output's key, so
// changing one of them re-renders everything, and nothing else does.
import crypto from 'node:crypto';
import sharp from 'sharp';

export interface DerivativeSettings {
  thumbWidth: number;
  displayWidth: number;
  avifQuality: number;
  avifEffort: number;
  webpQuality: number;
  jpegQuality: number;
  tileSize: number;
  tileQuality: number;
}

/**
 * AVIF effort, measured with sharp 0.35.5 / libaom 3.15.1 on this 2-core machine (a 12 MP photo resized,
 * encode time per image at quality 50 from raw pixels, mean of 3 (1600 px) / 10 (400 px) runs):
 *
 *   effort | 1600 px: ms   KB | 400 px: ms  KB
 *   0      |        137   18 |          6   3
 *   1      |        192   17 |         15   3
 *   2      |        376   18 |         33   3
 *   3      |        478   15 |         56   2
 *   4      |       1976   14 |        166   2
 *
 * Effort 4 (sharp's default) costs 10–14× effort 0–1 for files ~20 % smaller; effort 1 keeps the display
 * AVIF under the cost of the tile pyramid, so the stage stays near 2 images/s on 12 MP inputs.
 */
export const AVIF_EFFORT = 1;

export const DEFAULT_SETTINGS: DerivativeSettings = {
  thumbWidth: 400,
  displayWidth: 1600,
  avifQuality: 50,
  avifEffort: AVIF_EFFORT,
  webpQuality: 78,
  jpegQuality: 82,
  tileSize: 512,
  tileQuality: 82,
};

/** Decompression-bomb guard: sharp refuses to decode more pixels than this (width × height). */
export const DEFAULT_PIXEL_LIMIT = 200_000_000;

export function pixelLimitFromEnv(): number {
  const raw = process.env.HERITAGE_IMAGE_PIXEL_LIMIT;
  const n = raw ? Number(raw) : NaN;
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_PIXEL_LIMIT;
}

/** Short hash of the settings plus the libvips version (a new encoder may write different bytes). */
export function settingsHash(settings: DerivativeSettings): string {
  const text = JSON.stringify({ settings, vips: sharp.versions.vips, sharp: sharp.versions.sharp, v: 1 });
  return crypto.createHash('sha256').update(text).digest('hex').slice(0, 12);
}
