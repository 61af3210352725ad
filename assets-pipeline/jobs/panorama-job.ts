// One panorama variant as a job: the same render as the in-process stage, put into the store the coordinator named. The source is found
// through the worker's own content folder (shared or a copy) and checked against the content hash the job is
// keyed on, so every worker renders the same bytes.
import fs from 'node:fs';
import { confine } from '../../model/confine.ts';
import { contentDir } from '../../model/paths.ts';
import { hashFile } from '../images/store.ts';
import { type PanoramaRender, type PanoramaSettings, renderPanorama } from '../panoramas/render.ts';
import { panoramaOutputs } from '../panoramas/store.ts';
import { openStore } from './output-store.ts';

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
  /** The store its outputs go to (`s3://…`); without it, the build folder. */
  store?: string;
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
  const store = await openStore(panoramaOutputs, d.store);
  const done = await store.result(d.id);
  if (done) return done;
  const file = await sharedSource(d.file, d.size, d.hash);
  const tmp = store.tempFor(d.id);
  try {
    const meta = await renderPanorama(file, tmp, { settings: d.settings, pixelLimit: d.pixelLimit });
    await store.put(tmp, d.id, meta);
    return meta;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
