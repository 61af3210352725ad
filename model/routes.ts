// Journeys between places (the dispersal of the Library Cave manuscripts): `content/routes.yaml`, drawn as arcs on
// the globe and listed as text beside it. Endpoints are place ids from content/places.yaml.
import { z } from 'zod';
import { readTypeRecords } from './store.ts';
import { dating, recordId, slug } from './schema.ts';
import { triLang } from './scene.ts';

export const route = z
  .object({
    id: slug,
    from: recordId,
    to: recordId,
    date: dating,
    label: triLang,
    text: triLang,
  })
  .strict();
export type Route = z.infer<typeof route>;

/** The validated routes (build/records/routes.json, written by `heritage ingest`). */
export const readRoutes = (dir?: string): Route[] => readTypeRecords('routes', route, dir);
