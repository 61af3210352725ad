// The open-data stage over a small imported site: JSON-LD expands offline, the OAI static repositories and
// sitemaps are well-formed XML, the CSV round-trips through csv-parse, and re-runs are incremental.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../../assets-pipeline/open-data/downloads.ts';
import { runOpenDataStage, type OpenDataSummary } from '../../../assets-pipeline/open-data/stage.ts';
import { createOpenDataSite, HOSTILE_TITLE, type OpenDataSite } from './temp-site.ts';

let site: OpenDataSite;
let first: OpenDataSummary;
const read = (rel: string) => fs.readFileSync(path.join(site.dist, rel), 'utf8');

beforeAll(async () => {
  site = await createOpenDataSite();
  first = await runOpenDataStage({ progress: false, log: () => {}, sitemapLimits: { urls: 250, bytes: 10_000_000 } });
});
afterAll(() => site.cleanup());

describe('open-data stage', () => {
  it('publishes every artifact of every collection', () => {
    expect(first).toMatchObject({ collections: 2, artifacts: 203, failed: 0 });
    for (const id of ['SYNTHETIC-000001', 'SYNTHETIC-000200', 'T-1', '故畫-001']) {
      for (const f of [`api/artifacts/${id}.json`, `cite/${id}.bib`, `cite/${id}.ris`, `cite/${id}.csl.json`])
        expect(fs.existsSync(path.join(site.dist, f)), f).toBe(true);
    }
    const index = JSON.parse(read('api/index.json')) as { collections: { id: string; count: number }[] };
    expect(index.collections.map((c) => [c.id, c.count])).toEqual([
      ['demo', 3],
      ['synthetic', 200],
    ]);
  });

  it('serves JSON-LD that expands with the jsonld library, offline, with a name per language', async () => {
    const doc = JSON.parse(read('api/artifacts/T-1.json')) as { jsonLd: object };
    const expanded = (await jsonld.expand(doc.jsonLd as jsonld.JsonLdDocument)) as Record<string, unknown>[];
    const node = expanded[0]!;
    expect(node['@type']).toEqual(['https://schema.org/VisualArtwork']);
    expect(node['https://schema.org/name']).toEqual([
      { '@value': '青铜鼎', '@language': 'zh' },
      { '@value': 'Bronze ding', '@language': 'en' },
    ]);
    expect(node['https://schema.org/license']).toEqual([{ '@id': 'http://creativecommons.org/publicdomain/zero/1.0/' }]);
    expect(node['https://schema.org/dateCreated']).toEqual([{ '@value': '-1199' }]);
    for (const term of ['artMedium', 'isPartOf', 'identifier', 'image', 'creditText']) expect(node[`https://schema.org/${term}`], term).toBeDefined();
    const coll = JSON.parse(read('api/collections/demo.json')) as { jsonLd: object };
    const c = (await jsonld.expand(coll.jsonLd as jsonld.JsonLdDocument))[0] as Record<string, unknown>;
    expect(c['@type']).toEqual(['https://schema.org/Collection', 'https://schema.org/Dataset']);
    expect((c['https://schema.org/distribution'] as unknown[]).length).toBe(4);
  });

  it('writes well-formed OAI-PMH static repositories in oai_dc with every record', () => {
    for (const slug of ['demo', 'synthetic']) {
      const xml = read(`oai/${slug}.xml`);
      expect(XMLValidator.validate(xml), slug).toBe(true);
      const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'oai:record' }).parse(xml) as {
        Repository: {
          '@_xmlns': string;
          Identify: Record<string, string>;
          ListRecords: { '@_metadataPrefix': string; 'oai:record': { 'oai:header': { 'oai:identifier': string; 'oai:datestamp': string } }[] };
        };
      };
      expect(doc.Repository['@_xmlns']).toBe('http://www.openarchives.org/OAI/2.0/static-repository');
      expect(doc.Repository.Identify['oai:granularity']).toBe('YYYY-MM-DD');
      expect(doc.Repository.ListRecords['@_metadataPrefix']).toBe('oai_dc');
      const records = doc.Repository.ListRecords['oai:record'];
      expect(records.length).toBe(slug === 'demo' ? 3 : 200);
      for (const r of records) {
        expect(r['oai:header']['oai:identifier']).toMatch(/^oai:[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+:[a-zA-Z0-9\-_.!~*'();/?:@&=+$,%]+$/);
        expect(r['oai:header']['oai:datestamp']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
    // The hostile title survives escaping, minus the control character XML cannot carry.
    expect(read('oai/demo.xml')).toContain('Evil &lt;/script&gt;&lt;!-- &amp; &quot;quotes&quot;');
  });

  it('writes CSV downloads that round-trip through csv-parse, with a rights column and a licence README', () => {
    const rows = parse(read('downloads/demo/demo.csv'), { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(CSV_COLUMNS);
    const evil = rows.find((r) => r.id === '故畫-001')!;
    // Control characters are removed at ingest (with a warning); the rest survives the CSV round trip as written.
    expect(evil.title_en).toBe(HOSTILE_TITLE.replace('\u0007', ''));
    expect(evil.title_zh).toBe('宋人<画>');
    expect(evil.rights).toBe('http://rightsstatements.org/vocab/InC/1.0/');
    const synthetic = parse(read('downloads/synthetic/synthetic.csv'), { bom: true, columns: true }) as Record<string, string>[];
    expect(synthetic).toHaveLength(200);
    expect(synthetic.every((r) => /^http:\/\/(creativecommons|rightsstatements)\.org\//.test(r.rights!))).toBe(true);
    const lines = read('downloads/synthetic/synthetic.jsonl')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; rights: string });
    expect(lines.map((l) => l.id)).toEqual(synthetic.map((r) => r.id));
    expect(read('downloads/synthetic/README.txt')).toMatch(/LICENCE[\s\S]*CC0 1\.0 Universal/);
  });

  it('splits sitemaps at the URL limit, lists every locale twin, and indexes them', () => {
    const index = read('sitemap.xml');
    expect(XMLValidator.validate(index)).toBe(true);
    const files = [...index.matchAll(/<loc>http:\/\/localhost:4321(\/sitemaps\/[^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(files.length).toBe(first.sitemapFiles);
    const locs: string[] = [];
    for (const f of files) {
      const xml = read(f.slice(1));
      expect(XMLValidator.validate(xml), f).toBe(true);
      const urls = [...xml.matchAll(/<url><loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
      expect(urls.length).toBeLessThanOrEqual(250);
      locs.push(...urls);
    }
    // 203 artifacts and 6 stand-in pages in 3 locales, plus one French-only page.
    expect(locs.length).toBe(209 * 3 + 1);
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs).toContain('http://localhost:4321/fr/only-fr/');
    expect(locs).toContain(`http://localhost:4321/en/artifacts/${encodeURIComponent('故畫-001')}/`);
    const entry = read(files[0]!.slice(1))
      .split('\n')
      .find((l) => l.includes('<loc>http://localhost:4321/en/collections/demo/</loc>'))!;
    for (const tag of ['zh-Hans', 'en', 'fr', 'x-default']) expect(entry).toContain(`hreflang="${tag}"`);
  });

  it('does no work on a re-run, and removes the outputs of a removed record', async () => {
    const before = fs.statSync(path.join(site.dist, 'oai/synthetic.xml')).mtimeMs;
    const again = await runOpenDataStage({ progress: false, log: () => {}, sitemapLimits: { urls: 250, bytes: 10_000_000 } });
    expect(again).toMatchObject({ collectionsUnchanged: 2, filesWritten: 0, artifacts: 203 });
    expect(fs.statSync(path.join(site.dist, 'oai/synthetic.xml')).mtimeMs).toBe(before);

    const file = path.join(site.build, 'records', 'artifacts', 'demo.jsonl');
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    fs.writeFileSync(file, `${lines.filter((l) => !l.includes('"T-2"')).join('\n')}\n`);
    const collections = path.join(site.build, 'records', 'collections.json');
    const cs = JSON.parse(fs.readFileSync(collections, 'utf8')) as { id: string; hash: string }[];
    cs.find((c) => c.id === 'demo')!.hash = 'changed';
    fs.writeFileSync(collections, JSON.stringify(cs));
    const third = await runOpenDataStage({ progress: false, log: () => {}, sitemapLimits: { urls: 250, bytes: 10_000_000 } });
    expect(third).toMatchObject({ collectionsUnchanged: 1, artifacts: 202, failed: 0 });
    expect(fs.existsSync(path.join(site.dist, 'api/artifacts/T-2.json'))).toBe(false);
    expect(fs.existsSync(path.join(site.dist, 'cite/T-2.bib'))).toBe(false);
    expect(read('downloads/demo/demo.csv')).not.toContain('T-2');
    expect(fs.statSync(path.join(site.dist, 'oai/synthetic.xml')).mtimeMs).toBe(before);
  });
});
