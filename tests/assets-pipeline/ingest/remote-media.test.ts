// Media by address against a real HTTP server on loopback serving real image bytes made here: images, a IIIF Image
// service and a IIIF manifest are fetched once into the collection's media/remote/ (named by the bytes' hash), a
// second run asks nothing, and each kind of bad address (404, no answer, not an image, a lying content type, too
// large, rights in conflict) is an error at its row, with nothing published.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkContent } from '../../../assets-pipeline/ingest/content.ts';
import { formatProblem } from '../../../assets-pipeline/ingest/problems.ts';
import { ingest } from '../../../scripts/cli/validate.ts';

const CC0 = 'https://creativecommons.org/publicdomain/zero/1.0/';
let root: string;
let base: string;
let server: http.Server;
const requests = new Map<string, number>();
const bytes: Record<string, Buffer> = {};
const held: http.ServerResponse[] = [];
let hold = true;

const solid = (r: number, g: number, b: number) => sharp({ create: { width: 64, height: 48, channels: 3, background: { r, g, b } } });
const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');

function collection(name: string, urls: string[]): string {
  const content = path.join(root, name);
  const dir = path.join(content, 'collections', name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'collection.yaml'),
    `id: ${name}\ntitle: { en: Remote }\ndescription: { en: Images by address. }\nrights: ${CC0}\ncredit: { en: Test }\nrecords: records.csv\nfields:\n  id: id\n  title: { en: title }\n  media:\n    - { kind: image, url: image }\n`,
  );
  fs.writeFileSync(path.join(dir, 'records.csv'), `id,title,image\n${urls.map((u, i) => `R-${i + 1},Object ${i + 1},${u}`).join('\n')}\n`);
  return content;
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-remote-'));
  bytes.jpeg = await solid(200, 30, 30).jpeg().toBuffer();
  bytes.png = await solid(30, 200, 30).png().toBuffer();
  bytes.service = await solid(30, 30, 200).jpeg().toBuffer();
  bytes.painted = await solid(200, 200, 30).jpeg().toBuffer();
  server = http.createServer((req, res) => {
    const url = req.url ?? '';
    requests.set(url, (requests.get(url) ?? 0) + 1);
    const send = (type: string, body: Buffer | string) => res.writeHead(200, { 'content-type': type }).end(body);
    const json = (doc: object) => send('application/ld+json', JSON.stringify(doc));
    const manifest = (rights: string) =>
      json({
        '@context': 'http://iiif.io/api/presentation/3/context.json',
        id: `${base}${url}`,
        type: 'Manifest',
        rights,
        items: [{ type: 'Canvas', items: [{ type: 'AnnotationPage', items: [{ type: 'Annotation', body: { id: `${base}/painted.jpg`, type: 'Image' } }] }] }],
      });
    if (url === '/a.jpg') send('image/jpeg', bytes.jpeg!);
    else if (url === '/b.png') send('image/png', bytes.png!);
    else if (url === '/iiif/vase/info.json')
      json({
        '@context': 'http://iiif.io/api/image/3/context.json',
        id: `${base}/iiif/vase`,
        type: 'ImageService3',
        protocol: 'http://iiif.io/api/image',
        profile: 'level0',
      });
    else if (url === '/iiif/vase/full/max/0/default.jpg') send('image/jpeg', bytes.service!);
    else if (url === '/manifest.json') manifest(CC0);
    else if (url === '/in-copyright.json') manifest('http://rightsstatements.org/vocab/InC/1.0/');
    else if (url === '/painted.jpg') send('image/jpeg', bytes.painted!);
    else if (url === '/page.html') send('text/html', '<p>not an image</p>');
    else if (url === '/fake.jpg') send('image/jpeg', 'these bytes are text');
    else if (url === '/huge.jpg') {
      // Sent in chunks with no length: the limit is counted while reading.
      res.writeHead(200, { 'content-type': 'image/jpeg' });
      for (let i = 0; i < 40; i++) res.write(Buffer.alloc(16 * 1024, i));
      res.end();
    } else if (url === '/slow.jpg' && hold) held.push(res);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('no');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of held) res.destroy();
  await new Promise((ok) => server.close(ok));
  fs.rmSync(root, { recursive: true, force: true });
});

