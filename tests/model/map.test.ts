// Places with pages and the dispersal routes: the schema accepts the content, rejects bad input with the field
// named, and every route joins two known places.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../model/paths.ts';
import { checkContentType } from '../../assets-pipeline/ingest/content.ts';
import { routes as routeType } from '../../assets-pipeline/ingest/content-types/routes.ts';
import { formatProblem } from '../../assets-pipeline/ingest/problems.ts';
import { place } from '../../model/schema.ts';

const places = (parse(fs.readFileSync(path.join(ROOT, 'content/places.yaml'), 'utf8')) as object[]).map((p) => place.parse({ type: 'place', ...p }));

describe('places and routes', () => {
  it('has the sites, museums and manuscript libraries, with pages where we have them', () => {
    const ids = places.map((p) => p.id);
    for (const id of [
      'mogao-caves',
      'yingxian-pagoda',
      'palace-museum-beijing',
      'npm-taipei',
      'met-new-york',
      'nmaa-washington',
      'british-library-london',
      'bnf-paris',
      'nlc-beijing',
      'iom-ras-st-petersburg',
      'ryukoku-kyoto',
    ])
      expect(ids).toContain(id);
    expect(places.find((p) => p.id === 'yingxian-pagoda')?.page).toBe('/scenes/yingxian-pagoda/');
  });

  it('checks the page field: a path below the locale', () => {
    const base = { type: 'place', id: 'x', name: { en: 'X' }, lat: 0, lon: 0 };
    expect(place.safeParse({ ...base, page: '/scenes/library-cave/#stein-1907' }).success).toBe(true);
    for (const bad of ['https://example.org/', 'scenes/x/', '/zh/scenes/x', '/../x/']) {
      const r = place.safeParse({ ...base, page: bad });
      expect(r.success, bad).toBe(false);
      if (!r.success) expect(r.error.issues[0]?.path).toEqual(['page']);
    }
  });

  it('reads the five dispersal routes, all between known places', () => {
    const { records: routes, problems } = checkContentType(routeType, path.join(ROOT, 'content'), { places: places.map((p) => p.id) });
    expect(problems).toEqual([]);
    expect(routes.map((r) => r.id)).toEqual(['stein-1907', 'pelliot-1908', 'beijing-1910', 'otani-1912', 'oldenburg-1914']);
    expect(routes.every((r) => r.from === 'mogao-caves')).toBe(true);
  });

  it('reports a route to an unknown place or with a missing field, and keeps the good ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'routes-'));
    const file = path.join(dir, 'routes.yaml');
    const tri = { zh: 'a', en: 'a', fr: 'a' };
    fs.writeFileSync(
      file,
      stringify([
        { id: 'ok', from: 'a', to: 'b', date: { from: 1907 }, label: tri, text: tri },
        { id: 'lost', from: 'a', to: 'nowhere', date: { from: 1908 }, label: tri, text: tri },
        { id: 'bare', from: 'a', to: 'b', date: {}, label: tri },
      ]),
    );
    const { records: routes, problems } = checkContentType(routeType, dir, { places: ['a', 'b'] });
    expect(routes.map((r) => r.id)).toEqual(['ok']);
    expect(problems.map((p) => formatProblem(p, dir))).toEqual([
      'routes.yaml:13:to: unknown place "nowhere" (not in content/places.yaml)',
      'routes.yaml:18:text: Invalid input: expected object, received undefined',
    ]);
    fs.rmSync(dir, { recursive: true });
  });
});
