// The static engine's relevance cases, run against a real Meilisearch fed from the same SearchDocs, through
// the browser runtime (runtime/meili-engine.ts) with a search-only key; facet counts compared with the static
// engine on the same records.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { artifactToDocs, type SearchDoc } from '../../../assets-pipeline/search/doc.ts';
import { placeDocs, sceneDocs } from '../../../assets-pipeline/search/site-docs.ts';
import { scene } from '../../../model/scene.ts';
import { place } from '../../../model/schema.ts';
import { writeSearchIndex } from '../../../assets-pipeline/search/write-index.ts';
import { buildDocs } from '../../../assets-pipeline/search-meili/documents.ts';
import { meiliSynonyms } from '../../../assets-pipeline/search-meili/synonyms.ts';
import { syncMeili } from '../../../assets-pipeline/search-meili/sync.ts';
import { createSearch } from '../../../site/components/search/runtime/engine.ts';
import { createMeiliSearch } from '../../../site/components/search/runtime/meili-engine.ts';
import { createSuggester } from '../../../site/components/search/runtime/suggest.ts';
import { DEFAULT_LAYOUT } from '../../../formats/search-index/meili-layout.ts';
import type { Filters } from '../../../site/components/search/runtime/engine.ts';
import { vocabularyConcepts } from '../../../formats/vocabulary.ts';
import { realArtifacts } from '../search/real-records.ts';
import { compoundArtifacts } from './compound-records.ts';
import { startMeili, type MeiliServer } from '../../../scripts/tools/meili-server.ts';

let server: MeiliServer;
let meili: ReturnType<typeof createMeiliSearch>;
let staticEngine: ReturnType<typeof createSearch>;
let dir: string;
// The real data holds one id twice (npm-故畫00110800002); Meilisearch keeps one document per id, so both
// engines are given the records once.
const records = [...new Map([...realArtifacts(), ...compoundArtifacts()].map((r) => [r.id, r])).values()];

