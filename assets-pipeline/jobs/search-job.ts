// One collection's search documents as a job: the worker prepares them from the published records and image
// manifest in the shared build folder and writes the cache file the search stage then reads, atomically. It
// checks the key the job was sent under, so a worker with other records or code prepares nothing.
import { readImageManifest } from '../../formats/manifests/images.ts';
import { readCollections } from '../../model/store.ts';
import { readyToIndex } from '../search/write-index.ts';
import { indexingCodeHash, prepareCollection, searchCacheKey, type SearchJobData } from '../search/stage.ts';

export async function runSearchJob(d: SearchJobData): Promise<{ docs: number }> {
  const c = readCollections().find((x) => x.id === d.collection);
  if (!c) throw new Error(`this worker's records have no collection ${d.collection} (is the build folder shared?)`);
  if (searchCacheKey(c, indexingCodeHash(), readImageManifest()) !== d.key)
    throw new Error(`this worker's records, images or code for ${d.collection} differ from the coordinator's (is the build folder shared?)`);
  await readyToIndex();
  return { docs: (await prepareCollection(c, d.key)).length };
}
