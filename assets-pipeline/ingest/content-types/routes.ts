// Routes: `content/routes.yaml`, a list of journeys between places of content/places.yaml.
import { route, type Route } from '../../../model/routes.ts';
import { singleFile, yamlContentType } from '../content-type.ts';

export const routes = yamlContentType<typeof route, Route>({
  name: 'routes',
  files: singleFile('routes.yaml'),
  schema: route,
  list: true,
  finish: (r, report, ctx) => {
    const unknown = (['from', 'to'] as const).filter((k) => !ctx.ids('places').has(r[k]));
    for (const k of unknown) report([k], `unknown place "${r[k]}" (not in content/places.yaml)`);
    return unknown.length ? undefined : r;
  },
});
