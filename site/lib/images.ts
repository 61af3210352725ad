// Finds an artifact's published images in the image stage's manifest, read once per build.
// An artifact whose image was not (yet) processed simply has none: pages fall back to a placeholder.
import { imageKey, readImageManifest, type ImageEntry, type ImageManifest } from '../../assets-pipeline/images/manifest.ts';
import type { Artifact } from '../../model/schema.ts';

let manifest: ImageManifest | undefined;

export function imagesFor(artifact: Pick<Artifact, 'media' | 'collection'>): ImageEntry[] {
  manifest ??= readImageManifest();
  const m = manifest;
  return artifact.media.filter((r) => r.kind === 'image').flatMap((r) => m[imageKey(artifact.collection, r.path)] ?? []);
}

export const imageFor = (artifact: Pick<Artifact, 'media' | 'collection'>): ImageEntry | undefined => imagesFor(artifact)[0];

export const manifestUrl = (artifactId: string): string => `/iiif/manifests/${encodeURIComponent(artifactId)}.json`;
