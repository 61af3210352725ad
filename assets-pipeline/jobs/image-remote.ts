// The image stage's renders as jobs: what the stage would render itself is added to the queue instead, and
// the result is read back from the store, which the coordinator must see as the workers do.
import fs from 'node:fs';
import path from 'node:path';
import type { RenderResult } from '../images/render.ts';
import type { DerivativeSettings } from '../images/settings.ts';
import type { ImageSource } from '../images/sources.ts';
import { imgRoot, isComplete, readPublished, tmpRoot } from '../images/store.ts';
import { JobCoordinator } from './coordinator.ts';
import { JobFailedError, JobQueueError } from './errors.ts';
import type { ImageJobData, ImageJobResult } from './image-job.ts';

export interface RemoteImages {
  render(
    src: ImageSource,
    id: string,
    stat: { hash: string; size: number },
    opts: { settings: DerivativeSettings; pixelLimit: number; serviceId: string },
    ms: RenderResult['ms'],
    onRendered: () => void,
  ): Promise<Omit<RenderResult, 'ms'>>;
  close(): Promise<void>;
}

/** A worker killed mid-job leaves its temp folder; no job runs an hour (its timeout is shorter), so older ones are litter. */
function clearStaleTemp(): void {
  const root = tmpRoot();
  if (!fs.existsSync(root)) return;
  for (const name of fs.readdirSync(root)) {
    const p = path.join(root, name);
    if (Date.now() - fs.statSync(p).mtimeMs > 3600_000) fs.rmSync(p, { recursive: true, force: true });
  }
}

export async function openImageJobs(url: string, progress: boolean, log: (line: string) => void): Promise<RemoteImages> {
  const coordinator = await JobCoordinator.open(url, { kind: 'images', progress, log });
  clearStaleTemp();
  return {
    async render(src, id, stat, opts, ms, onRendered) {
      const data: ImageJobData = { id, collection: src.collection, mediaPath: src.mediaPath, hash: stat.hash, size: stat.size, ...opts };
      const outcome = await coordinator.submit<ImageJobResult>(id, data);
      if (!outcome.ok) throw new JobFailedError(outcome.message);
      const published = isComplete(id) ? readPublished(id) : undefined;
      if (!published) {
        throw new JobQueueError(
          `the job for ${src.file} finished on a worker, but its outputs are not in this build's store (${path.dirname(imgRoot())}): the coordinator and every worker must share that folder`,
        );
      }
      if (outcome.result.ms) {
        ms.thumb += outcome.result.ms.thumb;
        ms.display += outcome.result.ms.display;
        ms.tiles += outcome.result.ms.tiles;
      }
      onRendered();
      return published;
    },
    close: () => coordinator.close(),
  };
}
