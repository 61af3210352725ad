// The image stage's renders as jobs: what the stage would render itself is added to the queue instead, and
// the result is taken from the output store the workers put it in (output-store.ts) into this build's image store.
import type { RenderResult } from '../images/render.ts';
import type { DerivativeSettings } from '../images/settings.ts';
import type { ImageSource } from '../images/sources.ts';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { iiifRoot, imageOutputs, tmpRoot } from '../images/store.ts';
import { acquireCoordinator } from './coordinator.ts';
import { clearStaleTemp } from './stale-temp.ts';
import { JobFailedError, JobQueueError } from './errors.ts';
import type { ImageJobData, ImageJobResult } from './image-job.ts';
import { largestFirst } from './kinds.ts';
import { openStore } from './output-store.ts';

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

export async function openImageJobs(url: string, progress: boolean, log: (line: string) => void): Promise<RemoteImages> {
  // The store first: a build whose workers could not deliver stops before it adds a job.
  const store = await openStore(imageOutputs);
  await store.check();
  const { jobs, release } = await acquireCoordinator(url, { progress, log });
  jobs.prepare('images');
  clearStaleTemp(tmpRoot());
  return {
    async render(src, id, stat, opts, ms, onRendered) {
      const data: ImageJobData = {
        id,
        collection: src.collection,
        mediaPath: src.mediaPath,
        hash: stat.hash,
        size: stat.size,
        ...opts,
        ...(store.spec ? { store: store.spec } : {}),
      };
      const outcome = await jobs.submit<ImageJobResult>('images', id, data, `${src.record}: ${src.file}`, largestFirst(stat.size));
      if (!outcome.ok) throw new JobFailedError(outcome.message);
      // A store that fails here fails every image after it: the build stops rather than publish without them.
      const published = await store.take(id).catch((err: Error) => {
        throw new JobQueueError(err.message);
      });
      if (!published) {
        throw new JobQueueError(
          `the job for ${src.file} finished on a worker, but its outputs are not in ${store.name}: the coordinator and every worker must share it`,
        );
      }
      // An output another build put in a shared bucket names that build's URL: this build's, as the stage does for its own.
      if (published.info.id !== opts.serviceId)
        await writeFileAtomic(path.join(iiifRoot(), id, 'info.json'), JSON.stringify({ ...published.info, id: opts.serviceId }));
      if (outcome.result.ms) {
        ms.thumb += outcome.result.ms.thumb;
        ms.display += outcome.result.ms.display;
        ms.tiles += outcome.result.ms.tiles;
      }
      onRendered();
      return published;
    },
    close: release,
  };
}
