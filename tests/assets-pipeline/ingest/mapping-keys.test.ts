// A mapping is checked against the keys of its records file before any row is mapped. For JSON Lines that check
// reads only as far as it must (it stops once every mapped key was seen), so it must still find a key that only a
// late row has, and still list the file's keys when a mapped one is in no row at all.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { ingestAll } from '../../../assets-pipeline/ingest/ingest.ts';
import { formatProblem } from '../../../assets-pipeline/ingest/problems.ts';

const roots: string[] = [];
afterAll(() => {
  for (const r of roots) fs.rmSync(r, { recursive: true, force: true });
});

function collection(notesColumn: string) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mapping-keys-'));
  roots.push(root);
  const dir = path.join(root, 'collections', 'keys');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'collection.yaml'),
    `id: keys
title: { en: Keys }
description: { en: Sparse keys. }
rights: https://creativecommons.org/publicdomain/zero/1.0/
credit: { en: Test }
records: records.jsonl
fields:
  id: id
  title: { en: title }
  notes: { en: '${notesColumn}' }
`,
  );
  const rows = [
    { id: 'k-1', title: 'One' },
    { id: 'k-2', title: 'Two' },
    { id: 'k-3', title: 'Three', extra: { note: 'Only the third row has a note.' } },
  ];
  fs.writeFileSync(path.join(dir, 'records.jsonl'), `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`);
  const result = ingestAll(root);
  return { result, errors: result.problems.list.map((p) => formatProblem(p, root)) };
}

it('finds a key that only a late row has', () => {
  const { result, errors } = collection('extra.note');
  expect(errors).toEqual([]);
  expect(result.artifacts.get('keys')?.map((a) => a.notes?.en)).toEqual([undefined, undefined, 'Only the third row has a note.']);
});

it('reports a key no row has once, listing the keys the file has', () => {
  const { result, errors } = collection('extra.notes');
  expect(errors).toEqual(['collections/keys/collection.yaml:10:fields.notes.en: unknown column "extra.notes" (the file has: id, title, extra)']);
  expect(result.artifacts.get('keys')).toEqual([]);
});
