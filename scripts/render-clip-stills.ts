// Development-time: the still of each exhibition step that plays a film clip is the clip's own frame at its start
// (not the episode's poster, which is the same picture for every clip of it). ffmpeg takes that frame from the
// episode's published MP4 and it is written as content/exhibitions/<slug>/stills/<step>-<n>.jpg, which is
// committed; the exhibition stage publishes it like the other committed stills, so `npm ci && npm start` needs no
// ffmpeg for it. Run after a build that encoded the videos (`npm run heritage -- build`; HERITAGE_BUILD_DIR /
// HERITAGE_DIST_DIR name another, e.g. the e2e one in test-output/e2e/):
//   npx tsx scripts/render-clip-stills.ts [<exhibition>[/<step>]…]     (none: every clip step)
// A page shows a new still after the next build. The step's alt text describes what the frame shows: keep it true.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { ffmpegPath } from '../assets-pipeline/video/ffmpeg-path.ts';
import { readVideoManifest } from '../formats/manifests/video.ts';
import { readPublishedExhibitions } from '../model/exhibition.ts';
import { contentDir, mediaDir } from '../model/paths.ts';

const names = process.argv.slice(2);
const videos = readVideoManifest();
if (!videos) {
  console.error('no video manifest: run `npm run heritage -- build` first (its video stage encodes the episodes)');
  process.exit(1);
}

interface Job {
  name: string;
  file: string;
  mp4: string;
  at: number;
}
const jobs: Job[] = [];
for (const e of readPublishedExhibitions())
  for (const step of e.steps)
    for (const [n, m] of step.media.entries()) {
      if (m.kind !== 'clip') continue;
      const name = `${e.id}/${step.id}`;
      if (names.length > 0 && !names.some((x) => x === e.id || x === name)) continue;
      const video = videos.dramas[m.drama]?.episodes[m.episode];
      if (!video) {
        console.error(`${name}: ${m.drama}/${m.episode} has no published video: skipped`);
        continue;
      }
      jobs.push({
        name,
        file: path.join(contentDir(), 'exhibitions', e.id, 'stills', `${step.id}-${n}.jpg`),
        mp4: path.join(mediaDir(), video.mp4),
        at: m.start,
      });
    }

const t0 = Date.now();
let failed = 0;
for (const [i, job] of jobs.entries()) {
  if (!fs.existsSync(job.mp4)) {
    console.error(`${job.name}: ${job.mp4} is missing: run \`npm run heritage -- build\` to the end first`);
    failed++;
    continue;
  }
  let png: Buffer;
  try {
    // -ss after -i: decoded up to the exact time, not the keyframe before it (the stand-in's clock must read the start).
    png = execFileSync(
      ffmpegPath(),
      [
        '-hide_banner',
        '-loglevel',
        'error',
        '-nostdin',
        '-i',
        job.mp4,
        '-ss',
        job.at.toFixed(3),
        '-frames:v',
        '1',
        '-f',
        'image2pipe',
        '-c:v',
        'png',
        'pipe:1',
      ],
      { maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (err) {
    const stderr = String((err as { stderr?: Buffer }).stderr ?? '').trim();
    console.error(`${job.name}: ffmpeg failed on ${job.mp4}: ${stderr.split('\n').at(-1) || (err as Error).message}`);
    failed++;
    continue;
  }
  if (png.length === 0) {
    console.error(`${job.name}: ffmpeg gave no frame at ${job.at} s of ${job.mp4} (past its end?)`);
    failed++;
    continue;
  }
  const jpeg = await sharp(png).jpeg({ quality: 78, mozjpeg: true }).toBuffer();
  fs.mkdirSync(path.dirname(job.file), { recursive: true });
  fs.writeFileSync(`${job.file}.tmp`, jpeg);
  fs.renameSync(`${job.file}.tmp`, job.file);
  console.log(
    `[${i + 1}/${jobs.length}] ${path.relative(process.cwd(), job.file)} at ${job.at} s: ${(jpeg.length / 1024).toFixed(0)} kB (${((Date.now() - t0) / 1000).toFixed(1)} s)`,
  );
}
console.log(`${jobs.length - failed} of ${jobs.length} clip stills written${failed ? `, ${failed} failed` : ''}`);
if (failed) process.exit(1);
