// Facet values from the vocabulary: a record's value names one concept, shown with that concept's label in each
// locale. The French catalogue fixture's teapot ("Théière", 茶壶 from the glossary) also holds 壶, a jar's label.
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { ingestAll } from '../../../assets-pipeline/ingest/ingest.ts';
import { artifactToDocs } from '../../../assets-pipeline/search/doc.ts';
import { prepareDocValues } from '../../../assets-pipeline/search/prepare-doc.ts';
import { loadVocabulary } from '../../../assets-pipeline/search/vocab.ts';
import { prepareFor } from '../../../formats/search-index/tokenize.ts';

beforeAll(async () => {
  await prepareFor('中a');
  loadVocabulary();
});

it('names the concept whose label the value is, with its labels per locale, not a shorter one inside it', () => {
  const teapot = ingestAll(path.resolve('tests/fixtures/import'))
    .artifacts.get('fr-chine')!
    .find((a) => a.id === 'C-1')!;
  const values = prepareDocValues(artifactToDocs(teapot)[0]!).values.filter(([f]) => f === 'objectType');
  expect(values).toEqual([['objectType', 'teapot', { zh: '茶壶', en: 'teapot', fr: 'théière' }]]);
});
