// UI strings: every key the site's code asks for exists in every locale (a missing one shows the raw key to a
// visitor, which no other check catches), and a gap between locales stops the build when the strings load.
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { LOCALES } from '../../model/locales.ts';
import { collectResources, missingKeys, resources } from '../../site/i18n/resources.ts';
import { translator } from '../../site/i18n/index.ts';

/** Translator calls with a literal key in site/: `t('key')`, `label('key')` (common namespace unless `ns:key`),
 * `d('key')` (the drama pages' translator, bound to the drama namespace). */
function keysUsedInSite(): { file: string; ns: string; key: string }[] {
  const out: { file: string; ns: string; key: string }[] = [];
  const files = fs.readdirSync('site', { recursive: true, encoding: 'utf8' }).filter((f) => /\.(astro|tsx?)$/.test(f));
  for (const rel of files) {
    const text = fs.readFileSync(path.join('site', rel), 'utf8');
    for (const m of text.matchAll(/\b(t|label|d)\('([a-zA-Z][\w.:-]*)'/g)) {
      const [ns, key] = m[2]!.includes(':') ? m[2]!.split(':') : [m[1] === 'd' ? 'drama' : 'common', m[2]!];
      out.push({ file: `site/${rel}`, ns: ns!, key: key! });
    }
  }
  return out;
}

it('defines every key the pages and components ask for, in every locale', () => {
  const used = keysUsedInSite();
  expect(used.length).toBeGreaterThan(100);
  const absent = used.flatMap(({ file, ns, key }) =>
    LOCALES.filter((l) => {
      const strings = resources[l][ns] ?? {};
      return !strings[key] && !(strings[`${key}_one`] && strings[`${key}_other`]);
    }).map((l) => `${file}: ${l}/${ns}: ${key}`),
  );
  expect(absent).toEqual([]);
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

it('refuses a strings file not named for a locale', () => {
  expect(() => collectResources({ './locales/search.de.json': { a: 'A' } })).toThrow(/search\.de\.json is not named/);
});

it('translates with plurals per locale', () => {
  expect(translator('en')('collections.count', { count: 1 })).toBe('1 artifact');
  expect(translator('fr')('collections.count', { count: 2 })).toBe('2 objets');
  expect(translator('zh')('nav.search')).toBe('搜索');
});
