// The site's Content-Security-Policy, in one place: the page layout writes it as a meta tag, the build writes it
// into `_headers` for static hosts, and the local server sends it. Everything the site loads comes from its own
// origin, so `'self'` is the whole allow list; the exceptions below are what the viewers need to start.
//
// - `'wasm-unsafe-eval'`: the 3D viewers decode meshopt/Draco geometry with WebAssembly. It allows compiling
//   WebAssembly only, not `eval` of JavaScript, and is sent only on pages that carry a viewer.
// - `blob:` for media and workers: hls.js plays a film through Media Source Extensions (a `blob:` URL on the
//   <video>) and Cesium starts its workers from `blob:` URLs.
// - `'unsafe-inline'` for styles only: Astro and the islands set `style` attributes (positions, aspect ratios);
//   a style cannot run code.

export interface CspOptions {
  /** A page with a WebAssembly viewer (3D scenes, the globe). */
  wasm?: boolean;
  /** Pages that still carry inline scripts; to be removed once every script is an external module. */
  inlineScripts?: boolean;
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const script = ["'self'", ...(options.wasm ? ["'wasm-unsafe-eval'"] : []), ...(options.inlineScripts ? ["'unsafe-inline'"] : [])].join(' ');
  return [
    "default-src 'self'",
    `script-src ${script}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    "connect-src 'self' data: blob:",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The policy a response header carries when the page is not known to need less (the server, `_headers`). */
export const SITE_CSP = contentSecurityPolicy({ wasm: true, inlineScripts: true });

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
