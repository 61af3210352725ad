// ffmpeg from PATH when the machine has one (usually newer, with system fonts), else the static binary shipped by
// `@ffmpeg-installer/ffmpeg`, so a fresh `npm ci && npm start` never fails for want of ffmpeg.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';

let cached: string | undefined;

export function ffmpegPath(): string {
  if (cached) return cached;
  const fromEnv = process.env.FFMPEG_BIN;
  const candidates = [fromEnv, 'ffmpeg'].filter((c): c is string => !!c);
  for (const c of candidates) {
    try {
      execFileSync(c, ['-hide_banner', '-version'], { stdio: 'ignore' });
      return (cached = c);
    } catch {
      // not runnable: try the next one
    }
  }
  const require = createRequire(import.meta.url);
  const installer = require('@ffmpeg-installer/ffmpeg') as { path: string };
  return (cached = installer.path);
}
