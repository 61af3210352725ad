// What reaches the pages from a collection that links its museum's IIIF Image service (tests/fixtures/linked/
// collections/linked-museum, ingested for real): the artifact page in every locale shows the image from the
// service (Image API size URLs), its zoom viewer opens the declared service without asking for its info.json, a
// notice names the host, the page's policy allows exactly that origin for images, and the cards use the service's
// small size. Without such a collection the policy lists no other host (the demo's own tests: csp.e2e.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { parseDocument, DomUtils } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent, publishContent } from '../../assets-pipeline/ingest/content.ts';
import { LOCALES } from '../../model/locales.ts';
import type { Artifact, Collection } from '../../model/schema.ts';
import { readCollections, streamArtifacts } from '../../model/store.ts';
import { toCard } from '../../formats/pages/card.ts';
import Cards from '../../site/components/collection/Cards.astro';
import ArtifactPage from '../../site/pages/[locale]/artifacts/[id].astro';

const env = { HERITAGE_CONTENT_DIR: process.env.HERITAGE_CONTENT_DIR, HERITAGE_BUILD_DIR: process.env.HERITAGE_BUILD_DIR };
const ORIGIN = 'https://iiif.museum.example';
let tmp: string;
let collection: Collection;
const records = new Map<string, Artifact>();

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linked-images-'));
  const content = path.join(tmp, 'content');
  fs.cpSync(path.resolve('tests/fixtures/linked/collections/linked-museum'), path.join(content, 'collections', 'linked-museum'), { recursive: true });
  process.env.HERITAGE_CONTENT_DIR = content;
  process.env.HERITAGE_BUILD_DIR = path.join(tmp, 'build');
  const result = await checkContent();
  expect(result.problems.list).toEqual([]);
  publishContent(result);
  collection = readCollections()[0]!;
  for await (const a of streamArtifacts(collection.id)) records.set(a.id, a);
});

afterAll(() => {
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

const all = (html: string, name: string) => DomUtils.findAll((e) => e.name === name, parseDocument(html).children);

describe('a record whose image is linked from its museum’s IIIF Image service', () => {
  it('shows the image from the service with its text alternative, opens the declared service, names the host, and allows only that origin', async () => {
    const container = await AstroContainer.create({ astroConfig: { site: 'http://localhost:4321' } });
    for (const locale of LOCALES) {
      const html = await container.renderToString(ArtifactPage, {
        params: { locale, id: 'L-1' },
        props: { artifact: records.get('L-1')!, collection },
        request: new Request(`http://localhost:4321/${locale}/artifacts/L-1/`),
      });
      const policy = all(html, 'meta').find((m) => m.attribs['http-equiv'] === 'Content-Security-Policy')!.attribs.content!;
      expect(policy).toContain(`img-src 'self' data: blob: ${ORIGIN};`);
      // No other directive names the host: pages ask it for images only, and nothing else leaves the site.
      expect(policy.split('; ').filter((d) => d.includes(ORIGIN))).toEqual([`img-src 'self' data: blob: ${ORIGIN}`]);
      const img = all(html, 'img').find((i) => i.attribs.src?.startsWith(ORIGIN))!;
      expect(img.attribs.src).toBe(`${ORIGIN}/iiif/3/bowl/full/1600,/0/default.jpg`);
      expect(img.attribs.srcset).toBe(`${ORIGIN}/iiif/3/bowl/full/400,/0/default.jpg 400w, ${ORIGIN}/iiif/3/bowl/full/1600,/0/default.jpg 1600w`);
      expect([img.attribs.width, img.attribs.height]).toEqual(['1600', '1067']);
      // The curator's English alt; French and Chinese compose one from the record, never a file name or URL.
      if (locale === 'en') expect(img.attribs.alt).toBe('A pale green bowl seen from the side, its glaze crackled');
      else expect(img.attribs.alt).toContain(records.get('L-1')!.title[locale]!);
      // No AVIF/WebP sources for a linked image: the service is asked for the JPEG sizes every level serves.
      expect(all(html, 'source').filter((s) => s.attribs.srcset?.includes(ORIGIN))).toEqual([]);
      const zoom = all(html, 'section').find((s) => 'data-deep-zoom' in s.attribs)!;
      expect(zoom.attribs['data-info']).toBeUndefined();
      expect(JSON.parse(zoom.attribs['data-tile-source']!)).toMatchObject({ id: `${ORIGIN}/iiif/3/bowl`, width: 3000, height: 2000, profile: 'level2' });
      const notice = all(html, 'p').find((p) => p.attribs.class === 'linked-notice')!;
      expect(notice.attribs['data-linked-hosts']).toBe('iiif.museum.example');
      expect(DomUtils.textContent(notice)).toContain('iiif.museum.example');
      // Nothing else the page loads comes from another host (links to a licence or the source are navigations).
      const elsewhere = [...html.matchAll(/(?:src|srcset|data-info|data-tile-source)="(https?:\/\/[^"]+)"/g)].map((m) => new URL(m[1]!).origin);
      expect([...new Set(elsewhere)].filter((o) => o !== ORIGIN && o !== 'http://localhost:4321')).toEqual([]);
    }
  });

  it('cards show the service’s small size, JPEG only', async () => {
    const container = await AstroContainer.create();
    const html = await container.renderToString(Cards, { props: { items: [...records.values()].map(toCard), locale: 'en' } });
    expect(all(html, 'img').map((i) => i.attribs.src)).toEqual([
      `${ORIGIN}/iiif/3/bowl/full/400,/0/default.jpg`,
      `${ORIGIN}/iiif/2/leaf/full/400,/0/default.jpg`,
    ]);
    expect(all(html, 'source')).toEqual([]);
  });
});
