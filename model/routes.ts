// Journeys between places (the dispersal of the Library Cave manuscripts): `content/routes.yaml`, drawn as arcs on
// the globe and listed as text beside it. Endpoints are place ids from content/places.yaml.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { contentDir } from './paths.ts';
import { issueText, readYamlFile } from './yaml-input.ts';
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

export interface RouteProblem {
  file: string;
  message: string;
}

/** Reads and checks the routes; a bad entry is reported (file, route, field) and skipped. `placeIds`, when given,
 * are the known places: a route to an unknown place is a problem too. */
export function readRoutes(file = path.join(contentDir(), 'routes.yaml'), placeIds?: Set<string>): { routes: Route[]; problems: RouteProblem[] } {
  const problems: RouteProblem[] = [];
  if (!fs.existsSync(file)) return { routes: [], problems };
  const read = readYamlFile(file);
  if ('error' in read) return { routes: [], problems: [{ file, message: `YAML: ${read.error}` }] };
  const raw = read.value;
  if (!Array.isArray(raw)) return { routes: [], problems: [{ file, message: 'must be a list of routes' }] };
  const routes: Route[] = [];
  const seen = new Set<string>();
  raw.forEach((item: unknown, i) => {
    const parsed = route.safeParse(item);
    const id = (item as { id?: unknown } | null)?.id ?? `#${i + 1}`;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ file, message: `route "${String(id)}" field ${issueText(issue)}` });
      return;
    }
    const r = parsed.data;
    const unknown = placeIds ? (['from', 'to'] as const).filter((k) => !placeIds.has(r[k])) : [];
    for (const k of unknown) problems.push({ file, message: `route "${r.id}" field ${k}: unknown place "${r[k]}" (not in content/places.yaml)` });
    if (seen.has(r.id)) problems.push({ file, message: `route "${r.id}": duplicate id` });
    if (unknown.length || seen.has(r.id)) return;
    seen.add(r.id);
    routes.push(r);
  });
  return { routes, problems };
}
