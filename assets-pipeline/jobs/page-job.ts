// One page part as a job: a worker renders it with Astro into the part's folder in the shared build folder (the
// coordinator prepared that folder and its related-objects file); the coordinator then merges every part into the
// site version it prepares, as in-process. The worker reads the records, manifests and content from the shared
// folders and takes the coordinator's page settings from the job, so the pages are the same bytes wherever they
// rendered.
import fs from 'node:fs';
import path from 'node:path';
import type { BuildPartFile } from '../../formats/pages/build-part.ts';
import { buildDir } from '../../model/paths.ts';
import { PartFailedError, renderPart, type PageEnv } from '../pages/render-part.ts';
import { JobInputError } from './errors.ts';

export interface PageJobData {
  /** The part's name in the build's summary: `listings`, or `<collection>-<shard>`. */
  name: string;
  /** The part's folder, relative to the build folder. */
  dir: string;
  part: BuildPartFile;
  env: PageEnv;
}

export async function runPageJob(d: PageJobData, signal?: AbortSignal): Promise<{ rendered: string }> {
  if (path.isAbsolute(d.dir) || path.normalize(d.dir).split(path.sep)[0] === '..')
    throw new JobInputError(`the job names a part folder outside the build folder: ${d.dir}`);
  const dir = path.join(buildDir(), d.dir);
  if (!fs.existsSync(dir)) throw new Error(`this worker does not see ${dir}, the folder the build prepared for the part (is the build folder shared?)`);
  try {
    await renderPart(dir, d.part, d.env, signal);
  } catch (err) {
    // Astro's own error (a template, a record): it fails the same way on any worker, so once.
    if (err instanceof PartFailedError && err.exitCode === 1) throw new JobInputError(err.message);
    throw err;
  }
  return { rendered: d.name };
}
