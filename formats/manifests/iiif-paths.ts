// The names of an image service's level-0 files (whole-image sizes and tiles), as the image stage writes them
// and browsers ask for them. Pure (no fs), so the browser's reuse download stitches tiles with the same names.
import type { ImageEntry } from './images.ts';

/** The file name of every IIIF level-0 image the image stage writes (quality `default`, format `jpg`, no rotation). */
const IIIF_TILE_FILE = '0/default.jpg';

/** A level-0 size parameter: `max` for the full size, else `w,h`. */
function iiifSizeParam(w: number, h: number, width: number, height: number): string {
  return w === width && h === height ? 'max' : `${w},${h}`;
}

/** Path (relative to the image service folder) of a full-region image at one size. */
export function fullSizePath(w: number, h: number, width: number, height: number): string {
  return `full/${iiifSizeParam(w, h, width, height)}/${IIIF_TILE_FILE}`;
}

/** Path (relative to the image service folder) of the tile in column `x`, row `y` of one scale factor, as the
 * Image API 3 implementation notes' algorithm names it (and the image stage writes it). */
export function tilePath(width: number, height: number, tileSize: number, scaleFactor: number, x: number, y: number): string {
  const levelW = Math.ceil(width / scaleFactor);
  const levelH = Math.ceil(height / scaleFactor);
  if (levelW < tileSize && levelH < tileSize) return fullSizePath(levelW, levelH, width, height);
  const region = tileSize * scaleFactor;
  const rx = x * region;
  const ry = y * region;
  const rw = Math.min(region, width - rx);
  const rh = Math.min(region, height - ry);
  const regionParam = rx === 0 && ry === 0 && rw === width && rh === height ? 'full' : `${rx},${ry},${rw},${rh}`;
  const sw = Math.min(tileSize, levelW - x * tileSize);
  const sh = Math.min(tileSize, levelH - y * tileSize);
  return `${regionParam}/${iiifSizeParam(sw, sh, width, height)}/${IIIF_TILE_FILE}`;
}

/** The URL of one of the whole-image sizes an image's info.json lists (its published JPEG at that size). */
export const iiifSizeUrl = (image: Pick<ImageEntry, 'width' | 'height' | 'iiif'>, size: { width: number; height: number }): string =>
  `${image.iiif.id}/${fullSizePath(size.width, size.height, image.width, image.height)}`;
