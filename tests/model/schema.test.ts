import { expect, it } from 'vitest';
import { artifact, langMap, rightsUri } from '../../model/schema.ts';
import { rightsInfo } from '../../model/rights.ts';
import { splitBilingual } from '../../assets-pipeline/ingest/bilingual-cell.ts';
import { drama } from '../../model/drama.ts';
import { minimalArtifact } from '../fixtures/artifact.ts';

it('normalizes rights URIs to the IIIF form and rejects others', () => {
  expect(rightsUri.parse('https://creativecommons.org/licenses/by/4.0')).toBe('http://creativecommons.org/licenses/by/4.0/');
  expect(rightsUri.parse('https://rightsstatements.org/page/InC/1.0/')).toBe('http://rightsstatements.org/vocab/InC/1.0/');
  expect(rightsUri.safeParse('https://example.com/licence').success).toBe(false);
  expect(rightsInfo('http://creativecommons.org/publicdomain/zero/1.0/').short).toBe('CC0 1.0');
  // The French title of CC0's legal code is "CC0 1.0 Universel".
  expect(rightsInfo('http://creativecommons.org/publicdomain/zero/1.0/').name.fr).toBe('CC0 1.0 Universel');
});

it("names Creative Commons licences as CC's deeds title them in each language", () => {
  expect(rightsInfo('http://creativecommons.org/licenses/by/4.0/').name).toEqual({
    zh: '署名 4.0 国际',
    en: 'Attribution 4.0 International',
    fr: 'Attribution 4.0 International',
  });
  expect(rightsInfo('http://creativecommons.org/licenses/by-nc-sa/4.0/').name).toEqual({
    zh: '署名-非商业性使用-相同方式共享 4.0 国际',
    en: 'Attribution-NonCommercial-ShareAlike 4.0 International',
    fr: 'Attribution - Pas d’Utilisation Commerciale - Partage dans les Mêmes Conditions 4.0 International',
  });
  expect(rightsInfo('http://creativecommons.org/licenses/by-nd/3.0/').name.en).toBe('Attribution-NoDerivs 3.0 Unported');
  expect(rightsInfo('http://creativecommons.org/licenses/by-sa/2.0/').name.fr).toBe('Attribution - Partage dans les Mêmes Conditions 2.0 Générique');
});

it('names rightsstatements.org statements as its translations do, and has no Chinese names it does not publish', () => {
  // prefLabel of InC_fr.json, NoC-US_fr.json, InC-RUU_en.json in github.com/rightsstatements/data-model.
  expect(rightsInfo('http://rightsstatements.org/vocab/InC/1.0/').name).toEqual({ en: 'In Copyright', fr: "Protégé par le droit d'auteur" });
  expect(rightsInfo('http://rightsstatements.org/vocab/NoC-US/1.0/').name.fr).toBe("Absence de protection par le droit d'auteur - États-Unis");
  expect(rightsInfo('http://rightsstatements.org/vocab/InC-RUU/1.0/').name.en).toBe('In Copyright - Rights-holder(s) Unlocatable or Unidentifiable');
  expect(rightsInfo('http://rightsstatements.org/vocab/CNE/1.0/').name.zh).toBeUndefined();
});

it('requires text in at least one language', () => {
  expect(langMap.safeParse({}).success).toBe(false);
  expect(langMap.safeParse({ de: 'x' }).success).toBe(false);
  expect(langMap.safeParse({ fr: 'bol' }).success).toBe(true);
});

it('rejects media paths that leave the collection', () => {
  expect(artifact.safeParse({ ...minimalArtifact(), media: [{ kind: 'image', path: 'scans/a.jpg' }] }).success).toBe(true);
  for (const p of ['../../etc/passwd', '/etc/passwd', 'file:///etc/passwd', 'a/../../b']) {
    expect(artifact.safeParse({ ...minimalArtifact(), media: [{ kind: 'image', path: p }] }).success, p).toBe(false);
  }
});

it('splits bilingual cells', () => {
  expect(splitBilingual('Guo Xi \n 郭熙')).toEqual({ zh: '郭熙', en: 'Guo Xi' });
  expect(splitBilingual('Old Trees, Level Distance\n樹色平遠圖')).toEqual({ zh: '樹色平遠圖', en: 'Old Trees, Level Distance' });
});

it('takes an audio description only in a language the episode is heard in (the original or a dub)', () => {
  const base = {
    type: 'drama',
    id: 'tiny',
    title: { en: 'Tiny' },
    synopsis: { en: 'A test.' },
    credits: { en: 'Test' },
    credit: { en: 'Test' },
    rights: 'https://creativecommons.org/licenses/by/4.0/',
  };
  const episode = (descriptions: { lang: string; path: string }[]) => ({
    id: 'one',
    title: { en: 'One' },
    video: { standIn: true, duration: 12 },
    originalLanguage: 'en',
    dubs: [{ lang: 'fr', path: 'audio/fr.opus' }],
    descriptions,
  });
  const ok = drama.safeParse({
    ...base,
    episodes: [
      episode([
        { lang: 'en', path: 'a.opus' },
        { lang: 'fr', path: 'b.opus' },
      ]),
    ],
  });
  expect(ok.success).toBe(true);
  const bad = drama.safeParse({ ...base, episodes: [episode([{ lang: 'de', path: 'a.opus' }])] });
  expect(bad.success).toBe(false);
  expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
    ['episodes.0.descriptions.0.lang', 'no audio in "de" to describe over (the original is "en"; add a dub in "de" first)'],
  ]);
});
