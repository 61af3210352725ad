// What one cold page load transfers before its images: every response Chromium receives for the page (HTML,
// CSS, scripts, fonts, data), sized as a static host sends it — text types gzipped (level 6, what `gzip`,
// GitHub Pages and most hosts' defaults use), fonts and other binaries as they are (woff2 is compressed
// already). Images, video and audio are left out, and so are scene models (glTF and its buffers, Draco/KTX2).
import zlib from 'node:zlib';
import type { Browser, Response } from 'playwright-core';

const COMPRESSIBLE = /^(text\/|application\/(javascript|x-javascript|json|ld\+json|xml|manifest\+json|wasm)|image\/svg\+xml)/;
const MODEL = /\.(glb|gltf|bin|ktx2|drc)(\?|#|$)/i;
const LEFT_OUT = new Set(['image', 'media']);

export interface PageWeight {
  url: string;
  /** Bytes before images, gzip where a host would gzip. */
  bytes: number;
  requests: number;
  /** Bytes per Chromium resource type (document, stylesheet, script, font, fetch, …). */
  byType: Record<string, number>;
  /** Left out of `bytes`: images, media and scene models (bytes as sent). */
  leftOut: { requests: number; bytes: number };
}

/** Bytes as a static host sends `body` of this content type. */
export function sentBytes(body: Buffer, contentType: string): number {
  return COMPRESSIBLE.test(contentType) ? zlib.gzipSync(body, { level: 6 }).length : body.length;
}

/** Bytes as a host that compresses with brotli on the fly sends it (a middle quality, 5, as such hosts use). */
export function brotliBytes(body: Buffer, contentType: string): number {
  return COMPRESSIBLE.test(contentType)
    ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }).length
    : body.length;
}

async function bodyOf(r: Response): Promise<Buffer | undefined> {
  if (r.status() >= 300 && r.status() < 400) return undefined;
  try {
    return await r.body();
  } catch {
    // A response the page dropped (navigated away, aborted): nothing more arrived.
    return undefined;
  }
}

/** Loads `url` in a fresh context (empty cache) and waits until the network has been quiet, fonts included. */
export async function weighPage(browser: Browser, url: string, settleMs = 15_000): Promise<PageWeight> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const pending: Promise<void>[] = [];
  const weight: PageWeight = { url, bytes: 0, requests: 0, byType: {}, leftOut: { requests: 0, bytes: 0 } };
  page.on('response', (r) => {
    pending.push(
      (async () => {
        const type = r.request().resourceType();
        const body = await bodyOf(r);
        if (!body) return;
        if (LEFT_OUT.has(type) || MODEL.test(r.url())) {
          weight.leftOut.requests++;
          weight.leftOut.bytes += body.length;
          return;
        }
        const n = sentBytes(body, r.headers()['content-type'] ?? '');
        weight.requests++;
        weight.bytes += n;
        weight.byType[type] = (weight.byType[type] ?? 0) + n;
      })(),
    );
  });
  try {
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // A page may keep a connection open (a viewer's progressive loading); quiet or not, the budget is what came.
    await page.waitForLoadState('networkidle', { timeout: settleMs }).catch(() => undefined);
    await Promise.all(pending);
  } finally {
    await context.close();
  }
  return weight;
}
