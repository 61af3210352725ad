// The panorama stage: every variant of every panorama becomes a preview and a tile pyramid (render.ts) under
// `/pano/<id>/`, and `build/assets/panoramas.json` says where. Incremental (keyed by the source's content hash and
// the settings: an unchanged source is not decoded again), atomic (rendered into a temp folder renamed into place;
// a folder that exists is complete) and tolerant: a bad image is reported with its panorama, variant and file, and
// the run goes on. One source at a time: a photo-sized panorama (16,384 × 8,192) holds hundreds of megabytes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import writeFileAtomic from 'write-file-atomic';
import { confine } from '../../model/confine.ts';
import { assetsDir, contentDir } from '../../model/paths.ts';
import { takeFromLiveMedia } from '../link-tree.ts';
import { readPanoramas } from '../../model/panorama.ts';
import {
  PANORAMA_MANIFEST_VERSION,
  panoramaKey,
  panoramaManifestFile,
  panoramaManifestJson,
  type PanoramaEntry,
  type PanoramaManifest,
} from '../../formats/manifests/panoramas.ts';
import { ImageInputError } from '../images/render.ts';
import { pixelLimitFromEnv } from '../images/settings.ts';
import { hashFile } from '../images/store.ts';
import { writeIfChanged } from '../write-if-changed.ts';
import { JobFailedError, JobQueueError } from '../jobs/errors.ts';
import type { PanoramaJobData } from '../jobs/panorama-job.ts';
import type { RemoteJobs } from '../jobs/remote.ts';
import { PANORAMA_META, PANORAMA_SETTINGS, type PanoramaRender, type PanoramaSettings } from './render.ts';
import { panoramaOutputs, panoramaRoot, panoramaTmpRoot as tmpRoot, readPanoramaMeta as readMeta, renderPanoramaInto } from './store.ts';
import { openStore, type OutputStore } from '../jobs/output-store.ts';

const ID = /^[0-9a-f]{16}-[0-9a-f]{8}$/;
const STATE_FILE = 'panoramas.state.json';

export interface PanoramaSource {
  key: string;
  file: string;
}
export interface PanoramaProblem {
  key: string;
  file: string;
  message: string;
}

export interface PanoramaStageOptions {
  settings?: Partial<PanoramaSettings>;
  pixelLimit?: number;
  /** Default: every variant of the published panorama records. */
  sources?: PanoramaSource[];
  log?: (line: string) => void;
  /** `redis://HOST:PORT`: each variant renders as a job on that queue's workers instead of in this process. */
  queue?: string;
  /** The jobs' progress bar (with a queue); default when stderr is a terminal. */
  progress?: boolean;
}

export interface PanoramaStageResult {
  sources: number;
  rendered: number;
  unchanged: number;
  failed: number;
  removed: number;
  errors: PanoramaProblem[];
  seconds: number;
  /** Seconds spent rendering, per rendered source. */
  secondsPerSource: number;
}

interface StateEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  id: string;
}

const settingsHash = (s: PanoramaSettings): string =>
  crypto
    .createHash('sha256')
    .update(JSON.stringify({ s, vips: sharp.versions.vips, sharp: sharp.versions.sharp, v: 1 }))
    .digest('hex')
    .slice(0, 8);

/** Every variant of every published panorama, its file resolved inside the panorama's folder. */
export function panoramaSources(): { sources: PanoramaSource[]; errors: PanoramaProblem[] } {
  const sources: PanoramaSource[] = [];
  const errors: PanoramaProblem[] = [];
  for (const p of readPanoramas())
    for (const v of p.variants) {
      const key = panoramaKey(p.id, v.id);
      const c = confine(path.join(contentDir(), 'panoramas', p.id), v.source, `content/panoramas/${p.id}/`);
      if ('problem' in c) errors.push({ key, file: v.source, message: c.problem });
      else sources.push({ key, file: c.file });
    }
  return { sources, errors };
}

/** Loaded only with a queue, so the in-process build never loads BullMQ or a Redis client. The store first: a build
 * whose workers could not deliver stops before it adds a job. */
async function openRemote(url: string, progress: boolean, log: (line: string) => void): Promise<RemoteJobs & { store: OutputStore<PanoramaRender> }> {
  const store = await openStore(panoramaOutputs);
  await store.check();
  const { openRemoteJobs } = await import('../jobs/remote.ts');
  return { ...(await openRemoteJobs('panoramas', url, progress, log, tmpRoot())), store };
}

const entryFor = (id: string, hash: string, r: PanoramaRender): PanoramaEntry => ({
  hash,
  width: r.width,
  height: r.height,
  tileSize: r.tileSize,
  levels: r.levels,
  tiles: `/pano/${id}/tiles`,
  preview: { url: `/pano/${id}/preview.jpg`, ...r.preview },
});

