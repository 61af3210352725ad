// The platform's own YAML data (a chronology, the search synonyms) read through one checker: a malformed file is
// an error naming the file and the field, the same for both.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSynonymGroups } from '../../assets-pipeline/search-meili/synonyms.ts';
import { readChronology } from '../../model/periods.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yaml-data-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

describe('YAML data files', () => {
  it('a synonym group of one term: the file and the group', () => {
    const file = write('synonyms.yaml', 'groups:\n  - [Dunhuang, 敦煌]\n  - [Mogao]\n');
    expect(() => readSynonymGroups(file)).toThrow(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: groups\\.1: `));
    expect(readSynonymGroups(write('ok.yaml', 'groups:\n  - [Dunhuang, 敦煌]\n'))).toEqual([['Dunhuang', '敦煌']]);
  });

  it('a chronology period without its years: the file and the field', () => {
    const file = write(
      'bad-chronology.yaml',
      'name: { zh: 朝代, en: Dynasties, fr: Dynasties }\nperiods:\n  - { key: tang, to: 906, name: { zh: 唐, en: Tang, fr: Tang } }\n',
    );
    expect(() => readChronology(file)).toThrow(`${file}: periods.0.from: `);
  });

  it('a file that is not a mapping: the file and (root)', () => {
    const file = write('list.yaml', '- a\n- b\n');
    expect(() => readSynonymGroups(file)).toThrow(`${file}: (root): `);
  });
});
