// A real live HLS stream on this machine, for the demo live view and the browser tests: ffmpeg encodes a generated
// test picture and tone in real time (`-re`) into a sliding-window playlist (the last few one-second segments,
// older ones deleted), and a small HTTP server sends them with CORS, as a streaming host would to the site.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { ffmpegPath } from '../../assets-pipeline/video/ffmpeg-path.ts';

export interface LiveStreamOptions {
  /** The playlist URL to serve: a loopback http URL (its port and path are used). */
  url: string;
  /** Stop by itself after this many seconds (ffmpeg ends the playlist), else when asked. */
  seconds?: number;
  log?: (line: string) => void;
}

export interface LiveStream {
  url: string;
  dir: string;
  /** Stops ffmpeg the way an encoder ends a broadcast: the playlist gets EXT-X-ENDLIST; the server keeps serving. */
  end: () => Promise<void>;
  /** Stops the server (a stream host gone mid-play) and ffmpeg. */
  close: () => Promise<void>;
}

const SEGMENT_SECONDS = 1;
const WINDOW = 6;
const FPS = 10;

function ffmpegArgs(dir: string, seconds?: number): string[] {
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-re',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=480x270:rate=${FPS}`,
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:sample_rate=44100',
    ...(seconds ? ['-t', String(seconds)] : []),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-tune',
    'zerolatency',
    '-profile:v',
    'baseline',
    '-pix_fmt',
    'yuv420p',
    '-g',
    String(FPS * SEGMENT_SECONDS),
    '-keyint_min',
    String(FPS * SEGMENT_SECONDS),
    '-sc_threshold',
    '0',
    '-c:a',
    'aac',
    '-b:a',
    '64k',
    '-ac',
    '1',
    '-f',
    'hls',
    '-hls_time',
    String(SEGMENT_SECONDS),
    '-hls_list_size',
    String(WINDOW),
    '-hls_flags',
    'delete_segments+independent_segments',
    '-hls_segment_filename',
    path.join(dir, 'seg-%05d.ts'),
    path.join(dir, 'index.m3u8'),
  ];
}

const TYPES: Record<string, string> = { '.m3u8': 'application/vnd.apple.mpegurl', '.ts': 'video/mp2t' };

function serve(dir: string, prefix: string): http.Server {
  return http.createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Cache-Control', 'no-cache');
    const p = (req.url ?? '').replace(/[?#].*$/, '');
    const name = p.startsWith(prefix) ? p.slice(prefix.length) : '';
    // Only the playlist and its segments, by plain file name: nothing else of the machine is reachable.
    const type = TYPES[path.extname(name)];
    if (!/^[\w.-]+$/.test(name) || !type) {
      res.writeHead(404).end();
      return;
    }
    fs.readFile(path.join(dir, name), (err, body) => {
      if (err) res.writeHead(404).end();
      else res.writeHead(200, { 'Content-Type': type, 'Content-Length': body.length }).end(req.method === 'HEAD' ? undefined : body);
    });
  });
}

const segmentsIn = (file: string): number => {
  try {
    return (fs.readFileSync(file, 'utf8').match(/^#EXTINF/gm) ?? []).length;
  } catch {
    return 0;
  }
};

/** Starts ffmpeg and the server; resolves once the playlist holds two segments. */
export async function startLiveStream(options: LiveStreamOptions): Promise<LiveStream> {
  const url = new URL(options.url);
  const log = options.log ?? (() => {});
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-live-'));
  const prefix = url.pathname.slice(0, url.pathname.lastIndexOf('/') + 1);
  if (path.basename(url.pathname) !== 'index.m3u8') throw new Error(`${options.url}: the demo stream's playlist must be named index.m3u8`);
  const server = serve(dir, prefix);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(url.port || 80), url.hostname.replace(/^\[|\]$/g, ''), resolve);
  });
  const ffmpeg: ChildProcess = spawn(ffmpegPath(), ffmpegArgs(dir, options.seconds), { stdio: ['pipe', 'ignore', 'pipe'] });
  ffmpeg.stderr?.on('data', (d: Buffer) => log(d.toString().trim()));
  const exited = new Promise<void>((resolve) => ffmpeg.once('exit', () => resolve()));
  const playlist = path.join(dir, 'index.m3u8');
  const started = Date.now();
  while (segmentsIn(playlist) < 2) {
    if (ffmpeg.exitCode !== null) {
      server.close();
      throw new Error(`ffmpeg stopped before the stream started (exit ${ffmpeg.exitCode})`);
    }
    if (Date.now() - started > 60_000) throw new Error('the live stream did not start within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  const end = async () => {
    if (ffmpeg.exitCode === null) {
      // `q` on its input makes ffmpeg finish cleanly and write the playlist's end.
      ffmpeg.stdin?.end('q');
      await exited;
    }
  };
  return {
    url: options.url,
    dir,
    end,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ffmpeg.exitCode === null) ffmpeg.kill('SIGKILL');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
