// The local server against hostile and careless requests: every request gets an answer with the status the corpus
// in tests/fixtures/hostile/server/ gives, files vanishing or changing while it runs never take it down or send a
// stale length, and every response carries the security headers.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startSiteServer } from '../../scripts/site-server.ts';

interface Case {
  target: string;
  status: number;
  method?: string;
  range?: string;
  body?: string;
  multipart?: string[];
}
const corpus = JSON.parse(fs.readFileSync('tests/fixtures/hostile/server/requests.json', 'utf8')) as { requests: Case[] };

interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** A request written byte for byte (fetch would normalize the very paths under test). */
function raw(url: string, target: string, method = 'GET', extra: Record<string, string> = {}): Promise<RawResponse> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('end', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      if (split < 0) return reject(new Error(`no response to ${method} ${target}: ${JSON.stringify(all.toString())}`));
      const [statusLine, ...lines] = all.subarray(0, split).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      for (const l of lines) headers[l.slice(0, l.indexOf(':')).toLowerCase()] = l.slice(l.indexOf(':') + 1).trim();
      resolve({ status: Number(statusLine!.split(' ')[1]), headers, body: all.subarray(split + 4) });
    });
    const head = Object.entries({ Host: 'localhost', Connection: 'close', ...extra })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.write(`${method} ${target} HTTP/1.1\r\n${head}\r\n`);
  });
}

