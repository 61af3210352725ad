// `npm run heritage -- live-demo`: a real live HLS stream on the loopback address a demo live view names, so a
// curator can watch its page go live (`npm start` in another terminal). Ctrl+C ends the broadcast: the playlist
// gets EXT-X-ENDLIST and the page says the stream has ended.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { contentDir } from '../../model/paths.ts';
import { startLiveStream } from '../live/stream.ts';

const LOOPBACK = /^https?:\/\/(127(\.\d{1,3}){3}|\[::1\]|localhost)(:\d+)?\//;

/** The loopback stream URLs of the content's live views (`--url` names another). */
function demoUrls(): { file: string; url: string }[] {
  const dir = path.join(contentDir(), 'live');
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .flatMap((f) => {
      try {
        const stream = (parse(fs.readFileSync(path.join(dir, f), 'utf8')) as { stream?: unknown } | null)?.stream;
        return typeof stream === 'string' && LOOPBACK.test(stream) ? [{ file: `content/live/${f}`, url: stream }] : [];
      } catch {
        return [];
      }
    });
}

export async function liveDemo(args: string[]): Promise<number> {
  const i = args.indexOf('--url');
  const url = i >= 0 ? args[i + 1] : demoUrls()[0]?.url;
  if (!url || !LOOPBACK.test(url)) {
    console.error('live-demo: no live view in content/live/ names a loopback stream (http://127.0.0.1:PORT/…/index.m3u8); pass --url URL');
    return 2;
  }
  console.log(`live-demo: starting ffmpeg (a test picture and tone, in real time)…`);
  const stream = await startLiveStream({ url, log: (l) => console.error(`ffmpeg: ${l}`) }).catch((err: NodeJS.ErrnoException) => {
    console.error(err.code === 'EADDRINUSE' ? `live-demo: ${new URL(url).host} is in use (another live-demo running?)` : `live-demo: ${err.message}`);
    return undefined;
  });
  if (!stream) return 1;
  console.log(`live-demo: live at ${url}  (Ctrl+C ends the broadcast)`);
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  console.log('\nlive-demo: ending the broadcast (EXT-X-ENDLIST), serving the last playlist for 10 s…');
  await stream.end();
  await new Promise((r) => setTimeout(r, 10_000));
  await stream.close();
  return 0;
}
