// Writes the Presentation 3 documents into the media folder. Only files whose bytes change are written
// (an unchanged run rewrites nothing), and documents of artifacts that lost their images or vanished are removed.
import fs from 'node:fs';
import path from 'node:path';
import { mediaDir } from '../../model/paths.ts';
import { readCollections, streamArtifacts } from '../../model/store.ts';
import { imageKey, type ImageManifest } from '../../formats/manifests/images.ts';
import { linkedImage } from '../../formats/iiif-service.ts';
import { iiifManifestPath } from '../../formats/urls.ts';
import { writeIfChanged } from '../write-if-changed.ts';
import {
  artifactManifest,
  collectionDoc,
  collectionPath,
  manifestRef,
  TOP_COLLECTION_PATH,
  topCollection,
  type CanvasImage,
  type IiifUrls,
  type ManifestRef,
} from './presentation.ts';

export interface PresentationSummary {
  manifests: number;
  collections: number;
  /** Files whose content changed this run. */
  written: number;
  removed: number;
}

const fileFor = (urlPath: string): string => path.join(mediaDir(), ...decodeURIComponent(urlPath).split('/').filter(Boolean));

function removeStale(dir: string, keep: Set<string>): number {
  if (!fs.existsSync(dir)) return 0;
  let removed = 0;
  for (const name of fs.readdirSync(dir)) {
    if (name.endsWith('.json') && !keep.has(name)) {
      fs.rmSync(path.join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}

export async function writePresentation(images: ImageManifest, urls: IiifUrls): Promise<PresentationSummary> {
  const summary: PresentationSummary = { manifests: 0, collections: 0, written: 0, removed: 0 };
  const manifestNames = new Set<string>();
  const collectionNames = new Set<string>();
  const top: { c: ReturnType<typeof readCollections>[number]; first?: ManifestRef }[] = [];

  for (const c of readCollections()) {
    const refs: ManifestRef[] = [];
    for await (const a of streamArtifacts(c.id)) {
      const canvases: CanvasImage[] = [];
      for (const m of a.media ?? []) {
        const entry = m.kind !== 'image' ? undefined : m.service ? linkedImage(m.service) : m.path ? images[imageKey(c.id, m.path)] : undefined;
        if (entry) canvases.push({ entry, ...(m.label ? { label: m.label } : {}) });
      }
      if (!canvases.length) continue;
      const file = fileFor(iiifManifestPath(a.id));
      if (writeIfChanged(file, JSON.stringify(artifactManifest(a, canvases, urls), null, 1))) summary.written++;
      manifestNames.add(path.basename(file));
      refs.push(manifestRef(a, canvases[0]!.entry, urls));
      summary.manifests++;
    }
    const file = fileFor(collectionPath(c.id));
    if (writeIfChanged(file, JSON.stringify(collectionDoc(c, refs, urls), null, 1))) summary.written++;
    collectionNames.add(path.basename(file));
    top.push({ c, ...(refs[0] ? { first: refs[0] } : {}) });
    summary.collections++;
  }
  if (writeIfChanged(fileFor(TOP_COLLECTION_PATH), JSON.stringify(topCollection(top, urls), null, 1))) summary.written++;
  summary.removed += removeStale(path.join(mediaDir(), 'iiif', 'manifests'), manifestNames);
  summary.removed += removeStale(path.join(mediaDir(), 'iiif', 'collections'), collectionNames);
  return summary;
}
