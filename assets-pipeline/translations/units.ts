// Translation units of one target locale, gathered from the published records: one unit per distinct
// (field, source language, source text), however many records share it, with the context a translator
// needs and the translation the record already has.
import { type Locale, LOCALES } from '../../model/locales.ts';
import { recordsDir } from '../../model/paths.ts';
import type { Artifact, TranslationState } from '../../model/schema.ts';
import { readCollections, streamArtifacts } from '../../model/store.ts';
import { imageKey, readImageManifest, type ImageManifest } from '../../formats/manifests/images.ts';
import { artifactPage, siteOrigin } from '../../formats/urls.ts';
import { fieldMaps, sourceLangFor, stateKey, TRANSLATABLE_FIELDS, type TranslatableField } from '../../formats/translations/fields.ts';
import { unitId } from './overlay.ts';

/** A record's current state for a unit: from the source data, or filled by the workflow. */
export type UnitState = TranslationState | 'source';

export interface Unit {
  id: string;
  field: TranslatableField;
  sourceLang: Locale;
  source: string;
  /** The text the records show in the target locale now, if any. */
  target?: string;
  state?: UnitState;
  /** Records holding the source text but no text in the target locale: the unit is still to translate even
   * where another record already has a translation (offered as the target to confirm). */
  open: number;
  /** Per collection, the ids of the records holding this text. */
  records: Map<string, string[]>;
  thumbnail?: string;
}

export const unitRecordCount = (u: Unit): number => [...u.records.values()].reduce((n, ids) => n + ids.length, 0);

export const artifactUrl = (locale: Locale, id: string): string => artifactPage(locale, id);

function thumbnailOf(record: Artifact, images: ImageManifest): string | undefined {
  for (const m of record.media) {
    const entry = m.kind === 'image' && m.path ? images[imageKey(record.collection, m.path)] : undefined;
    if (entry) return `${siteOrigin()}${entry.thumb.jpeg}`;
  }
  return undefined;
}

export interface UnitsOptions {
  collections?: readonly string[];
  dir?: string;
}

export async function collectUnits(locale: Locale, options: UnitsOptions = {}): Promise<Map<string, Unit>> {
  const dir = options.dir ?? recordsDir();
  let images: ImageManifest = {};
  try {
    images = readImageManifest();
  } catch {
    // No image stage run yet: units simply carry no thumbnail.
  }
  const units = new Map<string, Unit>();
  // By field and language, then text: the id is a hash, made once per distinct text rather than once per
  // record (a material or a holder is the same text in most of 150k records).
  const byText = new Map<string, Map<string, Unit>>();
  const hasImages = Object.keys(images).length > 0;
  const noneFilled: ReadonlySet<Locale> = new Set();
  const wanted = options.collections?.length ? new Set(options.collections) : undefined;
  for (const c of readCollections(dir)) {
    if (wanted && !wanted.has(c.id)) continue;
    for await (const record of streamArtifacts(c.id, dir)) {
      const filled = record.translations;
      // Looked up once per record, and only for a unit that has no thumbnail yet.
      let thumbnail: string | undefined | null = hasImages ? null : undefined;
      for (const field of TRANSLATABLE_FIELDS) {
        for (const [i, map] of fieldMaps(record, field).entries()) {
          const key = stateKey(field, i);
          // A language filled by the workflow is not a source: French is never made from a French-made English.
          const notSource = filled ? new Set(LOCALES.filter((l) => filled[l]?.fields[key] !== undefined)) : noneFilled;
          const sl = sourceLangFor(map, locale, notSource);
          if (!sl) continue;
          const source = map[sl]!;
          const groupKey = `${field.name}\n${sl}`;
          let group = byText.get(groupKey);
          if (!group) byText.set(groupKey, (group = new Map()));
          let u = group.get(source);
          if (!u) {
            const id = unitId(field.name, sl, source);
            u = { id, field, sourceLang: sl, source, records: new Map(), open: 0 };
            units.set(id, u);
            group.set(source, u);
          }
          const target = map[locale];
          if (target === undefined) u.open++;
          else if (u.target === undefined) {
            u.target = target;
            u.state = filled?.[locale]?.fields[key] ?? 'source';
          }
          let ids = u.records.get(c.id);
          if (!ids) u.records.set(c.id, (ids = []));
          if (ids[ids.length - 1] !== record.id) ids.push(record.id);
          if (u.thumbnail === undefined && thumbnail !== undefined) {
            thumbnail ??= thumbnailOf(record, images);
            if (thumbnail) u.thumbnail = thumbnail;
          }
        }
      }
    }
  }
  return units;
}
