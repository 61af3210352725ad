// Reads a collection's records file row by row with flat memory: the file is read in chunks, split into
// lines (so a bad UTF-8 byte or an overlong line is reported at its line and the other lines survive), and
// each row is handed to the caller and not kept. Every string cell passes the text hygiene of cell-text.ts.
import fs from 'node:fs';
import { type CsvError, Parser } from 'csv-parse';
import { query, type JsonValue } from 'jsonpath-rfc9535';
import { cleanCell, MAX_CELL_CHARS, MAX_LINE_BYTES, needsCleaning } from './cell-text.ts';
import type { Problems } from './problems.ts';

export type Cell = string | number | boolean | null | Cell[] | { [key: string]: Cell };
export type Row = Record<string, Cell>;
export interface SourceRow {
  line: number;
  data: Row;
}
/** Return false to stop reading. */
export type RowSink = (row: SourceRow) => boolean | undefined;

const CHUNK = 1 << 20;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Calls `onLine` for each physical line (1-based numbers) with its decoded text, or undefined when it was
 * refused (bad UTF-8, too long), after reporting it. */
function eachLine(file: string, problems: Problems, onLine: (text: string | undefined, line: number) => boolean): void {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(CHUNK);
    let carry: Buffer[] = [];
    let carryLen = 0;
    let skipping = false;
    let line = 1;
    const emit = (bytes: Buffer): boolean => {
      const n = line++;
      if (skipping) {
        skipping = false;
        return onLine(undefined, n);
      }
      let text: string;
      try {
        text = utf8.decode(bytes);
      } catch {
        problems.add(file, n, '-', 'not valid UTF-8: save the file as UTF-8 (this line is skipped)');
        return onLine(undefined, n);
      }
      return onLine(text, n);
    };
    for (;;) {
      const got = fs.readSync(fd, buf, 0, CHUNK, null);
      if (got === 0) break;
      let start = 0;
      for (;;) {
        const nl = buf.indexOf(0x0a, start);
        if (nl === -1 || nl >= got) break;
        const piece = buf.subarray(start, nl);
        const whole = carryLen ? Buffer.concat([...carry, piece]) : piece;
        carry = [];
        carryLen = 0;
        if (!emit(whole)) return;
        start = nl + 1;
      }
      if (start < got && !skipping) {
        carry.push(Buffer.from(buf.subarray(start, got)));
        carryLen += got - start;
        if (carryLen > MAX_LINE_BYTES) {
          problems.add(file, line, '-', `line is longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB: skipped unread`);
          carry = [];
          carryLen = 0;
          skipping = true;
        }
      }
    }
    if (carryLen || skipping) emit(Buffer.concat(carry));
  } finally {
    fs.closeSync(fd);
  }
}

function cleanValue(value: Cell, file: string, line: number, key: string, problems: Problems): Cell {
  if (typeof value === 'string') return cleanCell(value, file, line, key, problems);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const v = value[i]!;
      if (typeof v === 'string' ? needsCleaning(v) : v && typeof v === 'object') value[i] = cleanValue(v, file, line, key, problems);
    }
    return value;
  }
  if (value && typeof value === 'object') {
    const o = value as Record<string, Cell>;
    // A freshly parsed row is cleaned in place, and a column's name is only spelled out for what may need it
    // (most cells need nothing): per row this was a tenth of the importer's time. A key that needs cleaning
    // (rare) rebuilds its object, to keep the keys' order.
    for (const k in o) if (needsCleaning(k)) return cleanKeys(o, file, line, key, problems);
    for (const k in o) {
      const v = o[k]!;
      if (typeof v === 'string' ? needsCleaning(v) : v && typeof v === 'object') o[k] = cleanValue(v, file, line, key ? `${key}.${k}` : k, problems);
    }
    return o;
  }
  return value;
}

