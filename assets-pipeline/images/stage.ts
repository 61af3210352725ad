// The image stage: every image a record points at becomes responsive derivatives and a level-0 IIIF
// pyramid, then every artifact with images gets a IIIF Presentation 3 manifest. Incremental (keyed by the
// source's content hash + settings), atomic (render into a temp folder, rename into place) and tolerant:
// a bad image is reported with its record and file, and the run goes on.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import pLimit from 'p-limit';
import writeFileAtomic from 'write-file-atomic';
import { assetsDir } from '../../model/paths.ts';
import { writePresentation, type PresentationSummary } from '../iiif/write.ts';
import { IMAGE_MANIFEST_VERSION, imageManifestFile, imageManifestJson, type ImageEntry, type ImageManifest } from '../../formats/manifests/images.ts';
import { ImageInputError, renderImage, VARIANT_FILES, type RenderResult } from './render.ts';
import { DEFAULT_SETTINGS, pixelLimitFromEnv, settingsHash, type DerivativeSettings } from './settings.ts';
import { collectImageSources, type ImageProblem, type ImageSource } from './sources.ts';
import { writeIfChanged } from '../write-if-changed.ts';
import { JobFailedError, JobQueueError } from '../jobs/errors.ts';
import type { RemoteImages } from '../jobs/image-remote.ts';
import {
  clearTemp,
  hashFile,
  imageId,
  iiifRoot,
  isComplete,
  linkFromStore,
  publish,
  readPublished,
  readState,
  removeUnused,
  tmpRoot,
  writeState,
  type StateEntry,
} from './store.ts';

export interface ImageStageOptions {
  settings?: Partial<DerivativeSettings>;
  /** Largest width × height decoded; bigger files are refused as decompression bombs. */
  pixelLimit?: number;
  /** Prefix for every published URL (e.g. `https://heritage.example.org`); default: site-root paths. */
  baseUrl?: string;
  /** Images in flight (sharp.concurrency() is 1 on the 2-core build machine, so two images keep both busy). */
  concurrency?: number;
  /** Progress bar on stderr; default when stderr is a terminal. */
  progress?: boolean;
  /** Also write IIIF Presentation manifests and collections (default true). */
  presentation?: boolean;
  log?: (line: string) => void;
  /** `redis://HOST:PORT`: renders run as jobs on the workers of that queue instead of in this process. */
  queue?: string;
}

export interface ImageStageResult {
  images: number;
  rendered: number;
  unchanged: number;
  failed: number;
  removed: number;
  errors: ImageProblem[];
  seconds: number;
  /** Milliseconds spent per output kind over all rendered images (summed across the images in flight). */
  ms: { thumb: number; display: number; tiles: number };
  presentation?: PresentationSummary;
}

export function defaultBaseUrl(): string {
  return (process.env.HERITAGE_MEDIA_BASE_URL ?? '').replace(/\/+$/, '');
}

function entryFor(id: string, hash: string, r: Pick<RenderResult, 'width' | 'height' | 'thumb' | 'display' | 'info'>, baseUrl: string): ImageEntry {
  const variant = (name: 'thumb' | 'display', size: { width: number; height: number }) => ({
    ...size,
    avif: `${baseUrl}/img/${id}/${name}.${VARIANT_FILES.avif}`,
    webp: `${baseUrl}/img/${id}/${name}.${VARIANT_FILES.webp}`,
    jpeg: `${baseUrl}/img/${id}/${name}.${VARIANT_FILES.jpeg}`,
  });
  const serviceId = `${baseUrl}/iiif/${id}`;
  return {
    width: r.width,
    height: r.height,
    hash,
    thumb: variant('thumb', r.thumb),
    display: variant('display', r.display),
    iiif: { id: serviceId, infoUrl: `${serviceId}/info.json`, info: { ...r.info, id: serviceId } },
  };
}

/** A previous entry is reusable when the file is unchanged (size + mtime, else by content) and its outputs exist. */
async function sourceHash(src: ImageSource, prev: StateEntry | undefined): Promise<{ hash: string; size: number; mtimeMs: number }> {
  const st = fs.statSync(src.file);
  if (prev && prev.size === st.size && prev.mtimeMs === st.mtimeMs) return { hash: prev.hash, size: st.size, mtimeMs: st.mtimeMs };
  return { hash: await hashFile(src.file), size: st.size, mtimeMs: st.mtimeMs };
}

/** Loaded only with a queue, so the in-process build never loads BullMQ or a Redis client. */
async function openRemote(url: string, progress: boolean, log: (line: string) => void): Promise<RemoteImages> {
  const { openImageJobs } = await import('../jobs/image-remote.ts');
  return openImageJobs(url, progress, log);
}

