// Finds an artifact's published image derivatives in the image stage's manifest (build/assets/images.json).
// An artifact whose image was not (yet) processed simply has none: pages fall back to a placeholder.
import fs from 'node:fs';
import path from 'node:path';
import { assetsDir } from '../../model/paths.ts';
import type { Artifact } from '../../model/schema.ts';

export interface Derivative {
  width: number;
  height: number;
  avif: string;
  webp: string;
  jpeg: string;
}
export interface ImageEntry {
  width: number;
  height: number;
  thumb: Derivative;
  display: Derivative;
  iiif: { id: string; info: string };
}

let manifest: Record<string, ImageEntry> | undefined;

function load(): Record<string, ImageEntry> {
  if (!manifest) {
    const file = path.join(assetsDir(), 'images.json');
    manifest = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, ImageEntry>) : {};
  }
  return manifest;
}

export function imagesFor(artifact: Artifact): ImageEntry[] {
  const m = load();
  return artifact.media.filter((r) => r.kind === 'image').flatMap((r) => m[`${artifact.collection}/${r.path}`] ?? []);
}

export const imageFor = (artifact: Artifact): ImageEntry | undefined => imagesFor(artifact)[0];