function cleanKeys(value: Record<string, Cell>, file: string, line: number, key: string, problems: Problems): Cell {
  const out: Record<string, Cell> = {};
  for (const [k, v] of Object.entries(value)) out[cleanCell(k, file, line, key, problems)] = cleanValue(v, file, line, key ? `${key}.${k}` : k, problems);
  return out;
}

function collectKeys(value: Cell, prefix: string, keys: Set<string>): void {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      const p = prefix ? `${prefix}.${k}` : k;
      keys.add(p);
      collectKeys(v, p, keys);
    }
  } else if (Array.isArray(value)) {
    // Keys inside arrays of objects are reachable as `list[].key`.
    for (const item of value) collectKeys(item, `${prefix}[]`, keys);
  }
}

function readJsonl(file: string, problems: Problems, keys: Set<string>, onRow: RowSink | undefined, enough?: (keys: Set<string>) => boolean): void {
  eachLine(file, problems, (raw, line) => {
    const text = raw?.trim();
    if (!text) return true;
    let data: Cell;
    try {
      data = JSON.parse(text) as Cell;
    } catch (e) {
      problems.add(file, line, '-', `not valid JSON: ${(e as Error).message}`);
      return true;
    }
    if (!data || typeof data !== 'object' || Array.isArray(data)) {
      problems.add(file, line, '-', 'each line must be one JSON object');
      return true;
    }
    if (onRow) return onRow({ line, data: cleanValue(data, file, line, '', problems) as Row }) !== false;
    collectKeys(data, '', keys);
    return !enough?.(keys);
  });
}

// csv-parse's record API (the one its own sync entry point drives), used directly so rows stream through a
// synchronous caller; the Parser stream exposes it as `api`.
interface CsvApi {
  parse(buf: Buffer | undefined, end: boolean, push: (record: { record: string[]; info: { lines: number } }) => void, close: () => void): Error | undefined;
}

function readCsv(file: string, problems: Problems, keys: Set<string>, onRow: RowSink): void {
  let header: string[] | undefined;
  let stop = false;
  const skipped = new Set<number>();
  const parser = new Parser({
    bom: true,
    skip_empty_lines: true,
    info: true,
    relax_column_count: false,
    skip_records_with_error: true,
    max_record_size: MAX_CELL_CHARS * 4,
    on_skip: (err) => {
      // csv-parse may report one broken record more than once; one message per line is enough.
      const line = Number(err?.lines ?? 0);
      if (!err || skipped.has(line)) return undefined;
      skipped.add(line);
      const msg =
        err.code === 'CSV_MAX_RECORD_SIZE'
          ? `record is larger than ${(MAX_CELL_CHARS * 4).toLocaleString('en')} characters: skipped`
          : err.message.replace(/^Invalid Record Length:/, 'wrong number of cells:');
      problems.add(file, line, '-', `CSV: ${msg}`);
      return undefined;
    },
  });
  const api = (parser as unknown as { api: CsvApi }).api;
  const push = ({ record, info }: { record: string[]; info: { lines: number } }): void => {
    if (stop) return;
    if (!header) {
      header = record.map((c) => c.trim());
      for (const h of header) keys.add(h);
      return;
    }
    const data: Row = {};
    header.forEach((h, i) => {
      data[h] = cleanCell(record[i] ?? '', file, info.lines, h, problems);
    });
    if (onRow({ line: info.lines, data }) === false) stop = true;
  };
  const fail = (err: Error | undefined): boolean => {
    if (!err) return false;
    const e = err as CsvError & { lines?: number };
    problems.add(file, e.lines ?? 0, '-', `CSV: ${e.message}`);
    return true;
  };
  let failed = false;
  eachLine(file, problems, (text) => {
    // A refused line still counts as a line, so later line numbers stay true.
    failed = fail(api.parse(Buffer.from(`${text ?? ''}\n`), false, push, () => {}));
    return !failed && !stop;
  });
  if (!failed && !stop) fail(api.parse(undefined, true, push, () => {}));
}

