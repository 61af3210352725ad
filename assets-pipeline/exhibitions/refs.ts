// Everything an exhibition may point at, gathered from the types checked before it (collections and every
// registered type). A type's own problems (a broken scene file) are reported by its checks, not again here: a step
// pointing at a scene that failed to load reads as "unknown scene".
// Panoramas are the exception: they are read after exhibitions (a hotspot may open a step), so a step's panorama is
// taken from its file as written and checked by the schema only; the panorama's own checks still run in their turn,
// and since nothing is published while any problem stands, a step never shows a panorama that failed them.
import path from 'node:path';
import { panorama, type Panorama } from '../../model/panorama.ts';
import type { MonitoringMeta } from '../../model/monitoring.ts';
import { fileInEachFolder, folderName, type ReadContext } from '../ingest/content-type.ts';
import { Problems } from '../ingest/problems.ts';
import { loadYaml } from '../ingest/yaml-file.ts';
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
    panoramas: panoramasAsWritten(ctx.root),
  };
}

function panoramasAsWritten(root: string): Map<string, Panorama> {
  const out = new Map<string, Panorama>();
  for (const file of fileInEachFolder('panoramas', 'panorama.yaml')(root)) {
    // Its syntax errors are the panoramas' own check's to report.
    const yaml = loadYaml(file, new Problems());
    if (!yaml || yaml.value === null || typeof yaml.value !== 'object' || Array.isArray(yaml.value)) continue;
    const parsed = panorama.safeParse({ type: 'panorama', id: folderName(file), ...yaml.value });
    if (parsed.success && parsed.data.id === folderName(file)) out.set(parsed.data.id, parsed.data);
  }
  return out;
}
