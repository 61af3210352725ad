// Everything an exhibition may point at, gathered from the ingest result and the other content readers. A
// reader's own problems (a broken scene file) are reported by that reader's checks, not again here: a step
// pointing at a scene that failed to load reads as "unknown scene".
import path from 'node:path';
import type { IngestResult } from '../ingest/ingest.ts';
import { readDramas } from '../../model/drama.ts';
import { readMonitoring, type MonitoringMeta } from '../../model/monitoring.ts';
import { contentDir } from '../../model/paths.ts';
import { readRoutes } from '../../model/routes.ts';
import { readScenes } from '../../model/scene.ts';
import { streamArtifacts } from '../../model/store.ts';
import type { Artifact } from '../../model/schema.ts';
import { sourceImageSize, type ExhibitionRefs } from './check.ts';

const entry = (a: Artifact) => ({ collection: a.collection, images: a.media.filter((m) => m.kind === 'image').map((m) => m.path) });

/** `publishedRecords` is where collections the ingest skipped as unchanged were published before. */
export async function exhibitionRefs(result: IngestResult, publishedRecords: string, root = contentDir()): Promise<ExhibitionRefs> {
  const artifacts = new Map<string, { collection: string; images: string[] }>();
  for (const list of result.artifacts.values()) for (const a of list) artifacts.set(a.id, entry(a));
  for (const collection of result.unchanged.keys()) for await (const a of streamArtifacts(collection, publishedRecords)) artifacts.set(a.id, entry(a));
  const scenes = readScenes(path.join(root, 'scenes')).scenes;
  const monitoring = new Map<string, MonitoringMeta>();
  for (const s of scenes) {
    const m = readMonitoring(s.id, root).monitoring;
    if (m) monitoring.set(s.id, m.meta);
  }
  const places = new Set(result.places.map((p) => p.id));
  return {
    artifacts,
    scenes: new Map(scenes.map((s) => [s.id, s])),
    dramas: new Map(readDramas(path.join(root, 'dramas')).dramas.map((d) => [d.drama.id, d.drama])),
    places,
    routes: new Set(readRoutes(path.join(root, 'routes.yaml'), places).routes.map((r) => r.id)),
    monitoring,
    imageSize: sourceImageSize(path.join(root, 'collections')),
  };
}
