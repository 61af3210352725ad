// Images linked from another institution's IIIF Image service (tests/fixtures/linked/): a collection that opts in
// to an origin publishes each record's declared service (version, level, size), a manifest paints it from that
// service under the record's rights, and every way a service cannot be linked is an error at its file:row:field —
// another host, http, an info.json address, level 0, a size that is not one, an unknown type, a profile of the
// other version, a licence that is not one, a query; and a collection that did not opt in. Nothing here asks a
// network: the build does not read a linked service's info.json.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { normalize } from '@iiif/parser';
import { presentation3StrictUpgrade } from '@iiif/parser/strict';
import { describe, expect, it } from 'vitest';
import { ingestAll, publishRecords } from '../../../assets-pipeline/ingest/ingest.ts';
import { writePresentation } from '../../../assets-pipeline/iiif/write.ts';
import { formatProblem } from '../../../assets-pipeline/ingest/problems.ts';
import { artifactManifest } from '../../../assets-pipeline/iiif/presentation.ts';
import { linkedImage, linkedImagesOf } from '../../../formats/iiif-service.ts';
import { contentSecurityPolicy, headersFile } from '../../../model/csp.ts';

const ROOT = path.resolve('tests/fixtures/linked');
const result = ingestAll(ROOT);
const errors = result.problems.list.map((p) => formatProblem(p, ROOT));
const warnings = result.problems.warnings.map((p) => formatProblem(p, ROOT));
const museum = new Map((result.artifacts.get('linked-museum') ?? []).map((a) => [a.id, a]));

