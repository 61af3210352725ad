// "Did you mean" over a real index written by the index writer: the vocabulary holds words as typed (not
// stems), and every suggestion is one the engine finds results for.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchDoc } from '../../../assets-pipeline/search/doc.ts';
import { writeSearchIndex } from '../../../assets-pipeline/search/write-index.ts';
import { WORD_LETTERS } from '../../../formats/search-index/layout.ts';
import { createSearch } from '../../../site/components/search/runtime/engine.ts';
import { createSuggester, editDistance } from '../../../site/components/search/runtime/suggest.ts';

const docs: SearchDoc[] = [
  { type: 'artifact', id: 'ding', href: 'artifacts/ding/', title: { zh: '商代青铜器' }, facets: {} },
  { type: 'artifact', id: 'vase', href: 'artifacts/vase/', title: { en: 'Blue-and-white porcelain vase with handles', fr: 'Vase en porcelaine' }, facets: {} },
  // "Xia" is commoner than "Xi" here, yet "Xii" is Xi with a letter doubled.
  { type: 'artifact', id: 'xia1', href: 'artifacts/xia1/', title: { en: 'Xia dynasty jar' }, facets: {} },
  { type: 'artifact', id: 'xia2', href: 'artifacts/xia2/', title: { en: 'Xia jar' }, facets: {} },
  { type: 'artifact', id: 'trees', href: 'artifacts/trees/', title: { en: 'Old Trees, Level Distance' }, names: [{ en: 'Guo Xi', zh: '郭熙' }], facets: {} },
  // "Kui" is one edit from "Kuo" with the first letter kept, but "Kui Xi" finds nothing: "Guo Xi" is offered.
  { type: 'artifact', id: 'kui', href: 'artifacts/kui/', title: { en: 'Kui dragon vessel' }, facets: {} },
];

let dir: string;
let engine: ReturnType<typeof createSearch>;
let suggester: ReturnType<typeof createSuggester>;
const read = async (file: string) => new Uint8Array(fs.readFileSync(file));
const finds = async (q: string) => (await engine.search({ q, locale: 'en', limit: 1 })).total > 0;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-suggest-'));
  await writeSearchIndex(docs, dir);
  engine = createSearch(dir, read);
  suggester = createSuggester(dir, read);
}, 30_000);

describe('did you mean', () => {
  it('counts a swap of neighbours as one edit and gives up above the bound', () => {
    expect(editDistance('porcelian', 'porcelain', 2)).toBe(1);
    expect(editDistance('porclean', 'porcelain', 2)).toBe(2);
    expect(editDistance('xii', 'xi', 1)).toBe(1);
    expect(editDistance('vase', 'trees', 1)).toBe(2);
  });

  it('publishes the words as written, one file per first letter and one per second letter', () => {
    const read = (d: string, l: string) => JSON.parse(zlib.gunzipSync(fs.readFileSync(path.join(dir, d, `${l}.json.gz`))).toString()) as [string, number][];
    const words = (l: string) => read('words', l);
    for (const d of ['words', 'words2']) expect(fs.readdirSync(path.join(dir, d)).sort()).toEqual([...WORD_LETTERS].map((l) => `${l}.json.gz`));
    expect(read('words2', 'u')).toEqual([
      ['guo', 1],
      ['kui', 1],
    ]);
    expect(read('words2', 'o').map(([w]) => w)).toEqual(expect.arrayContaining(['porcelain', 'porcelaine']));
    expect(words('h')).toContainEqual(['handles', 1]); // not the stem "handl"
    expect(words('p').map(([w]) => w)).toEqual(expect.arrayContaining(['porcelain', 'porcelaine']));
    expect(words('w')).toEqual([['white', 1]]); // "with" is a stop word
  });

  it('suggests indexed words for misspelt ones, in the case the visitor typed', async () => {
    for (const [q, want] of [
      ['porclean vase', 'porcelain vase'],
      ['PORCLEAN', 'PORCELAIN'],
      ['Guo Xii', 'Guo Xi'],
      ['Level Distnse', 'Level Distance'],
      // A slip of the first letter in a word too short for the engine's own typo (Kuo), or beside a second slip
      // (the engine forgives one): the first letter wrong (Xorcelian), left out (rocelain), added (vporcelian),
      // or swapped with the second (oprcelian).
      ['Kuo Xi', 'Guo Xi'],
      ['Xorcelian', 'Porcelain'],
      ['rocelain vase', 'porcelain vase'],
      ['vporcelian', 'porcelain'],
      ['oprcelian', 'porcelain'],
    ]) {
      expect((await engine.search({ q: q!, locale: 'en' })).total, q).toBe(0);
      const s = await suggester.suggest(q!, finds);
      expect(s, q).toBe(want);
      expect(await finds(s!), q).toBe(true);
    }
  });

  it('shortens a Chinese query to the longest piece that finds something', async () => {
    expect((await engine.search({ q: '青铜鼎', locale: 'zh' })).total).toBe(0);
    expect(await suggester.suggest('青铜鼎', finds)).toBe('青铜');
  });

  it('offers nothing when nothing near finds results', async () => {
    expect(await suggester.suggest('zzyzx qwvk', finds)).toBeUndefined();
    expect(await suggester.suggest('鼎', finds)).toBeUndefined();
  });
});
