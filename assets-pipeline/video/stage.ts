// Video stage: every drama episode → `build/media/dramas/<slug>/<episode>/video-<key>/` and the manifest
// `build/assets/dramas.json`. Incremental: the key hashes the inputs (source or stand-in card, dub files) and the
// settings, so an unchanged episode is skipped. Atomic: each episode is encoded into a temp folder that is renamed
// into place only when complete; a killed run leaves a `.tmp-*` folder that the next run deletes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import cliProgress from 'cli-progress';
import writeFileAtomic from 'write-file-atomic';
import { readDramas, type Drama, type Episode } from '../../model/drama.ts';
import { assetsDir, mediaDir } from '../../model/paths.ts';
import { takeFromLiveMedia } from '../link-tree.ts';
import { encodeEpisode, VIDEO_SETTINGS, type EncodeJob, type EncodeResult } from './encode.ts';
import { JobQueueError } from '../jobs/errors.ts';
import type { RemoteJobs } from '../jobs/remote.ts';
import type { VideoJobData } from '../jobs/video-job.ts';
import { standInFont } from './standin.ts';
import { readPreviousVideoManifest, VIDEO_MANIFEST_VERSION, videoManifestPath, type EpisodeVideo, type VideoManifest } from '../../formats/manifests/video.ts';

const sha = (data: crypto.BinaryLike): string => crypto.createHash('sha256').update(data).digest('hex');
const fileHash = (file: string): string => sha(fs.readFileSync(file));

/** Probing a real source's length needs ffprobe, which @ffmpeg-installer does not ship: real sources must state
 * their duration in drama.yaml too. Until then only stand-ins carry one. */
export function episodeJob(d: Drama, ep: Episode, dir: string): { job: EncodeJob; key: string } | { error: string } {
  const dubs = ep.dubs.map((a) => ({ lang: a.lang, file: path.join(dir, a.path) }));
  const descriptions = ep.descriptions.map((a) => ({ lang: a.lang, file: path.join(dir, a.path) }));
  if (!('standIn' in ep.video)) return { error: 'real source videos need a `duration` (not yet supported by this stage)' };
  const lines = [
    'STAND-IN VIDEO · 替代视频 · VIDÉO DE SUBSTITUTION',
    d.title.en ?? d.title.zh ?? d.title.fr ?? d.id,
    d.episodes.length > 1 ? (ep.title.en ?? ep.title.zh ?? ep.title.fr ?? ep.id) : (d.title.zh ?? ''),
  ];
  const job: EncodeJob = { source: { standIn: { lines } }, duration: ep.video.duration, originalLanguage: ep.originalLanguage, dubs, descriptions };
  const key = sha(
    JSON.stringify({
      settings: VIDEO_SETTINGS,
      lines,
      duration: job.duration,
      orig: ep.originalLanguage,
      font: standInFont()?.file ?? null,
      dubs: dubs.map((a) => [a.lang, fileHash(a.file)]),
      // Only when present, so episodes without one keep the keys (and encodings) they had.
      ...(descriptions.length ? { descriptions: descriptions.map((a) => [a.lang, fileHash(a.file)]) } : {}),
    }),
  ).slice(0, 16);
  return { job, key };
}

function entry(d: Drama, ep: Episode, key: string, r: EncodeResult, duration: number): EpisodeVideo {
  const base = `/dramas/${d.id}/${ep.id}/video-${key}`;
  return {
    key,
    duration,
    standIn: 'standIn' in ep.video,
    hls: `${base}/master.m3u8`,
    mp4: `${base}/video.mp4`,
    poster: `${base}/poster.jpg`,
    sprite: { image: `${base}/sprite.jpg`, vtt: `${base}/sprite.vtt`, interval: r.thumbInterval },
    renditions: r.renditions.map(({ width, height, bandwidth }) => ({ width, height, bandwidth })),
    audio: r.audio.map((a) => {
      if (a.describes) {
        const ad = ep.descriptions.find((x) => x.lang === a.lang);
        return { lang: a.lang, original: false, describes: true, standIn: ad?.standIn ?? false, ...(ad?.label ? { label: ad.label } : {}) };
      }
      const dub = ep.dubs.find((x) => x.lang === a.lang && !a.original);
      return { lang: a.lang, original: a.original, standIn: dub ? dub.standIn : 'standIn' in ep.video, ...(dub?.label ? { label: dub.label } : {}) };
    }),
  };
}

export interface VideoStageResult {
  encoded: number;
  skipped: number;
  failed: number;
  seconds: number;
}

/** Where an episode's encoding is published: `<media>/dramas/<drama>/<episode>/video-<key>/`. */
export const episodeOut = (dramaId: string, episodeId: string, key: string): string => path.join(mediaDir(), 'dramas', dramaId, episodeId, `video-${key}`);

