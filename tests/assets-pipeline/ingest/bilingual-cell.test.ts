// Makers' cells as the chinese-art data set writes them (../shared/data/chinese-paintings, rows copied as they are):
// one artist a line at the NPM, an English line and a Chinese line per artist with blank lines between them at
// the Met. Each artist becomes a maker; a cell whose line lost its breaks cannot be split safely and is reported at
// its file, row and field, never guessed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestAll } from '../../../assets-pipeline/ingest/ingest.ts';
import { formatProblem } from '../../../assets-pipeline/ingest/problems.ts';
import type { Artifact } from '../../../model/schema.ts';

const SOURCE = '/work/shared/data/chinese-paintings/records.jsonl';
const IDS = ['npm:故畫00110000000', 'met:1973.120.2', 'met:13.100.112', 'nmaa:F1930.36'];
let tmp: string;
let records: Map<string, Artifact>;
let warnings: string[];

beforeAll(() => {
  const rows = fs
    .readFileSync(SOURCE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; artist: { raw: string } });
  const picked = IDS.map((id) => rows.find((r) => r.id === id)!);
  // The NPM cell with its line break lost: "Zhaozong emperor 宋高宗 (趙構) Ma Hezhi 馬和之".
  const joined = { ...picked[0]!, id: 'npm:joined', artist: { raw: picked[0]!.artist.raw.replace('\n', ' ') } };
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bilingual-cell-'));
  const dir = path.join(tmp, 'collections', 'makers');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'records.jsonl'), `${[...picked, joined].map((r) => JSON.stringify(r)).join('\n')}\n`);
  fs.writeFileSync(
    path.join(dir, 'collection.yaml'),
    [
      'id: makers',
      'title: { zh: 画家, en: Makers, fr: Artistes }',
      'description: { zh: 测试。, en: A test., fr: Un test. }',
      'rights: https://creativecommons.org/publicdomain/zero/1.0/',
      'credit: { zh: 测试, en: Test, fr: Test }',
      'records: records.jsonl',
      'fields:',
      '  id: id',
      '  title: { zh: title.zh, en: title.en }',
      '  makers:',
      '    - name: { bilingual: artist.raw, several: true }',
      '',
    ].join('\n'),
  );
  const result = ingestAll(tmp);
  expect(result.problems.list).toEqual([]);
  records = new Map(result.artifacts.get('makers')!.map((a) => [a.sourceId, a]));
  warnings = result.problems.warnings.map((p) => formatProblem(p, tmp));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const names = (id: string) => records.get(id)!.makers.map((m) => m.name);

describe('a bilingual cell listing several makers', () => {
  it('one artist a line (NPM): two makers', () => {
    expect(names('npm:故畫00110000000')).toEqual([
      { en: 'Zhaozong emperor', zh: '宋高宗(趙構)' },
      { en: 'Ma Hezhi', zh: '馬和之' },
    ]);
  });

  it('an English and a Chinese line per artist, blank lines between (The Met): a maker each', () => {
    expect(names('met:1973.120.2')).toEqual([
      { en: 'Li Tang', zh: '李唐' },
      { en: 'Calligraphy attributed to Emperor Gaozong (conjecture)', zh: '宋高宗' },
    ]);
    expect(names('met:13.100.112')).toEqual([{ en: 'Unidentified artist' }, { en: 'Wang You', zh: '王友' }]);
  });

  it('one artist with a qualifier in brackets stays one maker', () => {
    expect(names('nmaa:F1930.36')).toEqual([{ en: 'Dunhuang (city)', zh: '敦煌' }]);
  });

  it('a line whose scripts alternate is reported at file:row:field and kept whole, not guessed', () => {
    expect(names('npm:joined')).toHaveLength(1);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^collections\/makers\/records\.jsonl:5:makers\.0\.name: cannot tell the values of this cell apart \("Zhaozong emperor 宋高宗 \(趙構\) Ma Hezhi 馬和之"/,
      ),
    ]);
  });
});
