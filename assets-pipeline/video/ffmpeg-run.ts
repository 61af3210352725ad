// Runs ffmpeg as a child process, reporting how many seconds of media it has written (from `-progress`), and
// turning a failure into one readable line (the last lines of ffmpeg's stderr) instead of a stack trace.
import { spawn } from 'node:child_process';
import { ffmpegPath } from './ffmpeg-path.ts';

export class FfmpegError extends Error {}

export function runFfmpeg(args: readonly string[], onSeconds?: (s: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpegPath(), ['-hide_banner', '-nostdin', '-loglevel', 'error', '-y', '-progress', 'pipe:1', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        // Despite its name, out_time_ms is in microseconds.
        const m = /^out_time_ms=(\d+)/.exec(line);
        if (m && onSeconds) onSeconds(Number(m[1]) / 1e6);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.on('error', (e) => reject(new FfmpegError(`cannot run ffmpeg: ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new FfmpegError(`ffmpeg exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`));
    });
  });
}
