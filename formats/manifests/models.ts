// `build/assets/models.json`: the optimized derivatives the models stage made of each scene variant's model,
// read by the scene pages and the scene benchmark.
import path from 'node:path';
import { z } from 'zod';
import { assetsDir } from '../../model/paths.ts';
import { readManifest, readOwnManifest } from './read.ts';

/** Raised whenever the shape below changes, so a manifest of an older build is rejected, not misread. */
export const MODEL_MANIFEST_VERSION = 1;

/** One optimized derivative of a model. The viewer shows LODs in list order, each replacing the previous. */
const modelLod = z.object({
  level: z.string(),
  url: z.string(),
  bytes: z.number(),
  triangles: z.number(),
  compression: z.enum(['meshopt', 'draco']),
  textureFormat: z.enum(['webp', 'ktx2']).optional(),
});
export type ModelLod = z.infer<typeof modelLod>;

const modelManifest = z.object({
  version: z.literal(MODEL_MANIFEST_VERSION),
  settingsKey: z.string(),
  models: z.record(z.string(), z.object({ inputHash: z.string(), source: z.string(), lods: z.array(modelLod) })),
});
export type ModelManifest = z.infer<typeof modelManifest>;

/** Key of one model in the manifest. */
export const modelKey = (sceneId: string, variantId: string): string => `${sceneId}/${variantId}`;

export const modelManifestPath = (dir = assetsDir()): string => path.join(dir, 'models.json');

/** Undefined when the models stage has not run; an unreadable or older manifest is an error naming the file. */
export const readModelManifest = (file = modelManifestPath()): ModelManifest | undefined => readManifest(file, modelManifest);

/** The stage's own previous manifest: unreadable means nothing to reuse. */
export const readPreviousModelManifest = (file: string, log?: (line: string) => void): ModelManifest | undefined => readOwnManifest(file, modelManifest, log);
