// One image as a job: the same render and the same atomic publish as the in-process stage, run by whichever
// worker takes it. The source is found through the worker's own content folder (a shared volume or a copy)
// and checked against the content hash the coordinator keyed the job on, so every worker renders the same bytes.
import fs from 'node:fs';
import { ImageInputError, renderImage, type RenderResult } from '../images/render.ts';
import type { DerivativeSettings } from '../images/settings.ts';
import { resolveMediaPath } from '../images/sources.ts';
import { hashFile, imageOutputs } from '../images/store.ts';
import { openStore } from './output-store.ts';

export interface ImageJobData {
  /** The output folder name (content hash + settings hash): also the job id. */
  id: string;
  collection: string;
  mediaPath: string;
  /** sha256 of the source, as the coordinator read it. */
  hash: string;
  size: number;
  settings: DerivativeSettings;
  pixelLimit: number;
  serviceId: string;
  /** The store its outputs go to (`s3://…`); without it, the build folder's image store. */
  store?: string;
}

export type ImageJobResult = Omit<RenderResult, 'ms'> & { ms?: RenderResult['ms'] };

export function imageJobLabel(d: ImageJobData): string {
  return `${d.collection}/${d.mediaPath}`;
}

export async function runImageJob(d: ImageJobData): Promise<ImageJobResult> {
  const store = await openStore(imageOutputs, d.store);
  // Another worker (or an earlier attempt that lost its lock) may have published it already: same bytes.
  const done = await store.result(d.id);
  if (done) return done;
  const resolved = resolveMediaPath(d.collection, d.mediaPath);
  // The coordinator found the file, so a worker that cannot is set up wrong: an ordinary failure, retried elsewhere.
  if ('error' in resolved) throw new Error(`this worker cannot read the source: ${resolved.error} (is the content folder shared?)`);
  const size = fs.statSync(resolved.file).size;
  const hash = size === d.size ? await hashFile(resolved.file) : '';
  if (hash !== d.hash) throw new Error(`this worker's copy of ${resolved.file} differs from the coordinator's (content hash mismatch)`);
  const tmp = store.tempFor(d.id);
  try {
    const r = await renderImage(resolved.file, tmp, { settings: d.settings, pixelLimit: d.pixelLimit, serviceId: d.serviceId });
    const { ms: _ms, ...result } = r;
    await store.put(tmp, d.id, result);
    return r;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export { ImageInputError };
