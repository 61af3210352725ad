// One scene variant's LODs as a job: the same validation, optimization and content-addressed, atomic writes as
// the in-process stage. The input is rebuilt from the worker's own content and code folders and checked against
// the hash the job is keyed on, so every worker builds the same bytes.
import path from 'node:path';
import type { ModelLod } from '../../formats/manifests/models.ts';
import { contentDir, mediaDir } from '../../model/paths.ts';
import { jobFor } from '../models/sources.ts';
import { buildOne } from '../models/stage.ts';
import { JobInputError } from './errors.ts';
import type { ModelJobData } from './model-job-id.ts';

export async function runModelJob(d: ModelJobData): Promise<{ lods: ModelLod[] }> {
  const job = jobFor({ id: d.sceneId }, d.variantId, d.source, path.join(contentDir(), 'scenes'));
  if (job.inputHash !== d.inputHash)
    throw new Error(`this worker's input for ${d.key} differs from the coordinator's (is the content folder shared, the code the same?)`);
  const r = await buildOne(job, d.lods, mediaDir());
  // Bad input: the job fails once, with the in-process messages (one per line).
  if ('errors' in r) throw new JobInputError(r.errors.join('\n'));
  return r;
}
