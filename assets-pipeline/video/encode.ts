// One episode → H.264/AAC HLS ladder with one audio rendition per language (and a described one per audio
// description), a progressive MP4, a poster and a
// thumbnail sprite with its WebVTT track. Every video rendition is encoded once, in one ffmpeg pass; the MP4 is a
// remux of the top rendition, so it costs no extra encoding.
import fs from 'node:fs';
import path from 'node:path';
import { runFfmpeg } from './ffmpeg-run.ts';
import { standInInputs } from './standin.ts';
import { DESCRIBED_NAME_SUFFIX, DESCRIBES_VIDEO } from '../../formats/hls.ts';

export const VIDEO_SETTINGS = {
  // 2: one file per segment instead of byte ranges of a single file (see HLS below). 3: a stand-in's title lines
  // are sized to fit the card. 4: a stand-in's pip is one period looped (see standin.ts).
  version: 4,
  // Stand-ins are a title card with a timecode: 10 fps shows the clock ticking and halves encoding time vs 25 fps.
  fps: 10,
  renditions: [
    { name: 'v360', width: 640, height: 360, crf: 30 },
    { name: 'v180', width: 320, height: 180, crf: 32 },
  ],
  /** Keyframe every 2 s so 6 s HLS segments start on keyframes and seeking is quick. */
  gopSeconds: 2,
  hlsTime: 6,
  audioBitrate: '64k',
  thumb: { width: 160, height: 90, columns: 10, maxCount: 100, minInterval: 5 },
} as const;

export interface AudioInput {
  lang: string;
  /** Absolute path; undefined for the video's own (original) audio. */
  file?: string;
}

export interface EncodeJob {
  /** Absolute path of a real source video, or a stand-in description. */
  source: { file: string } | { standIn: { lines: string[] } };
  duration: number;
  originalLanguage: string;
  dubs: AudioInput[];
  /** Audio-description narrations, each mixed over the rendition of its language. */
  descriptions?: { lang: string; file: string }[];
}

export interface EncodeResult {
  renditions: { name: string; width: number; height: number; bandwidth: number; playlist: string }[];
  audio: { lang: string; playlist: string; original: boolean; describes?: boolean }[];
  thumbInterval: number;
}

const X264 = (crf: number, fps: number): string[] => [
  '-c:v',
  'libx264',
  '-preset',
  'ultrafast',
  '-profile:v',
  'baseline',
  '-level',
  '3.0',
  '-crf',
  String(crf),
  '-pix_fmt',
  'yuv420p',
  '-g',
  String(VIDEO_SETTINGS.gopSeconds * fps),
  '-keyint_min',
  String(VIDEO_SETTINGS.gopSeconds * fps),
  '-sc_threshold',
  '0',
];
/** One MPEG-TS file per segment. The old `single_file` output (byte ranges of one .ts) made hls.js stall after a
 * start at, or seek to, a point not yet loaded: the element stayed paused/at readyState 1 and play() never resolved
 * (reproduced in Chromium with hls.js 1.7 and the 2018 ffmpeg of @ffmpeg-installer; separate files play at once). */
const HLS = (dir: string, name: string): string[] => [
  '-f',
  'hls',
  '-hls_time',
  String(VIDEO_SETTINGS.hlsTime),
  '-hls_playlist_type',
  'vod',
  '-hls_flags',
  'independent_segments',
  '-hls_segment_filename',
  path.join(dir, `${name}-%03d.ts`),
  path.join(dir, `${name}.m3u8`),
];

/** Segment files of a media playlist with their durations. */
export function playlistSegments(dir: string, playlist: string): { file: string; duration: number }[] {
  const out: { file: string; duration: number }[] = [];
  let duration = 0;
  for (const line of fs.readFileSync(path.join(dir, playlist), 'utf8').split('\n')) {
    const m = /^#EXTINF:([\d.]+)/.exec(line);
    if (m) duration = Number(m[1]);
    else if (line && !line.startsWith('#')) out.push({ file: line.trim(), duration });
  }
  return out;
}

