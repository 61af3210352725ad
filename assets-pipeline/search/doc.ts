// What the search index is built from. Every content type becomes SearchDocs through an adapter here, so a
// new type (scene, drama, subtitle cue) is one more adapter, not a second engine.
import { artifactPath, collectionPath } from '../../formats/urls.ts';
import { namedMaker } from '../../formats/pages/card.ts';
import type { DocType } from '../../formats/search-index/layout.ts';
import type { Artifact, Collection, LangMap, Stored } from '../../model/schema.ts';
import { rightsInfo } from '../../model/rights.ts';
import { LOCALES } from '../../model/locales.ts';

export type { DocType };

export interface SearchDoc {
  type: DocType;
  /** Unique within its type. */
  id: string;
  /** Path below `/{locale}/`, e.g. `artifacts/abc/`. */
  href: string;
  title: LangMap;
  /** Makers and other names: ranked below the title, above other text. */
  names?: LangMap[];
  /** Everything else worth finding: alternate titles, description, inscriptions, culture, places… */
  text?: LangMap[];
  /** One display line under the title (maker · period). */
  subtitle?: LangMap;
  /** Thumbnail URL, absolute or root-relative. */
  thumbnail?: string;
  facets: {
    collection?: string;
    period?: LangMap;
    objectType?: LangMap;
    materials?: LangMap[];
    /** Normalized rights URI. */
    rights?: string;
    has3d?: boolean;
    yearFrom?: number;
    yearTo?: number;
  };
}

export interface ArtifactDocOptions {
  /** The published thumbnail URL of a record, when the image stage made one. */
  thumbnail?: (record: Stored<Artifact>) => string | undefined;
}

const defined = <T>(values: (T | undefined)[]): T[] => values.filter((v): v is T => v !== undefined);

function joinMaps(maps: LangMap[], sep: string): LangMap | undefined {
  const out: Record<string, string> = {};
  for (const l of LOCALES) {
    const parts = maps.map((m) => m[l]).filter((t): t is string => !!t);
    if (parts.length) out[l] = parts.join(sep);
  }
  return Object.keys(out).length ? (out as LangMap) : undefined;
}

/** One document per artifact today; a list so inscriptions or views can become documents of their own. */
export function artifactToDocs(record: Stored<Artifact>, options: ArtifactDocOptions = {}): SearchDoc[] {
  const names = record.makers.map((m) => m.name);
  const text = defined<LangMap>([
    ...record.alternateTitles,
    record.description,
    record.culture,
    record.period,
    record.objectType,
    ...(record.otherPeriods ?? []),
    ...(record.otherObjectTypes ?? []),
    ...(record.classifications ?? []),
    ...(record.movements ?? []),
    ...(record.subjects ?? []),
    ...record.materials,
    record.notes,
    record.date?.display,
    ...record.inscriptions.flatMap((i) => defined([i.title, i.text])),
    ...record.places.map((p) => p.name),
    { en: record.sourceId },
    ...record.identifiers.map((i) => ({ en: i.value })),
  ]);
  const subtitle = joinMaps(defined([namedMaker(record.makers), record.period, record.date?.display]), ' · ');
  const doc: SearchDoc = {
    type: 'artifact',
    id: record.id,
    href: artifactPath(record.id).slice(1),
    title: record.title,
    names,
    text,
    facets: {
      collection: record.collection,
      period: record.period,
      objectType: record.objectType,
      materials: record.materials,
      rights: record.rights,
      has3d: record.media.some((m) => m.kind === 'model'),
      yearFrom: record.date?.from ?? record.date?.to,
      yearTo: record.date?.to ?? record.date?.from,
    },
  };
  if (subtitle) doc.subtitle = subtitle;
  const thumb = options.thumbnail?.(record);
  if (thumb) doc.thumbnail = thumb;
  return [doc];
}

export function collectionToDoc(record: Stored<Collection>): SearchDoc {
  const doc: SearchDoc = {
    type: 'collection',
    id: record.id,
    href: collectionPath(record.id).slice(1),
    title: record.title,
    text: defined([record.description, record.holder, record.credit]),
    facets: { collection: record.id, rights: record.rights },
  };
  if (record.holder) doc.subtitle = record.holder;
  return doc;
}

/** Facet label for a rights URI, in all three languages. */
export function rightsLabel(uri: string): { key: string; label: LangMap } {
  try {
    const info = rightsInfo(uri);
    return { key: info.key, label: info.name };
  } catch {
    return { key: uri, label: { en: uri } };
  }
}
