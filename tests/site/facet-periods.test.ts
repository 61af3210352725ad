// Browse facets over a painting catalogue shaped unlike the demo (tests/fixtures/facet-periods: French cells, one
// Chinese, supports written "encre et couleurs sur soie", periods as a dynasty with its years, in French or Chinese, a
// reign, bare years, another chronology's period, years across two dynasties, empty cells). The expected values are
// read off the fixture against the vocabulary (formats/vocabulary/concepts.json: rouleau vertical = 立轴 / hanging
// scroll, 手卷 = rouleau horizontal = handscroll, feuille d'album = album leaf, paravent = screen; encre = ink, soie =
// silk, papier = paper, couleurs = colour, laque = lacquer) and the chronology (model/chronologies/
// chinese-dynasties.yaml: Song 960–1279 is Northern and Southern Song; Qianlong is 1736–95, in the Qing).
import path from 'node:path';
import { expect, it } from 'vitest';
import { ingestAll } from '../../assets-pipeline/ingest/ingest.ts';
import { toCard } from '../../formats/pages/card.ts';
import { facetValues } from '../../site/lib/facets.ts';
import { facetValueOf } from '../../formats/facet-values.ts';
import { BUILT_IN_CHRONOLOGIES, periodContaining, periodForYears, readChronology } from '../../model/periods.ts';

const root = path.resolve('tests/fixtures/facet-periods');
const result = ingestAll(root);
const records = result.artifacts.get('peintures')!;
const cards = records.map(toCard);
const values = (facet: 'period' | 'objectType' | 'material') =>
  facetValues(facet, cards).map((v) => ({ key: v.key, label: v.label, ids: v.items.map((c) => c.id) }));
const file = path.join(root, 'collections/peintures/records.csv');

it('reads the fixture without errors', () => {
  expect(result.problems.list).toEqual([]);
  expect(records).toHaveLength(8);
});

it('lists periods as periods of the chronology: labels, reigns and years within one dynasty, in any language', () => {
  expect(values('period')).toEqual([
    // "dynastie Song (960-1279)", 宋代, and 1100–1200 (in no one of its parts, so the whole).
    { key: 'song-dynasty', label: { zh: '宋代', en: 'Song dynasty', fr: 'dynastie Song' }, ids: ['P-1', 'P-2', 'P-3'] },
    { key: 'northern-song-dynasty', label: { zh: '北宋', en: 'Northern Song dynasty', fr: 'Song du Nord' }, ids: ['P-8'] },
    { key: 'qing-dynasty', label: { zh: '清代', en: 'Qing dynasty', fr: 'dynastie Qing' }, ids: ['P-5'] },
  ]);
});

it('lists object types and materials only as concepts, whatever the language or case of the cell', () => {
  expect(values('objectType')).toEqual([
    { key: 'handscroll', label: { zh: '手卷', en: 'handscroll', fr: 'rouleau horizontal' }, ids: ['P-2', 'P-5'] },
    { key: 'hanging-scroll', label: { zh: '立轴', en: 'hanging scroll', fr: 'rouleau vertical' }, ids: ['P-1', 'P-8'] },
    { key: 'album-leaf', label: { zh: '册页', en: 'album leaf', fr: 'feuille d’album' }, ids: ['P-7'] },
    { key: 'screen', label: { zh: '屏风', en: 'screen', fr: 'paravent' }, ids: ['P-6'] },
  ]);
  expect(values('material').map((v) => [v.key, v.ids])).toEqual([
    ['ink', ['P-1', 'P-2', 'P-3', 'P-5', 'P-7', 'P-8']],
    ['paper', ['P-2', 'P-5', 'P-7']],
    ['colour', ['P-3', 'P-5']],
    ['silk', ['P-1', 'P-8']],
    ['lacquer', ['P-6']],
  ]);
  expect(values('material').find((v) => v.key === 'colour')!.label).toEqual({ zh: '设色', en: 'colour', fr: 'couleurs' });
});

it('keeps what names nothing on the record page only, and warns naming the file, the row and the field', () => {
  // Shown as written on the record's page.
  const byId = new Map(records.map((r) => [r.id, r]));
  expect(byId.get('P-6')!.period).toEqual({ fr: "Époque d'Edo" });
  expect(byId.get('P-7')!.period).toEqual({ fr: '1600–1700' });
  expect(byId.get('P-3')!.objectType).toEqual({ fr: 'éventail monté en album' });
  expect(byId.get('P-4')).toMatchObject({ materials: [] });
  expect(byId.get('P-4')!.period).toBeUndefined();
  const warned = result.problems.warnings.map((w) => [w.file, w.row, w.field, w.message] as const);
  expect(warned.filter(([, , field]) => field === 'period').map(([f, row, , m]) => [f, row, m.split(':')[0]])).toEqual([
    [file, 7, `period label "Époque d'Edo" matches no period of chinese-dynasties (1 record)`],
    [file, 8, 'period label "1600–1700" matches no period of chinese-dynasties (1 record)'],
  ]);
  for (const [field, text] of [
    ['objectType', 'éventail monté en album'],
    ['materials', 'soie brochée'],
  ] as const) {
    const w = warned.filter(([, , f]) => f === field);
    expect(w).toHaveLength(1);
    expect(w[0]!.slice(0, 3)).toEqual([file, 0, field]);
    expect(w[0]![3]).toMatch(new RegExp(`^1 record \\(first at row 4\\) with .*"${text}"`));
  }
  // An empty cell is no value and no warning; every warning is one of the above.
  expect(warned).toHaveLength(4);
});

it('names the one period holding a year range, the innermost, and none across two', () => {
  const chinese = readChronology(path.join(BUILT_IN_CHRONOLOGIES, 'chinese-dynasties.yaml'));
  const key = (from: number, to: number) => periodContaining([chinese], from, to)?.key;
  expect(key(1650, 1650)).toBe('qing');
  expect(key(1000, 1100)).toBe('northern-song');
  expect(key(1100, 1200)).toBe('song');
  expect(key(-900, -300)).toBe('zhou');
  expect(key(1600, 1700)).toBeUndefined();
  expect(key(-20000, -15000)).toBeUndefined();
  // Derived from the years of a date, a period is never a whole: 1100 is in the Northern Song.
  expect(periodForYears(chinese, 1100, 1200)?.key).toBe('northern-song');
});

it('a material is a facet value only when every language names the one concept', () => {
  expect(facetValueOf('material', { zh: '玉', en: 'jade' })?.key).toBe('jade');
  expect(facetValueOf('material', { en: 'jade and gold' })).toBeUndefined();
  expect(facetValueOf('material', { zh: '玉', en: 'gold' })).toBeUndefined();
  expect(facetValueOf('period', { en: 'Qing dynasty' })).toBeUndefined(); // not reconciled at import
  expect(facetValueOf('period', { zh: '明', en: 'Ming dynasty', fr: 'dynastie Ming' })?.label).toEqual({ zh: '明代', en: 'Ming dynasty', fr: 'dynastie Ming' });
});
