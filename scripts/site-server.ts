// Serves the built pages (dist/) and the published media (build/media/) from one origin, as a static host
// would after deployment. Used by `npm start`, the e2e tests and the benchmarks.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { distDir, mediaDir } from '../model/paths.ts';

export interface RunningServer {
  url: string;
  close: () => Promise<void>;
}

/** The file handlers for one published version. A version never changes once live, so sirv's file list (made
 * once) stays true; after a publish switches the version, the next request gets handlers for the new one. */
function versionHandlers(dist: string, media: string) {
  fs.mkdirSync(media, { recursive: true });
  return {
    dist,
    pages: sirv(dist, { dev: false, etag: true, extensions: ['html'] }),
    files: sirv(media, { dev: false, etag: true, immutable: false }),
    notFound: path.join(dist, '404.html'),
  };
}

const real = (p: string): string => {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
};

export function startSiteServer(port = 4321, host = '127.0.0.1', dist = distDir(), media = mediaDir()): Promise<RunningServer> {
  let current = versionHandlers(real(dist), real(media));
  const server = http.createServer((req, res) => {
    const live = real(dist);
    if (live !== current.dist) current = versionHandlers(live, real(media));
    const { pages, files, notFound } = current;
    // Search index files are stored gzipped and inflated by the search runtime: serve them as the bytes they
    // are, as a plain static host does; sirv would label them `Content-Encoding: gzip`.
    const pathname = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (pathname.endsWith('.gz')) {
      const file = path.join(live, path.normalize(pathname));
      if (file.startsWith(live) && fs.existsSync(file)) {
        res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': fs.statSync(file).size, 'cache-control': 'no-cache' });
        fs.createReadStream(file).pipe(res);
        return;
      }
    }
    pages(req, res, () =>
      files(req, res, () => {
        res.statusCode = 404;
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(fs.existsSync(notFound) ? fs.readFileSync(notFound) : 'Not found');
      }),
    );
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({ url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}
