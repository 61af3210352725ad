// The pieces the stage and the pages share: escaping for <script> and XML, ISO years, sitemap splitting
// (at a lowered limit), and citations that parse back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { toBibTeX, toCSL, toRIS } from '../../../assets-pipeline/open-data/citations.ts';
import { artifactJsonLd, isoYear, scriptSafeJson } from '../../../formats/json-ld.ts';
import { writeSitemaps, type SitemapPage } from '../../../assets-pipeline/open-data/sitemaps.ts';
import { xmlEscape } from '../../../assets-pipeline/open-data/xml.ts';
import { minimalArtifact } from '../../fixtures/artifact.ts';

const a = minimalArtifact({
  id: 'x-1',
  collection: 'c',
  sourceId: 'x-1',
  title: { zh: '鼎</script>', en: 'Ding </script><!-- & {x}' },
  makers: [{ name: { en: 'Anon' } }],
  date: { from: -206, to: 220 },
  materials: [{ en: 'bronze', zh: '青铜' }],
});
const coll = { id: 'c', title: { en: 'Coll' } };

describe('escaping', () => {
  it('keeps JSON-LD inside a <script> element and still valid JSON', () => {
    const json = scriptSafeJson(artifactJsonLd(a, { collection: coll, origin: 'https://m.example' }));
    expect(json).not.toMatch(/<\/script|<!--/i);
    expect(json).not.toContain('<');
    expect((JSON.parse(json) as { name: { '@value': string }[] }).name[1]!['@value']).toBe('Ding </script><!-- & {x}');
  });
  it('makes any text safe XML, dropping characters XML 1.0 forbids', () => {
    const text = `a<b>&"'\u0000\u0007\uD800 ok 龍`;
    expect(XMLValidator.validate(`<r a="${xmlEscape(text)}">${xmlEscape(text)}</r>`)).toBe(true);
    expect(xmlEscape(text)).toBe('a&lt;b&gt;&amp;&quot;&apos; ok 龍');
  });
});

it('writes ISO 8601 years with astronomical numbering', () => {
  expect([isoYear(-206), isoYear(-1), isoYear(618), isoYear(1912)]).toEqual(['-0205', '0000', '0618', '1912']);
});

it('splits sitemaps at a lowered URL limit and at a byte limit', async () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'sitemaps-'));
  try {
    const pages: SitemapPage[] = Array.from({ length: 35 }, (_, i) => ({ path: `/artifacts/a${i}/`, locales: ['zh', 'en', 'fr'] as const }));
    const r = await writeSitemaps(pages, dist, 'https://m.example', { urls: 10, bytes: 1_000_000 });
    expect(r.urls).toBe(105);
    expect(r.files).toHaveLength(11);
    for (const f of r.files) {
      const xml = fs.readFileSync(path.join(dist, f), 'utf8');
      expect(XMLValidator.validate(xml)).toBe(true);
      expect((xml.match(/<url>/g) ?? []).length).toBeLessThanOrEqual(10);
    }
    // Fewer pages later: the extra files go, the index lists only what exists.
    const small = await writeSitemaps(pages.slice(0, 3), dist, 'https://m.example', { urls: 10, bytes: 1_000_000 });
    expect(fs.readdirSync(path.join(dist, 'sitemaps'))).toHaveLength(small.files.length);
    const bytes = await writeSitemaps(pages, dist, 'https://m.example', { urls: 50_000, bytes: 4_000 });
    for (const f of bytes.files) expect(fs.statSync(path.join(dist, f)).size).toBeLessThanOrEqual(4_000);
  } finally {
    fs.rmSync(dist, { recursive: true, force: true });
  }
});

describe('citations', () => {
  it('BibTeX escapes specials and balances braces', () => {
    const bib = toBibTeX(a, coll, 'https://m.example');
    expect(bib).toContain('title = {Ding </script><!-- \\& \\{x\\}}');
    let depth = 0;
    for (const ch of bib.replace(/\\[{}]/g, '')) depth += ch === '{' ? 1 : ch === '}' ? -1 : 0;
    expect(depth).toBe(0);
    expect(bib).toContain('author = {Anon}');
  });
  it('RIS has one tag per line and ends with ER', () => {
    const ris = toRIS(a, coll, 'https://m.example');
    expect(ris.endsWith('ER  - \r\n')).toBe(true);
    const lines = ris.slice(0, -2).split('\r\n');
    expect(lines[0]).toBe('TY  - ART');
    expect(lines.at(-1)).toBe('ER  - ');
    expect(lines.every((l) => /^[A-Z][A-Z0-9] {2}- /.test(l))).toBe(true);
  });
  it('CSL-JSON is an array with a year range', () => {
    const [item] = JSON.parse(toCSL(a, coll, 'https://m.example')) as Record<string, unknown>[];
    expect(item).toMatchObject({ id: 'x-1', type: 'graphic', issued: { 'date-parts': [[-206], [220]] }, author: [{ literal: 'Anon' }] });
  });
});
