// The browser runtime over a real index of the shared data, served from a temp dir (until the lead's harness
// serves the built site): the same queries must give the same counts in Chromium as in Node.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { artifactToDocs } from '../../assets-pipeline/search/doc.ts';
import { writeSearchIndex } from '../../assets-pipeline/search/write-index.ts';
import { createSearch } from '../../site/components/search/runtime/engine.ts';
import { realArtifacts } from '../assets-pipeline/search/real-records.ts';

let dir: string;
let server: http.Server;
let origin: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'search-e2e-'));
  await writeSearchIndex(
    realArtifacts().flatMap((r) => artifactToDocs(r)),
    path.join(dir, 'search'),
  );
  await build({
    entryPoints: { engine: 'site/components/search/runtime/engine.ts' },
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: path.join(dir, '_search'),
    logLevel: 'error',
  });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>search</title>');
  server = http.createServer((req, res) => {
    const file = path.join(dir, req.url === '/' ? 'index.html' : decodeURIComponent(req.url!.split('?')[0]!));
    fs.readFile(file, (err, data) => {
      if (err) {
        res.statusCode = 404;
        res.end();
        return;
      }
      res.setHeader('content-type', file.endsWith('.js') ? 'text/javascript' : file.endsWith('.html') ? 'text/html' : 'application/octet-stream');
      res.end(data);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}, 120_000);
afterAll(() => {
  server?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('returns the same hits in Chromium as in Node', async () => {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    // A module script tag, not import() inside evaluate: Vitest rewrites dynamic imports in test code.
    await page.addScriptTag({ type: 'module', content: "import { createSearch } from '/_search/engine.js'; window.__search = createSearch('/search');" });
    await page.waitForFunction(() => '__search' in window);
    const node = createSearch(path.join(dir, 'search'), async (f) => new Uint8Array(fs.readFileSync(f)));
    for (const q of ['郭熙', 'Guo Xi', 'bol en jade', '樹色', 'porcelian', 'jade bowl handels']) {
      const inBrowser = await page.evaluate(async (q) => {
        const s = (window as unknown as { __search: { search: (r: object) => Promise<{ total: number; hits: { href: string }[] }> } }).__search;
        const r = await s.search({ q, locale: 'fr' });
        return { total: r.total, first: r.hits[0]?.href };
      }, q);
      const inNode = await node.search({ q, locale: 'fr' });
      expect(inBrowser, q).toEqual({ total: inNode.total, first: inNode.hits[0]?.href });
    }
  } finally {
    await browser.close();
  }
}, 120_000);