/** BANDWIDTH is the peak segment bit rate (RFC 8216 §4.3.4.2), measured now that segments are separate files. */
function peakBitrate(dir: string, playlist: string): number {
  let peak = 0;
  for (const s of playlistSegments(dir, playlist)) {
    if (s.duration > 0.5) peak = Math.max(peak, (fs.statSync(path.join(dir, s.file)).size * 8) / s.duration);
  }
  return peak;
}
const AAC = ['-c:a', 'aac', '-b:a', VIDEO_SETTINGS.audioBitrate, '-ac', '1', '-ar', '44100'];

export const thumbInterval = (duration: number): number => Math.max(VIDEO_SETTINGS.thumb.minInterval, Math.ceil(duration / VIDEO_SETTINGS.thumb.maxCount));

export async function encodeEpisode(job: EncodeJob, dir: string, onSeconds: (s: number) => void): Promise<EncodeResult> {
  const { fps, renditions, thumb } = VIDEO_SETTINGS;
  const top = renditions[0];
  const interval = thumbInterval(job.duration);
  const count = Math.max(1, Math.ceil(job.duration / interval));
  const rows = Math.ceil(count / thumb.columns);
  const d = job.duration.toFixed(3);

  let inputs: string[];
  let pre: string;
  let videoIn: string;
  let audioIn: string;
  if ('file' in job.source) {
    inputs = ['-i', job.source.file];
    pre = `[0:v]fps=${fps}[card]`;
    videoIn = '[card]';
    audioIn = '0:a:0';
  } else {
    const s = standInInputs({ duration: job.duration, fps, width: top.width, height: top.height, lines: job.source.standIn.lines }, dir);
    inputs = s.inputs;
    pre = `${s.videoChain};${s.audioChain}`;
    videoIn = '[card]';
    audioIn = '[pip]';
  }
  const splits = renditions.map((r) => `[s${r.name}]`).join('');
  const graph = [
    pre,
    `${videoIn}split=${renditions.length + 1}${splits}[sthumb]`,
    ...renditions.map((r) => `[s${r.name}]scale=${r.width}:${r.height}[o${r.name}]`),
    `[sthumb]fps=1/${interval},scale=${thumb.width}:${thumb.height},tile=${thumb.columns}x${rows}[osprite]`,
  ].join(';');
  const orig = `a-${job.originalLanguage}`;
  await runFfmpeg(
    [
      ...inputs,
      '-filter_complex',
      graph,
      '-t',
      d,
      ...renditions.flatMap((r) => ['-map', `[o${r.name}]`, '-an', ...X264(r.crf, fps), ...HLS(dir, r.name)]),
      '-map',
      `[osprite]`,
      '-frames:v',
      '1',
      '-q:v',
      '5',
      path.join(dir, 'sprite.jpg'),
      '-map',
      audioIn,
      '-vn',
      ...AAC,
      ...HLS(dir, orig),
    ],
    onSeconds,
  );
  for (const f of fs.readdirSync(dir)) if (f.startsWith('card-line-')) fs.rmSync(path.join(dir, f));

  const audio: EncodeResult['audio'] = [{ lang: job.originalLanguage, playlist: `${orig}.m3u8`, original: true }];
  for (const dub of job.dubs) {
    if (!dub.file) continue;
    // Pad or cut the dub to the picture's length so every audio rendition has the same segments.
    await runFfmpeg(['-i', dub.file, '-af', 'apad', '-t', d, '-vn', ...AAC, ...HLS(dir, `a-${dub.lang}`)]);
    audio.push({ lang: dub.lang, playlist: `a-${dub.lang}.m3u8`, original: false });
  }
  for (const ad of job.descriptions ?? []) {
    const under = audio.find((a) => a.lang === ad.lang && !a.describes);
    if (!under) throw new Error(`audio description in "${ad.lang}": the episode has no audio in that language`);
    // The narration over the dialogue it was timed against; amix halves each input, `volume` restores the level.
    await runFfmpeg([
      '-i',
      path.join(dir, under.playlist),
      '-i',
      ad.file,
      '-filter_complex',
      '[0:a][1:a]amix=inputs=2:duration=first:dropout_transition=0,volume=2[mix]',
      '-map',
      '[mix]',
      '-t',
      d,
      '-vn',
      ...AAC,
      ...HLS(dir, `ad-${ad.lang}`),
    ]);
    audio.push({ lang: ad.lang, playlist: `ad-${ad.lang}.m3u8`, original: false, describes: true });
  }
  // ffmpeg's HLS demuxer reads the local playlists, so the MP4 is still a remux of the top rendition.
  await runFfmpeg([
    '-i',
    path.join(dir, `${top.name}.m3u8`),
    '-i',
    path.join(dir, `${orig}.m3u8`),
    '-map',
    '0:v',
    '-map',
    '1:a',
    '-c',
    'copy',
    '-bsf:a',
    'aac_adtstoasc',
    '-movflags',
    '+faststart',
    path.join(dir, 'video.mp4'),
  ]);
  await runFfmpeg(['-ss', (job.duration * 0.1).toFixed(2), '-i', path.join(dir, 'video.mp4'), '-frames:v', '1', '-q:v', '4', path.join(dir, 'poster.jpg')]);

  const audioBw = Math.max(...audio.map((a) => peakBitrate(dir, a.playlist)));
  const result: EncodeResult = {
    renditions: renditions.map((r) => ({
      name: r.name,
      width: r.width,
      height: r.height,
      playlist: `${r.name}.m3u8`,
      bandwidth: Math.ceil(peakBitrate(dir, `${r.name}.m3u8`) + audioBw),
    })),
    audio,
    thumbInterval: interval,
  };
  fs.writeFileSync(path.join(dir, 'master.m3u8'), masterPlaylist(result));
  fs.writeFileSync(path.join(dir, 'sprite.vtt'), spriteVtt(job.duration, interval));
  return result;
}

