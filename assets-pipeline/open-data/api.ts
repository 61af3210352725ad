// The static JSON API: one file per artifact, a paged listing and an index per collection, and /api/index.json.
// Every document carries its licence and links to its pages, its JSON-LD and its downloads, so a client
// that finds one file can walk to everything else.
import { LOCALES } from '../../model/locales.ts';
import { rightsInfo } from '../../model/rights.ts';
import type { Artifact, Collection, Stored } from '../../model/schema.ts';
import type { ImageEntry } from '../../formats/manifests/images.ts';
import { artifactJsonLd, collectionJsonLd, type JsonLd } from '../../formats/json-ld.ts';
import { absolute, artifactPage, CITATION_EXT, collectionPage, openDataPaths, siteOrigin, type CitationFormat } from '../../formats/urls.ts';

/** Items per listing page: small enough to fetch quickly, few enough files at 150k (750 pages). */
export const API_PAGE_SIZE = 200;
export const API_VERSION = 1;

const pages = (build: (l: (typeof LOCALES)[number]) => string) => Object.fromEntries(LOCALES.map((l) => [l, build(l)]));

function licence(uri: string) {
  const r = rightsInfo(uri);
  return { uri, label: r.name, attributionRequired: r.attributionRequired };
}

function imageLinks(image: ImageEntry | undefined, origin: string) {
  if (!image) return undefined;
  return {
    thumbnail: absolute(image.thumb.jpeg, origin),
    display: absolute(image.display.jpeg, origin),
    iiifInfo: absolute(image.iiif.infoUrl, origin),
    width: image.width,
    height: image.height,
  };
}

export interface ArtifactDocInput {
  artifact: Stored<Artifact>;
  collection: Pick<Collection, 'id' | 'title'>;
  image: ImageEntry | undefined;
  origin?: string;
}

export function artifactApiDoc({ artifact, collection, image, origin = siteOrigin() }: ArtifactDocInput): Record<string, unknown> {
  const { hash, ...record } = artifact;
  return {
    apiVersion: API_VERSION,
    id: artifact.id,
    version: hash,
    licence: licence(artifact.rights),
    links: {
      self: absolute(openDataPaths.apiArtifact(artifact.id), origin),
      pages: pages((l) => artifactPage(l, artifact.id, origin)),
      collection: absolute(openDataPaths.apiCollection(collection.id), origin),
      citations: Object.fromEntries((Object.keys(CITATION_EXT) as CitationFormat[]).map((f) => [f, absolute(openDataPaths.citation(artifact.id, f), origin)])),
      images: imageLinks(image, origin),
    },
    record,
    jsonLd: artifactJsonLd(artifact, { collection, image, origin }),
  };
}

/** What a listing page holds per artifact: enough to show a result, with a link to the full record. */
export function artifactSummary(a: Artifact, image: ImageEntry | undefined, origin = siteOrigin()): Record<string, unknown> {
  return {
    id: a.id,
    title: a.title,
    ...(a.date?.display ? { date: a.date.display } : {}),
    ...(a.objectType ? { objectType: a.objectType } : {}),
    rights: a.rights,
    ...(image ? { thumbnail: absolute(image.thumb.jpeg, origin) } : {}),
    href: absolute(openDataPaths.apiArtifact(a.id), origin),
  };
}

export function collectionPageDoc(
  slug: string,
  page: number,
  lastPage: number,
  items: Record<string, unknown>[],
  origin = siteOrigin(),
): Record<string, unknown> {
  const link = (n: number) => absolute(openDataPaths.apiCollectionPage(slug, n), origin);
  return {
    apiVersion: API_VERSION,
    collection: absolute(openDataPaths.apiCollection(slug), origin),
    page,
    lastPage,
    ...(page > 1 ? { prev: link(page - 1) } : {}),
    ...(page < lastPage ? { next: link(page + 1) } : {}),
    items,
  };
}

export function collectionApiDoc(c: Stored<Collection>, count: number, origin = siteOrigin()): Record<string, unknown> {
  const { hash, ...record } = c;
  const lastPage = Math.max(1, Math.ceil(count / API_PAGE_SIZE));
  return {
    apiVersion: API_VERSION,
    id: c.id,
    version: hash,
    count,
    pageSize: API_PAGE_SIZE,
    lastPage,
    licence: licence(c.rights),
    links: {
      self: absolute(openDataPaths.apiCollection(c.id), origin),
      first: absolute(openDataPaths.apiCollectionPage(c.id, 1), origin),
      pages: pages((l) => collectionPage(l, c.id, origin)),
      downloads: {
        csv: absolute(openDataPaths.csv(c.id), origin),
        jsonl: absolute(openDataPaths.jsonl(c.id), origin),
        readme: absolute(openDataPaths.downloadReadme(c.id), origin),
        oaiPmhStaticRepository: absolute(openDataPaths.oai(c.id), origin),
      },
    },
    record,
    jsonLd: collectionJsonLd(c, { count, origin }) as JsonLd,
  };
}

export function apiIndexDoc(collections: { c: Stored<Collection>; count: number }[], origin = siteOrigin()): Record<string, unknown> {
  return {
    apiVersion: API_VERSION,
    description:
      'Static open-data API: every collection, its paged artifact listings, one JSON file per artifact, bulk downloads, ' +
      'OAI-PMH static repositories and citation files.',
    sitemap: absolute(openDataPaths.sitemapIndex, origin),
    collections: collections.map(({ c, count }) => ({
      id: c.id,
      title: c.title,
      count,
      rights: c.rights,
      href: absolute(openDataPaths.apiCollection(c.id), origin),
    })),
  };
}
