// Media by URL: a record may name a remote image, a IIIF Image service (its info.json) or a IIIF manifest instead of
// a file. The importer fetches each address once into the collection's own media folder (`media/remote/`, named by
// the bytes' hash, with `index.json` saying which address gave which file), so the stages and pages use the copy
// like any curator file and neither a build nor a visitor's page asks the remote site again; a machine without
// network builds from the cached copies. Fetching is bounded (time, size, content type, a real decode), and any
// failure is an error at the record's row, so nothing is published half-way.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import writeFileAtomic from 'write-file-atomic';

/** The folder below a collection's `media/` that holds fetched copies (a media path starts with it). */
export const REMOTE_DIR = 'remote';
const INDEX_FILE = 'index.json';

export interface FetchLimits {
  /** Whole request, headers and body. */
  timeoutMs: number;
  /** Largest image accepted; a IIIF JSON document may be at most 4 MiB. */
  maxBytes: number;
  /** Requests in flight at once (per run, across collections). */
  concurrency: number;
}
export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 30_000, maxBytes: 64 * 1024 * 1024, concurrency: 4 };
const MAX_JSON_BYTES = 4 * 1024 * 1024;

/** Image formats the image stage (sharp) renders; anything else is refused at import. */
const IMAGE_FORMATS: Record<string, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', tiff: 'tif', gif: 'gif', avif: 'avif' };

export interface RemoteEntry {
  /** Path below the collection's `media/` folder. */
  path: string;
  sha256: string;
  bytes: number;
  /** What the address was: an image, a IIIF Image service, or a IIIF manifest (whose first image was taken). */
  via: 'image' | 'iiif-image' | 'iiif-manifest';
  /** The rights a IIIF manifest states for its content (`rights`, or `license` in version 2). */
  rights?: string;
}
export type RemoteIndex = Record<string, RemoteEntry>;

/** One address a record names that is not in its collection's cache yet. */
export interface PendingMedia {
  collectionDir: string;
  url: string;
}

export function readRemoteIndex(collectionDir: string): RemoteIndex {
  try {
    return JSON.parse(fs.readFileSync(path.join(collectionDir, 'media', REMOTE_DIR, INDEX_FILE), 'utf8')) as RemoteIndex;
  } catch {
    return {};
  }
}

class FetchError extends Error {}

