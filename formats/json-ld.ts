// schema.org JSON-LD for artifacts and collections. The one definition: the artifact and collection pages
// embed it (site/components/open-data/) and the JSON API serves it, so both always say the same thing.
// The @context is inline (@vocab = schema.org), so any JSON-LD processor expands it without fetching
// https://schema.org/ — tests included.
import { LOCALES, type Locale } from '../model/locales.ts';
import { rightsInfo } from '../model/rights.ts';
import type { Artifact, Collection, LangMap, Measurement } from '../model/schema.ts';
import type { ImageEntry } from './manifests/images.ts';
import { absolute, artifactPage, artifactUri, collectionPage, collectionUri, openDataPaths, siteOrigin } from './urls.ts';

export const JSON_LD_CONTEXT = {
  '@vocab': 'https://schema.org/',
  // Terms whose values are links, not text.
  url: { '@type': '@id' },
  license: { '@type': '@id' },
  sameAs: { '@type': '@id' },
  contentUrl: { '@type': '@id' },
  thumbnailUrl: { '@type': '@id' },
} as const;

export interface LangValue {
  '@value': string;
  '@language': string;
}
export type JsonLd = Record<string, unknown>;

/** Content language tags: content fields are keyed zh/en/fr; zh text may be traditional, so no script subtag. */
export function langValues(map: LangMap | undefined): LangValue[] | undefined {
  if (!map) return undefined;
  const out = LOCALES.flatMap((l) => (map[l] ? [{ '@value': map[l]!, '@language': l }] : []));
  return out.length ? out : undefined;
}

/** ISO 8601 year (astronomical numbering: 1 BCE is 0000), as schema.org Date wants; records count BCE as negative. */
export function isoYear(y: number): string {
  const astro = y < 0 ? y + 1 : y;
  return astro < 0 ? `-${String(-astro).padStart(4, '0')}` : String(astro).padStart(4, '0');
}

/** A single year, or an ISO 8601 interval `from/to` for a range. */
export function isoDate(date: Artifact['date']): string | undefined {
  if (!date || (date.from === undefined && date.to === undefined)) return undefined;
  const from = date.from ?? date.to!;
  const to = date.to ?? date.from!;
  return from === to ? isoYear(from) : `${isoYear(from)}/${isoYear(to)}`;
}

function imageObject(image: ImageEntry, origin: string): JsonLd {
  return {
    '@type': 'ImageObject',
    contentUrl: absolute(image.display.jpeg, origin),
    thumbnailUrl: absolute(image.thumb.jpeg, origin),
    width: image.display.width,
    height: image.display.height,
  };
}

/** Drops empty fields so the output only says what the record says. */
function compact(o: JsonLd): JsonLd {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)));
}

const many = (maps: LangMap[] | undefined): LangValue[] => (maps ?? []).flatMap((m) => langValues(m) ?? []);

/** schema.org has height, width, depth and weight for a VisualArtwork; other measurements stay in `size` text. */
const JSON_LD_MEASURES = ['height', 'width', 'depth', 'weight'] as const;
function measures(list: Measurement[] | undefined): JsonLd {
  const out: JsonLd = {};
  for (const m of list ?? [])
    if (m.kind && (JSON_LD_MEASURES as readonly string[]).includes(m.kind) && !(m.kind in out))
      out[m.kind] = { '@type': 'QuantitativeValue', value: m.value, unitText: m.unit };
  return out;
}

export interface ArtifactJsonLdOptions {
  collection: Pick<Collection, 'id' | 'title'>;
  image?: ImageEntry | undefined;
  /** The page the JSON-LD is embedded in; omitted in the API, which lists every locale's page. */
  locale?: Locale;
  origin?: string;
}

export function artifactJsonLd(a: Artifact, opts: ArtifactJsonLdOptions): JsonLd {
  const origin = opts.origin ?? siteOrigin();
  const materials = a.materials.flatMap((m) => langValues(m) ?? []);
  return compact({
    '@context': JSON_LD_CONTEXT,
    '@type': 'VisualArtwork',
    '@id': artifactUri(a.id, origin),
    url: opts.locale ? artifactPage(opts.locale, a.id, origin) : LOCALES.map((l) => artifactPage(l, a.id, origin)),
    name: langValues(a.title),
    alternateName: a.alternateTitles.flatMap((t) => langValues(t) ?? []),
    description: langValues(a.description),
    dateCreated: isoDate(a.date),
    temporalCoverage: langValues(a.date?.display ?? a.period),
    artform: [a.objectType, ...(a.otherObjectTypes ?? [])].flatMap((t) => langValues(t) ?? []),
    artMedium: materials,
    size: langValues(a.dimensions),
    ...measures(a.measurements),
    additionalType: many(a.classifications),
    genre: many(a.movements),
    keywords: many(a.subjects),
    creator: a.makers.map((m) => compact({ '@type': 'Person', name: langValues(m.name), description: langValues(m.role) })),
    locationCreated: a.places.filter((p) => p.role === 'origin').map((p) => ({ '@type': 'Place', name: langValues(p.name) })),
    license: a.rights,
    creditText: langValues(a.credit),
    copyrightNotice: rightsInfo(a.rights).name.en,
    isPartOf: { '@type': 'Collection', '@id': collectionUri(opts.collection.id, origin), name: langValues(opts.collection.title) },
    identifier: [
      { '@type': 'PropertyValue', propertyID: 'id', value: a.id },
      ...a.identifiers.map((i) => ({ '@type': 'PropertyValue', propertyID: i.scheme, value: i.value })),
    ],
    image: opts.image ? imageObject(opts.image, origin) : undefined,
    sameAs: a.sourceUrl,
    subjectOf: { '@type': 'Dataset', url: absolute(openDataPaths.apiArtifact(a.id), origin), encodingFormat: 'application/json' },
  });
}

export interface CollectionJsonLdOptions {
  count: number;
  locale?: Locale;
  origin?: string;
}

/** A collection is both a schema.org Collection and a Dataset, so its bulk downloads are findable as data. */
export function collectionJsonLd(c: Collection, opts: CollectionJsonLdOptions): JsonLd {
  const origin = opts.origin ?? siteOrigin();
  const download = (path: string, format: string) => ({ '@type': 'DataDownload', contentUrl: absolute(path, origin), encodingFormat: format });
  return compact({
    '@context': JSON_LD_CONTEXT,
    '@type': ['Collection', 'Dataset'],
    '@id': collectionUri(c.id, origin),
    url: opts.locale ? collectionPage(opts.locale, c.id, origin) : LOCALES.map((l) => collectionPage(l, c.id, origin)),
    name: langValues(c.title),
    description: langValues(c.description),
    license: c.rights,
    creditText: langValues(c.credit),
    sourceOrganization: c.holder ? { '@type': 'Organization', name: langValues(c.holder) } : undefined,
    collectionSize: opts.count,
    sameAs: c.sourceUrl,
    distribution: [
      download(openDataPaths.csv(c.id), 'text/csv'),
      download(openDataPaths.jsonl(c.id), 'application/jsonl'),
      download(openDataPaths.oai(c.id), 'application/xml'),
      download(openDataPaths.apiCollection(c.id), 'application/json'),
    ],
  });
}

/** JSON for inside `<script type="application/ld+json">`: `<`, `>` and `&` as \u escapes, so no text in a
 * record (`</script>`, `<!--`) can end the script element; U+2028/9 too, for old JS parsers. Still valid JSON. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
