// Where every published page and file lives, as site-root paths. The stages write to these paths under dist/
// and the pages link to the same paths, so a route change is one edit. Pure (no fs): Astro bundles it into pages.
import type { Drama } from '../model/drama.ts';
import { isLocale, LOCALES, type Locale } from '../model/locales.ts';

/** The public origin, the same setting astro.config.mjs uses for `site`. */
export function siteOrigin(): string {
  return configuredSiteOrigin() ?? 'http://localhost:4321';
}

/** The origin the site is built for (`HERITAGE_SITE_URL`), or undefined when the build was not told: then files
 * that need an absolute address (sitemaps, JSON-LD, citation files) name the local server's, and what a visitor
 * reads or copies from a page (citation, shared link, a download's metadata) is the page's own address, taken
 * in the browser. */
export function configuredSiteOrigin(): string | undefined {
  return process.env.HERITAGE_SITE_URL?.replace(/\/+$/, '') || undefined;
}

/** The address of a page as a visitor should cite and share it: absolute on the configured origin, else its path
 * (resolved against the address bar in the browser: site/components/common/page-address.ts). */
export const visitorAddress = (pagePath: string): string => {
  const origin = configuredSiteOrigin();
  return origin ? `${origin}${pagePath}` : pagePath;
};

const enc = encodeURIComponent;

// Site pages, below the locale (`trailingSlash: 'always'` in astro.config.mjs).
export const localePath = (locale: Locale, path = '/'): string => `/${locale}${path.startsWith('/') ? path : `/${path}`}`;
export const artifactPath = (id: string): string => `/artifacts/${enc(id)}/`;
export const collectionPath = (slug: string, page = 1): string => `/collections/${slug}/${page > 1 ? `${page}/` : ''}`;
export const COLLECTION_PAGE_SIZE = 48;
/** A collection's listing in another order than the catalogue's (site/lib/collection-sort.ts). */
export const COLLECTION_SORTS = ['title', 'date'] as const;
export type CollectionSort = (typeof COLLECTION_SORTS)[number];
/** A collection's listing page in one order: the catalogue order is the collection page itself. */
export const collectionSortPath = (slug: string, sort: CollectionSort | undefined, page = 1): string =>
  sort ? `/collections/${slug}/sort/${sort}/${page > 1 ? `${page}/` : ''}` : collectionPath(slug, page);
/** The browse index, a facet's values, or one value's artifacts. */
export const browsePath = (facet?: string, value?: string): string => (facet ? `/browse/${facet}/${value ? `${value}/` : ''}` : '/browse/');
export const scenePath = (id: string): string => `/scenes/${id}/`;
/** The data a scene page's monitoring charts fetch when they start (the page itself shows it as tables). */
export const sceneMonitoringPath = (id: string): string => `${scenePath(id)}monitoring.json`;
/** A scene's monitoring data as tables: the charts' accessible alternative. */
export const sceneDataPath = (id: string): string => `${scenePath(id)}data/`;
/** One year of one monitoring dataset's readings, a page of the scene's data (the data page summarizes them). */
export const sceneDataYearPath = (id: string, dataset: string, year: number): string => `${sceneDataPath(id)}${dataset}/${year}/`;
export const PANORAMAS_PATH = '/panoramas/';
export const panoramaPath = (id: string): string => `${PANORAMAS_PATH}${id}/`;
/** What a panorama address asks the viewer to show on arrival: a direction and a variant (a season, a phase). */
export interface PanoramaLook {
  /** Degrees (yaw -180–180, pitch -90–90) and zoom 0–100. */
  view?: { yaw: number; pitch: number; zoom: number };
  variant?: string;
}
/** The fragment of a panorama address: `#view=yaw,pitch,zoom&variant=id` (either part alone), or '' for neither. */
export const panoramaHash = ({ view, variant }: PanoramaLook): string => {
  const parts = [...(view ? [`view=${view.yaw},${view.pitch},${view.zoom}`] : []), ...(variant ? [`variant=${enc(variant)}`] : [])];
  return parts.length ? `#${parts.join('&')}` : '';
};
/** A panorama page looking a given way, in a given variant. */
export const panoramaViewPath = (id: string, view?: PanoramaLook['view'], variant?: string): string => `${panoramaPath(id)}${panoramaHash({ view, variant })}`;
/** Reads what `panoramaViewPath` wrote (a `location.hash`); a part out of range or malformed is left out. */
export function panoramaLook(hash: string): PanoramaLook {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const out: PanoramaLook = {};
  const m = /^(-?[\d.]+),(-?[\d.]+),([\d.]+)$/.exec(params.get('view') ?? '');
  if (m) {
    const [yaw, pitch, zoom] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (Math.abs(yaw) <= 180 && Math.abs(pitch) <= 90 && zoom >= 0 && zoom <= 100) out.view = { yaw, pitch, zoom };
  }
  const variant = params.get('variant');
  if (variant && /^[a-z0-9][a-z0-9-]*$/.test(variant)) out.variant = variant;
  return out;
}
export const LIVE_PATH = '/live/';
export const livePath = (id: string): string => `${LIVE_PATH}${id}/`;
export const dramaPath = (id: string): string => `/dramas/${id}/`;
export const dramaQcPath = (id: string): string => `/dramas/${id}/qc/`;
/** One subtitle track's QC findings, page 1; later pages add `n/`. */
export const dramaQcTrackPath = (id: string, episode: string, lang: string): string => `${dramaQcPath(id)}${enc(episode)}/${enc(lang)}/`;
export const SEARCH_PATH = '/search/';
/** Curators' translation coverage per collection, field and locale (`translations status` as a page). */
export const TRANSLATIONS_PATH = '/translations/';
/** The not-found page for a missing address: its locale's own (`/fr/404.html`), else the one in every language. */
export function notFoundPath(urlPath: string): string {
  const first = urlPath.split('/')[1] ?? '';
  return isLocale(first) ? `/${first}/404.html` : '/404.html';
}
/** The `?t=` value of a moment in a film: seconds, to a tenth. */
export const timeParam = (seconds: number): string => String(Math.floor(seconds * 10) / 10);
/** What an episode's address needs of its drama. */
type DramaEpisodes = { id: string; episodes: readonly Pick<Drama['episodes'][number], 'id'>[] };
/** An episode's page below the locale, at a moment when `seconds` is given; the first episode is the drama page. */
export function episodePath(d: DramaEpisodes, episodeId: string, seconds?: number): string {
  const first = d.episodes[0]!.id === episodeId;
  const base = first ? dramaPath(d.id) : `${dramaPath(d.id)}${episodeId}/`;
  return seconds === undefined ? base : `${base}?t=${timeParam(seconds)}`;
}
/** Page URL of an episode (with its locale). */
export const episodeUrl = (locale: Locale, d: DramaEpisodes, episodeId: string, seconds?: number): string =>
  localePath(locale, episodePath(d, episodeId, seconds));
