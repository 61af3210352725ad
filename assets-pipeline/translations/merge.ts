// Ingest's one call into the translation workflow: fills each record's missing languages from the overlays
// in content/translations/<locale>/<collection>.json (then from the glossary for controlled values) and notes
// per locale which fields were filled, by whom, and in what review state. The source's own text always wins:
// an overlay only fills a gap. A record whose text has changed since it was translated keeps showing the old
// translation, marked "stale", until a translator looks at it again.
import { LOCALES, type Locale } from '../../model/locales.ts';
import type { Artifact, LangMap, TranslationInfo, TranslationState } from '../../model/schema.ts';
import { contentDir } from '../../model/paths.ts';
import type { Problems } from '../ingest/problems.ts';
import { fieldMaps, GLOSSARY_CREDIT, sourceLangFor, stateKey, TRANSLATABLE_FIELDS } from '../../formats/translations/fields.ts';
import { glossaryTarget } from './glossary.ts';
import { overlayFilesFor, readOverlay, type OverlayUnit } from './overlay.ts';

interface LocaleOverlay {
  bySource: Map<string, OverlayUnit>;
  /** record id → field → unit, for scalar fields: finds the translation of a text that has changed since. */
  byRecord: Map<string, Map<string, OverlayUnit>>;
}

const sourceKey = (field: string, lang: Locale, text: string): string => `${field}\n${lang}\n${text}`;

function loadOverlays(collection: string, root: string, problems: Problems): Map<Locale, LocaleOverlay> {
  const out = new Map<Locale, LocaleOverlay>();
  for (const { locale, file } of overlayFilesFor(collection, root)) {
    const read = readOverlay(file);
    if (!read) continue;
    if (!read.ok) {
      // A broken overlay must not stop the source data from publishing: its translations are left out, loudly.
      problems.warn(file, 0, '-', `${read.message}; its translations are not applied`);
      continue;
    }
    const bySource = new Map<string, OverlayUnit>();
    const byRecord = new Map<string, Map<string, OverlayUnit>>();
    for (const u of read.overlay.units) {
      bySource.set(sourceKey(u.field, u.sourceLang, u.source), u);
      for (const id of u.records) {
        let m = byRecord.get(id);
        if (!m) byRecord.set(id, (m = new Map()));
        m.set(u.field, u);
      }
    }
    out.set(locale, { bySource, byRecord });
  }
  return out;
}

const sameText = (a: string, b: string): boolean => a.trim() === b.trim();

const WORSE: TranslationState[] = ['reviewed', 'translated', 'needs-review', 'stale'];
const worst = (a: TranslationState | undefined, b: TranslationState): TranslationState => (a && WORSE.indexOf(a) > WORSE.indexOf(b) ? a : b);

type Fills = Map<LangMap, LangMap>;
type Info = Partial<Record<Locale, TranslationInfo>>;

function addFill(fills: Fills, map: LangMap, locale: Locale, text: string): void {
  const f = fills.get(map) ?? {};
  f[locale] = text;
  fills.set(map, f);
}

function note(info: Info, locale: Locale, field: string, state: TranslationState, credit: string): void {
  const i = (info[locale] ??= { credits: [], fields: {} });
  i.fields[field] = worst(i.fields[field], state);
  if (!i.credits.includes(credit)) i.credits.push(credit);
}

/** A function merging translations into one record at a time (the importer calls it as it reads each row, so a
 * collection's records are held once, not as a list before and a list after): the record itself when nothing is
 * filled, else a copy with the filled maps copied (the others shared) and `translations` noted. */
export function translationMerger(collection: string, problems: Problems, root = contentDir()): (record: Artifact) => Artifact {
  const overlays = loadOverlays(collection, root, problems);
  return (record) => {
    const fills: Fills = new Map();
    const info: Info = {};
    for (const field of TRANSLATABLE_FIELDS) {
      for (const [i, map] of fieldMaps(record, field).entries()) {
        const key = stateKey(field, i);
        for (const locale of LOCALES) {
          if (map[locale] !== undefined) continue;
          // Decided on the source's own languages only: fills of other locales are applied after this loop.
          const sl = sourceLangFor(map, locale);
          if (!sl) continue;
          const ov = overlays.get(locale);
          const found = ov?.bySource.get(sourceKey(field.name, sl, map[sl]!));
          // A "translation" that repeats the source's text (a museum's English name kept on the French page) is
          // still text in the source's language: it is no translation, so the vocabulary may still name the value,
          // else the page shows the source's text, marked, like any value the locale lacks.
          const unit = found && !sameText(found.target, map[sl]!) ? found : undefined;
          if (unit) {
            addFill(fills, map, locale, unit.target);
            note(info, locale, key, unit.state, unit.translator);
            continue;
          }
          const changed = field.list ? undefined : ov?.byRecord.get(record.id)?.get(field.name);
          if (changed && !sameText(changed.target, map[sl]!)) {
            addFill(fills, map, locale, changed.target);
            note(info, locale, key, 'stale', changed.translator);
            continue;
          }
          const term = field.controlled && glossaryTarget(field.controlled, map, locale);
          if (term) {
            addFill(fills, map, locale, term);
            note(info, locale, key, 'translated', GLOSSARY_CREDIT);
          }
        }
      }
    }
    if (!fills.size) return record;
    // Maps may be shared with other records or structures: the filled ones are copied, in their field's order.
    const copy: Record<string, unknown> = { ...record };
    for (const field of TRANSLATABLE_FIELDS) {
      const maps = fieldMaps(record, field);
      if (!maps.some((m) => fills.has(m))) continue;
      const filled = maps.map((m) => (fills.has(m) ? { ...m, ...fills.get(m) } : m));
      copy[field.name] = field.list ? filled : filled[0];
    }
    return { ...(copy as Artifact), translations: info };
  };
}