/** Streams the rows of a .csv or .jsonl file to `onRow`. */
export function readRows(file: string, problems: Problems, onRow: RowSink): void {
  if (file.endsWith('.csv')) readCsv(file, problems, new Set(), onRow);
  else readJsonl(file, problems, new Set(), onRow);
}

/** Every column (CSV) or key path (JSONL, dotted; `a[].b` inside arrays) of a records file, to check the mapping
 * against, read without keeping rows (the header alone for CSV). With `enough`, reading stops at the first row
 * after which it holds: a mapping whose paths are all found in the first rows does not pay a second pass over a
 * large file (only a mapping naming an unknown key reads it all). */
export function readKeys(file: string, problems: Problems, enough?: (keys: Set<string>) => boolean): Set<string> {
  const keys = new Set<string>();
  if (file.endsWith('.csv')) readCsv(file, problems, keys, () => false);
  // Keys only: the rows are neither cleaned nor kept.
  else readJsonl(file, problems, keys, undefined, enough);
  return keys;
}

const SEGMENT = /^([^[\]]+)(?:\[([^\]]*)\])?$/;

type Accessor = (row: Row) => Cell | undefined;
/** Paths compiled once each: a mapping names a few paths, read in every row. Splitting and matching a path on
 * every call was a tenth of the importer's time. */
const accessors = new Map<string, Accessor>();

/** Resolves a mapping path against a row: an exact column name first (CSV headers may contain dots); a JSONPath
 * query when it starts with `$` (RFC 9535, e.g. `$.contributors[?@.role=='artist'].name`); else a dotted path
 * where `list[]` takes every item of a list and `list[key=value]` the items whose key has that value
 * (`dimensions[].value`, `contributors[role=artist].name`). The short form is evaluated here rather than
 * translated to JSONPath because the library parses its expression on every call (~40 µs), too slow per cell
 * over 100,000 rows; both forms yield the values in item order, so parallel paths zip by index. */
export function getPath(row: Row, path: string): Cell | undefined {
  let get = accessors.get(path);
  if (!get) accessors.set(path, (get = compilePath(path)));
  return path in row ? row[path] : get(row);
}

function compilePath(path: string): Accessor {
  if (path.startsWith('$')) return (row) => query(row as JsonValue, path) as Cell[];
  if (!path.includes('[')) {
    const parts = path.split('.');
    return (row) => {
      let cur: Cell | undefined = row;
      for (const part of parts) {
        if (!cur || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
        cur = (cur as Record<string, Cell>)[part];
      }
      return cur;
    };
  }
  const steps: { key: string; spread: boolean; match?: { key: string; value: string } }[] = [];
  for (const part of path.split('.')) {
    const m = SEGMENT.exec(part);
    if (!m) return () => undefined;
    const [, key, filter] = m;
    const eq = filter ? filter.indexOf('=') : -1;
    steps.push({
      key: key!,
      spread: filter !== undefined,
      ...(filter ? { match: { key: filter.slice(0, eq).trim(), value: filter.slice(eq + 1).trim() } } : {}),
    });
  }
  const isObject = (v: Cell | undefined): v is Record<string, Cell> => !!v && typeof v === 'object' && !Array.isArray(v);
  return (row) => {
    let current: Cell[] = [row];
    for (const { key, spread, match } of steps) {
      const next: Cell[] = [];
      for (const v of current) {
        const got = isObject(v) ? v[key] : undefined;
        if (got === undefined) continue;
        if (!spread) next.push(got);
        else for (const item of Array.isArray(got) ? got : [got]) if (!match || (isObject(item) && String(item[match.key]) === match.value)) next.push(item);
      }
      current = next;
    }
    return current;
  };
}

/** The key a path needs in a records file (`contributors[role=artist].name` needs `contributors[].name`);
 * undefined for JSONPath queries, which cannot be checked without the data. */
export function pathKey(path: string): string | undefined {
  return path.startsWith('$') ? undefined : path.replace(/\[[^\]]*\]/g, '[]');
}