beforeAll(async () => {
  server = await startMeili();
  // Besides the objects, what the site is about: the committed scenes and places.
  const scenes = ['library-cave', 'yingxian-pagoda'].map((id) =>
    scene.parse({ type: 'scene', id, ...parseYaml(fs.readFileSync(`content/scenes/${id}.yaml`, 'utf8')) }),
  );
  const places = (parseYaml(fs.readFileSync('content/places.yaml', 'utf8')) as object[]).map((p) => place.parse({ type: 'place', ...p }));
  const docs: SearchDoc[] = [...records.flatMap((r) => artifactToDocs(r)), ...sceneDocs(scenes), ...placeDocs(places)];
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meili-static-'));
  await writeSearchIndex(docs, path.join(dir, 'search'));
  staticEngine = createSearch(path.join(dir, 'search'), async (file) => new Uint8Array(fs.readFileSync(file)));
  await syncMeili(await buildDocs(docs), {
    host: server.host,
    adminKey: server.masterKey,
    index: 'heritage',
    layout: DEFAULT_LAYOUT,
    synonyms: await meiliSynonyms(),
  });
  // The site gets a search-only key, never the master or admin key.
  const admin = new Meilisearch({ host: server.host, apiKey: server.masterKey });
  const key = await admin.createKey({ actions: ['search'], indexes: ['heritage*'], expiresAt: null });
  meili = createMeiliSearch({ host: server.host, key: key.key, index: 'heritage', layout: DEFAULT_LAYOUT });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

const hrefs = async (q: string, locale: 'zh' | 'en' | 'fr' = 'en', limit = 50) => (await meili.search({ q, locale, limit })).hits.map((h) => h.href);

describe('Meilisearch over the real records (same cases as the static engine)', () => {
  it('finds Guo Xi by his Chinese and his English name', async () => {
    for (const q of ['Guo Xi', 'guo xi']) expect((await meili.search({ q, locale: 'en' })).hits[0]?.title, q).toBe('Old Trees, Level Distance');
    const zh = await meili.search({ q: '郭熙', locale: 'zh' });
    expect(zh.hits.slice(0, 5).map((h) => h.href)).toContain('artifacts/met-1981.276/');
    expect(zh.hits.find((h) => h.href === 'artifacts/met-1981.276/')?.title).toBe('树色平远图');
  });

  it('finds the NPM jade bowl from a French query', async () => {
    const hits = await hrefs('bol en jade', 'fr');
    expect(hits).toContain('artifacts/npm-jade-jade001/');
    expect(hits.every((h) => h.includes('npm-jade'))).toBe(true);
  });

  it('folds simplified and traditional Chinese both ways', async () => {
    const simplified = await meili.search({ q: '树色平远图', locale: 'zh' });
    const traditional = await meili.search({ q: '樹色平遠圖', locale: 'zh' });
    expect(simplified.total).toBeGreaterThan(0);
    expect(simplified.hits.map((h) => h.href)).toEqual(traditional.hits.map((h) => h.href));
    // The record is written 樹色平遠圖; a Chinese page shows it in simplified characters, as its own page does.
    expect(simplified.hits[0]?.title).toBe('树色平远图');
    const bowls = await hrefs('碗', 'zh');
    const variant = await hrefs('椀', 'zh');
    expect(variant.filter((h) => !bowls.includes(h))).toEqual([]);
  });

  it('finds Chinese compounds inside sentences (Meilisearch segmentation alone lost them)', async () => {
    const expected: Record<string, string[]> = {
      玉璧: ['cmp-bi', 'cmp-bi-tw'],
      瓷瓶: ['cmp-vase'],
      三彩马: ['cmp-horse', 'cmp-horse-tw'],
      三彩馬: ['cmp-horse', 'cmp-horse-tw'],
      瓷器: ['cmp-ware', 'cmp-ware-2'],
    };
    for (const [q, ids] of Object.entries(expected)) {
      const res = await meili.search({ q, locale: 'zh', limit: 50 });
      expect(res.total, q).toBeGreaterThan(0);
      for (const id of ids)
        expect(
          res.hits.map((h) => h.href),
          q,
        ).toContain(`artifacts/${id}/`);
      // At least the static engine's records (it cuts Chinese the same way); synonyms may add more
      // (瓷器 ↔ 瓷 ↔ porcelain also finds 瓷瓶).
      const st = await staticEngine.search({ q, locale: 'zh', limit: 50 });
      expect(
        res.hits.map((h) => h.href),
        q,
      ).toEqual(expect.arrayContaining(st.hits.map((h) => h.href)));
    }
  });

  it('applies the synonym data across languages', async () => {
    const zh = await hrefs('敦煌', 'zh');
    expect(zh.length).toBeGreaterThan(0);
    expect(await hrefs('Dunhuang', 'en')).toEqual(expect.arrayContaining(zh));
    expect(await hrefs('Touen-houang', 'fr')).toEqual(expect.arrayContaining(zh));
  });

  it('matches the last word as a prefix, not a finished one', async () => {
    expect(await hrefs('Old Trees, Level Dist')).toContain('artifacts/met-1981.276/');
    expect((await meili.search({ q: 'Level Dist ', locale: 'en' })).total).toBe(0);
  });

  it('tolerates one typo in words of four letters or more', async () => {
    // Four letters are enough, and a swap of neighbours is one typo, as in the static engine.
    expect(await hrefs('jaed bwol')).toContain('artifacts/npm-jade-jade001/');
    expect((await meili.search({ q: 'neprhite bwol', locale: 'en' })).total).toBe((await meili.search({ q: 'nephrite bowl', locale: 'en' })).total);
    expect((await meili.search({ q: 'blo ', locale: 'fr' })).total).toBe(0);
    expect((await meili.search({ q: 'jade bowl handels', locale: 'en' })).total).toBeGreaterThan(0);
    expect(await hrefs('Grayish-grene jade')).toContain('artifacts/npm-jade-jade001/');
  });

  it("suggests from the static index's words what Meilisearch finds when it finds nothing", async () => {
    const suggester = createSuggester(path.join(dir, 'search'), async (file) => new Uint8Array(fs.readFileSync(file)));
    const finds = async (q: string) => (await meili.search({ q, locale: 'en', limit: 1 })).total > 0;
    for (const [q, want] of [
      ['Guo Xii', 'Guo Xi'],
      ['Level Distnse', 'Level Distance'],
    ]) {
      expect(await finds(q!), q).toBe(false);
      expect(await suggester.suggest(q!, finds), q).toBe(want);
    }
  });

  it('finds the scenes, a hotspot and a place by name, as the static engine does', async () => {
    const cases: [string, 'zh' | 'en' | 'fr', string][] = [
      ['Library Cave', 'en', 'scenes/library-cave/'],
      ['藏经洞', 'zh', 'scenes/library-cave/'],
      ['木塔', 'zh', 'scenes/yingxian-pagoda/'],
      ['pagoda', 'fr', 'scenes/yingxian-pagoda/'],
      ['Hongbian', 'en', 'scenes/library-cave/#hongbian'],
      ['故宫博物院', 'zh', 'map/#place-palace-museum-beijing'],
    ];
    for (const [q, locale, href] of cases) {
      expect(await hrefs(q, locale, 5), `Meilisearch: ${q}`).toContain(href);
      expect(
        (await staticEngine.search({ q, locale, limit: 5 })).hits.map((h) => h.href),
        `static: ${q}`,
      ).toContain(href);
    }
  });

  it('counts facets exactly like the static engine on the same records', async () => {
    const cases: { q: string; locale: 'zh' | 'en' | 'fr'; filters?: Filters }[] = [
      { q: '', locale: 'en' },
      { q: 'bowl', locale: 'en', filters: { rights: ['cc-by-4.0'] } },
      { q: '', locale: 'zh', filters: { collection: ['npm-jades'] } },
      // Not "jade": its synonym 玉 rightly finds more records here than the static engine (no synonyms).
      { q: 'bowl', locale: 'fr', filters: { material: ['jade'], collection: ['npm-jades', 'chinese-paintings'] } },
      { q: 'landscape', locale: 'fr', filters: { material: ['silk'] } },
      { q: '山水', locale: 'zh' },
      { q: 'landscape', locale: 'en', filters: { yearFrom: 1000, yearTo: 1500 } },
    ];
    for (const c of cases) {
      const [m, s] = await Promise.all([meili.search({ ...c, limit: 10 }), staticEngine.search({ ...c, limit: 10 })]);
      const label = JSON.stringify(c);
      expect(m.total, label).toBe(s.total);
      for (const f of Object.keys(s.facets) as (keyof typeof s.facets)[]) {
        const counts = (xs: typeof m.facets.type) => Object.fromEntries(xs.filter((v) => v.count > 0).map((v) => [v.key, v.count]));
        expect(counts(m.facets[f]), `${label} ${f}`).toEqual(counts(s.facets[f]));
      }
    }
  });
});

describe('filters by vocabulary concept, whatever language the URL names it in (both engines)', () => {
  const concept = (kind: 'material' | 'period', id: string) => vocabularyConcepts().find((c) => c.kind === kind && c.id === id)!;
  const engines = () => ({ meili, static: staticEngine });

  it.each(['material', 'period'] as const)('a %s given by its name in any locale finds what its id finds', async (facet) => {
    // The most frequent value of the facet in these records; its names are the vocabulary's, one per locale (what
    // the facet shows on each locale's page).
    const id = (await staticEngine.search({ q: '', locale: 'en', limit: 1 })).facets[facet][0]!.key;
    const labels = Object.values(concept(facet, id).labels).map((l) => l[0]!);
    expect(labels.length).toBe(3);
    for (const [name, engine] of Object.entries(engines())) {
      const byId = await engine.search({ q: '', locale: 'en', filters: { [facet]: [id] }, limit: 1 });
      expect(byId.total, name).toBeGreaterThan(0);
      expect(byId.ignored, name).toEqual([]);
      for (const label of [...labels, concept(facet, id).labels.en[0]!.toUpperCase()]) {
        const res = await engine.search({ q: '', locale: 'fr', filters: { [facet]: [label] }, limit: 1 });
        expect({ total: res.total, applied: res.filters[facet], ignored: res.ignored }, `${name} ${label}`).toEqual({
          total: byId.total,
          applied: [id],
          ignored: [],
        });
      }
    }
  });

  it('leaves out a value that names nothing and says so, instead of finding nothing', async () => {
    for (const [name, engine] of Object.entries(engines())) {
      const all = await engine.search({ q: '', locale: 'en', limit: 1 });
      const silk = await engine.search({ q: '', locale: 'en', filters: { material: ['silk'] }, limit: 1 });
      const alone = await engine.search({ q: '', locale: 'en', filters: { material: ['unobtainium'] }, limit: 1 });
      expect({ total: alone.total, ignored: alone.ignored, applied: alone.filters.material }, name).toEqual({
        total: all.total,
        ignored: [{ facet: 'material', value: 'unobtainium' }],
        applied: undefined,
      });
      const mixed = await engine.search({ q: '', locale: 'en', filters: { material: ['unobtainium', 'soie'] }, limit: 1 });
      expect({ total: mixed.total, ignored: mixed.ignored, applied: mixed.filters.material }, name).toEqual({
        total: silk.total,
        ignored: [{ facet: 'material', value: 'unobtainium' }],
        applied: ['silk'],
      });
    }
  });

  it('offers only vocabulary concepts as period and material filters, never a raw string', async () => {
    const ids = new Set(vocabularyConcepts().map((c) => c.id));
    for (const [name, engine] of Object.entries(engines())) {
      const res = await engine.search({ q: '', locale: 'en', limit: 1 });
      for (const facet of ['period', 'material'] as const) {
        expect(res.facets[facet].length, `${name} ${facet}`).toBeGreaterThan(0);
        expect(
          res.facets[facet].map((v) => v.key).filter((k) => !ids.has(k)),
          `${name} ${facet}`,
        ).toEqual([]);
      }
    }
  });
});
