// Browse facet values take their names from the vocabulary (formats/vocabulary/concepts.json lists teapot as
// 茶壶 / teapot / théière, bowl as 碗 (椀…) / bowl / bol and jade as 玉 / jade / jade): records naming one concept in
// different languages or scripts are one value, labelled in every locale. An object type must be a concept: 椀 names
// the bowl even though its English says more; "reliquary casket" names nothing and is in no value.
import { expect, it } from 'vitest';
import { facetValues } from '../../site/lib/facets.ts';
import type { ArtifactCardData } from '../../site/lib/records.ts';
import type { LangMap } from '../../model/schema.ts';

const card = (id: string, objectType: LangMap, materials: LangMap[] = []) => ({ id, objectType, materials, places: [] }) as unknown as ArtifactCardData;

it('names vocabulary values by their concept in every locale, and merges their spellings', () => {
  const cards = [
    card('a', { fr: 'Théière' }, [{ zh: '玉' }]),
    card('b', { en: 'Teapot' }, [{ en: 'jade' }]),
    card('c', { zh: '茶壺' }),
    card('d', { en: 'reliquary casket' }),
    card('e', { zh: '椀', en: 'bowl with handles' }),
  ];
  expect(facetValues('objectType', cards).map((v) => ({ key: v.key, label: v.label, items: v.items.map((c) => c.id) }))).toEqual([
    { key: 'teapot', label: { zh: '茶壶', en: 'teapot', fr: 'théière' }, items: ['a', 'b', 'c'] },
    { key: 'bowl', label: { zh: '碗', en: 'bowl', fr: 'bol' }, items: ['e'] },
  ]);
  expect(facetValues('material', cards).map((v) => ({ key: v.key, label: v.label, n: v.items.length }))).toEqual([
    { key: 'jade', label: { zh: '玉', en: 'jade', fr: 'jade' }, n: 2 },
  ]);
});
