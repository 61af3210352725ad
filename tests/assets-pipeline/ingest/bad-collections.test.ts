// Each broken collection in tests/fixtures/collections must be refused with a message naming file, row and field.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingestAll } from '../../../assets-pipeline/ingest/ingest.ts';
import { formatProblem } from '../../../assets-pipeline/ingest/problems.ts';

const FIXTURES = path.resolve('tests/fixtures/collections');

function problemsOf(name: string): string[] {
  return ingestAll(path.join(FIXTURES, name)).problems.list.map((p) => formatProblem(p, FIXTURES));
}

const csv = (name: string) => `${name}/collections/demo/records.csv`;
const yaml = (name: string) => `${name}/collections/demo/collection.yaml`;

describe('curator import refuses bad collections with file:row:field messages', () => {
  it('accepts the good collection', () => {
    const r = ingestAll(path.join(FIXTURES, 'good'));
    expect(r.problems.list).toEqual([]);
    const items = r.artifacts.get('demo')!;
    expect(items.map((a) => a.id)).toEqual(['T-1', 'T-2']);
    // Bilingual cell, multi-valued cells zipped across languages, BCE years, derived dynasty.
    // French comes from the glossary (formats/vocabulary/concepts.json lists 鼎 / ding / ding).
    expect(items[0]!.objectType).toEqual({ zh: '鼎', en: 'ding', fr: 'ding' });
    expect(items[0]!.translations?.fr?.fields.objectType).toBe('translated');
    expect(items[0]!.date).toMatchObject({ from: -1200, to: -1200 });
    expect(items[0]!.period?.en).toBe('Shang dynasty');
    expect(items[1]!.materials.map(({ zh, en }) => ({ zh, en }))).toEqual([
      { zh: '玉', en: 'jade' },
      { zh: '金', en: 'gold' },
    ]);
    expect(items[1]!.date).toMatchObject({ from: -206, to: 220 });
    expect(items[1]!.rights).toBe('http://creativecommons.org/licenses/by/4.0/');
    expect(items[0]!.rights).toBe('http://creativecommons.org/publicdomain/zero/1.0/');
  });

  it.each([
    ['missing-title', `${csv('missing-title')}:3:title: required: no title in any language`],
    ['bad-rights', `${csv('bad-rights')}:3:rights: "all rights reserved" is not a rightsstatements.org or creativecommons.org licence URI`],
    ['duplicate-id', `${csv('duplicate-id')}:3:id: duplicate id "T-1"`],
    ['non-utf8', `${csv('non-utf8')}:3:-: not valid UTF-8`],
    ['stray-quote', `${csv('stray-quote')}:3:-: CSV: Invalid Opening Quote`],
    ['unknown-column', `${yaml('unknown-column')}:12:fields.title.en: unknown column "title_english"`],
    ['template-typo', `${yaml('template-typo')}:10:fields.description: unknown column "materials_english"`],
    ['media-escape', `${csv('media-escape')}:2:media.0.path: media path must stay inside the collection media folder`],
  ])('%s', (name, expected) => {
    const problems = problemsOf(name);
    expect(
      problems.some((p) => p.startsWith(expected)),
      problems.join('\n'),
    ).toBe(true);
  });

  it('lists every problem of a collection at once, not only the first', () => {
    const problems = problemsOf('many-problems');
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/records\.csv:3:title: required/),
        expect.stringMatching(/records\.csv:3:rights: "nonsense"/),
        expect.stringMatching(/records\.csv:3:id: duplicate id "T-1"/),
        expect.stringMatching(/records\.csv:4:media\.0\.path: file not found/),
      ]),
    );
    // An unreadable date is a warning: the text is kept as written and no year is invented.
    const warnings = ingestAll(path.join(FIXTURES, 'many-problems')).problems.warnings.map((p) => formatProblem(p, FIXTURES));
    expect(warnings).toEqual(expect.arrayContaining([expect.stringMatching(/records\.csv:4:date\.years: cannot read a date from/)]));
  });

  it('keeps HTML in a title as plain text in the record', () => {
    const r = ingestAll(path.join(FIXTURES, 'html-title'));
    expect(r.problems.list).toEqual([]);
    expect(r.artifacts.get('demo')![1]!.title.en).toBe('<script>alert(1)</script><b>Jade</b>');
  });
});
