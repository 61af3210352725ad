// Reads a collection's records file into rows with their line numbers. Encoding and syntax problems are
// reported per line and the readable rows are still returned, so validation can list every problem at once.
import fs from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Problems } from './problems.ts';

export type Cell = string | number | boolean | null | Cell[] | { [key: string]: Cell };
export type Row = Record<string, Cell>;
export interface SourceRow {
  line: number;
  data: Row;
}
export interface SourceTable {
  rows: SourceRow[];
  /** Every column (CSV) or key path (JSONL, dotted) seen, to check the mapping against. */
  keys: Set<string>;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes line by line so a bad byte is reported at its line and the other lines survive. */
function decodeLines(file: string, bytes: Buffer, problems: Problems): string {
  try {
    return utf8.decode(bytes);
  } catch {
    const out: string[] = [];
    let start = 0;
    let line = 1;
    while (start <= bytes.length) {
      let end = bytes.indexOf(0x0a, start);
      if (end === -1) end = bytes.length;
      const chunk = bytes.subarray(start, end);
      try {
        out.push(utf8.decode(chunk));
      } catch {
        problems.add(file, line, '-', 'not valid UTF-8: save the file as UTF-8 (this line is skipped)');
        out.push('');
      }
      start = end + 1;
      line++;
    }
    return out.join('\n');
  }
}

function collectKeys(value: Cell, prefix: string, keys: Set<string>): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      const p = prefix ? `${prefix}.${k}` : k;
      keys.add(p);
      collectKeys(v, p, keys);
    }
  }
}

function readJsonl(file: string, text: string, problems: Problems): SourceTable {
  const rows: SourceRow[] = [];
  const keys = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    try {
      const data = JSON.parse(line) as Cell;
      if (!data || typeof data !== 'object' || Array.isArray(data)) {
        problems.add(file, i + 1, '-', 'each line must be one JSON object');
        return;
      }
      collectKeys(data, '', keys);
      rows.push({ line: i + 1, data });
    } catch (e) {
      problems.add(file, i + 1, '-', `not valid JSON: ${(e as Error).message}`);
    }
  });
  return { rows, keys };
}

function readCsv(file: string, text: string, problems: Problems): SourceTable {
  const rows: SourceRow[] = [];
  let header: string[] = [];
  const records = parseCsv(text, {
    bom: true,
    columns: (h: string[]) => (header = h.map((c) => c.trim())),
    skip_empty_lines: true,
    info: true,
    relax_column_count: false,
    skip_records_with_error: true,
    on_skip: (err) => {
      // csv-parse may report one broken record more than once; one message per line is enough.
      const last = problems.list.at(-1);
      const line = Number(err?.lines ?? 0);
      if (err && !(last && last.file === file && last.row === line))
        problems.add(file, line, '-', `CSV: ${err.message.replace(/^Invalid Record Length:/, 'wrong number of cells:')}`);
      return undefined;
    },
  }) as { record: Record<string, string>; info: { lines: number } }[];
  for (const { record, info } of records) rows.push({ line: info.lines, data: record });
  return { rows, keys: new Set(header) };
}

export function readRows(file: string, problems: Problems): SourceTable {
  const text = decodeLines(file, fs.readFileSync(file), problems);
  try {
    return file.endsWith('.csv') ? readCsv(file, text, problems) : readJsonl(file, text, problems);
  } catch (e) {
    // csv-parse throws only for errors it cannot skip past (e.g. an unclosed quote at end of file).
    const err = e as Error & { lines?: number };
    problems.add(file, err.lines ?? 0, '-', `CSV: ${err.message}`);
    return { rows: [], keys: new Set() };
  }
}

/** Resolves `a.b.c` against a row: an exact column name first (CSV headers may contain dots), then a path. */
export function getPath(row: Row, path: string): Cell | undefined {
  if (path in row) return row[path];
  let cur: Cell | undefined = row;
  for (const part of path.split('.')) {
    if (!cur || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, Cell>)[part];
  }
  return cur;
}
