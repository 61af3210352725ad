// One panorama variant as a job: the same render and atomic rename as the in-process stage. The source is found
// through the worker's own content folder (shared or a copy) and checked against the content hash the job is
// keyed on, so every worker renders the same bytes.
import fs from 'node:fs';
import { confine } from '../../model/confine.ts';
import { contentDir } from '../../model/paths.ts';
import { hashFile } from '../images/store.ts';
import type { PanoramaRender, PanoramaSettings } from '../panoramas/render.ts';
import { readPanoramaMeta, renderPanoramaInto } from '../panoramas/store.ts';

export interface PanoramaJobData {
  /** The output folder name (content hash + settings hash): also the job id. */
  id: string;
  /** `<panorama>/<variant>`. */
  key: string;
  /** The source, relative to the content folder. */
  file: string;
  hash: string;
  size: number;
  settings: PanoramaSettings;
  pixelLimit: number;
}

/** The content folder is the store's other half: a worker that cannot read the coordinator's file is set up wrong. */
export async function sharedSource(rel: string, size: number, hash: string): Promise<string> {
  const c = confine(contentDir(), rel, 'the content folder');
  if ('problem' in c) throw new Error(`this worker cannot read the source: ${c.problem} (is the content folder shared?)`);
  const same = fs.statSync(c.file).size === size && (await hashFile(c.file)) === hash;
  if (!same) throw new Error(`this worker's copy of ${c.file} differs from the coordinator's (content hash mismatch)`);
  return c.file;
}

export async function runPanoramaJob(d: PanoramaJobData): Promise<PanoramaRender> {
  const done = readPanoramaMeta(d.id);
  if (done) return done;
  const file = await sharedSource(d.file, d.size, d.hash);
  return renderPanoramaInto(file, d.id, { settings: d.settings, pixelLimit: d.pixelLimit });
}
