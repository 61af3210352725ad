import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchDoc } from '../../../assets-pipeline/search/doc.ts';
import { writeSearchIndex } from '../../../assets-pipeline/search/write-index.ts';
import { createSearch } from '../../../site/components/search/runtime/engine.ts';

// Hand-written documents for the cases the real data lacks (no bronze, no porcelain in it).
const docs: SearchDoc[] = [
  { type: 'artifact', id: 'ding', href: 'artifacts/ding/', title: { zh: '商代青铜器' }, facets: { period: { zh: '商' } } },
  { type: 'artifact', id: 'gui', href: 'artifacts/gui/', title: { zh: '西周青銅簋' }, facets: {} },
  { type: 'artifact', id: 'vase', href: 'artifacts/vase/', title: { en: 'Blue-and-white porcelain vase', fr: 'Vase en porcelaine bleu et blanc' }, facets: {} },
  { type: 'artifact', id: 'horse', href: 'artifacts/horse/', title: { zh: '唐三彩马' }, facets: {} },
  { type: 'artifact', id: 'bowl', href: 'artifacts/bowl/', title: { fr: 'Bol en céramique' }, facets: {} },
  { type: 'artifact', id: 'base', href: 'artifacts/base/', title: { en: 'Base of a lamp' }, facets: {} },
  { type: 'collection', id: 'c1', href: 'collections/c1/', title: { en: 'Bronzes of the Shang' }, facets: { collection: 'c1' } },
];

let engine: ReturnType<typeof createSearch>;
beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-tok-'));
  await writeSearchIndex(docs, dir);
  engine = createSearch(dir, async (file) => new Uint8Array(fs.readFileSync(file)));
}, 30_000);

const ids = async (q: string) => (await engine.search({ q, locale: 'en', limit: 20 })).hits.map((h) => h.href.split('/')[1]).sort();

describe('tokenizer and matching', () => {
  it('finds 商代青铜器 and 青銅 from 青铜 and from 青銅', async () => {
    expect(await ids('青铜')).toEqual(['c1', 'ding', 'gui']); // the collection through the vocabulary: bronze
    expect(await ids('青銅')).toEqual(['c1', 'ding', 'gui']);
  });
  it('finds 三彩马 whatever the segmenter does with the title', async () => {
    expect(await ids('三彩马')).toEqual(['horse']);
    expect(await ids('三彩馬')).toEqual(['horse']);
  });
  it('folds case and diacritics and stems', async () => {
    expect(await ids('ceramique')).toEqual(['bowl']);
    expect(await ids('CÉRAMIQUES')).toEqual(['bowl']);
    expect(await ids('vases')).toEqual(['vase']);
  });
  it('tolerates one typo in words of four letters or more and completes the last word', async () => {
    expect(await ids('porcelian')).toEqual(['vase']);
    expect(await ids('vsae ')).toEqual(['vase']);
    // A four-letter word typed exactly finds only itself: "base", one typo away, does not join in.
    expect(await ids('vase ')).toEqual(['vase']);
    expect(await ids('bsae ')).toEqual(['base']);
    expect(await ids('porc')).toEqual(['vase']);
    expect(await ids('blue-and-whi')).toEqual(['vase']);
  });
  it('keeps document types apart in the type facet', async () => {
    const res = await engine.search({ q: 'bronze', locale: 'en' });
    expect(Object.fromEntries(res.facets.type.map((v) => [v.key, v.count]))).toEqual({ artifact: 2, collection: 1 });
    const only = await engine.search({ q: 'bronze', locale: 'en', filters: { type: ['collection'] } });
    expect(only.hits.map((h) => h.href)).toEqual(['collections/c1/']);
  });
});
