// Serves the built pages (dist/) and the published media (build/media/) from one origin, as a static host
// would after deployment. Used by `npm start`, the e2e tests and the benchmarks.
//
// Written by hand rather than with sirv (still used by the benchmarks' throwaway servers): sirv in production mode
// lists the folder once at start, so after a rebuild it sends rewritten pages with their old Content-Length and
// 404s new ones; in dev mode it checks containment by string prefix without a separator and without resolving
// symlinks, serves a file that vanished between its check and its read by crashing, reads `bytes=-100` as the
// first 100 bytes and knows no multi-range, labels our gzipped search shards `Content-Encoding: gzip`, and has
// no hook for a 400 on a malformed escape. Each of those is a few lines here.
import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileOf, notFoundPath } from '../formats/urls.ts';
import { distDir, mediaDir } from '../model/paths.ts';
import { cacheControl, contentType, publishedPolicy, RESPONSE_HEADERS } from './server/headers.ts';
import { type ByteRange, parseRange } from './server/ranges.ts';

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The request target's path, decoded, with dot segments removed; origin-form and absolute-form alike. */
export function requestPath(target: string | undefined): string {
  if (!target) throw new HttpError(400, 'no request target');
  let raw: string;
  if (target.startsWith('/')) raw = target.replace(/[?#].*$/s, '');
  else {
    // Absolute-form (`GET http://host/path`), which proxies send: only its path matters here.
    try {
      raw = new URL(target).pathname;
    } catch {
      throw new HttpError(400, 'unreadable request target');
    }
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, 'malformed percent-escape');
  }
  if (decoded.includes('\0')) throw new HttpError(400, 'NUL in path');
  // Backslashes are separators to some clients; treat them as such so `..\` is a dot segment too.
  return path.posix.normalize(`/${decoded.replaceAll('\\', '/')}`);
}

interface Found {
  handle: FileHandle;
  file: string;
  size: number;
  mtimeMs: number;
}

const realOrNone = (p: string): Promise<string | undefined> => fs.promises.realpath(p).catch(() => undefined);

/** Opens the first candidate that is a regular file whose real path lies inside the real root, or inside one of
 * the `shared` folders the root's links may lead to (the image store every site version links images from). */
async function openInside(root: string, urlPath: string, shared: string[] = []): Promise<Found | undefined> {
  // Resolved per request: the root may be a link a publish switches, and it may not exist yet.
  const realRoot = await realOrNone(root);
  if (!realRoot) return undefined;
  const allowed = [realRoot, ...(await Promise.all(shared.map(realOrNone))).filter((p) => p !== undefined)];
  const rel = urlPath.slice(1);
  const candidates = urlPath.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}.html`, `${rel}/index.html`];
  for (const candidate of candidates) {
    if (candidate === '') continue;
    let real: string;
    try {
      real = await fs.promises.realpath(path.join(realRoot, candidate));
    } catch {
      continue;
    }
    if (!allowed.some((r) => real.startsWith(r + path.sep))) continue;
    let handle: FileHandle;
    try {
      handle = await fs.promises.open(real, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    } catch {
      continue; // vanished since realpath, or unreadable
    }
    // The size and date of the file we hold open, not of whatever a rebuild renamed over its name since.
    const stat = await handle.stat();
    if (!stat.isFile()) {
      await handle.close();
      continue;
    }
    return { handle, file: real, size: stat.size, mtimeMs: stat.mtimeMs };
  }
  return undefined;
}

function sendStream(found: Found, res: http.ServerResponse, start: number, end: number): Promise<void> {
  return new Promise((resolve) => {
    if (end < start) {
      res.end();
      resolve();
      return;
    }
    const stream = found.handle.createReadStream({ start, end, autoClose: false });
    const onClose = (): void => {
      stream.destroy();
      resolve();
    };
    res.once('close', onClose);
    stream.on('error', () => res.destroy());
    stream.on('end', () => {
      res.off('close', onClose);
      resolve();
    });
    stream.pipe(res, { end: false });
  });
}

async function sendFile(req: http.IncomingMessage, res: http.ServerResponse, urlPath: string, found: Found): Promise<void> {
  const type = contentType(found.file);
  const etag = `W/"${found.size.toString(36)}-${Math.trunc(found.mtimeMs).toString(36)}"`;
  res.setHeader('Content-Type', type);
  res.setHeader('Cache-Control', cacheControl(urlPath, found.file));
  res.setHeader('ETag', etag);
  res.setHeader('Last-Modified', new Date(found.mtimeMs).toUTCString());
  res.setHeader('Accept-Ranges', 'bytes');
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304).end();
    return;
  }
  const ifRange = req.headers['if-range'];
  const range = ifRange === undefined || ifRange === etag ? parseRange(req.headers.range, found.size) : { kind: 'none' as const };
  const head = req.method === 'HEAD';
  if (range.kind === 'unsatisfiable') {
    res.writeHead(416, { 'Content-Range': `bytes */${found.size}` }).end();
    return;
  }
  if (range.kind === 'none') {
    res.writeHead(200, { 'Content-Length': found.size });
    if (head) res.end();
    else await sendStream(found, res, 0, found.size - 1).then(() => res.end());
    return;
  }
  if (range.ranges.length === 1) {
    const [r] = range.ranges as [ByteRange];
    res.writeHead(206, { 'Content-Range': `bytes ${r.start}-${r.end}/${found.size}`, 'Content-Length': r.end - r.start + 1 });
    if (head) res.end();
    else await sendStream(found, res, r.start, r.end).then(() => res.end());
    return;
  }
  const boundary = `heritage-${process.hrtime.bigint().toString(36)}`;
  const parts = range.ranges.map((r) => ({
    r,
    head: `\r\n--${boundary}\r\nContent-Type: ${type}\r\nContent-Range: bytes ${r.start}-${r.end}/${found.size}\r\n\r\n`,
  }));
  const tail = `\r\n--${boundary}--\r\n`;
  const length = parts.reduce((n, p) => n + Buffer.byteLength(p.head) + p.r.end - p.r.start + 1, Buffer.byteLength(tail));
  res.setHeader('Content-Type', `multipart/byteranges; boundary=${boundary}`);
  res.writeHead(206, { 'Content-Length': length });
  if (head) {
    res.end();
    return;
  }
  for (const p of parts) {
    if (res.destroyed) return;
    res.write(p.head);
    await sendStream(found, res, p.r.start, p.r.end);
  }
  res.end(tail);
}

/** Sends the first of `pages` that exists (the locale's not-found page, then the one in every language). */
async function notFound(res: http.ServerResponse, pages: string[], head: boolean): Promise<void> {
  let body: Buffer | string = 'Not found';
  let type = 'text/plain; charset=utf-8';
  for (const page of pages) {
    try {
      body = await fs.promises.readFile(page);
      type = 'text/html; charset=utf-8';
      break;
    } catch {
      // not built (yet): try the next
    }
  }
  res.writeHead(404, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-cache' });
  res.end(head ? undefined : body);
}

function plain(res: http.ServerResponse, status: number, message: string, extra: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(`${message}\n`);
}

/** `shared`: folders outside the media root that its links may lead into (default: the image store beside it,
 * build/image-store for build/media; see scripts/cli/site-versions.ts). */
export function createSiteHandler(
  dist: string,
  media: string,
  shared: string[] = [path.join(path.dirname(media), 'image-store')],
): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const roots = [dist, media];
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    for (const [k, v] of Object.entries(RESPONSE_HEADERS)) res.setHeader(k, v);
    res.setHeader('Content-Security-Policy', publishedPolicy(dist));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      plain(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
      return;
    }
    const urlPath = requestPath(req.url);
    for (const root of roots) {
      const found = await openInside(root, urlPath, root === media ? shared : []);
      if (!found) continue;
      try {
        await sendFile(req, res, urlPath, found);
      } finally {
        await found.handle.close();
      }
      return;
    }
    const pages = [...new Set([notFoundPath(urlPath), notFoundPath('/')])].map((p) => path.join(dist, fileOf(p)));
    await notFound(res, pages, req.method === 'HEAD');
  };
  return (req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (err instanceof HttpError) plain(res, err.status, err.message);
      else {
        console.error(`site server: ${req.method} ${req.url}: ${err instanceof Error ? err.message : String(err)}`);
        plain(res, 500, 'Internal error');
      }
    });
  };
}

export function startSiteServer(port = 4321, host = '127.0.0.1', dist = distDir(), media = mediaDir()): Promise<RunningServer> {
  fs.mkdirSync(media, { recursive: true });
  const server = http.createServer(createSiteHandler(path.resolve(dist), path.resolve(media)));
  // A request line Node cannot parse gets a 400 instead of a dropped socket.
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${actual}`,
        close: () =>
          new Promise((r) => {
            server.close(() => r());
            server.closeAllConnections();
          }),
      });
    });
  });
}