describe('media by address', () => {
  it('fetches images, a IIIF Image service and a IIIF manifest once each, into copies named by their hash', async () => {
    const content = collection('web', [`${base}/a.jpg`, `${base}/b.png`, `${base}/iiif/vase/info.json`, `${base}/manifest.json`, `${base}/a.jpg`]);
    const r = await checkContent(content, { fetch: { timeoutMs: 5000 } }, []);
    expect(r.problems.list.map((p) => formatProblem(p, content))).toEqual([]);
    const media = r.artifacts.get('web')!.map((a) => a.media);
    const copy = (b: Buffer, ext: string) => `remote/${sha(b).slice(0, 32)}.${ext}`;
    expect(media).toEqual([
      [{ kind: 'image', path: copy(bytes.jpeg!, 'jpg'), source: `${base}/a.jpg` }],
      [{ kind: 'image', path: copy(bytes.png!, 'png'), source: `${base}/b.png` }],
      [{ kind: 'image', path: copy(bytes.service!, 'jpg'), source: `${base}/iiif/vase/info.json` }],
      [{ kind: 'image', path: copy(bytes.painted!, 'jpg'), source: `${base}/manifest.json` }],
      [{ kind: 'image', path: copy(bytes.jpeg!, 'jpg'), source: `${base}/a.jpg` }],
    ]);
    // The copies are the served bytes.
    const mediaDir = path.join(content, 'collections', 'web', 'media');
    expect(fs.readFileSync(path.join(mediaDir, copy(bytes.service!, 'jpg')))).toEqual(bytes.service);
    expect(fs.readFileSync(path.join(mediaDir, copy(bytes.painted!, 'jpg')))).toEqual(bytes.painted);
    expect(requests.get('/a.jpg')).toBe(1);
    expect(requests.get('/iiif/vase/full/max/0/default.jpg')).toBe(1);

    const asked = [...requests.values()].reduce((s, n) => s + n, 0);
    const again = await checkContent(content, { fetch: { timeoutMs: 5000 } }, []);
    expect(again.problems.count).toBe(0);
    expect(again.artifacts.get('web')!.map((a) => a.media)).toEqual(media);
    expect([...requests.values()].reduce((s, n) => s + n, 0)).toBe(asked);
  });

  it('every bad address is an error at its row, and nothing is published', async () => {
    const content = collection('bad', [
      `${base}/a.jpg`,
      `${base}/missing.jpg`,
      `${base}/slow.jpg`,
      `${base}/page.html`,
      `${base}/fake.jpg`,
      `${base}/huge.jpg`,
      `${base}/in-copyright.json`,
      'ftp://example.org/x.jpg',
    ]);
    const r = await checkContent(content, { fetch: { timeoutMs: 1500, maxBytes: 200_000 } }, []);
    const at = (row: number) => `collections/bad/records.csv:${row}:media.0.url:`;
    expect(r.problems.list.map((p) => formatProblem(p, content))).toEqual([
      `${at(3)} ${base}/missing.jpg answered HTTP 404 Not Found`,
      `${at(4)} ${base}/slow.jpg did not answer within 1.5 s`,
      `${at(5)} ${base}/page.html is neither an image nor IIIF JSON (content type "text/html")`,
      `${at(6)} ${base}/fake.jpg is labelled image/jpeg but is not a readable image`,
      `${at(7)} ${base}/huge.jpg is over the limit of 200,000 bytes`,
      `${at(8)} the IIIF manifest at ${base}/in-copyright.json states rights http://rightsstatements.org/vocab/InC/1.0/, but the record's rights are http://creativecommons.org/publicdomain/zero/1.0/`,
      `${at(9)} "ftp://example.org/x.jpg" is not an http(s) address`,
    ]);

    // Through the command (with its default limits, so the held address now answers 404 at once): the run fails
    // and no record file is written, not even the good row's.
    hold = false;
    const build = path.join(root, 'bad-build');
    vi.stubEnv('HERITAGE_CONTENT_DIR', content);
    vi.stubEnv('HERITAGE_BUILD_DIR', build);
    try {
      expect(await ingest()).toBe(1);
    } finally {
      vi.unstubAllEnvs();
    }
    expect(fs.existsSync(path.join(build, 'records', 'collections.json'))).toBe(false);
    expect(fs.existsSync(path.join(build, 'records', 'artifacts', 'bad.jsonl'))).toBe(false);
  });
});