export async function runImageStage(options: ImageStageOptions = {}): Promise<ImageStageResult> {
  const started = performance.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const settings: DerivativeSettings = { ...DEFAULT_SETTINGS, ...options.settings };
  const sHash = settingsHash(settings);
  const pixelLimit = options.pixelLimit ?? pixelLimitFromEnv();
  const baseUrl = (options.baseUrl ?? defaultBaseUrl()).replace(/\/+$/, '');
  const limit = pLimit(options.concurrency ?? 2);
  const showBar = options.progress ?? Boolean(process.stderr.isTTY);
  // With a queue this process only hashes and waits; the coordinator draws the one bar over all workers.
  const remote = options.queue ? await openRemote(options.queue, showBar, log) : undefined;
  // Remote renders are awaited outside the slots above, so the hashing gets slots of its own.
  const hashSlots = remote ? pLimit(8) : undefined;

  // Workers may be writing into the temp folder of a shared store: the remote path clears only stale leftovers.
  if (!remote) clearTemp();
  const prevState = readState();
  const prev = prevState?.settings === sHash ? prevState.entries : {};
  const { sources, problems } = await collectImageSources();
  const errors: ImageProblem[] = [...problems];
  const next: Record<string, StateEntry> = {};
  const ms = { thumb: 0, display: 0, tiles: 0 };
  let rendered = 0;
  let unchanged = 0;
  // Two keys with the same bytes share one render; the second waits for the first.
  const inFlight = new Map<string, Promise<Omit<RenderResult, 'ms'>>>();

  const bar = new cliProgress.SingleBar(
    {
      format: 'images {bar} {value}/{total} | ETA {eta_formatted} | {rendered} rendered, {unchanged} unchanged, {failed} failed',
      stream: process.stderr,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  if (showBar && !remote) bar.start(sources.length, 0, { rendered: 0, unchanged: 0, failed: errors.length });

  const one = async (src: ImageSource): Promise<void> => {
    try {
      const stat = await (hashSlots ? hashSlots(() => sourceHash(src, prev[src.key])) : sourceHash(src, prev[src.key]));
      const id = imageId(stat.hash, sHash);
      const old = prev[src.key];
      if (old && old.id === id && (isComplete(id) || linkFromStore(id))) {
        let entry = old.entry;
        if (entry.iiif.id !== `${baseUrl}/iiif/${id}`) {
          // Only the base URL changed: rewrite URLs and the info.json id, no pixels.
          entry = entryFor(id, stat.hash, { ...entry, info: entry.iiif.info }, baseUrl);
          await writeFileAtomic(path.join(iiifRoot(), id, 'info.json'), JSON.stringify(entry.iiif.info));
        }
        next[src.key] = { ...stat, id, entry };
        unchanged++;
        return;
      }
      const published = isComplete(id) || linkFromStore(id) ? readPublished(id) : undefined;
      if (published) {
        next[src.key] = { ...stat, id, entry: entryFor(id, stat.hash, published, baseUrl) };
        if (published.info.id !== `${baseUrl}/iiif/${id}`) {
          await writeFileAtomic(path.join(iiifRoot(), id, 'info.json'), JSON.stringify(next[src.key]!.entry.iiif.info));
        }
        unchanged++;
        return;
      }
      let job = inFlight.get(id);
      if (!job) {
        job = remote
          ? remote.render(src, id, stat, { settings, pixelLimit, serviceId: `${baseUrl}/iiif/${id}` }, ms, () => rendered++)
          : (async () => {
              const tmp = path.join(tmpRoot(), `${id}-${crypto.randomUUID()}`);
              try {
                const r = await renderImage(src.file, tmp, { settings, pixelLimit, serviceId: `${baseUrl}/iiif/${id}` });
                publish(tmp, id);
                ms.thumb += r.ms.thumb;
                ms.display += r.ms.display;
                ms.tiles += r.ms.tiles;
                rendered++;
                return r;
              } finally {
                fs.rmSync(tmp, { recursive: true, force: true });
              }
            })();
        inFlight.set(id, job);
      }
      const r = await job;
      next[src.key] = { ...stat, id, entry: entryFor(id, stat.hash, r, baseUrl) };
    } catch (err) {
      if (err instanceof JobQueueError) throw err;
      const message =
        err instanceof ImageInputError || err instanceof JobFailedError ? err.message : `unexpected failure: ${(err as Error).message ?? String(err)}`;
      errors.push({ record: src.record, file: src.file, message });
    } finally {
      if (showBar && !remote) bar.increment({ rendered, unchanged, failed: errors.length });
    }
  };
  try {
    await Promise.all(sources.map((s) => (remote ? one(s) : limit(() => one(s)))));
  } finally {
    await remote?.close();
  }
  if (showBar && !remote) bar.stop();

  const live = new Set(Object.values(next).map((e) => e.id));
  const removed = removeUnused(live);
  if (!remote) clearTemp();

  const manifest: ImageManifest = {};
  for (const key of Object.keys(next).sort()) manifest[key] = next[key]!.entry;
  // At 10,000+ images the state and manifest are megabytes: skip serializing them when nothing moved.
  const same = (a: StateEntry | undefined, b: StateEntry) =>
    a !== undefined && a.id === b.id && a.size === b.size && a.mtimeMs === b.mtimeMs && a.entry === b.entry;
  const dirty =
    prevState?.settings !== sHash ||
    prevState.manifestVersion !== IMAGE_MANIFEST_VERSION ||
    Object.keys(prev).length !== Object.keys(next).length ||
    Object.entries(next).some(([k, e]) => !same(prev[k], e)) ||
    !fs.existsSync(imageManifestFile());
  if (dirty) {
    fs.mkdirSync(assetsDir(), { recursive: true });
    writeIfChanged(imageManifestFile(), imageManifestJson(manifest));
    await writeState({ settings: sHash, manifestVersion: IMAGE_MANIFEST_VERSION, entries: next });
  }

  const presentation = options.presentation === false ? undefined : await writePresentation(manifest, { baseUrl });

  for (const e of errors) log(`image error: record ${e.record}, file ${e.file}: ${e.message}`);
  const seconds = (performance.now() - started) / 1000;
  log(
    `images: ${sources.length} in records, ${rendered} rendered, ${unchanged} unchanged, ${errors.length} failed, ` +
      `${removed} removed` +
      (presentation ? `; IIIF: ${presentation.manifests} manifests (${presentation.written} written), ${presentation.collections} collections` : '') +
      ` in ${seconds.toFixed(1)} s`,
  );
  return { images: sources.length, rendered, unchanged, failed: errors.length, removed, errors, seconds, ms, ...(presentation ? { presentation } : {}) };
}
