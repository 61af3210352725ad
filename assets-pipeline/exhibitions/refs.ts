// Everything an exhibition may point at, gathered from the checked content (collections and every registered
// type). A type's own problems (a broken scene file) are reported by its checks, not again here: a step pointing
// at a scene that failed to load reads as "unknown scene".
import path from 'node:path';
import { recordsOf, type ContentResult } from '../ingest/content.ts';
import { dramas } from '../ingest/content-types/dramas.ts';
import { monitoring as monitoringType } from '../ingest/content-types/monitoring.ts';
import { routes } from '../ingest/content-types/routes.ts';
import { scenes as sceneType } from '../ingest/content-types/scenes.ts';
import type { MonitoringMeta } from '../../model/monitoring.ts';
import { contentDir } from '../../model/paths.ts';
import { streamArtifacts } from '../../model/store.ts';
import type { Artifact } from '../../model/schema.ts';
import { sourceImageSize, type ExhibitionRefs } from './check.ts';

const entry = (a: Artifact) => ({ collection: a.collection, images: a.media.filter((m) => m.kind === 'image').map((m) => m.path) });

/** `publishedRecords` is where collections the ingest skipped as unchanged were published before. */
export async function exhibitionRefs(result: ContentResult, publishedRecords: string, root = contentDir()): Promise<ExhibitionRefs> {
  const artifacts = new Map<string, { collection: string; images: string[] }>();
  for (const list of result.artifacts.values()) for (const a of list) artifacts.set(a.id, entry(a));
  for (const collection of result.unchanged.keys()) for await (const a of streamArtifacts(collection, publishedRecords)) artifacts.set(a.id, entry(a));
  const scenes = recordsOf(result, sceneType);
  const monitoring = new Map<string, MonitoringMeta>(recordsOf(result, monitoringType).map((m) => [m.id, m.meta]));
  const places = new Set(result.places.map((p) => p.id));
  return {
    artifacts,
    scenes: new Map(scenes.map((s) => [s.id, s])),
    dramas: new Map(recordsOf(result, dramas).map((d) => [d.id, d])),
    places,
    routes: new Set(recordsOf(result, routes).map((r) => r.id)),
    monitoring,
    imageSize: sourceImageSize(path.join(root, 'collections')),
  };
}
