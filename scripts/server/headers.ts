// What the local server says about a file: its type, how long it may be cached, and the security headers every
// response carries. Types come from mrmime (the table sirv uses) plus the formats this site publishes that it
// does not know.
import fs from 'node:fs';
import path from 'node:path';
import { lookup } from 'mrmime';
import { SECURITY_HEADERS, SITE_CSP } from '../../model/csp.ts';

const EXTRA_TYPES: Readonly<Record<string, string>> = {
  m3u8: 'application/vnd.apple.mpegurl',
  jsonl: 'application/jsonl',
  srt: 'application/x-subrip',
  bib: 'application/x-bibtex',
  ris: 'application/x-research-info-systems',
  xml: 'application/xml',
  // Search index shards are stored gzipped and inflated by the search runtime: they are gzip data, not a
  // gzip-encoded response (no Content-Encoding), as a plain static host serves them.
  gz: 'application/gzip',
};
const TEXT =
  /^(text\/|application\/(json|jsonl|xml|javascript|vnd\.apple\.mpegurl|x-subrip|x-bibtex|x-research-info-systems|ld\+json|manifest\+json|geo\+json|vnd\.citationstyles\.csl\+json)$)/;

export function contentType(file: string): string {
  const name = file.toLowerCase();
  if (name.endsWith('.csl.json')) return 'application/vnd.citationstyles.csl+json; charset=utf-8';
  const ext = name.slice(name.lastIndexOf('.') + 1);
  const type = EXTRA_TYPES[ext] ?? lookup(ext) ?? 'application/octet-stream';
  return TEXT.test(type) ? `${type}; charset=utf-8` : type;
}

/** A path segment carrying a content hash: Astro's `_astro/` bundles, and media folders named by source hash. */
const HASHED = /(^|\/)_astro\/|[0-9a-f]{16}/;

/** Content-addressed files never change under their URL; everything else (pages, search, API) revalidates. */
export function cacheControl(urlPath: string, file: string): string {
  if (!file.endsWith('.html') && HASHED.test(urlPath)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}

export const RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': SITE_CSP,
};

let policyCache: { stamp: string; policy: string } | undefined;

/** The site-wide policy the build wrote into `<dist>/_headers` (it names the live views' stream hosts, which vary
 * with the content), so this server sends what a static host reading that file would; read again after a publish
 * (a new file under the `dist` link); SITE_CSP when there is none. */
export function publishedPolicy(dist: string): string {
  let stamp: string;
  let file: string;
  try {
    file = fs.realpathSync(path.join(dist, '_headers'));
    const st = fs.statSync(file);
    stamp = `${file}:${st.mtimeMs}:${st.size}`;
  } catch {
    return SITE_CSP;
  }
  if (policyCache?.stamp !== stamp) {
    const line = /^\s+Content-Security-Policy: (.+)$/m.exec(fs.readFileSync(file, 'utf8'));
    policyCache = { stamp, policy: line?.[1] ?? SITE_CSP };
  }
  return policyCache.policy;
}
