// `translations import FILE`: checks a translator's file against the units of the current records and, only
// when every unit is sound, writes the translations into the overlays (content/translations/<locale>/). The
// curator's source export is never written to.
import path from 'node:path';
import { isLocale, LOCALE_TAGS, type Locale } from '../../model/locales.ts';
import { contentDir } from '../../model/paths.ts';
import { readCsv } from './csv.ts';
import type { ImportedUnit, ParsedFile } from './import-types.ts';
import { overlayPath, readOverlay, writeOverlay, type OverlayState, type OverlayUnit } from './overlay.ts';
import { collectUnits, type Unit } from './units.ts';
import { readTmx } from './tmx.ts';
import { readXliff } from './xliff.ts';

export interface ImportOptions {
  /** Needed when the file does not say its target language (po2xliff output does not). */
  locale?: Locale;
  translator: string;
  /** Overrides the states the file gives, e.g. `needs-review` for machine-assisted text. */
  state?: OverlayState;
  root?: string;
  recordsDir?: string;
}

export interface ImportResult {
  errors: string[];
  locale?: Locale;
  imported: number;
  skippedEmpty: number;
  unchanged: number;
  files: string[];
}

/** BCP 47 tag → platform locale (`fr-FR` → fr, `zh-Hant` → zh); undefined for another language. */
export function localeOfTag(tag: string): Locale | undefined {
  const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
  return isLocale(base) ? base : undefined;
}

// Inline tags such as <b> or {0}-style placeholders are not used in record texts; a tag in a translation
// that is not in its source is a tool or editing slip that would show up on the page.
const TAG = /<\/?[A-Za-z][^<>]*>|&[a-z]+;/g;
export const tagsOf = (s: string): string => (s.match(TAG) ?? []).sort().join(' ');

// XML turns CR LF into LF and PO tools re-wrap long lines: whitespace differences are not a changed source.
export const sameText = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function readTranslationFile(file: string): ParsedFile {
  return /\.csv$/i.test(file) ? readCsv(file) : readXliff(file);
}

export async function importTranslations(file: string, options: ImportOptions): Promise<ImportResult> {
  const rel = file;
  const errors: string[] = [];
  const err = (line: number, message: string) => errors.push(`${rel}:${line}: ${message}`);
  const isTmx = /\.tmx$/i.test(file);
  const parsed: ParsedFile = isTmx ? { units: [], errors: [] } : readTranslationFile(file);
  for (const e of parsed.errors) err(e.line, e.message);
  if (parsed.errors.length) return { errors, imported: 0, skippedEmpty: 0, unchanged: 0, files: [] };

  const declared = new Set(parsed.units.map((u) => u.lang).filter((l): l is string => !!l));
  let locale = options.locale;
  if (!locale) {
    const found = [...declared].map(localeOfTag);
    if (found.length && found.every((l) => l && l === found[0])) locale = found[0];
  }
  if (!locale) {
    err(1, `the file does not say its target language (one of zh, en, fr)${isTmx ? ' (a memory holds several)' : ''}: pass --locale`);
    return { errors, imported: 0, skippedEmpty: 0, unchanged: 0, files: [] };
  }
  const units = await collectUnits(locale, options.recordsDir ? { dir: options.recordsDir } : {});
  if (isTmx) {
    // A memory is matched on source text: segments no current record has are simply not used.
    const tm = readTmx(file, locale, units);
    for (const e of tm.errors) err(e.line, e.message);
    if (tm.errors.length) return { errors, locale, imported: 0, skippedEmpty: 0, unchanged: 0, files: [] };
    parsed.units = tm.units;
  }
  const accepted: { unit: Unit; imported: ImportedUnit }[] = [];
  const seen = new Map<string, number>();
  let skippedEmpty = 0;
  let unchanged = 0;
  for (const u of parsed.units) {
    if (u.lang && localeOfTag(u.lang) !== locale) {
      err(u.line, `unit "${u.id}": target language "${u.lang}" is not ${LOCALE_TAGS[locale]} (${locale})`);
      continue;
    }
    const unit = units.get(u.id);
    if (!unit) {
      err(u.line, `unknown unit "${u.id}": no current record has this text (changed or removed since the export?); export again`);
      continue;
    }
    if (u.source && sameText(u.source) !== sameText(unit.source)) {
      err(u.line, `unit "${u.id}": source text differs from the records' ("${unit.source.slice(0, 60)}"); export again`);
      continue;
    }
    if (seen.has(u.id)) {
      err(u.line, `unit "${u.id}" appears twice (first at line ${seen.get(u.id)})`);
      continue;
    }
    seen.set(u.id, u.line);
    const target = u.target.trim();
    if (!target) {
      skippedEmpty++;
      continue;
    }
    if (u.markup) {
      err(u.line, `unit "${u.id}": inline markup <${u.markup}> is not allowed; record texts are plain text`);
      continue;
    }
    if (tagsOf(target) !== tagsOf(unit.source)) {
      err(u.line, `unit "${u.id}": markup in the translation (${tagsOf(target) || 'none'}) does not match the source (${tagsOf(unit.source) || 'none'})`);
      continue;
    }
    if ([...target].length > unit.field.maxChars) {
      err(u.line, `unit "${u.id}": translation is ${[...target].length} characters, the ${unit.field.name} field allows ${unit.field.maxChars}`);
      continue;
    }
    // What the records already show (the source's own text, a glossary term, an earlier import) is not
    // re-credited to this file's translator.
    // A file that only changes a state (a reviewer approving) does count; a forced --state does not.
    if (unit.target === target && !unit.open && (unit.state === 'source' || options.state !== undefined || unit.state === u.state)) {
      unchanged++;
      continue;
    }
    accepted.push({ unit, imported: { ...u, target } });
  }
  if (errors.length) return { errors, locale, imported: 0, skippedEmpty, unchanged, files: [] };

  // Per collection, the units its records hold, upserted into that collection's overlay.
  const root = options.root ?? contentDir();
  const byCollection = new Map<string, OverlayUnit[]>();
  for (const { unit, imported } of accepted) {
    for (const [collection, ids] of unit.records) {
      const list = byCollection.get(collection) ?? [];
      list.push({
        id: unit.id,
        field: unit.field.name,
        sourceLang: unit.sourceLang,
        source: unit.source,
        target: imported.target,
        state: options.state ?? imported.state,
        translator: options.translator,
        records: ids,
      });
      byCollection.set(collection, list);
    }
  }
  const files: string[] = [];
  for (const [collection, list] of byCollection) {
    const file = overlayPath(locale, collection, root);
    const before = readOverlay(file);
    if (before && !before.ok) {
      errors.push(`${path.relative(process.cwd(), file)}:0: ${before.message}; fix or remove it before importing`);
      continue;
    }
    const merged = new Map((before?.overlay.units ?? []).map((u) => [u.id, u]));
    for (const u of list) merged.set(u.id, u);
    writeOverlay(file, { locale, collection, units: [...merged.values()] });
    files.push(file);
  }
  return { errors, locale, imported: accepted.length, skippedEmpty, unchanged, files };
}
