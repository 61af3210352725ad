// The same units as a spreadsheet: one row per unit, the target column to fill. UTF-8 with a byte-order
// mark, so Excel opens Chinese text correctly; read back with csv-parse (quotes, line breaks in cells).
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Locale } from '../../model/locales.ts';
import { unitContext } from './context.ts';
import type { ImportedUnit, ParsedFile } from './import-types.ts';
import type { Unit } from './units.ts';

export const CSV_COLUMNS = [
  'id',
  'field',
  'source_language',
  'target_language',
  'source',
  'target',
  'state',
  'max_chars',
  'collection',
  'records',
  'record_count',
  'page',
  'thumbnail',
] as const;

export function writeCsv(units: Iterable<Unit>, locale: Locale): string {
  const rows: string[][] = [];
  for (const u of units) {
    const c = unitContext(u, locale);
    rows.push([
      u.id,
      u.field.name,
      u.sourceLang,
      locale,
      u.source,
      u.target ?? '',
      u.target === undefined ? '' : u.open ? 'needs-review' : u.state === 'source' ? 'reviewed' : (u.state ?? 'translated').replace('stale', 'needs-review'),
      String(u.field.maxChars),
      c.collections,
      c.records,
      String(c.count),
      c.urls.split(' ')[0] ?? '',
      u.thumbnail ?? '',
    ]);
  }
  return `\uFEFF${stringify(rows, { header: true, columns: [...CSV_COLUMNS] })}`;
}

const STATES = new Set(['translated', 'reviewed', 'needs-review']);

export function readCsv(file: string): ParsedFile {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parse(text, { columns: true, info: true, skip_empty_lines: true, relax_column_count: false });
  } catch (e) {
    const err = e as Error & { lines?: number };
    return { units: [], errors: [{ line: err.lines ?? 1, message: `broken CSV: ${err.message}` }] };
  }
  const units: ImportedUnit[] = [];
  const errors: ParsedFile['errors'] = [];
  const header = rows[0] ? Object.keys(rows[0].record) : [];
  for (const col of ['id', 'target'])
    if (rows.length && !header.includes(col)) errors.push({ line: 1, message: `missing column "${col}" (columns: ${CSV_COLUMNS.join(', ')})` });
  if (errors.length) return { units, errors };
  for (const { record: r, info } of rows) {
    const state = (r.state ?? '').trim() || 'translated';
    if (!STATES.has(state)) {
      errors.push({ line: info.lines, message: `state "${state}" is not one of translated, reviewed, needs-review` });
      continue;
    }
    units.push({
      line: info.lines,
      id: r.id ?? '',
      source: r.source ?? '',
      target: r.target ?? '',
      ...(r.target_language ? { lang: r.target_language } : {}),
      state: state as ImportedUnit['state'],
    });
  }
  return { units, errors };
}
