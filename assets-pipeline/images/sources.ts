// Finds the image files the normalized records point at, refusing any path that leaves its collection's
// media folder (the schema already rejects `..`; this also catches symlinks pointing outside).
import fs from 'node:fs';
import path from 'node:path';
import { contentDir } from '../../model/paths.ts';
import { readCollections, streamArtifacts } from '../../model/store.ts';
import { imageKey } from '../../formats/manifests/images.ts';

export interface ImageSource {
  key: string;
  collection: string;
  mediaPath: string;
  /** Absolute path of the curator's file. */
  file: string;
  /** First record that uses it (errors name it). */
  record: string;
}

export interface ImageProblem {
  record: string;
  file: string;
  message: string;
}

export function collectionMediaDir(collection: string): string {
  return path.join(contentDir(), 'collections', collection, 'media');
}

/** Resolves a media path inside its collection folder, or explains why it cannot. */
export function resolveMediaPath(collection: string, mediaPath: string): { file: string } | { error: string } {
  const root = collectionMediaDir(collection);
  const file = path.resolve(root, mediaPath);
  const rel = path.relative(root, file);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    return { error: `media path "${mediaPath}" escapes the collection media folder ${root}` };
  }
  if (!fs.existsSync(file)) return { error: `file not found: ${file}` };
  const real = fs.realpathSync(file);
  const realRoot = fs.existsSync(root) ? fs.realpathSync(root) : root;
  const realRel = path.relative(realRoot, real);
  if (realRel.startsWith('..') || path.isAbsolute(realRel)) {
    return { error: `media path "${mediaPath}" links outside the collection media folder (${real})` };
  }
  return { file };
}

/** One entry per distinct `<collection>/<path>`; records sharing a file share its outputs. */
export async function collectImageSources(): Promise<{ sources: ImageSource[]; problems: ImageProblem[] }> {
  const byKey = new Map<string, ImageSource>();
  const problems: ImageProblem[] = [];
  for (const c of readCollections()) {
    for await (const a of streamArtifacts(c.id)) {
      for (const m of a.media ?? []) {
        // A linked image (another institution's service) has no file here.
        if (m.kind !== 'image' || !m.path) continue;
        const key = imageKey(c.id, m.path);
        if (byKey.has(key)) continue;
        const resolved = resolveMediaPath(c.id, m.path);
        if ('error' in resolved) {
          problems.push({ record: a.id, file: m.path, message: resolved.error });
          continue;
        }
        byKey.set(key, { key, collection: c.id, mediaPath: m.path, file: resolved.file, record: a.id });
      }
    }
  }
  return { sources: [...byKey.values()], problems };
}
