// XLIFF 1.2 export and XLIFF 1.x import.
// Why 1.2 and not 2.x: XLIFF 1.2 is the version every CAT tool in use at museums and their agencies reads
// (OmegaT's native filter, Trados, memoQ, Weblate, Okapi) and the one translate-toolkit converts (xliff2po,
// po2xliff); XLIFF 2.0/2.1 support is partial or missing in several of them. po2xliff writes 1.1, which the
// import accepts too. Written from a template, read with saxes (both below say why).
import fs from 'node:fs';
import { SaxesParser } from 'saxes';
import { LOCALE_TAGS, type Locale } from '../../model/locales.ts';
import { contextNote, unitContext } from './context.ts';
import type { ImportedUnit, ParsedFile } from './import-types.ts';
import type { Unit } from './units.ts';

const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:1.2';

/** XLIFF 1.2 target states for the states the platform keeps. */
const TARGET_STATE: Record<string, string> = {
  source: 'final',
  reviewed: 'signed-off',
  translated: 'translated',
  'needs-review': 'needs-review-translation',
  stale: 'needs-review-translation',
};

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
/** Text or attribute value as XML: the four characters that could end either are escaped. */
const esc = (s: string): string => (/[&<>"]/.test(s) ? s.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!) : s);

/** One <trans-unit>, one element a line (a `file:line` message points at the unit). */
function unitXml(u: Unit, locale: Locale): string {
  const c = unitContext(u, locale);
  const approved = u.target !== undefined && !u.open && (u.state === 'source' || u.state === 'reviewed' || u.state === 'translated');
  const state = u.open ? 'needs-translation' : TARGET_STATE[u.state ?? 'translated'];
  return (
    `<trans-unit id="${esc(u.id)}" resname="${esc(u.field.name)}" maxwidth="${u.field.maxChars}" size-unit="char"${u.target !== undefined ? ` approved="${approved ? 'yes' : 'no'}"` : ''}>\n` +
    `  <source xml:lang="${LOCALE_TAGS[u.sourceLang]}">${esc(u.source)}</source>\n` +
    (u.target !== undefined ? `  <target xml:lang="${LOCALE_TAGS[locale]}" state="${state}">${esc(u.target)}</target>\n` : '') +
    // The field is the unit's resname and the page URLs are in the note: at 150k records every byte per unit
    // is ~150 kB of file.
    '  <context-group name="record" purpose="information">\n' +
    `    <context context-type="x-collection">${esc(c.collections)}</context>\n` +
    `    <context context-type="x-records">${esc(c.records)}</context>\n` +
    (u.thumbnail ? `    <context context-type="x-thumbnail">${esc(u.thumbnail)}</context>\n` : '') +
    '  </context-group>\n' +
    `  <note from="developer">${esc(contextNote(u, locale, c))}</note>\n` +
    '</trans-unit>\n'
  );
}

/** Units per piece written: large enough that the stream's per-piece cost does not count. */
const BATCH = 1000;

// Written from a template rather than with fast-xml-parser's builder (which the subtitle export and the TMX
// use): every unit has the same few elements, and at 150k units the builder's walk over a tree per unit was
// most of the export's writing time. The four escapes above are all that text and attribute values need.
/** The XLIFF file in pieces, in order. */
export function* xliffChunks(units: Iterable<Unit>, locale: Locale): Generator<string> {
  const bySourceLang = new Map<Locale, Unit[]>();
  for (const u of units) {
    const list = bySourceLang.get(u.sourceLang) ?? [];
    list.push(u);
    bySourceLang.set(u.sourceLang, list);
  }
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="${XLIFF_NS}">\n`;
  // One <file> per source language: XLIFF 1.2 gives each file a single source-language.
  for (const [sl, list] of bySourceLang) {
    yield `<file original="heritage-records.${sl}-${locale}" source-language="${LOCALE_TAGS[sl]}" target-language="${LOCALE_TAGS[locale]}" datatype="plaintext">\n<body>\n`;
    for (let i = 0; i < list.length; i += BATCH) {
      let piece = '';
      for (const u of list.slice(i, i + BATCH)) piece += unitXml(u, locale);
      yield piece;
    }
    yield '</body>\n</file>\n';
  }
  yield '</xliff>\n';
}

export function writeXliff(units: Iterable<Unit>, locale: Locale): string {
  return [...xliffChunks(units, locale)].join('');
}

type Attrs = Record<string, string>;

function stateOf(unit: Attrs, target: Attrs | undefined): ImportedUnit['state'] {
  const state = target?.state ?? '';
  if (unit.approved === 'no' || state.startsWith('needs-')) return 'needs-review';
  if (state === 'final' || state === 'signed-off') return 'reviewed';
  return 'translated';
}

/** A trans-unit while its elements are read. */
interface Open {
  line: number;
  attrs: Attrs;
  source: string;
  target: string;
  targetAttrs?: Attrs;
  /** The first inline element met inside the source or the target. */
  markup?: string;
  /** po2xliff's copy of our id: the `sourcefile` context of a `location` context-group. */
  location?: string;
}

/** Where text is being gathered: a unit's own source or target, or its location context. */
type Capture = { into: 'source' | 'target' | 'location'; depth: number };

const CHUNK = 1 << 22;

// Read in one streaming pass with saxes (a conforming, non-validating XML parser): it reports the first
// well-formedness error with its line, so broken markup is a `file:line` message, and the 100 MB file of a
// 150k-record export is never held whole (parsing it as a document, then checking it, took two passes).
export function readXliff(file: string): ParsedFile {
  const units: ImportedUnit[] = [];
  let failure: { line: number; message: string } | undefined;
  const fail = (line: number, message: string) => {
    failure ??= { line, message };
  };
  const parser = new SaxesParser({ position: true });
  const stack: string[] = [];
  let fileLang: string | undefined;
  let unit: Open | undefined;
  let unitDepth = 0;
  let capture: Capture | undefined;
  let locationGroup = 0;
  let tagLine = 1;
  parser.on('error', (e) => fail(parser.line, `broken XML: ${e.message.replace(/^\d+:\d+: /, '')}`));
  parser.on('opentagstart', () => {
    tagLine = parser.line;
  });
  parser.on('opentag', (tag) => {
    const name = tag.name;
    // Without namespace processing attributes are plain strings, named as written (`xml:lang`).
    const attrs = tag.attributes as Attrs;
    const parent = stack[stack.length - 1];
    stack.push(name);
    if (stack.length === 1) {
      if (name !== 'xliff') fail(tagLine, 'not an XLIFF file (no <xliff> root element)');
      else if (!(attrs.version ?? '').startsWith('1.')) fail(tagLine, `XLIFF ${attrs.version || '(no version)'} is not read; export XLIFF 1.2 from your tool`);
      return;
    }
    if (capture) {
      if (capture.into !== 'location') unit!.markup ??= name;
      return;
    }
    if (name === 'file') fileLang = attrs['target-language'] || undefined;
    else if (name === 'trans-unit') {
      unit = { line: tagLine, attrs, source: '', target: '' };
      unitDepth = stack.length;
    } else if (unit && parent === 'trans-unit' && stack.length === unitDepth + 1) {
      // Only the unit's own elements: an <alt-trans> holds other candidates' source and target.
      if (name === 'source') capture = { into: 'source', depth: stack.length };
      else if (name === 'target') {
        unit.targetAttrs = attrs;
        capture = { into: 'target', depth: stack.length };
      } else if (name === 'context-group' && attrs.purpose === 'location') locationGroup = stack.length;
    } else if (
      unit &&
      name === 'context' &&
      locationGroup &&
      stack.length === locationGroup + 1 &&
      attrs['context-type'] === 'sourcefile' &&
      unit.location === undefined
    ) {
      unit.location = '';
      capture = { into: 'location', depth: stack.length };
    }
  });
  const onText = (text: string) => {
    if (capture && stack.length === capture.depth) unit![capture.into] += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const depth = stack.length;
    stack.pop();
    if (capture && depth === capture.depth) capture = undefined;
    if (depth === locationGroup) locationGroup = 0;
    if (unit && depth === unitDepth) {
      const u = unit;
      unit = undefined;
      // translate-toolkit's PO header unit is not a segment.
      if (u.attrs.restype === 'x-gettext-domain-header') return;
      const lang = u.targetAttrs?.['xml:lang'] ?? fileLang;
      units.push({
        line: u.line,
        id: u.location || u.attrs.id || '',
        source: u.source,
        target: u.target,
        ...(u.markup ? { markup: u.markup } : {}),
        ...(lang ? { lang } : {}),
        state: stateOf(u.attrs, u.targetAttrs),
      });
    }
  });

  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    const decoder = new TextDecoder('utf-8');
    for (let n = fs.readSync(fd, buf, 0, CHUNK, null); n > 0 && !failure; n = fs.readSync(fd, buf, 0, CHUNK, null))
      parser.write(decoder.decode(buf.subarray(0, n), { stream: true }));
    if (!failure) parser.write(decoder.decode()).close();
  } finally {
    fs.closeSync(fd);
  }
  return failure ? { units: [], errors: [failure] } : { units, errors: [] };
}