export const MAP_PATH = '/map/';
/** A place's entry in the globe page's list of places (its HTML id). */
export const placeAnchor = (id: string): string => `place-${enc(id)}`;
/** A tile of the Natural Earth II imagery the cesium stage publishes with CesiumJS (geodetic TMS: 2 × 1 tiles at
 * level 0, `y` counted from the south). */
export const naturalEarthTile = (level: number, x: number, y: number): string => `/cesium/Assets/Textures/NaturalEarthII/${level}/${x}/${y}.jpg`;

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
  /** A scene's monitoring series: one CSV per dataset, and all of them with their units and labels as JSON. */
  monitoringCsv: (scene: string, dataset: string): string => `/downloads/monitoring/${scene}/${dataset}.csv`,
  monitoringJson: (scene: string): string => `/downloads/monitoring/${scene}/monitoring.json`,
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

/** Absolute page URLs. */
export const artifactPage = (locale: Locale, id: string, origin = siteOrigin()): string => `${origin}${localePath(locale, artifactPath(id))}`;
export const collectionPage = (locale: Locale, slug: string, origin = siteOrigin()): string => `${origin}${localePath(locale, collectionPath(slug))}`;

/** A language-neutral identity for a record: the default-locale page plus a fragment naming the thing, not the page. */
export const artifactUri = (id: string, origin = siteOrigin()): string => `${artifactPage(LOCALES[0], id, origin)}#object`;
export const collectionUri = (slug: string, origin = siteOrigin()): string => `${collectionPage(LOCALES[0], slug, origin)}#collection`;

/** An exhibition page below its locale, and a still the exhibition stage published (site root, beside the pages). */
export const exhibitionPath = (id: string): string => `/exhibitions/${id}/`;
export const exhibitionStillUrl = (file: string): string => `/exhibitions/${enc(file)}`;

/** Content whose id is part of its addresses. */
export type SlugKind = 'collection' | 'exhibition' | 'scene' | 'drama' | 'episode' | 'panorama' | 'live';

// Stands for any id in the addresses below: no slug contains it.
const ANY = '\u0000';
/** Where a piece of content of each kind publishes (an episode's drama is any drama; the first episode is the
 * drama page itself, so a further one is asked for). */
const CONTENT_PATHS: Record<SlugKind, (slug: string) => string[]> = {
  collection: (s) => [collectionPath(s), openDataPaths.downloadDir(s), openDataPaths.apiCollection(s), openDataPaths.oai(s)],
  exhibition: (s) => [exhibitionPath(s)],
  scene: (s) => [scenePath(s)],
  drama: (s) => [dramaPath(s)],
  episode: (s) => [episodePath({ id: ANY, episodes: [{ id: ANY }, { id: s }] }, s)],
  panorama: (s) => [panoramaPath(s)],
  live: (s) => [livePath(s)],
};
/** Addresses the site publishes beside content of the kinds above, whatever the content: a content address that is
 * one of them, or a folder holding one, would overwrite it or be overwritten. A new fixed address goes here. */
const SITE_PATHS: readonly string[] = [
  openDataPaths.monitoringCsv(ANY, ANY),
  openDataPaths.monitoringJson(ANY),
  collectionSortPath(ANY, 'title'),
  sceneDataPath(ANY),
  sceneMonitoringPath(ANY),
  dramaQcPath(ANY),
  exhibitionStillUrl(`${ANY}.jpg`),
];

/** The site's own address a content slug would collide with, or undefined when the slug is free. */
export function slugClash(kind: SlugKind, slug: string): string | undefined {
  for (const own of CONTENT_PATHS[kind](slug)) {
    const hit = SITE_PATHS.find((site) => site === own || (own.endsWith('/') && site.startsWith(own)));
    if (hit) return hit.replaceAll(ANY, '…');
  }
  return undefined;
}
