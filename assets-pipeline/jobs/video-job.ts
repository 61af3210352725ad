// One drama episode's renditions (HLS ladder, MP4, poster, sprite) as a job: the same encode and temp-folder
// rename as the in-process stage. The worker plans the episode from the published records and its own content
// folder and checks the key the job was sent under (it hashes the inputs and settings), so every worker encodes
// the same inputs.
import { readDramas } from '../../model/drama.ts';
import type { EncodeResult } from '../video/encode.ts';
import { encodeInto, episodeJob, episodeOut } from '../video/stage.ts';
import { JobInputError } from './errors.ts';

export interface VideoJobData {
  dramaId: string;
  episodeId: string;
  /** The stage's key for the episode (inputs + settings). */
  key: string;
}

export async function runVideoJob(d: VideoJobData): Promise<EncodeResult> {
  const found = readDramas().find((x) => x.drama.id === d.dramaId);
  const ep = found?.drama.episodes.find((e) => e.id === d.episodeId);
  if (!found || !ep) throw new Error(`this worker's records have no episode ${d.dramaId}/${d.episodeId} (is the build folder shared?)`);
  const planned = episodeJob(found.drama, ep, found.dir);
  if ('error' in planned) throw new JobInputError(planned.error);
  if (planned.key !== d.key)
    throw new Error(`this worker's inputs for ${d.dramaId}/${d.episodeId} differ from the coordinator's (is the content folder shared?)`);
  return encodeInto(planned.job, episodeOut(d.dramaId, d.episodeId, d.key), d.key, () => {});
}
