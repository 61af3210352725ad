// Errors at scale: one wrong mapping over many rows is summarized by kind with its count and first examples,
// the full list goes to a report file, and --max-errors stops reading early.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestAll } from '../../../assets-pipeline/ingest/ingest.ts';
import { maxErrorsArg, PRINT_IN_FULL, problemLines, summarize, writeProblemReport } from '../../../assets-pipeline/ingest/problem-report.ts';

const ROWS = 500;
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-report-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const dir = path.join(root, 'collections', 'demo');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(
  path.join(dir, 'collection.yaml'),
  `id: demo
title: { en: Demo }
description: { en: Demo }
rights: https://creativecommons.org/publicdomain/zero/1.0/
credit: { en: Demo }
records: records.csv
fields:
  id: inventory
  title: { en: title }
  rights: licence
  date: { years: date }
`,
);
// Every row has a licence that is not a rights URI (one wrong mapping), and every 100th an unreadable date.
const lines = ['inventory,title,licence,date'];
for (let i = 1; i <= ROWS; i++) lines.push(`R-${i},Bowl ${i},all rights reserved,${i % 100 === 0 ? 'spring' : 1700 + (i % 100)}`);
fs.writeFileSync(path.join(dir, 'records.csv'), `${lines.join('\n')}\n`);

describe('problem report', () => {
  it('summarizes many errors by kind with counts and first examples, and writes all of them to a file', () => {
    const { problems } = ingestAll(root);
    expect(problems.count).toBe(ROWS);
    expect(problems.warnings.length).toBe(ROWS / 100);
    const kinds = summarize(problems.list);
    expect(kinds).toHaveLength(1);
    expect(kinds[0]).toMatchObject({ count: ROWS, kind: 'rights: "…" is not a rightsstatements.org or creativecommons.org licence URI' });
    expect(kinds[0]!.examples.map((p) => p.row)).toEqual([2, 3, 4]);
    const report = path.join(root, 'build', 'reports', 'problems.txt');
    writeProblemReport(report, problems);
    const text = fs.readFileSync(report, 'utf8');
    expect(text.split('\n').filter((l) => l.startsWith('error: '))).toHaveLength(ROWS);
    expect(text.split('\n').filter((l) => l.startsWith('warning: '))).toHaveLength(ROWS / 100);
    const printed = problemLines(problems, report);
    expect(printed.length).toBeLessThan(PRINT_IN_FULL);
    expect(printed).toContain(`${ROWS} errors of 1 kinds:`);
    expect(printed.at(-1)).toMatch(/full list: .*problems\.txt$/);
  });

  it('stops after --max-errors errors', () => {
    const { problems } = ingestAll(root, { maxErrors: 25 });
    expect(problems.count).toBe(25);
    expect(problems.stopped).toBe(true);
    expect(problemLines(problems, undefined)).toContain('stopped after 25 errors (--max-errors); more rows were not read');
  });

  it('reads --max-errors from the command line', () => {
    expect(maxErrorsArg(['--max-errors', '10'])).toBe(10);
    expect(maxErrorsArg(['--max-errors=3'])).toBe(3);
    expect(maxErrorsArg([])).toBeUndefined();
    expect(maxErrorsArg(['--max-errors', 'x'])).toMatch(/positive whole number/);
  });
});
