import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifactToDocs, rightsLabel, type SearchDoc } from '../../../assets-pipeline/search/doc.ts';
import { writeSearchIndex } from '../../../assets-pipeline/search/write-index.ts';
import { createSearch } from '../../../site/components/search/runtime/engine.ts';
import type { Artifact, Stored } from '../../../model/schema.ts';
import { realArtifacts } from './real-records.ts';

let records: Stored<Artifact>[];
let engine: ReturnType<typeof createSearch>;
let dir: string;

beforeAll(async () => {
  records = realArtifacts();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-index-'));
  const docs: SearchDoc[] = records.flatMap((r) => artifactToDocs(r));
  await writeSearchIndex(docs, path.join(dir, 'search'));
  engine = createSearch(path.join(dir, 'search'), async (file) => new Uint8Array(fs.readFileSync(file)));
}, 60_000);

const titles = async (q: string, locale: 'zh' | 'en' | 'fr' = 'en') => (await engine.search({ q, locale, limit: 50 })).hits.map((h) => h.href);

describe('static search over the real records', () => {
  it('finds Guo Xi by his Chinese and his English name', async () => {
    for (const q of ['Guo Xi', 'guo xi']) {
      const res = await engine.search({ q, locale: 'en' });
      expect(res.hits[0]?.title, q).toBe('Old Trees, Level Distance');
    }
    // In Chinese, a title that names him (倣郭熙… "after Guo Xi") rightly competes with his own work.
    const zh = await engine.search({ q: '郭熙', locale: 'zh' });
    expect(zh.hits.slice(0, 5).map((h) => h.href)).toContain('artifacts/met-1981.276/');
    expect(zh.hits.find((h) => h.href === 'artifacts/met-1981.276/')?.title).toBe('树色平远图');
  });

  it('finds the NPM jade bowl from a French query', async () => {
    const hits = await titles('bol en jade', 'fr');
    expect(hits).toContain('artifacts/npm-jade-jade001/');
    expect(hits.every((h) => h.includes('npm-jade'))).toBe(true);
  });

  it('folds simplified and traditional Chinese both ways', async () => {
    const simplified = await engine.search({ q: '树色平远图', locale: 'zh' });
    const traditional = await engine.search({ q: '樹色平遠圖', locale: 'zh' });
    expect(simplified.total).toBeGreaterThan(0);
    expect(simplified.hits.map((h) => h.href)).toEqual(traditional.hits.map((h) => h.href));
    // The record is written 樹色平遠圖; a Chinese page shows it in simplified characters, as its own page does.
    expect(simplified.hits[0]?.title).toBe('树色平远图');
    // 碗 and 椀 are variants, not a simplified/traditional pair: the vocabulary joins them.
    const bowls = await engine.search({ q: '碗', locale: 'zh', limit: 50 });
    const variant = await engine.search({ q: '椀', locale: 'zh', limit: 50 });
    expect(variant.hits.map((h) => h.href).filter((h) => !bowls.hits.some((b) => b.href === h))).toEqual([]);
  });

  it('matches the last word as a prefix', async () => {
    expect(await titles('Old Trees, Level Dist')).toContain('artifacts/met-1981.276/');
    expect((await engine.search({ q: 'Level Dist ', locale: 'en' })).total).toBe(0); // a finished word is not a prefix
  });

  it('tolerates one typo in words of four letters or more', async () => {
    // Four letters are enough, and a swap of neighbours is one typo: jaed → jade, bwol → bowl.
    expect(await titles('jaed bwol')).toContain('artifacts/npm-jade-jade001/');
    expect(await titles('neprhite bwol')).toEqual(await titles('nephrite bowl'));
    // Three letters are not: "bol" (the French bowl) misspelt finds nothing.
    expect((await engine.search({ q: 'blo ', locale: 'fr' })).total).toBe(0);
    expect((await engine.search({ q: 'bol ', locale: 'fr' })).total).toBeGreaterThan(0);
    const ok = await engine.search({ q: 'jade bowl handels', locale: 'en' });
    expect(ok.total).toBeGreaterThan(0);
    expect(await titles('Grayish-grene jade')).toContain('artifacts/npm-jade-jade001/');
  });

  it('counts facets exactly like a brute-force pass over the records', async () => {
    const res = await engine.search({ q: 'bowl', locale: 'en', filters: { rights: ['cc-by-4.0'] } });
    const bowls = records.filter((r) => /bowl/i.test(r.title.en ?? '') || /bowl/i.test(r.objectType?.en ?? '') || /bowl/i.test(r.notes?.en ?? ''));
    expect(res.total).toBe(bowls.filter((r) => r.rights.includes('/by/4.0/')).length);
    const byCollection = Object.fromEntries(res.facets.collection.map((v) => [v.key, v.count]));
    expect(byCollection).toEqual({ 'npm-jades': bowls.filter((r) => r.collection === 'npm-jades').length });
    const browse = await engine.search({ q: '', locale: 'zh', filters: { collection: ['npm-jades'] } });
    expect(browse.total).toBe(records.filter((r) => r.collection === 'npm-jades').length);
    const rights = Object.fromEntries(browse.facets.rights.map((v) => [v.key, v.count]));
    expect(rights.cc0).toBe(0 || undefined);
    const all = await engine.search({ q: '', locale: 'en' });
    expect(all.total).toBe(records.length);
    const brute: Record<string, number> = {};
    for (const r of records) brute[r.collection] = (brute[r.collection] ?? 0) + 1;
    expect(Object.fromEntries(all.facets.collection.map((v) => [v.key, v.count]))).toEqual(brute);
  });

  it('counts disjunctive facets exactly when only filters are set', async () => {
    const rightsKey = (r: Stored<Artifact>) => rightsLabel(r.rights).key;
    const tally = (rs: Stored<Artifact>[], key: (r: Stored<Artifact>) => string) => {
      const out: Record<string, number> = {};
      for (const r of rs) out[key(r)] = (out[key(r)] ?? 0) + 1;
      return out;
    };
    // A selected value stays listed with 0 so it can be unticked; the tally has no zeros.
    const asMap = (vs: { key: string; count: number }[]) => Object.fromEntries(vs.filter((v) => v.count > 0).map((v) => [v.key, v.count]));
    const collections = [...new Set(records.map((r) => r.collection))].sort();
    const rights = [...new Set(records.map(rightsKey))].sort();
    expect(collections.length * rights.length).toBeGreaterThan(2);
    for (const c of collections) {
      for (const k of rights) {
        const res = await engine.search({ q: '', locale: 'en', filters: { collection: [c], rights: [k] } });
        expect(res.total, `${c} + ${k}`).toBe(records.filter((r) => r.collection === c && rightsKey(r) === k).length);
        // A facet's own filter does not narrow its counts; every other filter does.
        expect(asMap(res.facets.collection)).toEqual(
          tally(
            records.filter((r) => rightsKey(r) === k),
            (r) => r.collection,
          ),
        );
        expect(asMap(res.facets.rights)).toEqual(
          tally(
            records.filter((r) => r.collection === c),
            rightsKey,
          ),
        );
      }
      const one = await engine.search({ q: '', locale: 'fr', filters: { collection: [c] } });
      expect(asMap(one.facets.collection)).toEqual(tally(records, (r) => r.collection));
      expect(asMap(one.facets.rights)).toEqual(
        tally(
          records.filter((r) => r.collection === c),
          rightsKey,
        ),
      );
    }
  });

  it('gives the same hits cold and warm', async () => {
    const cold = createSearch(path.join(dir, 'search'), async (file) => new Uint8Array(fs.readFileSync(file)));
    for (const q of ['jade', '郭熙', 'porcelian', 'bol']) {
      const a = await cold.search({ q, locale: 'fr' });
      const b = await engine.search({ q, locale: 'fr' });
      expect(a.total, q).toBe(b.total);
    }
  });
});
