// XLIFF 1.2 export and XLIFF 1.x import.
// Why 1.2 and not 2.x: XLIFF 1.2 is the version every CAT tool in use at museums and their agencies reads
// (OmegaT's native filter, Trados, memoQ, Weblate, Okapi) and the one translate-toolkit converts (xliff2po,
// po2xliff); XLIFF 2.0/2.1 support is partial or missing in several of them. po2xliff writes 1.1, which the
// import accepts too. Built and parsed with fast-xml-parser (entity escaping, well-formedness, line positions).
import fs from 'node:fs';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { LOCALE_TAGS, type Locale } from '../../model/locales.ts';
import { contextNote, unitContext } from './context.ts';
import type { ImportedUnit, ParsedFile } from './import-types.ts';
import { lineIndex } from './lines.ts';
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

export function writeXliff(units: Iterable<Unit>, locale: Locale): string {
  const bySourceLang = new Map<Locale, Unit[]>();
  for (const u of units) {
    const list = bySourceLang.get(u.sourceLang) ?? [];
    list.push(u);
    bySourceLang.set(u.sourceLang, list);
  }
  // One <file> per source language: XLIFF 1.2 gives each file a single source-language.
  const files = [...bySourceLang].map(([sl, list]) => ({
    '@_original': `heritage-records.${sl}-${locale}`,
    '@_source-language': LOCALE_TAGS[sl],
    '@_target-language': LOCALE_TAGS[locale],
    '@_datatype': 'plaintext',
    body: {
      'trans-unit': list.map((u) => {
        const c = unitContext(u, locale);
        const approved = u.target !== undefined && !u.open && (u.state === 'source' || u.state === 'reviewed' || u.state === 'translated');
        return {
          '@_id': u.id,
          '@_resname': u.field.name,
          '@_maxwidth': String(u.field.maxChars),
          '@_size-unit': 'char',
          ...(u.target !== undefined ? { '@_approved': approved ? 'yes' : 'no' } : {}),
          source: { '@_xml:lang': LOCALE_TAGS[u.sourceLang], '#text': u.source },
          ...(u.target !== undefined
            ? {
                target: {
                  '@_xml:lang': LOCALE_TAGS[locale],
                  '@_state': u.open ? 'needs-translation' : TARGET_STATE[u.state ?? 'translated'],
                  '#text': u.target,
                },
              }
            : {}),
          'context-group': {
            '@_name': 'record',
            '@_purpose': 'information',
            // The field is the unit's resname and the page URLs are in the note: at 150k records every byte
            // per unit is ~150 kB of file.
            context: [
              { '@_context-type': 'x-collection', '#text': c.collections },
              { '@_context-type': 'x-records', '#text': c.records },
              ...(u.thumbnail ? [{ '@_context-type': 'x-thumbnail', '#text': u.thumbnail }] : []),
            ],
          },
          note: { '@_from': 'developer', '#text': contextNote(u, locale) },
        };
      }),
    },
  }));
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true });
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ xliff: { '@_version': '1.2', '@_xmlns': XLIFF_NS, file: files } })}`;
}

type Node = Record<string, unknown>;
// Typed as the wrapper `Symbol` by the library; it is a primitive symbol at run time.
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** Text content of an element parsed with `preserveOrder: false`; `markup` names any child element found. */
function textOf(node: unknown): { text: string; markup?: string } {
  if (node === undefined || node === null) return { text: '' };
  if (typeof node !== 'object') return { text: String(node) };
  const n = node as Node;
  const child = Object.keys(n).find((k) => !k.startsWith('@_') && k !== '#text');
  return { text: n['#text'] === undefined ? '' : String(n['#text']), ...(child ? { markup: child } : {}) };
}

function stateOf(unit: Node, target: Node | undefined): ImportedUnit['state'] {
  const state = typeof target === 'object' && target ? String(target['@_state'] ?? '') : '';
  if (unit['@_approved'] === 'no' || state.startsWith('needs-')) return 'needs-review';
  if (state === 'final' || state === 'signed-off') return 'reviewed';
  return 'translated';
}

export function readXliff(file: string): ParsedFile {
  const text = fs.readFileSync(file, 'utf8');
  const lineAt = lineIndex(text);
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { units: [], errors: [{ line: valid.err.line, message: `broken XML: ${valid.err.msg}` }] };
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    captureMetaData: true,
    isArray: (name) => ['file', 'trans-unit', 'group', 'context-group', 'context'].includes(name),
  });
  const doc = parser.parse(text) as Node;
  const root = doc.xliff as Node | undefined;
  if (!root) return { units: [], errors: [{ line: 1, message: 'not an XLIFF file (no <xliff> root element)' }] };
  const version = String(root['@_version'] ?? '');
  if (!version.startsWith('1.'))
    return { units: [], errors: [{ line: 1, message: `XLIFF ${version || '(no version)'} is not read; export XLIFF 1.2 from your tool` }] };
  const units: ImportedUnit[] = [];
  const errors: ParsedFile['errors'] = [];
  for (const f of asArray(root.file as Node[])) {
    const fileLang = f['@_target-language'] ? String(f['@_target-language']) : undefined;
    const walk = (container: Node) => {
      for (const g of asArray(container.group as Node[])) walk(g);
      for (const u of asArray(container['trans-unit'] as Node[])) {
        const line = lineAt((u as { [k: symbol]: { startIndex?: number } | undefined })[META]?.startIndex ?? 0);
        // translate-toolkit's PO header unit is not a segment.
        if (u['@_restype'] === 'x-gettext-domain-header') continue;
        const target = u.target as Node | string | undefined;
        const targetNode = typeof target === 'object' ? target : undefined;
        const src = textOf(u.source);
        const tgt = textOf(target);
        // po2xliff drops our ids and keeps them as the PO location, a "sourcefile" context.
        const location = asArray(u['context-group'] as Node[])
          .filter((g) => g['@_purpose'] === 'location')
          .flatMap((g) => asArray(g.context as Node[]))
          .find((c) => c['@_context-type'] === 'sourcefile');
        const id = location ? textOf(location).text : String(u['@_id'] ?? '');
        const lang = (targetNode?.['@_xml:lang'] as string | undefined) ?? fileLang;
        units.push({
          line,
          id,
          source: src.text,
          target: tgt.text,
          ...(tgt.markup || src.markup ? { markup: tgt.markup ?? src.markup } : {}),
          ...(lang ? { lang } : {}),
          state: stateOf(u, targetNode),
        });
      }
    };
    walk((f.body as Node | undefined) ?? {});
  }
  return { units, errors };
}