export async function runPanoramaStage(options: PanoramaStageOptions = {}): Promise<PanoramaStageResult> {
  const started = performance.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const settings = { ...PANORAMA_SETTINGS, ...options.settings };
  const sHash = settingsHash(settings);
  const pixelLimit = options.pixelLimit ?? pixelLimitFromEnv();
  const found = options.sources ? { sources: options.sources, errors: [] } : panoramaSources();
  const errors = [...found.errors];
  const stateFile = path.join(assetsDir(), STATE_FILE);
  let prev: Record<string, StateEntry> = {};
  try {
    prev = (JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { entries: Record<string, StateEntry> }).entries;
  } catch {
    // first run, or unreadable: every source is hashed again
  }
  const remote = options.queue ? await openRemote(options.queue, options.progress ?? Boolean(process.stderr.isTTY), log) : undefined;
  // Workers may be writing into the temp folder of a shared store: with a queue they clean up after themselves.
  if (!remote) fs.rmSync(tmpRoot(), { recursive: true, force: true });
  const next: Record<string, StateEntry> = {};
  const manifest: PanoramaManifest = {};
  let rendered = 0;
  let unchanged = 0;
  let renderSeconds = 0;
  const total = found.sources.length;
  const one = async (src: PanoramaSource, i: number): Promise<void> => {
    try {
      const st = fs.statSync(src.file);
      const old = prev[src.key];
      const hash = old && old.size === st.size && old.mtimeMs === st.mtimeMs ? old.hash : await hashFile(src.file);
      const id = `${hash.slice(0, 16)}-${sHash}`;
      // A slot written two publishes behind the live one (site-versions) takes a pyramid the live one has.
      let meta = readMeta(id) ?? (takeFromLiveMedia(path.join(panoramaRoot(), id), PANORAMA_META) ? readMeta(id) : undefined);
      if (meta) unchanged++;
      else {
        const t = performance.now();
        if (remote) {
          const { store } = remote;
          const data: PanoramaJobData = {
            id,
            key: src.key,
            file: path.relative(contentDir(), src.file),
            hash,
            size: st.size,
            settings,
            pixelLimit,
            ...(store.spec ? { store: store.spec } : {}),
          };
          await remote.run<PanoramaRender>(id, data, `${src.key}: ${src.file}`);
          // The worker's answer is only a message: what gets published is what the store holds. A store that fails
          // here fails every panorama after it: the build stops rather than publish without them.
          meta = await store.take(id).catch((err: Error) => {
            throw new JobQueueError(err.message);
          });
          if (!meta)
            throw new JobQueueError(
              `the job for ${src.file} finished on a worker, but its pyramid is not in ${store.name}: the coordinator and every worker must share it`,
            );
        } else meta = await renderPanoramaInto(src.file, id, { settings, pixelLimit });
        const secs = (performance.now() - t) / 1000;
        renderSeconds += secs;
        rendered++;
        // As jobs they end in any order under the coordinator's bar, which gives the progress instead.
        const eta = (renderSeconds / rendered) * (total - i - 1);
        if (!remote)
          log(
            `  panorama ${i + 1}/${total} ${src.key}: ${meta.width}×${meta.height}, ${meta.levels.length} levels in ${secs.toFixed(1)} s (ETA ≤ ${eta.toFixed(0)} s)`,
          );
      }
      next[src.key] = { size: st.size, mtimeMs: st.mtimeMs, hash, id };
      manifest[src.key] = entryFor(id, hash, meta);
    } catch (err) {
      if (err instanceof JobQueueError) throw err;
      const message =
        err instanceof ImageInputError || err instanceof JobFailedError ? err.message : `unexpected failure: ${(err as Error).message ?? String(err)}`;
      errors.push({ key: src.key, file: src.file, message });
      // What was published from the previous version of the file stays published.
      const old = prev[src.key];
      const meta = old && readMeta(old.id);
      if (old && meta) {
        next[src.key] = old;
        manifest[src.key] = entryFor(old.id, old.hash, meta);
      }
    }
  };
  // In-process one source at a time (a big panorama holds hundreds of megabytes); as jobs, all at once.
  try {
    if (remote) await Promise.all(found.sources.map((src, i) => one(src, i)));
    else for (const [i, src] of found.sources.entries()) await one(src, i);
  } finally {
    await remote?.release();
  }

  // Folders no entry uses any more go, renamed aside first so a reader never sees half a folder.
  const live = new Set(Object.values(next).map((e) => e.id));
  let removed = 0;
  if (fs.existsSync(panoramaRoot()))
    for (const name of fs.readdirSync(panoramaRoot())) {
      if (!ID.test(name) || live.has(name)) continue;
      fs.mkdirSync(tmpRoot(), { recursive: true });
      const aside = path.join(tmpRoot(), `gone-${name}`);
      fs.renameSync(path.join(panoramaRoot(), name), aside);
      removed++;
    }
  // With a queue, other temp folders there may be workers' renders in progress.
  if (!remote) fs.rmSync(tmpRoot(), { recursive: true, force: true });
  else
    for (const name of fs.existsSync(tmpRoot()) ? fs.readdirSync(tmpRoot()) : []) {
      if (name.startsWith('gone-')) fs.rmSync(path.join(tmpRoot(), name), { recursive: true, force: true });
    }

  const sorted: PanoramaManifest = {};
  for (const k of Object.keys(manifest).sort()) sorted[k] = manifest[k]!;
  writeIfChanged(panoramaManifestFile(), panoramaManifestJson(sorted));
  fs.mkdirSync(assetsDir(), { recursive: true });
  await writeFileAtomic(stateFile, JSON.stringify({ version: PANORAMA_MANIFEST_VERSION, entries: next }));

  for (const e of errors) log(`panorama error: ${e.key}, file ${e.file}: ${e.message}`);
  const seconds = (performance.now() - started) / 1000;
  log(`panoramas: ${total} sources, ${rendered} rendered, ${unchanged} unchanged, ${errors.length} failed, ${removed} removed in ${seconds.toFixed(1)} s`);
  return { sources: total, rendered, unchanged, failed: errors.length, removed, errors, seconds, secondsPerSource: rendered ? renderSeconds / rendered : 0 };
}
