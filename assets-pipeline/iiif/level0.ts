// IIIF Image API 3 level 0 is a set of static files, so a viewer may only ask for URLs that exist. This module
// names every URL a client computes from an info.json (the Image API 3 implementation notes' tile algorithm,
// which OpenSeadragon's IIIFTileSource follows, including its `full` region and `max` size spellings) and
// builds an info.json that lists only scale factors and sizes whose files are all on disk.
import fs from 'node:fs';
import path from 'node:path';
import type { IiifInfo } from '../../formats/manifests/images.ts';
import { fullSizePath, tilePath } from '../../formats/manifests/iiif-paths.ts';

/** Scale factors 1, 2, 4 … until one tile covers the whole image (OpenSeadragon needs every power of two). */
export function candidateScaleFactors(width: number, height: number, tileSize: number): number[] {
  const out = [1];
  while (Math.ceil(width / out.at(-1)!) > tileSize || Math.ceil(height / out.at(-1)!) > tileSize) out.push(out.at(-1)! * 2);
  return out;
}

/** Every path a client requests for one scale factor. */
export function levelPaths(width: number, height: number, tileSize: number, scaleFactor: number): string[] {
  const levelW = Math.ceil(width / scaleFactor);
  const levelH = Math.ceil(height / scaleFactor);
  if (levelW < tileSize && levelH < tileSize) return [fullSizePath(levelW, levelH, width, height)];
  const region = tileSize * scaleFactor;
  const paths: string[] = [];
  for (let y = 0; y * region < height; y++) {
    for (let x = 0; x * region < width; x++) paths.push(tilePath(width, height, tileSize, scaleFactor, x, y));
  }
  return paths;
}

/** Other spellings of the same request that a tiler may have used (`full` ⇔ `0,0,W,H`, `max` ⇔ `W,H`). */
function aliases(rel: string, width: number, height: number): string[] {
  const [region, size, ...rest] = rel.split('/');
  const regions = region === 'full' ? ['full', `0,0,${width},${height}`] : [region!];
  const sizes = size === 'max' ? ['max', `${width},${height}`] : [size!];
  const out: string[] = [];
  for (const r of regions) for (const s of sizes) out.push([r, s, ...rest].join('/'));
  return out.filter((p) => p !== rel);
}

/**
 * Makes the tiler's output answer every URL a client will compute: a missing file is copied from another
 * spelling of the same request. Returns the scale factors that are complete (a contiguous run from 1, since
 * a client walks every power of two up to the largest listed) and the full-region sizes on disk.
 */
export function completeLevel0(dir: string, width: number, height: number, tileSize: number): Pick<IiifInfo, 'sizes' | 'tiles'> {
  const scaleFactors: number[] = [];
  for (const sf of candidateScaleFactors(width, height, tileSize)) {
    let complete = true;
    for (const rel of levelPaths(width, height, tileSize, sf)) {
      const file = path.join(dir, rel);
      if (fs.existsSync(file)) continue;
      const alias = aliases(rel, width, height)
        .map((a) => path.join(dir, a))
        .find((a) => fs.existsSync(a));
      if (!alias) {
        complete = false;
        break;
      }
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.copyFileSync(alias, file);
    }
    if (!complete) break;
    scaleFactors.push(sf);
  }
  const sizes: IiifInfo['sizes'] = [];
  for (const sf of scaleFactors) {
    const w = Math.ceil(width / sf);
    const h = Math.ceil(height / sf);
    if (fs.existsSync(path.join(dir, fullSizePath(w, h, width, height)))) sizes.push({ width: w, height: h });
  }
  sizes.sort((a, b) => a.width - b.width);
  return { sizes, tiles: scaleFactors.length ? [{ width: tileSize, height: tileSize, scaleFactors }] : [] };
}

export function buildInfo(id: string, width: number, height: number, parts: Pick<IiifInfo, 'sizes' | 'tiles'>): IiifInfo {
  return {
    '@context': 'http://iiif.io/api/image/3/context.json',
    id,
    type: 'ImageService3',
    protocol: 'http://iiif.io/api/image',
    profile: 'level0',
    width,
    height,
    sizes: parts.sizes,
    tiles: parts.tiles,
  };
}

/** Every file an info.json names, relative to its service folder: what tests and the e2e check walk. */
export function pathsNamedByInfo(info: IiifInfo): string[] {
  const out = new Set<string>();
  for (const s of info.sizes) out.add(fullSizePath(s.width, s.height, info.width, info.height));
  for (const t of info.tiles) {
    for (const sf of t.scaleFactors) for (const p of levelPaths(info.width, info.height, t.width, sf)) out.add(p);
  }
  return [...out];
}