async function get(url: string, limits: FetchLimits): Promise<{ type: string; body: Buffer; url: string }> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(limits.timeoutMs), headers: { accept: 'image/*, application/ld+json, application/json' } });
  } catch (e) {
    throw new FetchError(failure(e, url, limits));
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new FetchError(`${url} answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
  }
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const maxBytes = limits.maxBytes;
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw new FetchError(`${url} is ${declared.toLocaleString('en')} bytes; the limit is ${maxBytes.toLocaleString('en')}`);
  }
  // Counted while reading: a server may omit or misstate its length.
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of res.body ?? []) {
      size += chunk.byteLength;
      if (size > maxBytes) {
        await res.body?.cancel().catch(() => undefined);
        throw new FetchError(`${url} is over the limit of ${maxBytes.toLocaleString('en')} bytes`);
      }
      chunks.push(Buffer.from(chunk));
    }
  } catch (e) {
    if (e instanceof FetchError) throw e;
    throw new FetchError(failure(e, url, limits));
  }
  return { type, body: Buffer.concat(chunks), url: res.url || url };
}

function failure(e: unknown, url: string, limits: FetchLimits): string {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError') return `${url} did not answer within ${limits.timeoutMs / 1000} s`;
  return `${url} could not be fetched (${err.cause?.code ?? err.cause?.message ?? err.message})`;
}

type Json = Record<string, unknown>;
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const first = (v: unknown): Json | undefined => (Array.isArray(v) ? (v[0] as Json | undefined) : (v as Json | undefined));
const contextOf = (doc: Json): string => JSON.stringify(doc['@context'] ?? '');

/** A IIIF Image service's whole image, from its info.json (version 3 says `max`, version 2 `full`). */
function serviceImage(doc: Json): string | undefined {
  if (!contextOf(doc).includes('iiif.io/api/image') && doc.protocol !== 'http://iiif.io/api/image') return undefined;
  const id = str(doc.id) ?? str(doc['@id']);
  if (!id) return undefined;
  return `${id.replace(/\/$/, '')}/full/${contextOf(doc).includes('/image/2') ? 'full' : 'max'}/0/default.jpg`;
}

/** A IIIF manifest's first painted image (Presentation 3, then 2), and the rights it states. */
function manifestImage(doc: Json): { image?: string; rights?: string } | undefined {
  if (doc.type === 'Manifest') {
    const body = first(first(first(first(doc.items)?.items)?.items)?.body);
    const rights = str(doc.rights);
    return { ...(str(body?.id) ? { image: str(body?.id) } : {}), ...(rights ? { rights } : {}) };
  }
  if (doc['@type'] === 'sc:Manifest') {
    const resource = first(first(first(first(doc.sequences)?.canvases)?.images)?.resource);
    const rights = str(doc.license) ?? str(first(doc.license));
    return { ...(str(resource?.['@id']) ? { image: str(resource?.['@id']) } : {}), ...(rights ? { rights } : {}) };
  }
  return undefined;
}

type Fetched = { body: Buffer; ext: string; via: RemoteEntry['via']; rights?: string };

/** The content type is the server's word; the decoder has the last one. */
async function asImage(got: { type: string; body: Buffer }, url: string): Promise<{ body: Buffer; ext: string }> {
  if (!got.type.startsWith('image/')) throw new FetchError(`${url} is not an image (content type "${got.type || 'none'}")`);
  const format = await sharp(got.body)
    .metadata()
    .then((m) => m.format as string | undefined)
    .catch(() => undefined);
  const ext = format ? IMAGE_FORMATS[format] : undefined;
  if (!ext) throw new FetchError(`${url} is labelled ${got.type} but is not a readable image${format ? ` (${format})` : ''}`);
  return { body: got.body, ext };
}

/** Fetches what one address names: the image itself, or the image a IIIF document points to. */
async function resolve(url: string, limits: FetchLimits): Promise<Fetched> {
  const probe = await get(url, limits);
  if (probe.type.startsWith('image/')) return { ...(await asImage(probe, url)), via: 'image' };
  if (!/json/.test(probe.type)) throw new FetchError(`${url} is neither an image nor IIIF JSON (content type "${probe.type || 'none'}")`);
  if (probe.body.length > MAX_JSON_BYTES) throw new FetchError(`${url} is a JSON document over ${MAX_JSON_BYTES / 1024 / 1024} MiB`);
  let doc: Json;
  try {
    doc = JSON.parse(probe.body.toString('utf8')) as Json;
  } catch {
    throw new FetchError(`${url} is labelled ${probe.type} but is not valid JSON`);
  }
  const service = serviceImage(doc);
  if (service) return { ...(await asImage(await get(service, limits), service)), via: 'iiif-image' };
  const manifest = manifestImage(doc);
  if (manifest?.image) {
    const src = new URL(manifest.image, probe.url).href;
    const img = await asImage(await get(src, limits), src);
    return { ...img, via: 'iiif-manifest', ...(manifest.rights ? { rights: manifest.rights } : {}) };
  }
  if (manifest) throw new FetchError(`${url} is a IIIF manifest with no image on its first canvas`);
  throw new FetchError(`${url} is JSON but neither a IIIF Image service (info.json) nor a IIIF manifest`);
}

export interface FetchSummary {
  fetched: number;
  /** Address → why it could not be used. */
  failures: Map<string, string>;
}

/** Fetches every pending address once (the same address named by many records is one request), writes each copy
 * under its hash (two addresses with the same bytes share one file) and updates each collection's index. */
export async function fetchRemoteMedia(
  pending: readonly PendingMedia[],
  limits: FetchLimits = DEFAULT_FETCH_LIMITS,
  progress: (done: number, total: number) => void = () => {},
): Promise<FetchSummary> {
  const work = new Map<string, PendingMedia>();
  for (const p of pending) work.set(`${p.collectionDir}\n${p.url}`, p);
  const jobs = [...work.values()];
  const failures = new Map<string, string>();
  const added = new Map<string, RemoteIndex>();
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      try {
        const got = await resolve(job.url, limits);
        const sha256 = crypto.createHash('sha256').update(got.body).digest('hex');
        const rel = `${REMOTE_DIR}/${sha256.slice(0, 32)}.${got.ext}`;
        const file = path.join(job.collectionDir, 'media', rel);
        if (!fs.existsSync(file)) {
          fs.mkdirSync(path.dirname(file), { recursive: true });
          writeFileAtomic.sync(file, got.body);
        }
        const index = added.get(job.collectionDir) ?? {};
        index[job.url] = { path: rel, sha256, bytes: got.body.length, via: got.via, ...(got.rights ? { rights: got.rights } : {}) };
        added.set(job.collectionDir, index);
      } catch (e) {
        if (!(e instanceof FetchError)) throw e;
        failures.set(job.url, e.message);
      }
      progress(++done, jobs.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limits.concurrency, jobs.length)) }, worker));
  // Each index is written once, after its copies: a killed run leaves copies without entries, fetched again next time.
  for (const [dir, entries] of added) {
    const file = path.join(dir, 'media', REMOTE_DIR, INDEX_FILE);
    writeFileAtomic.sync(file, `${JSON.stringify({ ...readRemoteIndex(dir), ...entries }, null, 1)}\n`);
  }
  return { fetched: [...added.values()].reduce((s, i) => s + Object.keys(i).length, 0), failures };
}
