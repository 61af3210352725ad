// Everything an exhibition may point at, gathered from the types checked before it (collections and every
// registered type). A type's own problems (a broken scene file) are reported by its checks, not again here: a step
// pointing at a scene that failed to load reads as "unknown scene".
import path from 'node:path';
import type { MonitoringMeta } from '../../model/monitoring.ts';
import type { ReadContext } from '../ingest/content-type.ts';
import { dramas } from '../ingest/content-types/dramas.ts';
import { monitoring as monitoringType } from '../ingest/content-types/monitoring.ts';
import { routes } from '../ingest/content-types/routes.ts';
import { scenes as sceneType } from '../ingest/content-types/scenes.ts';
import { sourceImageSize, type ExhibitionRefs } from './check.ts';

export async function exhibitionRefs(ctx: ReadContext): Promise<ExhibitionRefs> {
  return {
    artifacts: await ctx.artifactImages(),
    scenes: new Map(ctx.records(sceneType).map((s) => [s.id, s])),
    dramas: new Map(ctx.records(dramas).map((d) => [d.id, d])),
    places: new Set(ctx.ids('places')),
    routes: new Set(ctx.records(routes).map((r) => r.id)),
    monitoring: new Map<string, MonitoringMeta>(ctx.records(monitoringType).map((m) => [m.id, m.meta])),
    imageSize: sourceImageSize(path.join(ctx.root, 'collections')),
  };
}
