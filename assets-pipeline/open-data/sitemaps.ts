// Sitemaps: every page of every locale, each <url> listing its language twins as xhtml:link hreflang
// alternates (and x-default), split into files of at most 50,000 URLs and 50 MB as sitemaps.org requires,
// with a sitemap index at /sitemap.xml. Files whose bytes did not change are not rewritten.
import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { DEFAULT_LOCALE, LOCALES, LOCALE_TAGS, type Locale } from '../../model/locales.ts';
import { xmlEscape } from './xml.ts';
import { absolute, fileOf, openDataPaths } from '../../formats/urls.ts';
import { writeIfChanged as writeShared } from '../write-if-changed.ts';

export const SITEMAP_MAX_URLS = 50_000;
/** sitemaps.org caps a file at 50 MiB uncompressed; stay under it with room for the closing tag. */
export const SITEMAP_MAX_BYTES = 50 * 1024 * 1024 - 1024;

/** A page and the locales it exists in; `path` has no locale prefix (e.g. `/artifacts/x/`). */
export interface SitemapPage {
  path: string;
  locales: readonly Locale[];
  lastmod?: string | undefined;
}

const HEAD =
  '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n';
const TAIL = '</urlset>\n';

/** One <url> per locale version; each lists every version including itself, as Google's hreflang rules ask. */
export function pageEntries(page: SitemapPage, origin: string): string[] {
  const href = (l: Locale) => xmlEscape(`${origin}/${l}${page.path}`);
  const alternates =
    page.locales.length > 1
      ? page.locales.map((l) => `<xhtml:link rel="alternate" hreflang="${LOCALE_TAGS[l]}" href="${href(l)}"/>`).join('') +
        (page.locales.includes(DEFAULT_LOCALE) ? `<xhtml:link rel="alternate" hreflang="x-default" href="${href(DEFAULT_LOCALE)}"/>` : '')
      : '';
  const lastmod = page.lastmod ? `<lastmod>${page.lastmod}</lastmod>` : '';
  return page.locales.map((l) => `<url><loc>${href(l)}</loc>${lastmod}${alternates}</url>\n`);
}

export interface SitemapResult {
  files: string[];
  urls: number;
  written: number;
}

/** Writes the sitemap files and the index into `dist`. Limits are parameters so tests can split small sites. */
export async function writeSitemaps(
  pages: AsyncIterable<SitemapPage> | Iterable<SitemapPage>,
  dist: string,
  origin: string,
  limits = { urls: SITEMAP_MAX_URLS, bytes: SITEMAP_MAX_BYTES },
): Promise<SitemapResult> {
  const files: string[] = [];
  let written = 0;
  let urls = 0;
  let chunks: string[] = [];
  let count = 0;
  let bytes = Buffer.byteLength(HEAD + TAIL);
  const flush = () => {
    if (!count) return;
    const url = openDataPaths.sitemap(files.length + 1);
    if (writeIfChanged(path.join(dist, fileOf(url)), HEAD + chunks.join('') + TAIL)) written++;
    files.push(url);
    chunks = [];
    count = 0;
    bytes = Buffer.byteLength(HEAD + TAIL);
  };
  for await (const page of pages) {
    for (const entry of pageEntries(page, origin)) {
      const size = Buffer.byteLength(entry);
      if (count >= limits.urls || bytes + size > limits.bytes) flush();
      chunks.push(entry);
      count++;
      urls++;
      bytes += size;
    }
  }
  flush();
  // Files from an earlier, bigger site would still be reachable: remove them.
  const dir = path.join(dist, path.dirname(fileOf(openDataPaths.sitemap(1))));
  const keep = new Set(files.map((f) => path.basename(f)));
  if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir)) if (/^sitemap-\d+\.xml$/.test(f) && !keep.has(f)) fs.rmSync(path.join(dir, f));
  const index =
    '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
    files.map((f) => `<sitemap><loc>${xmlEscape(absolute(f, origin))}</loc></sitemap>\n`).join('') +
    '</sitemapindex>\n';
  if (writeIfChanged(path.join(dist, fileOf(openDataPaths.sitemapIndex)), index)) written++;
  return { files, urls, written };
}

/** Open-data outputs are rebuilt from the records on any run, so they are written without fsync. */
export const writeIfChanged = (file: string, body: string): boolean => writeShared(file, body, { fsync: false });

/**
 * Pages found in dist/: every `<locale>/…/index.html`, grouped by path across locales. Artifact pages
 * (`<locale>/artifacts/<id>/`, 450k of them at scale) are not walked: they come from the records via
 * `extra`, since Astro renders one per record per locale.
 */
export function* walkPages(dist: string, skipBelow = '/artifacts/'): Generator<SitemapPage> {
  const found = new Map<string, Locale[]>();
  const walk = (locale: Locale, dir: string, rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isFile() && e.name === 'index.html') {
        const list = found.get(rel) ?? [];
        list.push(locale);
        found.set(rel, list);
      } else if (e.isDirectory() && rel !== skipBelow) {
        walk(locale, path.join(dir, e.name), `${rel}${encodeURIComponent(e.name)}/`);
      }
    }
  };
  for (const l of LOCALES) walk(l, path.join(dist, l), '/');
  for (const [p, locales] of [...found].sort(([a], [b]) => a.localeCompare(b))) yield { path: p, locales };
}

/** robots.txt pointing at the sitemap index, unless the site already ships its own. */
export function ensureRobots(dist: string, origin: string): void {
  const file = path.join(dist, 'robots.txt');
  if (!fs.existsSync(file)) writeFileAtomic.sync(file, `User-agent: *\nAllow: /\n\nSitemap: ${absolute(openDataPaths.sitemapIndex, origin)}\n`);
}
