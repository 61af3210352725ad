// Hostile and careless importer inputs (tests/fixtures/hostile/ingest/), each with its outcome: confinement of the
// records file and collection folders, text hygiene at ingest, size limits, and formula-safe CSV downloads.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_CELL_CHARS, MAX_LINE_BYTES } from '../../../assets-pipeline/ingest/cell-text.ts';
import { ingestAll } from '../../../assets-pipeline/ingest/ingest.ts';
import { formatProblem } from '../../../assets-pipeline/ingest/problems.ts';
import { csvRows } from '../../../assets-pipeline/open-data/downloads.ts';

const HOSTILE = path.resolve('tests/fixtures/hostile/ingest');
const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) fs.rmSync(r, { recursive: true, force: true });
});

/** A content folder with one collection `demo` mapping inventory/title_en/title_fr/date. */
function site(records: string, recordsName = 'records.csv', extraYaml = ''): { root: string; dir: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-hostile-'));
  roots.push(root);
  const dir = path.join(root, 'collections', 'demo');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'collection.yaml'),
    `id: demo
title: { en: Demo }
description: { en: Demo }
rights: https://creativecommons.org/publicdomain/zero/1.0/
credit: { en: Demo }
records: ${recordsName}
${extraYaml}fields:
  id: inventory
  title: { en: title_en, fr: title_fr }
  date: { years: date }
`,
  );
  if (records) fs.writeFileSync(path.join(dir, recordsName.includes('/') ? 'unused' : recordsName), records);
  return { root, dir };
}

const messages = (root: string, kind: 'list' | 'warnings' = 'list') => ingestAll(root).problems[kind].map((p) => formatProblem(p, root));

describe('confinement', () => {
  it('refuses a records path that leaves the collection folder', () => {
    const { root } = site('', '../../../etc/passwd.csv');
    fs.mkdirSync(path.join(root, '..', 'etc'), { recursive: true });
    const { root: r2 } = site('', '../secret.csv');
    fs.writeFileSync(path.join(r2, 'collections', 'secret.csv'), 'inventory,title_en,title_fr,date\nX,Secret,,1756\n');
    const m = messages(r2);
    expect(m).toEqual([expect.stringMatching(/collection\.yaml:\d+:records: "\.\.\/secret\.csv" is outside the collection folder/)]);
    expect(ingestAll(r2).artifacts.size).toBe(0);
  });

  it('refuses a records file that is a link to a file outside', () => {
    const { root, dir } = site('', 'records.csv');
    const outside = path.join(root, 'outside.csv');
    fs.writeFileSync(outside, 'inventory,title_en,title_fr,date\nX,Secret,,1756\n');
    fs.symlinkSync(outside, path.join(dir, 'records.csv'));
    expect(messages(root)).toEqual([expect.stringMatching(/records: "records\.csv" is outside the collection folder/)]);
  });

  it('reports a linked collection folder instead of skipping it silently', () => {
    const { root, dir } = site('inventory,title_en,title_fr,date\nA,Jade,,1756\n');
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-elsewhere-'));
    roots.push(elsewhere);
    fs.cpSync(dir, path.join(elsewhere, 'linked'), { recursive: true });
    fs.symlinkSync(path.join(elsewhere, 'linked'), path.join(root, 'collections', 'linked'));
    expect(messages(root)).toEqual([expect.stringMatching(/collections\/linked:0:-: is a symbolic link/)]);
  });
});

describe('text hygiene at ingest', () => {
  it('removes control characters with a warning, flags bidi overrides, normalizes to NFC', () => {
    const { root, dir } = site('');
    fs.copyFileSync(path.join(HOSTILE, 'dirty.csv'), path.join(dir, 'records.csv'));
    const r = ingestAll(root);
    expect(r.problems.list).toEqual([]);
    const items = r.artifacts.get('demo')!;
    expect(items[0]!.title.en).toBe('Jade bi disc');
    expect(items[1]!.title.en).toBe('Bronze \u202egnid\u202c');
    expect(items[2]!.title.fr).toBe('Bol de théière');
    expect(items[2]!.title.fr).toBe(items[2]!.title.fr!.normalize('NFC'));
    const w = r.problems.warnings.map((p) => formatProblem(p, root));
    expect(w).toEqual(
      expect.arrayContaining([
        'collections/demo/records.csv:2:title_en: 3 control characters removed',
        expect.stringMatching(/^collections\/demo\/records\.csv:3:title_en: contains bidirectional/),
      ]),
    );
  });

  it('removes a lone surrogate from JSON with a warning naming file:row:field', () => {
    const { root, dir } = site('', 'records.jsonl');
    fs.copyFileSync(path.join(HOSTILE, 'surrogates.jsonl'), path.join(dir, 'records.jsonl'));
    const r = ingestAll(root);
    expect(r.problems.list).toEqual([]);
    expect(r.artifacts.get('demo')![0]!.title.en).toBe('Broken  text');
    expect(r.problems.warnings.map((p) => formatProblem(p, root))).toContain(
      'collections/demo/records.jsonl:1:title_en: 1 lone surrogate (broken UTF-16) removed',
    );
  });
});

describe('limits', () => {
  it('refuses an oversized cell with a clear error and keeps the other rows readable', () => {
    const big = 'x'.repeat(MAX_CELL_CHARS + 1);
    const { root } = site(`inventory,title_en,title_fr,date\nA,"${big}",,1756\nB,Fine,,1757\n`);
    const m = messages(root);
    expect(m).toEqual([
      `collections/demo/records.csv:2:title_en: cell is ${(MAX_CELL_CHARS + 1).toLocaleString('en')} characters long; the limit is ${MAX_CELL_CHARS.toLocaleString('en')}`,
      expect.stringMatching(/:2:title: required/),
    ]);
  });

  it('skips a line longer than the line limit unread, with its line number', () => {
    const { root } = site(`inventory,title_en,title_fr,date\nA,${'y'.repeat(2 * MAX_LINE_BYTES)},,1756\nB,Fine,,1757\n`);
    const r = ingestAll(root);
    expect(r.problems.list.map((p) => formatProblem(p, root))).toEqual([expect.stringMatching(/records\.csv:2:-: line is longer than 8 MiB/)]);
    expect(r.artifacts.get('demo')?.map((a) => a.id)).toEqual(['B']);
  });

  it('refuses a title beyond the title limit, naming the field', () => {
    const { root } = site(`inventory,title_en,title_fr,date\nA,${'t'.repeat(1001)},,1756\n`);
    expect(messages(root)).toEqual(['collections/demo/records.csv:2:title.en: is 1,001 characters long; the limit for this field is 1,000']);
  });
});

describe('CSV downloads', () => {
  it('neutralizes formula-leading cells (=, +, -, @, tab, CR) and keeps numbers', () => {
    const { root, dir } = site('');
    fs.copyFileSync(path.join(HOSTILE, 'formulas.csv'), path.join(dir, 'records.csv'));
    const titles = ingestAll(root)
      .artifacts.get('demo')!
      .map((a) => a.title.en!);
    const out = csvRows([...titles.map((t) => [t]), ['\tTabbed'], ['\rCR'], ['-206'], ['3.5']]);
    expect(out).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(out).toContain(`'@SUM(A1:A2)`);
    expect(out).toContain(`'+1+2`);
    expect(out).toContain(`'-2+3`);
    expect(out).toContain(`'\tTabbed`);
    expect(out).toContain(`"'\rCR"`);
    expect(out).toContain('Plain title\n');
    expect(out).toContain('\n-206\n3.5\n');
  });
});
