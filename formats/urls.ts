// Where every published page and file lives, as site-root paths. The stages write to these paths under dist/
// and the pages link to the same paths, so a route change is one edit. Pure (no fs): Astro bundles it into pages.
import { LOCALES, type Locale } from '../model/locales.ts';

/** The public origin, the same setting astro.config.mjs uses for `site`. */
export function siteOrigin(): string {
  return (process.env.HERITAGE_SITE_URL || 'http://localhost:4321').replace(/\/+$/, '');
}

const enc = encodeURIComponent;

export const openDataPaths = {
  apiIndex: '/api/index.json',
  apiArtifact: (id: string): string => `/api/artifacts/${enc(id)}.json`,
  apiCollection: (slug: string): string => `/api/collections/${slug}.json`,
  apiCollectionPage: (slug: string, page: number): string => `/api/collections/${slug}/page-${page}.json`,
  citation: (id: string, format: CitationFormat): string => `/cite/${enc(id)}.${CITATION_EXT[format]}`,
  downloadDir: (slug: string): string => `/downloads/${slug}/`,
  csv: (slug: string): string => `/downloads/${slug}/${slug}.csv`,
  jsonl: (slug: string): string => `/downloads/${slug}/${slug}.jsonl`,
  downloadReadme: (slug: string): string => `/downloads/${slug}/README.txt`,
  oai: (slug: string): string => `/oai/${slug}.xml`,
  sitemapIndex: '/sitemap.xml',
  sitemap: (n: number): string => `/sitemaps/sitemap-${n}.xml`,
};

/** An artifact's IIIF Presentation 3 manifest. */
export const iiifManifestPath = (artifactId: string): string => `/iiif/manifests/${enc(artifactId)}.json`;

export type CitationFormat = 'bibtex' | 'ris' | 'csl';
export const CITATION_EXT: Record<CitationFormat, string> = { bibtex: 'bib', ris: 'ris', csl: 'csl.json' };

/** A site-root path as the file it is written to, relative to dist/ (ids are decoded back to their letters). */
export const fileOf = (urlPath: string): string => decodeURIComponent(urlPath.replace(/^\//, ''));

export const absolute = (urlPath: string, origin = siteOrigin()): string => (/^https?:/.test(urlPath) ? urlPath : `${origin}${urlPath}`);

/** Page URLs, matching site/lib/urls.ts (`trailingSlash: 'always'`). */
export const artifactPage = (locale: Locale, id: string, origin = siteOrigin()): string => `${origin}/${locale}/artifacts/${enc(id)}/`;
export const collectionPage = (locale: Locale, slug: string, origin = siteOrigin()): string => `${origin}/${locale}/collections/${slug}/`;

/** A language-neutral identity for a record: the default-locale page plus a fragment naming the thing, not the page. */
export const artifactUri = (id: string, origin = siteOrigin()): string => `${artifactPage(LOCALES[0], id, origin)}#object`;
export const collectionUri = (slug: string, origin = siteOrigin()): string => `${collectionPage(LOCALES[0], slug, origin)}#collection`;
