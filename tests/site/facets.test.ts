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

it('lists holding museums as institutions of the vocabulary, and artists as the records name them', () => {
  const held = (id: string, holder: LangMap | undefined, maker?: LangMap) => ({ id, holder, maker, materials: [], places: [] }) as unknown as ArtifactCardData;
  const cards = [
    // Traditional Chinese as the NPM and the Met's records write it; the Smithsonian's long form.
    held('a', { zh: '國立故宮博物院', en: 'National Palace Museum, Taipei' }, { zh: '吳鎮', en: 'Wu Zhen' }),
    held('b', { zh: '大都會藝術博物館', en: 'The Metropolitan Museum of Art' }, { zh: '吳鎮', en: 'Wu Zhen' }),
    held(
      'c',
      { zh: '史密森尼國立亞洲藝術博物館（弗利爾美術館）', en: 'National Museum of Asian Art (Freer Gallery of Art), Smithsonian' },
      { en: 'Unidentified artist' },
    ),
    held('d', { fr: 'Musée national du palais, Taipei' }, { zh: '(傳)李公麟', en: 'Li Gonglin (attributed to)' }),
    held('e', { en: 'Musée Guimet' }, { zh: '佚名' }),
  ];
  expect(facetValues('holder', cards).map((v) => ({ key: v.key, label: v.label, items: v.items.map((c) => c.id) }))).toEqual([
    {
      key: 'national-palace-museum-taipei',
      label: { zh: '国立故宫博物院', en: 'National Palace Museum, Taipei', fr: 'Musée national du palais, Taipei' },
      items: ['a', 'd'],
    },
    {
      key: 'smithsonian-national-museum-of-asian-art',
      label: { zh: '史密森尼国立亚洲艺术博物馆', en: 'Smithsonian National Museum of Asian Art', fr: 'Musée national d’art asiatique du Smithsonian' },
      items: ['c'],
    },
    {
      key: 'the-metropolitan-museum-of-art',
      label: { zh: '大都会艺术博物馆', en: 'The Metropolitan Museum of Art', fr: 'Metropolitan Museum of Art, New York' },
      items: ['b'],
    },
  ]);
  // No artist for "unidentified" or 佚名; an attribution stays the record's.
  expect(facetValues('maker', cards).map((v) => ({ key: v.key, label: v.label, items: v.items.map((c) => c.id) }))).toEqual([
    { key: 'wu-zhen', label: { zh: '吳鎮', en: 'Wu Zhen', fr: 'Wu Zhen' }, items: ['a', 'b'] },
    // English words are not French: the French page shows this name as English.
    { key: 'li-gonglin-attributed-to', label: { zh: '(傳)李公麟', en: 'Li Gonglin (attributed to)' }, items: ['d'] },
  ]);
});
