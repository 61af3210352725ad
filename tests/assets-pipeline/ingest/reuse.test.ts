// Re-ingesting skips collections whose inputs are unchanged, and still publishes exactly what a full read
// would: same collections.json, same record files, duplicates across collections still caught.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestAll, publishRecords } from '../../../assets-pipeline/ingest/ingest.ts';
import { formatProblem } from '../../../assets-pipeline/ingest/problems.ts';
import { writeSyntheticCollection } from '../../../scripts/gen-synthetic.ts';

let root: string;
let content: string;
let out: string;
const read = (rel: string) => fs.readFileSync(path.join(out, rel), 'utf8');

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-reuse-'));
  content = path.join(root, 'content');
  out = path.join(root, 'records');
  writeSyntheticCollection({ artifacts: 60, out: content });
  fs.cpSync(path.resolve('tests/fixtures/collections/good/collections/demo'), path.join(content, 'collections', 'demo'), { recursive: true });
  const first = ingestAll(content, { reuseFrom: out });
  expect(first.problems.count).toBe(0);
  expect(first.unchanged.size).toBe(0);
  publishRecords(first, out);
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('ingest reuse', () => {
  it('skips unchanged collections and publishes the same records', () => {
    const collections = read('collections.json');
    const synthetic = fs.statSync(path.join(out, 'artifacts', 'synthetic.jsonl')).mtimeMs;
    const again = ingestAll(content, { reuseFrom: out });
    expect([...again.unchanged]).toEqual([
      ['demo', 2],
      ['synthetic', 60],
    ]);
    expect(again.artifacts.size).toBe(0);
    publishRecords(again, out);
    expect(read('collections.json')).toBe(collections);
    expect(fs.statSync(path.join(out, 'artifacts', 'synthetic.jsonl')).mtimeMs).toBe(synthetic);
    // A full read, no reuse, gives the same collections.
    expect(JSON.stringify(ingestAll(content).collections, null, 1)).toBe(collections);
  });

  it('reads a collection again when one of its files changed', () => {
    const csv = path.join(content, 'collections', 'demo', 'records.csv');
    fs.appendFileSync(csv, 'T-9,新玉,New jade,https://creativecommons.org/publicdomain/zero/1.0/,1700,璧 disc,玉,jade,\n');
    const r = ingestAll(content, { reuseFrom: out });
    expect([...r.unchanged.keys()]).toEqual(['synthetic']);
    expect(r.artifacts.get('demo')!.map((a) => a.id)).toContain('T-9');
    publishRecords(r, out);
    expect(read('artifacts/demo.jsonl')).toContain('"T-9"');
    expect(read('artifacts/synthetic.jsonl').split('\n').filter(Boolean)).toHaveLength(60);
  });

  it('still reports an id that a new collection takes from an unchanged one', () => {
    const dir = path.join(content, 'collections', 'zz-new');
    fs.cpSync(path.join(content, 'collections', 'demo'), dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'collection.yaml'), fs.readFileSync(path.join(dir, 'collection.yaml'), 'utf8').replace(/^id: .*$/m, 'id: zz-new'));
    fs.writeFileSync(
      path.join(dir, 'records.csv'),
      fs.readFileSync(path.join(dir, 'records.csv'), 'utf8').split('\n').slice(0, 1).join('\n') +
        '\nSYNTHETIC-000001,另一件,Another object,https://creativecommons.org/publicdomain/zero/1.0/,1700,璧 disc,玉,jade,\n',
    );
    const r = ingestAll(content, { reuseFrom: out });
    expect(r.unchanged.has('synthetic')).toBe(true);
    const messages = r.problems.list.map((p) => formatProblem(p, content));
    expect(messages.join('\n')).toMatch(/zz-new\/records\.csv:2:.*SYNTHETIC-000001|SYNTHETIC-000001.*synthetic\/records\.csv/);
    fs.rmSync(dir, { recursive: true });
  });
});
