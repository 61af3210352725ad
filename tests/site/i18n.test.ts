import { expect, it } from 'vitest';
import { collectResources, missingKeys, resources } from '../../site/i18n/resources.ts';
import { translator } from '../../site/i18n/index.ts';

it('has every UI key in every locale', () => {
  expect(missingKeys(resources)).toEqual([]);
});

it('reports a key missing in one locale', () => {
  const r = collectResources({
    './locales/zh.json': { a: '甲', b: '乙' },
    './locales/en.json': { a: 'A', b: 'B' },
    './locales/fr.json': { a: 'A' },
    './locales/scene.zh.json': { x: '场景' },
    './locales/scene.en.json': { x: 'Scene' },
    './locales/scene.fr.json': { x: '' },
  });
  expect(missingKeys(r)).toEqual(['fr/common: b', 'fr/scene: x']);
});

it('translates with plurals per locale', () => {
  expect(translator('en')('collections.count', { count: 1 })).toBe('1 artifact');
  expect(translator('fr')('collections.count', { count: 2 })).toBe('2 objets');
  expect(translator('zh')('nav.search')).toBe('搜索');
});
