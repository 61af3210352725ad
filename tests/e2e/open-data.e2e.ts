// Open data over the built demo: sitemaps cover the real pages (every URL exists in dist/, ≤ 50,000 per file),
// the artifact and collection pages carry JSON-LD that expands and Open Graph tags, and every collection's
// API, downloads and OAI-PMH file are present and parse.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import { E2E_DIST } from './env.ts';
import { htmlFiles } from './pages.ts';

const read = (urlPath: string) => fs.readFileSync(path.join(E2E_DIST, decodeURIComponent(urlPath)), 'utf8');
const pathOf = (url: string) => new URL(url).pathname;

describe('sitemaps', () => {
  const index = read('/sitemap.xml');
  const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => pathOf(m[1]!));

  it('are well-formed, ≤ 50,000 URLs each, and every URL is a page in dist/', () => {
    expect(XMLValidator.validate(index)).toBe(true);
    expect(files.length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const f of files) {
      const xml = read(f);
      expect(XMLValidator.validate(xml), f).toBe(true);
      const locs = [...xml.matchAll(/<url><loc>([^<]+)<\/loc>/g)].map((m) => pathOf(m[1]!));
      expect(locs.length, f).toBeLessThanOrEqual(50_000);
      for (const loc of locs) if (!fs.existsSync(path.join(E2E_DIST, decodeURIComponent(loc), 'index.html'))) missing.push(loc);
      for (const href of [...xml.matchAll(/<xhtml:link rel="alternate" hreflang="[^"]+" href="([^"]+)"/g)].map((m) => pathOf(m[1]!))) {
        if (!fs.existsSync(path.join(E2E_DIST, decodeURIComponent(href), 'index.html'))) missing.push(`alternate ${href}`);
      }
    }
    expect(missing.slice(0, 20)).toEqual([]);
  });

  it('list every artifact and collection page of every locale', () => {
    const listed = new Set(files.flatMap((f) => [...read(f).matchAll(/<url><loc>([^<]+)<\/loc>/g)].map((m) => decodeURIComponent(pathOf(m[1]!)))));
    const pages = htmlFiles(E2E_DIST)
      .map((f) => `/${path.relative(E2E_DIST, f).replace(/index\.html$/, '')}`)
      .filter((p) => /^\/(zh|en|fr)\/(artifacts|collections)\//.test(p));
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.filter((p) => !listed.has(p))).toEqual([]);
  });
});

describe('artifact and collection pages', () => {
  const artifactPage = htmlFiles(path.join(E2E_DIST, 'en', 'artifacts'))[0]!;
  const collectionPage = path.join(
    E2E_DIST,
    'en',
    'collections',
    fs.readdirSync(path.join(E2E_DIST, 'en', 'collections')).find((d) => fs.statSync(path.join(E2E_DIST, 'en', 'collections', d)).isDirectory())!,
    'index.html',
  );

  for (const [kind, file, type] of [
    ['artifact', artifactPage, 'https://schema.org/VisualArtwork'],
    ['collection', collectionPage, 'https://schema.org/Collection'],
  ] as const) {
    it(`${kind} page head has JSON-LD that expands and Open Graph tags`, async () => {
      const html = fs.readFileSync(file, 'utf8');
      const head = html.slice(0, html.indexOf('</head>'));
      const m = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(head);
      expect(m, 'JSON-LD in <head>').not.toBeNull();
      const expanded = (await jsonld.expand(JSON.parse(m![1]!) as jsonld.JsonLdDocument)) as Record<string, unknown>[];
      expect(expanded[0]!['@type']).toContain(type);
      expect(expanded[0]!['https://schema.org/name']).toBeDefined();
      expect(head).toMatch(/<meta property="og:title" content="[^"]+"/);
      expect(head).toMatch(/<meta property="og:url" content="http[^"]+"/);
    });
  }

  it('artifact page links its citations and JSON record, which exist', () => {
    const html = fs.readFileSync(artifactPage, 'utf8');
    const links = [...html.matchAll(/href="(\/(?:cite|api)\/[^"]+)"/g)].map((m) => m[1]!);
    expect(links.filter((l) => l.startsWith('/cite/')).map((l) => l.replace(/^.*?\.(?=[a-z.]+$)/, ''))).toEqual(['bib', 'ris', 'csl.json']);
    for (const l of links) expect(fs.existsSync(path.join(E2E_DIST, decodeURIComponent(l))), l).toBe(true);
  });
});

describe('API, downloads and OAI-PMH for every collection', () => {
  const index = JSON.parse(read('/api/index.json')) as { collections: { id: string; count: number; href: string }[] };
  it('has collections', () => expect(index.collections.length).toBeGreaterThan(0));
  for (const c of index.collections) {
    it(`${c.id}: API pages, CSV, JSON Lines, README and OAI file agree on ${c.count} records`, () => {
      const api = JSON.parse(read(pathOf(c.href))) as { lastPage: number; links: { downloads: Record<string, string> } };
      let items = 0;
      for (let n = 1; n <= api.lastPage; n++) items += (JSON.parse(read(`/api/collections/${c.id}/page-${n}.json`)) as { items: unknown[] }).items.length;
      expect(items).toBe(c.count);
      const rows = parse(read(pathOf(api.links.downloads.csv!)), { bom: true, columns: true }) as Record<string, string>[];
      expect(rows).toHaveLength(c.count);
      expect(rows.every((r) => r.rights)).toBe(true);
      expect(read(pathOf(api.links.downloads.jsonl!)).trim().split('\n')).toHaveLength(c.count);
      expect(read(pathOf(api.links.downloads.readme!))).toContain('LICENCE');
      const oai = read(pathOf(api.links.downloads.oaiPmhStaticRepository!));
      expect(XMLValidator.validate(oai)).toBe(true);
      expect((oai.match(/<oai:record>/g) ?? []).length).toBe(c.count);
    });
  }
});
