// Where a job writes: the media folder of the site version its build prepares (a build writes into the slot
// that is not live, see scripts/cli/site-versions.ts). The coordinator names it relative to the build folder,
// which every worker shares wherever it is mounted; the worker runs the job with its media folder pointed there,
// so a worker never writes into the live version, nor into another build's.
import path from 'node:path';
import { buildDir, mediaDir, withFolders } from '../../model/paths.ts';
import { JobQueueError } from './errors.ts';

/** The job data field that carries the target; every kind's data gets it from the coordinator. */
export const MEDIA_TARGET = 'mediaTarget';

/** The coordinator's media folder, relative to the build folder the workers share. */
export function mediaTarget(): string {
  const rel = path.relative(buildDir(), mediaDir());
  if (rel.startsWith('..') || path.isAbsolute(rel))
    throw new JobQueueError(`with a queue the media folder (${mediaDir()}) must be inside the build folder (${buildDir()}), which the workers share`);
  return rel || '.';
}

/** Runs a job with the media folder its coordinator named (data without one: the worker's own). */
export function inMediaTarget<T>(data: unknown, fn: () => Promise<T>): Promise<T> {
  const rel = (data as Record<string, unknown> | null)?.[MEDIA_TARGET];
  if (rel === undefined) return fn();
  if (typeof rel !== 'string' || path.isAbsolute(rel) || path.normalize(rel).split(path.sep)[0] === '..')
    return Promise.reject(new Error(`the job names a media folder outside the build folder: ${String(rel)}`));
  return withFolders({ HERITAGE_MEDIA_DIR: path.join(buildDir(), rel) }, fn);
}
