// Ingest's one call into the translation workflow: fills each record's missing languages from the overlays
// in content/translations/<locale>/<collection>.json (then from the glossary for controlled values) and notes
// per locale which fields were filled, by whom, and in what review state. The source's own text always wins:
// an overlay only fills a gap. A record whose text has changed since it was translated keeps showing the old
// translation, marked "stale", until a translator looks at it again.
import { LOCALES, type Locale } from '../../model/locales.ts';
import type { Artifact, LangMap, Stored, TranslationInfo, TranslationState } from '../../model/schema.ts';
import { contentDir } from '../../model/paths.ts';
import type { Problems } from '../ingest/problems.ts';
import { fieldMaps, sourceLangFor, stateKey, TRANSLATABLE_FIELDS } from '../../formats/translations/fields.ts';
import { GLOSSARY_CREDIT, glossaryTarget } from './glossary.ts';
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

const WORSE: TranslationState[] = ['reviewed', 'translated', 'needs-review', 'stale'];
const worst = (a: TranslationState | undefined, b: TranslationState): TranslationState => (a && WORSE.indexOf(a) > WORSE.indexOf(b) ? a : b);

/** Returns the records with translations merged (and new hashes where anything changed). */
export function applyTranslations(
  collection: string,
  artifacts: Stored<Artifact>[],
  problems: Problems,
  root = contentDir(),
  rehash: (record: object) => string = () => '',
): Stored<Artifact>[] {
  const overlays = loadOverlays(collection, root, problems);
  return artifacts.map((record) => {
    const fills: { map: LangMap; locale: Locale; text: string }[] = [];
    const info: Partial<Record<Locale, TranslationInfo>> = {};
    const note = (locale: Locale, field: string, state: TranslationState, credit: string) => {
      const i = (info[locale] ??= { credits: [], fields: {} });
      i.fields[field] = worst(i.fields[field], state);
      if (!i.credits.includes(credit)) i.credits.push(credit);
    };
    for (const field of TRANSLATABLE_FIELDS) {
      for (const [i, map] of fieldMaps(record, field).entries()) {
        const key = stateKey(field, i);
        for (const locale of LOCALES) {
          if (map[locale] !== undefined) continue;
          // Decided on the source's own languages only: fills of other locales are applied after this loop.
          const sl = sourceLangFor(map, locale);
          if (!sl) continue;
          const ov = overlays.get(locale);
          const unit = ov?.bySource.get(sourceKey(field.name, sl, map[sl]!));
          if (unit) {
            fills.push({ map, locale, text: unit.target });
            note(locale, key, unit.state, unit.translator);
            continue;
          }
          const changed = field.list ? undefined : ov?.byRecord.get(record.id)?.get(field.name);
          if (changed) {
            fills.push({ map, locale, text: changed.target });
            note(locale, key, 'stale', changed.translator);
            continue;
          }
          const term = field.controlled && glossaryTarget(field.controlled, map, locale);
          if (term) {
            fills.push({ map, locale, text: term });
            note(locale, key, 'translated', GLOSSARY_CREDIT);
          }
        }
      }
    }
    if (!fills.length) return record;
    // Records are shared with the caller's other structures: copy the maps before filling them.
    const copy = structuredClone(record);
    const copies = new Map<LangMap, LangMap>();
    for (const field of TRANSLATABLE_FIELDS) {
      const before = fieldMaps(record, field);
      const after = fieldMaps(copy, field);
      before.forEach((m, i) => {
        copies.set(m, after[i]!);
      });
    }
    for (const f of fills) copies.get(f.map)![f.locale] = f.text;
    const { hash: _old, ...rest } = { ...copy, translations: info };
    return { ...rest, hash: rehash(rest) };
  });
}