/** Written by hand because the ffmpeg shipped by @ffmpeg-installer (2018) cannot name or tag audio renditions
 * (`var_stream_map` gained `language:`/`name:` later), and players need LANGUAGE to build an audio menu. */
export function masterPlaylist(r: EncodeResult): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:4', '#EXT-X-INDEPENDENT-SEGMENTS'];
  for (const a of r.audio) {
    lines.push(
      `#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="aud",LANGUAGE="${a.lang}",NAME="${a.lang}${a.describes ? DESCRIBED_NAME_SUFFIX : a.original ? '' : ' (dub)'}",` +
        `DEFAULT=${a.original ? 'YES' : 'NO'},AUTOSELECT=YES,${a.describes ? `CHARACTERISTICS="${DESCRIBES_VIDEO}",` : ''}` +
        `CHANNELS="1",URI="${a.playlist}"`,
    );
  }
  for (const v of r.renditions) {
    lines.push(
      `#EXT-X-STREAM-INF:BANDWIDTH=${v.bandwidth},RESOLUTION=${v.width}x${v.height},` +
        `CODECS="avc1.42e01e,mp4a.40.2",FRAME-RATE=${VIDEO_SETTINGS.fps}.000,AUDIO="aud"`,
      v.playlist,
    );
  }
  return `${lines.join('\n')}\n`;
}

const vttTime = (s: number): string => {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${(s % 60).toFixed(3).padStart(6, '0')}`;
};

/** Thumbnail track for seek-bar previews: each cue points at its tile with a media fragment (`#xywh=`). */
export function spriteVtt(duration: number, interval: number): string {
  const { width, height, columns } = VIDEO_SETTINGS.thumb;
  const out = ['WEBVTT', ''];
  for (let i = 0, t = 0; t < duration; i++, t += interval) {
    const x = (i % columns) * width;
    const y = Math.floor(i / columns) * height;
    out.push(`${vttTime(t)} --> ${vttTime(Math.min(duration, t + interval))}`, `sprite.jpg#xywh=${x},${y},${width},${height}`, '');
  }
  return out.join('\n');
}
