// Text hygiene and size limits for every cell read from a records file, applied once at ingest so every later
// stage (pages, search, downloads) receives clean text: Unicode NFC, control characters and lone surrogates
// removed with a warning, bidirectional override controls flagged (they can make text read differently from
// what it says), and cells beyond a size limit refused with an error instead of crashing a later stage.
import type { Problems } from './problems.ts';

/** Longest cell, in characters. Larger is a data error (a whole document pasted into a cell). */
export const MAX_CELL_CHARS = 200_000;
/** Longest physical line of a records file, in bytes; a line this long is skipped unread with an error. */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;

/** Per-field limits of the mapped record, in characters; fields not listed have `MAX_TEXT_CHARS`. */
export const FIELD_LIMITS: Record<string, number> = {
  title: 1_000,
  alternateTitles: 1_000,
  description: 50_000,
  notes: 50_000,
  inscriptions: 50_000,
};
export const MAX_TEXT_CHARS = 10_000;

// C0 and C1 controls except tab, line feed and carriage return; DEL.
const CONTROL = /(?![\t\n\r])\p{Cc}/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/u;
const SUSPECT = /(?![\t\n\r])\p{Cc}|[\u202a-\u202e\u2066-\u2069]|\p{Cs}/u;
const NON_ASCII = /[^\p{ASCII}]/u;
// Printable ASCII with tab and line breaks needs none of the checks below (nor NFC): most cells of most exports
// are that, and one plain test is several times cheaper than the Unicode property classes.
const NOT_PLAIN = /[^\t\n\r\x20-\x7e]/;

/** Whether `cleanCell` could change or report the text (false for most cells, cheaply). */
export function needsCleaning(text: string): boolean {
  return text.length > MAX_CELL_CHARS || NOT_PLAIN.test(text);
}

/** The cleaned text of one cell; problems name the file, row and column. */
export function cleanCell(text: string, file: string, row: number, column: string, problems: Problems): string {
  if (text.length > MAX_CELL_CHARS) {
    problems.add(file, row, column, `cell is ${text.length.toLocaleString('en')} characters long; the limit is ${MAX_CELL_CHARS.toLocaleString('en')}`);
    return '';
  }
  if (!NOT_PLAIN.test(text)) return text;
  let out = text;
  if (SUSPECT.test(out)) {
    const controls = out.match(CONTROL)?.length ?? 0;
    if (controls) {
      out = out.replace(CONTROL, '');
      problems.warn(file, row, column, `${controls} control character${controls > 1 ? 's' : ''} removed`);
    }
    const lone = out.match(LONE_SURROGATE)?.length ?? 0;
    if (lone) {
      out = out.replace(LONE_SURROGATE, '');
      problems.warn(file, row, column, `${lone} lone surrogate${lone > 1 ? 's' : ''} (broken UTF-16) removed`);
    }
    if (BIDI.test(out))
      problems.warn(file, row, column, 'contains bidirectional override/isolate controls (U+202A–202E, U+2066–2069): check the text reads as intended');
  }
  return NON_ASCII.test(out) ? out.normalize('NFC') : out;
}
