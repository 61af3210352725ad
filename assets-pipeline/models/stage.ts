// The model asset stage: every scene variant → validated, optimized LOD .glb files in build/media/models/ and
// build/assets/models.json. Incremental (input hash + settings key), atomic (write-file-atomic; the manifest is
// rewritten after each model, so a killed run resumes), and removed inputs remove their outputs.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { assetsDir, contentDir, mediaDir, ROOT } from '../../model/paths.ts';
import { readScenes, type Scene } from '../../model/scene.ts';
import {
  MODEL_MANIFEST_VERSION,
  modelKey,
  modelManifestPath,
  readPreviousModelManifest,
  type ModelLod,
  type ModelManifest,
} from '../../formats/manifests/models.ts';
import { LODS, type LodSpec } from './lods.ts';
import { optimizeLod } from './optimize.ts';
import { jobFor, type ModelJob } from './sources.ts';
import { validateGlb } from './validate.ts';
import { writeIfChanged } from '../write-if-changed.ts';
import { JobFailedError, JobQueueError } from '../jobs/errors.ts';
import { modelJobId, type ModelJobData } from '../jobs/model-job-id.ts';
import type { RemoteJobs } from '../jobs/remote.ts';

// Not every package exports ./package.json, so read it from disk.
const pkgDir = (pkg: string): string => path.join(ROOT, 'node_modules', pkg);
const version = (pkg: string): string => (JSON.parse(fs.readFileSync(path.join(pkgDir(pkg), 'package.json'), 'utf8')) as { version: string }).version;

export const settingsKey = (lods: readonly LodSpec[] = LODS): string =>
  createHash('sha256')
    .update(JSON.stringify({ lods, v: ['@gltf-transform/functions', 'meshoptimizer', 'draco3d', 'sharp', 'three'].map(version) }))
    .digest('hex')
    .slice(0, 16);

export interface StageOptions {
  /** The validated scenes; by default the published records. */
  scenes?: readonly Scene[];
  contentDir?: string;
  mediaDir?: string;
  assetsDir?: string;
  scenesCodeDir?: string;
  lods?: readonly LodSpec[];
  onProgress?: (done: number, total: number, label: string) => void;
  /** `redis://HOST:PORT`: each model's LODs are built as a job on that queue's workers (default folders only). */
  queue?: string;
  progress?: boolean;
}

export interface StageSummary {
  built: string[];
  skipped: string[];
  removed: string[];
  failed: { key: string; errors: string[] }[];
  problems: string[];
  bytes: Record<string, Record<string, number>>;
  ms: number;
}

