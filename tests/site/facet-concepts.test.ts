// Browse facets over a catalogue shaped unlike the demo (tests/fixtures/facets: French cells, a place of origin that
// is a sentence of notes, one that is a museum's name, the holding museum in its own column). Object types and places
// become facet values only as vocabulary concepts, named in every locale by formats/vocabulary/concepts.json
// (Asie centrale = 中亚 / Central Asia, Inde = 印度 / India, Théière = 茶壶 / teapot, bol = 碗 / bowl); the rest is in
// no value, and the importer says how many records that leaves out, naming the file and the field.
import path from 'node:path';
import { expect, it } from 'vitest';
import { ingestAll } from '../../assets-pipeline/ingest/ingest.ts';
import { toCard } from '../../formats/pages/card.ts';
import { relatedKeys } from '../../formats/pages/related.ts';
import { facetValues } from '../../site/lib/facets.ts';

const root = path.resolve('tests/fixtures/facets');
const result = ingestAll(root);
const records = result.artifacts.get('lieux')!;
const cards = records.map(toCard);
const values = (facet: 'place' | 'objectType') => facetValues(facet, cards).map((v) => ({ key: v.key, label: v.label, ids: v.items.map((c) => c.id) }));

it('reads the fixture without errors', () => {
  expect(result.problems.list).toEqual([]);
  expect(records.map((r) => r.id)).toEqual(['L-1', 'L-2', 'L-3', 'L-4', 'L-5', 'L-6']);
});

it('lists places of origin only as concepts, never the holding museums, the sentence or a museum named as origin', () => {
  expect(values('place')).toEqual([
    { key: 'central-asia', label: { zh: '中亚', en: 'Central Asia', fr: 'Asie centrale' }, ids: ['L-1', 'L-5'] },
    { key: 'india', label: { zh: '印度', en: 'India', fr: 'Inde' }, ids: ['L-3'] },
  ]);
});

it('lists object types only as concepts', () => {
  expect(values('objectType')).toEqual([
    { key: 'bowl', label: { zh: '碗', en: 'bowl', fr: 'bol' }, ids: ['L-3', 'L-5'] },
    { key: 'teapot', label: { zh: '茶壶', en: 'teapot', fr: 'théière' }, ids: ['L-1'] },
  ]);
});

it('relates objects by the same concepts, not by the museum that holds them', () => {
  const keys = Object.fromEntries(records.map((r) => [r.id, relatedKeys(r)]));
  expect(keys['L-1']).toMatchObject({ place: ['central-asia'], objectType: ['teapot'] });
  expect(keys['L-2']).toMatchObject({ place: [], objectType: [] });
  expect(keys['L-4']).toMatchObject({ place: [], objectType: [] });
  expect(keys['L-6']).toMatchObject({ place: [], objectType: [] });
});

it('warns once per field, naming the records file, the first row and how many records are left out', () => {
  const file = path.join(root, 'collections/lieux/records.csv');
  const warnings = result.problems.warnings.filter((w) => w.field === 'objectType' || w.field === 'places');
  expect(warnings.map((w) => [w.file, w.row, w.field])).toEqual([
    [file, 0, 'objectType'],
    [file, 0, 'places'],
  ]);
  // Two records each (L-2 and L-4, rows 3 and 5), with their texts for the curator to find.
  expect(warnings[0]!.message).toMatch(/^2 records \(first at row 3\) .*"coupe en forme d'un vase jue archaïque en bronze", "flacon et étui"/);
  expect(warnings[1]!.message).toMatch(/^2 records \(first at row 3\) .*"Asie centrale \(selon le musée\).*…", "Musée Guimet, Paris"/);
  expect(warnings[1]!.message).toContain('formats/vocabulary/concepts.json');
});