describe('a collection that opts in to linking its museum’s IIIF Image service', () => {
  it('publishes each record’s declared service, its base URL without a trailing "/", and no file', () => {
    expect(errors.filter((e) => e.startsWith('collections/linked-museum/'))).toEqual([]);
    expect(museum.get('L-1')!.media).toEqual([
      {
        kind: 'image',
        service: { id: 'https://iiif.museum.example/iiif/3/bowl', type: 'ImageService3', profile: 'level2', width: 3000, height: 2000 },
        alt: { en: 'A pale green bowl seen from the side, its glaze crackled' },
      },
    ]);
    expect(museum.get('L-2')!.media[0]!.service).toEqual({
      id: 'https://iiif.museum.example/iiif/2/leaf',
      type: 'ImageService2',
      profile: 'level1',
      width: 1200,
      height: 1600,
    });
    expect(result.collections.find((c) => c.id === 'linked-museum')!.linkedImageOrigins).toEqual(['https://iiif.museum.example']);
    // What it cannot check is said once per collection, at the opt-in, and does not block.
    // "ink on silk" is one cell the mapping does not split: no one material, so in no browse value.
    expect(warnings.filter((w) => w.startsWith('collections/linked-museum/'))).toEqual([
      expect.stringMatching(/^collections\/linked-museum\/records\.csv:0:materials: 1 record \(first at row 3\) with a material .*"ink on silk"/),
      'collections/linked-museum/collection.yaml:9:linkImageServicesFrom: 2 images are linked, checked in form only: the build does not ask the services whether they answer or whether their size and level are as declared',
    ]);
  });

  it('the IIIF stage writes their manifests (and the collection lists them) with no local image at all', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linked-iiif-'));
    const saved = process.env.HERITAGE_BUILD_DIR;
    process.env.HERITAGE_BUILD_DIR = tmp;
    try {
      const only = {
        ...result,
        collections: result.collections.filter((c) => c.id === 'linked-museum'),
        artifacts: new Map([['linked-museum', [...museum.values()]]]),
      };
      publishRecords(only, path.join(tmp, 'records'));
      const summary = await writePresentation({}, { baseUrl: '' });
      expect(summary.manifests).toBe(2);
      const read = (f: string) => JSON.parse(fs.readFileSync(path.join(tmp, 'media', 'iiif', f), 'utf8'));
      expect(read('manifests/L-1.json').items[0].items[0].items[0].body.service).toEqual([
        { id: 'https://iiif.museum.example/iiif/3/bowl', type: 'ImageService3', profile: 'level2' },
      ]);
      expect(read('collections/linked-museum.json').items.map((m: { id: string; thumbnail: { id: string }[] }) => [m.id, m.thumbnail[0]!.id])).toEqual([
        ['/iiif/manifests/L-1.json', 'https://iiif.museum.example/iiif/3/bowl/full/400,/0/default.jpg'],
        ['/iiif/manifests/L-2.json', 'https://iiif.museum.example/iiif/2/leaf/full/400,/0/default.jpg'],
      ]);
    } finally {
      if (saved === undefined) delete process.env.HERITAGE_BUILD_DIR;
      else process.env.HERITAGE_BUILD_DIR = saved;
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('asks the service for sizes by the Image API’s URL grammar, never wider than the image', () => {
    const [bowl] = linkedImagesOf(museum.get('L-1')!.media);
    expect(bowl!.image.thumb).toEqual({ width: 400, height: 267, jpeg: 'https://iiif.museum.example/iiif/3/bowl/full/400,/0/default.jpg' });
    expect(bowl!.image.display.jpeg).toBe('https://iiif.museum.example/iiif/3/bowl/full/1600,/0/default.jpg');
    expect(bowl!.image.host).toBe('iiif.museum.example');
    const leaf = linkedImage(museum.get('L-2')!.media[0]!.service!);
    expect(leaf.display).toEqual({ width: 1200, height: 1600, jpeg: 'https://iiif.museum.example/iiif/2/leaf/full/1200,/0/default.jpg' });
    // OpenSeadragon opens the declared description: version 2's keys and compliance URI, version 3's.
    expect(leaf.tileSource).toMatchObject({
      '@context': 'http://iiif.io/api/image/2/context.json',
      '@id': 'https://iiif.museum.example/iiif/2/leaf',
      profile: ['http://iiif.io/api/image/2/level1.json'],
    });
    expect(bowl!.image.tileSource).toMatchObject({
      '@context': 'http://iiif.io/api/image/3/context.json',
      id: 'https://iiif.museum.example/iiif/3/bowl',
      type: 'ImageService3',
      profile: 'level2',
    });
  });

  it('paints the manifest from the linked service (version 2 and 3 as declared) under the record’s rights, a valid Presentation 3 document', () => {
    for (const [id, rights, service] of [
      ['L-1', 'http://creativecommons.org/publicdomain/zero/1.0/', { id: 'https://iiif.museum.example/iiif/3/bowl', type: 'ImageService3', profile: 'level2' }],
      [
        'L-2',
        'http://creativecommons.org/licenses/by/4.0/',
        { '@id': 'https://iiif.museum.example/iiif/2/leaf', '@type': 'ImageService2', profile: 'http://iiif.io/api/image/2/level1.json' },
      ],
    ] as const) {
      const a = museum.get(id)!;
      const m = artifactManifest(
        a,
        linkedImagesOf(a.media).map(({ image }) => ({ entry: image })),
        { baseUrl: 'https://site.example' },
      );
      expect(m.rights).toBe(rights);
      const body = m.items[0]!.items[0]!.items[0]!.body;
      expect(body.service).toEqual([service]);
      expect(body.id).toMatch(/^https:\/\/iiif\.museum\.example\/iiif\/[23]\/(bowl|leaf)\/full\/\d+,\/0\/default\.jpg$/);
      expect([m.items[0]!.width, m.items[0]!.height]).toEqual([a.media[0]!.service!.width, a.media[0]!.service!.height]);
      const json = JSON.parse(JSON.stringify(m));
      expect(Object.keys(normalize(json).entities.Manifest)).toContain(json.id);
      const state = { warnings: [] as string[] };
      presentation3StrictUpgrade(structuredClone(json), state);
      expect(state.warnings).toEqual([]);
    }
  });

  it('the site’s policy lists an opted-in origin for images only; with none it is unchanged', () => {
    const policy = contentSecurityPolicy({ images: ['https://iiif.museum.example'] });
    expect(policy).toContain("img-src 'self' data: blob: https://iiif.museum.example;");
    expect(policy.replace(' https://iiif.museum.example', '')).toBe(contentSecurityPolicy());
    expect(headersFile([], ['https://iiif.museum.example'])).toContain("img-src 'self' data: blob: https://iiif.museum.example;");
  });
});

describe('what cannot be linked is refused at its file:row:field', () => {
  it('every refused row, and a collection without the opt-in', () => {
    const at = (coll: string) => errors.filter((e) => e.startsWith(`collections/${coll}/`));
    expect(at('linked-refused')).toEqual([
      'collections/linked-refused/records.csv:2:media.0.service: "https://images.elsewhere.example/iiif/a" is on https://images.elsewhere.example, which the collection\'s `linkImageServicesFrom` does not list (https://iiif.museum.example)',
      'collections/linked-refused/records.csv:3:media.0.service: "http://iiif.museum.example/iiif/b" is not an https address: a linked service must be https (a page served over https cannot show http images)',
      'collections/linked-refused/records.csv:4:media.0.service: "https://iiif.museum.example/iiif/c/info.json" must be the service base URL, without "/info.json"',
      'collections/linked-refused/records.csv:5:media.0.profile: https://iiif.museum.example/iiif/d is a level 0 service, which serves only the sizes its info.json lists (the build does not read it): map its info.json as `url` to fetch a copy once',
      'collections/linked-refused/records.csv:6:media.0.width: "wide" is not a width in pixels (a whole number above 0)',
      'collections/linked-refused/records.csv:6:media.0.height: "0" is not a height in pixels (a whole number above 0)',
      'collections/linked-refused/records.csv:7:media.0.type: "ImageService4" is not ImageService2 or ImageService3',
      'collections/linked-refused/records.csv:8:media.0.profile: "http://iiif.io/api/image/2/level2.json" is a version 2 profile, but the type is ImageService3',
      'collections/linked-refused/records.csv:9:rights: "all rights reserved" is not a rightsstatements.org or creativecommons.org licence URI',
      'collections/linked-refused/records.csv:10:media.0.service: "https://iiif.museum.example/iiif?id=i" must be an https IIIF Image service base URL (no query, fragment or trailing "/")',
    ]);
    expect(result.artifacts.get('linked-refused') ?? []).toEqual([]);
    expect(at('linked-not-opted-in')).toEqual([
      'collections/linked-not-opted-in/records.csv:2:media.0.service: "https://iiif.museum.example/iiif/3/bowl" is a IIIF Image service to link, but the collection does not opt in to linking: add "https://iiif.museum.example" to `linkImageServicesFrom` in collection.yaml, or map the address as `url` to fetch a copy once',
    ]);
  });

  it('a mapping that names a service without its declared size and level is refused in collection.yaml', async () => {
    const { collectionConfig } = await import('../../../assets-pipeline/ingest/collection-config.ts');
    const base = {
      id: 'x',
      title: { en: 'X' },
      description: { en: 'X' },
      rights: 'https://creativecommons.org/publicdomain/zero/1.0/',
      credit: { en: 'X' },
      records: 'r.csv',
    };
    const parsed = collectionConfig.safeParse({ ...base, fields: { id: 'id', title: { en: 't' }, media: [{ kind: 'image', service: 'iiif', width: 'w' }] } });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => i.message)).toContain(
      'a linked `service` needs its declared `width`, `height`, `type` and `profile` (the build does not read its info.json)',
    );
    const origin = collectionConfig.safeParse({
      ...base,
      linkImageServicesFrom: ['https://iiif.museum.example/iiif/'],
      fields: { id: 'id', title: { en: 't' } },
    });
    expect(origin.error!.issues.map((i) => i.message)).toEqual(['an https origin such as https://iiif.example.org (no path)']);
  });
});