let root: string;
let dist: string;
let server: RunningServer;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'site-server-'));
  dist = path.join(root, 'dist');
  const media = path.join(root, 'media');
  const write = (rel: string, body: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), body);
  };
  write('dist/index.html', '<!doctype html><title>home</title>');
  write('dist/404.html', '<!doctype html><title>not found</title>');
  write('dist/fr/404.html', '<!doctype html><title>page introuvable</title>');
  write('dist/a.txt', '0123456789');
  write('dist/search/shard.gz', Buffer.from([0x1f, 0x8b, 8, 0]));
  write('dist/folder.gz/inner.txt', 'inside a folder');
  write('dist-evil/leak.gz', 'must never be served');
  write('outside.txt', 'secret');
  write('media/x.txt', 'media');
  fs.symlinkSync(path.join(root, 'outside.txt'), path.join(dist, 'secret-link'));
  fs.symlinkSync(media, path.join(dist, 'media-link'));
  execFileSync('mkfifo', [path.join(dist, 'fifo')]);
  server = await startSiteServer(0, '127.0.0.1', dist, media);
});
afterAll(async () => {
  await server?.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('site server', () => {
  it('answers every hostile request in the corpus with its status, and stays up', async () => {
    for (const c of corpus.requests) {
      const res = await raw(server.url, c.target, c.method, c.range ? { Range: c.range } : {});
      expect(res.status, `${c.method ?? 'GET'} ${c.target} ${c.range ?? ''}`).toBe(c.status);
      expect(res.body.includes('must never be served')).toBe(false);
      expect(res.body.includes('secret')).toBe(false);
      if (c.body !== undefined) expect(res.body.toString()).toBe(c.body);
      if (c.multipart) {
        expect(res.headers['content-type']).toMatch(/^multipart\/byteranges; boundary=/);
        expect(Number(res.headers['content-length'])).toBe(res.body.length);
        const boundary = res.headers['content-type']!.split('boundary=')[1]!;
        const parts = res.body
          .toString()
          .split(`--${boundary}`)
          .slice(1, -1)
          .map((p) => p.split('\r\n\r\n')[1]!.replace(/\r\n$/, ''));
        expect(parts).toEqual(c.multipart);
      }
      if (c.status === 416) expect(res.headers['content-range']).toBe('bytes */10');
    }
    expect((await raw(server.url, '/')).status).toBe(200);
  });

  it("sends a missing address its locale's not-found page, else the one in every language, always as 404", async () => {
    const cases: [string, string][] = [
      ['/fr/no/such/page/', 'page introuvable'],
      ['/fr', 'page introuvable'],
      ['/frx/page/', 'not found'],
      ['/en/no/such/page/', 'not found'], // no en/404.html in this dist: the page in every language
      ['/nowhere', 'not found'],
    ];
    for (const [target, title] of cases) {
      const res = await raw(server.url, target);
      expect(res.status, target).toBe(404);
      expect(res.headers['content-type'], target).toBe('text/html; charset=utf-8');
      expect(res.body.toString(), target).toContain(`<title>${title}</title>`);
    }
  });

  it('labels what we publish with its type, caches hashed files forever and pages never without asking', async () => {
    const files: Record<string, [string, string]> = {
      'v/master.m3u8': ['#EXTM3U', 'application/vnd.apple.mpegurl; charset=utf-8'],
      'v/zh.vtt': ['WEBVTT', 'text/vtt; charset=utf-8'],
      'img/0123456789abcdef-01234567/400.avif': ['x', 'image/avif'],
      'models/cave.glb': ['x', 'model/gltf-binary'],
      '_astro/decoder.Bx9_k2a1.wasm': ['x', 'application/wasm'],
      'search/zh/terms-0.gz': ['x', 'application/gzip'],
      'downloads/jades/records.jsonl': ['{}', 'application/jsonl; charset=utf-8'],
      'downloads/jades/records.csv': ['a', 'text/csv; charset=utf-8'],
      'cite/x.csl.json': ['{}', 'application/vnd.citationstyles.csl+json; charset=utf-8'],
      'oai/x.xml': ['<x/>', 'application/xml; charset=utf-8'],
      'zh/page/index.html': ['<p>', 'text/html; charset=utf-8'],
    };
    for (const [rel, [body]] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dist, rel)), { recursive: true });
      fs.writeFileSync(path.join(dist, rel), body);
    }
    for (const [rel, [, type]] of Object.entries(files)) {
      const res = await fetch(`${server.url}/${rel}`);
      expect(res.status, rel).toBe(200);
      expect(res.headers.get('content-type'), rel).toBe(type);
      expect(res.headers.get('content-encoding'), rel).toBeNull();
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    }
    const cache = async (u: string) => (await fetch(`${server.url}${u}`)).headers.get('cache-control');
    expect(await cache('/img/0123456789abcdef-01234567/400.avif')).toBe('public, max-age=31536000, immutable');
    expect(await cache('/_astro/decoder.Bx9_k2a1.wasm')).toBe('public, max-age=31536000, immutable');
    expect(await cache('/zh/page/')).toBe('no-cache');
    expect(await cache('/search/zh/terms-0.gz')).toBe('no-cache');
    const again = await fetch(`${server.url}/zh/page/`, { headers: { 'If-None-Match': (await fetch(`${server.url}/zh/page/`)).headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('sends the current length after a rebuild replaces a page, and serves pages added since it started', async () => {
    const page = path.join(dist, 'rebuilt.html');
    fs.writeFileSync(page, 'short');
    expect(await (await fetch(`${server.url}/rebuilt`)).text()).toBe('short');
    fs.writeFileSync(`${page}.tmp`, 'a much longer page than before');
    fs.renameSync(`${page}.tmp`, page);
    const res = await fetch(`${server.url}/rebuilt`);
    expect(res.headers.get('content-length')).toBe('30');
    expect(await res.text()).toBe('a much longer page than before');
    fs.mkdirSync(path.join(dist, 'new'), { recursive: true });
    fs.writeFileSync(path.join(dist, 'new/index.html'), 'new page');
    expect((await fetch(`${server.url}/new/`)).status).toBe(200);
  });

  it('survives files removed while they are being served and between requests', async () => {
    const big = path.join(dist, 'big.bin');
    fs.writeFileSync(big, Buffer.alloc(8 * 1024 * 1024, 7));
    const pending = Array.from({ length: 8 }, (_, i) =>
      raw(server.url, '/big.bin', 'GET', i % 2 ? { Range: 'bytes=0-10,-100000,5000000-' } : {}).catch((e: Error) => e),
    );
    fs.rmSync(big);
    const results = await Promise.all(pending);
    for (const r of results) if (!(r instanceof Error)) expect([200, 206, 404]).toContain(r.status);
    expect((await raw(server.url, '/big.bin')).status).toBe(404);
    // Folders swapped for files and back while requests run.
    for (let i = 0; i < 20; i++) {
      const p = path.join(dist, 'flip');
      fs.rmSync(p, { recursive: true, force: true });
      if (i % 2) fs.mkdirSync(p);
      else fs.writeFileSync(p, 'file');
      expect([200, 404]).toContain((await raw(server.url, '/flip')).status);
    }
    expect((await raw(server.url, '/a.txt')).status).toBe(200);
  });
});
