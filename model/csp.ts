// The site's Content-Security-Policy, in one place: the page layout writes it as a meta tag, the build writes it
// into `_headers` for static hosts, and the local server sends it. Everything the site loads comes from its own
// origin, so `'self'` is the whole allow list; the exceptions below are what the viewers need to start.
//
// - `'wasm-unsafe-eval'`: the 3D viewers decode meshopt/Draco geometry with WebAssembly. It allows compiling
//   WebAssembly only, not `eval` of JavaScript, and is sent only on pages that carry a viewer.
// - `blob:` for media and workers: hls.js plays a film through Media Source Extensions (a `blob:` URL on the
//   <video>) and Cesium starts its workers from `blob:` URLs.
// - `'unsafe-eval'` and `blob:` scripts, on the map page only: the globe loads CesiumJS's combined build, whose
//   bundled widgets (Knockout) evaluate strings while the script initializes, so Cesium is undefined without it,
//   and whose workers import their code from `blob:` URLs (CesiumGS/cesium issues 13617 and 13669). Leaving it
//   needs the globe rebuilt on the widget-less @cesium/engine modules.
// - image origins a collection opts in to linking (its records show another institution's IIIF Image service):
//   `img-src` only, listed site-wide since a card of such a record may appear on any listing; a site without such
//   a collection lists none, and no page asks another host for anything.
// - `'unsafe-inline'` for styles only: Astro and the islands set `style` attributes (positions, aspect ratios);
//   a style cannot run code.

export interface CspOptions {
  /** A page with a WebAssembly viewer (3D scenes, the globe). */
  wasm?: boolean;
  /** Pages that open the globe: the globe page, an exhibition with a globe step (CesiumJS's combined build, see above). */
  cesium?: boolean;
  /** Origins of live streams the page plays (a live view's curator-configured HLS host): media and fetches. */
  streams?: readonly string[];
  /** Origins of linked IIIF Image services (collections that opt in): images only. */
  images?: readonly string[];
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const streams = [...new Set(options.streams ?? [])].sort();
  const images = [...new Set(options.images ?? [])].sort();
  const script = ["'self'", ...(options.wasm ? ["'wasm-unsafe-eval'"] : []), ...(options.cesium ? ['blob:', "'unsafe-eval'"] : [])].join(' ');
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data: blob:", ...images].join(' '),
    "font-src 'self' data:",
    ["media-src 'self' blob:", ...streams].join(' '),
    ["connect-src 'self' data: blob:", ...streams].join(' '),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The policy response headers carry (the local server, `_headers`): the widest any page needs. Each page's meta
 * policy narrows it, and a browser enforces both, so a page gets only what its own meta tag allows.
 */
export const SITE_CSP = contentSecurityPolicy({ wasm: true, cesium: true });
/** The same, allowing the live views' stream origins and linked image origins too (the build writes it into `_headers`). */
export const sitePolicy = (streams: readonly string[] = [], images: readonly string[] = []): string =>
  contentSecurityPolicy({ wasm: true, cesium: true, streams, images });

/** `frame-ancestors` is ignored in a meta tag (browsers warn), so the meta policy leaves it out. */
export function metaPolicy(options: CspOptions = {}): string {
  return contentSecurityPolicy(options)
    .split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/**
 * `_headers` for static hosts that read one (Netlify, Cloudflare Pages): the site-wide policy and security headers
 * on every path (each page's meta policy narrows it further), and a year's caching for Astro's hashed bundles.
 */
export function headersFile(streams: readonly string[] = [], images: readonly string[] = []): string {
  const all = { 'Content-Security-Policy': sitePolicy(streams, images), ...SECURITY_HEADERS };
  return ['/*', ...Object.entries(all).map(([k, v]) => `  ${k}: ${v}`), '/_astro/*', '  Cache-Control: public, max-age=31536000, immutable', ''].join('\n');
}
