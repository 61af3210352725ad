// Where panorama pyramids live: `/pano/<id>/`, the id being the source's content hash plus the settings hash. A
// folder that exists is complete: it only ever appears by rename from a temp folder beside it, whichever process
// (the build or a worker) rendered it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { mediaDir } from '../../model/paths.ts';
import type { LocalOutputs } from '../jobs/output-store.ts';
import { PANORAMA_META, renderPanorama, type PanoramaRender, type PanoramaSettings } from './render.ts';

export const panoramaRoot = (): string => path.join(mediaDir(), 'pano');
export const panoramaTmpRoot = (): string => path.join(mediaDir(), '.tmp-pano');

export function readPanoramaMeta(id: string): PanoramaRender | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(panoramaRoot(), id, PANORAMA_META), 'utf8')) as PanoramaRender;
  } catch {
    return undefined;
  }
}

/** Renames a rendered temp folder into place; another process that got there first wins (same bytes). */
function publishPanorama(tmp: string, id: string): void {
  const dest = path.join(panoramaRoot(), id);
  fs.mkdirSync(panoramaRoot(), { recursive: true });
  if (!fs.existsSync(dest)) {
    try {
      fs.renameSync(tmp, dest);
    } catch (err) {
      // Two workers finished the same id at once: a non-empty folder is already there, complete.
      if (!fs.existsSync(path.join(dest, PANORAMA_META))) throw err;
    }
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

/** Renders into a temp folder and renames it into place. */
export async function renderPanoramaInto(file: string, id: string, opts: { settings: PanoramaSettings; pixelLimit: number }): Promise<PanoramaRender> {
  const tmp = path.join(panoramaTmpRoot(), `${id}-${crypto.randomUUID()}`);
  try {
    const meta = await renderPanorama(file, tmp, opts);
    publishPanorama(tmp, id);
    return meta;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The panorama jobs' outputs as the output stores see them (jobs/output-store.ts): the whole folder, as renamed. */
export const panoramaOutputs: LocalOutputs<PanoramaRender> = {
  kind: 'panoramas',
  where: panoramaRoot,
  read: readPanoramaMeta,
  publish: publishPanorama,
  tmpRoot: panoramaTmpRoot,
  files: /^/,
};
