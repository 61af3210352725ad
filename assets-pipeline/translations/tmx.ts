// Translation memory as TMX 1.4b, the exchange format every CAT tool's memory reads and writes. Export:
// every translation in the overlays plus the glossary (the vocabulary's concepts, one entry per concept in
// all three languages). Import: segments whose source text is a current unit's become that unit's
// translation, so a memory built elsewhere pre-translates what it knows.
import fs from 'node:fs';
import path from 'node:path';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { LOCALE_TAGS, LOCALES, type Locale } from '../../model/locales.ts';
import { contentDir } from '../../model/paths.ts';
import { glossaryEntries } from './glossary.ts';
import type { ImportedUnit, ParsedFile } from './import-types.ts';
import { readOverlay, translationsDir } from './overlay.ts';
import { lineIndex } from './lines.ts';
import type { Unit } from './units.ts';

interface Tu {
  '@_tuid'?: string;
  prop?: { '@_type': string; '#text': string }[];
  tuv: { '@_xml:lang': string; seg: string }[];
}

export function writeTmx(root = contentDir()): { tmx: string; entries: number } {
  const tus: Tu[] = [];
  const seen = new Set<string>();
  const dir = translationsDir(root);
  for (const locale of LOCALES) {
    const ldir = path.join(dir, locale);
    if (!fs.existsSync(ldir)) continue;
    for (const f of fs.readdirSync(ldir).filter((n) => n.endsWith('.json'))) {
      const read = readOverlay(path.join(ldir, f));
      if (!read?.ok) continue;
      for (const u of read.overlay.units) {
        const key = `${u.id}\n${locale}`;
        if (seen.has(key)) continue;
        seen.add(key);
        tus.push({
          '@_tuid': `${u.id}.${locale}`,
          prop: [
            { '@_type': 'x-field', '#text': u.field },
            { '@_type': 'x-state', '#text': u.state },
            { '@_type': 'x-translator', '#text': u.translator },
          ],
          tuv: [
            { '@_xml:lang': LOCALE_TAGS[u.sourceLang], seg: u.source },
            { '@_xml:lang': LOCALE_TAGS[locale], seg: u.target },
          ],
        });
      }
    }
  }
  for (const g of glossaryEntries()) {
    const tuv = LOCALES.filter((l) => g.labels[l]?.[0]).map((l) => ({ '@_xml:lang': LOCALE_TAGS[l], seg: g.labels[l]![0]! }));
    if (tuv.length > 1) tus.push({ '@_tuid': `glossary.${g.kind}.${g.id}`, prop: [{ '@_type': 'x-glossary', '#text': g.kind }], tuv });
  }
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true });
  const body = builder.build({
    tmx: {
      '@_version': '1.4',
      header: {
        '@_creationtool': 'heritage-translations',
        '@_creationtoolversion': '1',
        '@_segtype': 'phrase',
        '@_o-tmf': 'heritage-overlays',
        '@_adminlang': 'en',
        '@_srclang': '*all*',
        '@_datatype': 'plaintext',
      },
      body: { tu: tus },
    },
  });
  return { tmx: `<?xml version="1.0" encoding="UTF-8"?>\n${body}`, entries: tus.length };
}

const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const segText = (v: unknown): string => (typeof v === 'object' && v ? String((v as Record<string, unknown>)['#text'] ?? '') : String(v ?? ''));
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** TMX segments that translate a current unit's source into `locale`, as import units; others are left out. */
export function readTmx(file: string, locale: Locale, units: Map<string, Unit>): ParsedFile & { unmatched: number } {
  const text = fs.readFileSync(file, 'utf8');
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { units: [], errors: [{ line: valid.err.line, message: `broken XML: ${valid.err.msg}` }], unmatched: 0 };
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    trimValues: false,
    captureMetaData: true,
    isArray: (n) => n === 'tu' || n === 'tuv',
  }).parse(text) as { tmx?: { body?: { tu?: Record<string, unknown>[] } } };
  if (!doc.tmx) return { units: [], errors: [{ line: 1, message: 'not a TMX file (no <tmx> root element)' }], unmatched: 0 };
  const bySource = new Map<string, Unit[]>();
  for (const u of units.values()) {
    const k = `${u.sourceLang}\n${u.source}`;
    bySource.set(k, [...(bySource.get(k) ?? []), u]);
  }
  const lineOf = lineIndex(text);
  const out: ImportedUnit[] = [];
  let unmatched = 0;
  for (const tu of asArray(doc.tmx.body?.tu)) {
    const tuvs = asArray(tu.tuv as Record<string, unknown>[]).map((v) => ({ lang: String(v['@_xml:lang'] ?? v['@_lang'] ?? ''), text: segText(v.seg) }));
    const target = tuvs.find((v) => v.lang.toLowerCase().split('-')[0] === locale);
    if (!target?.text) continue;
    let matched = false;
    for (const v of tuvs) {
      if (v === target) continue;
      const lang = v.lang.toLowerCase().split('-')[0] as Locale;
      for (const u of bySource.get(`${lang}\n${v.text}`) ?? []) {
        matched = true;
        const offset = (tu as { [k: symbol]: { startIndex?: number } | undefined })[META]?.startIndex ?? 0;
        out.push({ line: lineOf(offset), id: u.id, source: u.source, target: target.text, lang: target.lang, state: 'translated' });
      }
    }
    if (!matched) unmatched++;
  }
  // A memory may hold the same segment twice: the first wins.
  const first = new Map<string, ImportedUnit>();
  for (const u of out) if (!first.has(u.id)) first.set(u.id, u);
  return { units: [...first.values()], errors: [], unmatched };
}