export async function runModelStage(opts: StageOptions = {}): Promise<StageSummary> {
  const t0 = Date.now();
  const content = opts.contentDir ?? contentDir();
  const media = opts.mediaDir ?? mediaDir();
  const assets = opts.assetsDir ?? assetsDir();
  const lods = opts.lods ?? LODS;
  const key = settingsKey(lods);
  const manifestFile = modelManifestPath(assets);
  const summary: StageSummary = { built: [], skipped: [], removed: [], failed: [], problems: [], bytes: {}, ms: 0 };

  const scenes = opts.scenes ?? readScenes();
  const jobs: ModelJob[] = [];
  for (const scene of scenes)
    for (const variant of scene.variants) {
      try {
        jobs.push(jobFor(scene, variant.id, variant.source, path.join(content, 'scenes'), opts.scenesCodeDir));
      } catch (err) {
        summary.failed.push({ key: `${scene.id}/${variant.id}`, errors: [(err as Error).message] });
      }
    }

  const previous = readPreviousModelManifest(manifestFile, (line) => summary.problems.push(line));
  const manifest: ModelManifest = { version: MODEL_MANIFEST_VERSION, settingsKey: key, models: {} };
  // An unchanged manifest keeps its mtime: the site (and the scene bench) rebuild only when models changed.
  const save = () => writeIfChanged(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  const urlToFile = (url: string) => path.join(media, ...url.split('/').filter(Boolean));

  // As jobs, every model that needs building is sent at once; the loop below still takes the results in
  // order, so the manifest is written exactly as in-process.
  // Workers read and write the configured folders only.
  if (opts.queue && (opts.contentDir || opts.mediaDir || opts.assetsDir || opts.scenesCodeDir))
    throw new JobQueueError('with a queue the model stage uses the configured content and build folders, which the workers share');
  const remote = opts.queue ? await openRemote(opts.queue, opts.progress ?? Boolean(process.stderr.isTTY)) : undefined;
  const sources = new Map(
    scenes.flatMap((sc) => sc.variants.map((v) => [modelKey(sc.id, v.id), { sceneId: sc.id, variantId: v.id, source: v.source }] as const)),
  );
  const fresh = (job: ModelJob) => {
    const old = previous?.models[job.key];
    return old && old.inputHash === job.inputHash && previous?.settingsKey === key && old.lods.every((l) => fs.existsSync(urlToFile(l.url)));
  };
  const prefetched = new Map<string, Promise<BuildResult>>();
  if (remote)
    for (const job of jobs)
      if (!fresh(job)) {
        const data: ModelJobData = { ...sources.get(job.key)!, key: job.key, inputHash: job.inputHash, lods };
        prefetched.set(
          job.key,
          remote.run<{ lods: ModelLod[] }>(modelJobId(job.key, job.inputHash, key), data, job.label).then(
            (r) => checkStored(r, urlToFile),
            (err: unknown) => {
              if (err instanceof JobFailedError) return { errors: err.message.split('\n') };
              throw err;
            },
          ),
        );
      }
  // Settled or not, the coordinator is released when the loop ends or a lost queue stops it.
  for (const p of prefetched.values()) p.catch(() => {});

  let done = 0;
  try {
    for (const job of jobs) {
      opts.onProgress?.(done, jobs.length, job.key);
      const old = previous?.models[job.key];
      if (old && fresh(job)) {
        manifest.models[job.key] = old;
        summary.skipped.push(job.key);
        summary.bytes[job.key] = Object.fromEntries(old.lods.map((l) => [l.level, l.bytes]));
      } else {
        const result = (await prefetched.get(job.key)) ?? (await buildOne(job, lods, media));
        if ('errors' in result) {
          summary.failed.push({ key: job.key, errors: result.errors });
          if (old) manifest.models[job.key] = old; // keep serving the last good build rather than nothing
        } else {
          manifest.models[job.key] = { inputHash: job.inputHash, source: job.source, lods: result.lods };
          summary.built.push(job.key);
          summary.bytes[job.key] = Object.fromEntries(result.lods.map((l) => [l.level, l.bytes]));
          const over = result.lods.filter((l, i) => l.bytes > lods[i]!.budget);
          for (const l of over)
            summary.problems.push(`${job.key}: ${l.level} is ${l.bytes} bytes, over its budget of ${lods.find((s) => s.level === l.level)!.budget}`);
        }
        save();
      }
      opts.onProgress?.(++done, jobs.length, job.key);
    }
  } finally {
    await remote?.release();
  }
  for (const k of Object.keys(previous?.models ?? {})) if (!manifest.models[k]) summary.removed.push(k);
  save();
  sweep(path.join(media, 'models'), new Set(Object.values(manifest.models).flatMap((m) => m.lods.map((l) => urlToFile(l.url)))));
  summary.ms = Date.now() - t0;
  return summary;
}

type BuildResult = { lods: ModelLod[] } | { errors: string[] };

/** Loaded only with a queue, so the in-process build never loads BullMQ or a Redis client. */
async function openRemote(url: string, progress: boolean): Promise<RemoteJobs> {
  const { openRemoteJobs } = await import('../jobs/remote.ts');
  return openRemoteJobs('models', url, progress, (l) => console.log(l));
}

/** A worker's answer is only a message: what gets published is what the shared store holds. */
function checkStored(r: { lods: ModelLod[] }, urlToFile: (url: string) => string): BuildResult {
  const missing = r.lods.find((l) => !fs.existsSync(urlToFile(l.url)));
  if (missing)
    throw new JobQueueError(
      `a worker built ${missing.url}, but it is not in this build's store (${urlToFile('/')}): the coordinator and every worker must share that folder`,
    );
  return r;
}

export async function buildOne(job: ModelJob, lods: readonly LodSpec[], media: string): Promise<BuildResult> {
  let input: Uint8Array;
  try {
    input = await job.load();
  } catch (err) {
    return { errors: [`${job.label}: could not load: ${(err as Error).message}`] };
  }
  const check = await validateGlb(input, job.label);
  if (check.errors.length) return { errors: check.errors };
  const out: ModelLod[] = [];
  for (const lod of lods) {
    let r: Awaited<ReturnType<typeof optimizeLod>>;
    try {
      r = await optimizeLod(input, lod);
    } catch (err) {
      return { errors: [`${job.label}: ${lod.level}: optimization failed: ${(err as Error).message}`] };
    }
    const after = await validateGlb(r.glb, `${job.label} → ${lod.level}`);
    if (after.errors.length) return { errors: after.errors };
    // Content-addressed names: a changed model gets a new URL, so pages and caches never mix versions.
    const hash = createHash('sha256').update(r.glb).digest('hex').slice(0, 12);
    const url = `/models/${job.key}/${lod.level}.${hash}.glb`;
    const file = path.join(media, ...url.split('/').filter(Boolean));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!fs.existsSync(file)) writeFileAtomic.sync(file, Buffer.from(r.glb));
    out.push({
      level: lod.level,
      url,
      bytes: r.glb.byteLength,
      triangles: r.triangles,
      compression: lod.compression,
      ...(r.textureFormat ? { textureFormat: r.textureFormat } : {}),
    });
  }
  return { lods: out };
}

/** Deletes .glb files no manifest entry points at (removed models, old versions, leftovers of a killed run). */
function sweep(dir: string, keep: Set<string>): void {
  if (!fs.existsSync(dir)) return;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      sweep(p, keep);
      if (fs.readdirSync(p).length === 0) fs.rmdirSync(p);
    } else if (e.name.endsWith('.glb') && !keep.has(p)) fs.unlinkSync(p);
  }
}