/** Encodes into a temp folder beside the published one and renames it into place: the stage's and a worker's one way. */
export async function encodeInto(job: EncodeJob, out: string, key: string, onSeconds: (s: number) => void): Promise<EncodeResult> {
  const tmp = path.join(path.dirname(out), `.tmp-video-${key}-${process.pid}-${crypto.randomUUID()}`);
  fs.mkdirSync(tmp, { recursive: true });
  try {
    const r = await encodeEpisode(job, tmp, onSeconds);
    fs.rmSync(out, { recursive: true, force: true });
    fs.renameSync(tmp, out);
    return r;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Loaded only with a queue, so the in-process build never loads BullMQ or a Redis client. */
async function openRemote(url: string, progress: boolean, log: (line: string) => void): Promise<RemoteJobs> {
  const { openRemoteJobs } = await import('../jobs/remote.ts');
  return openRemoteJobs('video', url, progress, log);
}

export interface VideoStageOptions {
  /** `redis://HOST:PORT`: each episode is encoded as a job on that queue's workers instead of in this process. */
  queue?: string;
  progress?: boolean;
}

export async function runVideoStage(log: (line: string) => void = console.log, options: VideoStageOptions = {}): Promise<VideoStageResult> {
  const started = Date.now();
  const dramas = readDramas();
  const old = readPreviousVideoManifest(log);
  const manifest: VideoManifest = { version: VIDEO_MANIFEST_VERSION, settings: VIDEO_SETTINGS, dramas: {} };
  const todo: { d: Drama; ep: Episode; job: EncodeJob; key: string; out: string }[] = [];
  const result: VideoStageResult = { encoded: 0, skipped: 0, failed: 0, seconds: 0 };
  const root = path.join(mediaDir(), 'dramas');

  for (const { drama: d, dir } of dramas) {
    manifest.dramas[d.id] = { episodes: {} };
    for (const ep of d.episodes) {
      const planned = episodeJob(d, ep, dir);
      if ('error' in planned) {
        log(`${path.join(dir, 'drama.yaml')}: episode ${ep.id}: video: ${planned.error}`);
        result.failed++;
        continue;
      }
      const out = episodeOut(d.id, ep.id, planned.key);
      const prev = old?.dramas[d.id]?.episodes[ep.id];
      // The live version has it when this build writes the slot before it (site-versions): linked, not encoded.
      if (prev?.key === planned.key && (fs.existsSync(path.join(out, 'master.m3u8')) || takeFromLiveMedia(out, 'master.m3u8'))) {
        manifest.dramas[d.id]!.episodes[ep.id] = prev;
        result.skipped++;
      } else {
        todo.push({ d, ep, job: planned.job, key: planned.key, out });
      }
    }
  }

  const total = Math.ceil(todo.reduce((n, t) => n + t.job.duration, 0));
  const bar = new cliProgress.SingleBar(
    {
      format: 'video    {bar} {percentage}% | {value}/{total} s of video | ETA {eta_formatted} | {episode}',
      noTTYOutput: true,
      notTTYSchedule: 5000,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  // As jobs, every episode is sent at once (the coordinator's bar shows them); the loop below takes the results
  // in order, so the manifest is written exactly as in-process.
  const remote = options.queue && todo.length ? await openRemote(options.queue, options.progress ?? Boolean(process.stderr.isTTY), log) : undefined;
  const prefetched = new Map<(typeof todo)[number], Promise<EncodeResult>>();
  if (remote)
    for (const t of todo) {
      const data: VideoJobData = { dramaId: t.d.id, episodeId: t.ep.id, key: t.key };
      const p = remote.run<EncodeResult>(t.key, data, `${t.d.id}/${t.ep.id}`).then((r) => {
        // The worker's answer is only a message: what gets published is what the shared store holds.
        if (!fs.existsSync(path.join(t.out, 'master.m3u8')))
          throw new JobQueueError(
            `a worker encoded ${t.d.id}/${t.ep.id}, but ${t.out} is not in this build's store: the coordinator and every worker must share it`,
          );
        return r;
      });
      p.catch(() => {});
      prefetched.set(t, p);
    }
  if (todo.length && !remote) bar.start(total, 0, { episode: '' });
  let done = 0;
  try {
    for (const t of todo) {
      try {
        const r =
          (await prefetched.get(t)) ??
          (await encodeInto(t.job, t.out, t.key, (s) => bar.update(Math.min(total, Math.floor(done + s)), { episode: `${t.d.id}/${t.ep.id}` })));
        manifest.dramas[t.d.id]!.episodes[t.ep.id] = entry(t.d, t.ep, t.key, r, t.job.duration);
        result.encoded++;
      } catch (e) {
        if (e instanceof JobQueueError) throw e;
        bar.stop();
        log(`${t.d.id}/${t.ep.id}: video: ${(e as Error).message}`);
        result.failed++;
      }
      done += t.job.duration;
      if (!remote) bar.update(Math.floor(done));
    }
  } finally {
    await remote?.release();
  }
  if (todo.length && !remote) bar.stop();

  pruneStale(root, manifest);
  fs.mkdirSync(assetsDir(), { recursive: true });
  writeFileAtomic.sync(videoManifestPath(), JSON.stringify(manifest, null, 1));
  result.seconds = (Date.now() - started) / 1000;
  log(`video: ${result.encoded} encoded, ${result.skipped} unchanged, ${result.failed} failed, ${total} s of video in ${result.seconds.toFixed(1)} s`);
  return result;
}

/** Removes outputs of removed dramas/episodes, superseded encodings and temp folders of killed runs. Subtitle
 * folders of live episodes are left to the subtitle stage. */
function pruneStale(root: string, m: VideoManifest): void {
  if (!fs.existsSync(root)) return;
  for (const d of fs.readdirSync(root)) {
    const drama = m.dramas[d];
    if (!drama) {
      fs.rmSync(path.join(root, d), { recursive: true, force: true });
      continue;
    }
    for (const ep of fs.readdirSync(path.join(root, d))) {
      const live = drama.episodes[ep];
      const epDir = path.join(root, d, ep);
      if (!live) {
        fs.rmSync(epDir, { recursive: true, force: true });
        continue;
      }
      for (const f of fs.readdirSync(epDir)) {
        if ((f.startsWith('video-') && f !== `video-${live.key}`) || f.startsWith('.tmp-video-')) {
          fs.rmSync(path.join(epDir, f), { recursive: true, force: true });
        }
      }
    }
  }
}
