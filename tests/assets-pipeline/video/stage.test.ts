// Runs the real video stage (real ffmpeg) over a 12-second stand-in with one dub and one audio description, in a
// temporary site.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegPath } from '../../../assets-pipeline/video/ffmpeg-path.ts';
import { runVideoStage } from '../../../assets-pipeline/video/stage.ts';
import { readVideoManifest } from '../../../formats/manifests/video.ts';
import { playlistSegments, spriteVtt } from '../../../assets-pipeline/video/encode.ts';
import { checkContent, publishContent } from '../../../assets-pipeline/ingest/content.ts';
import { ROOT } from '../../../model/paths.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'video-stage-'));
const content = path.join(tmp, 'content');
const build = path.join(tmp, 'build');
const drama = path.join(content, 'dramas', 'tiny');
const quiet = () => undefined;

/** `heritage ingest`: the stage reads the published records, as in a build. */
async function ingest(): Promise<void> {
  const r = await checkContent();
  if (r.problems.count) throw new Error(r.problems.list.map((p) => p.message).join('\n'));
  publishContent(r);
}

/** The curator's command, in a child process like from the shell: exit code and printed text. */
function heritage(...args: string[]): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/heritage.ts'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, HERITAGE_CONTENT_DIR: content, HERITAGE_BUILD_DIR: build },
  });
  return { status: r.status, output: r.stdout + r.stderr };
}

/** Stream descriptions from `ffmpeg -i` (ffprobe is not shipped by @ffmpeg-installer). */
function streams(file: string): string {
  try {
    execFileSync(ffmpegPath(), ['-hide_banner', '-i', file], { stdio: 'pipe' });
  } catch (e) {
    return String((e as { stderr: Buffer }).stderr);
  }
  return '';
}

/** Mean loudness in dB of an audio input (ffmpeg's volumedetect). */
function meanVolume(file: string): number {
  const r = spawnSync(ffmpegPath(), ['-hide_banner', '-i', file, '-af', 'volumedetect', '-f', 'null', '-'], { encoding: 'utf8' });
  const m = /mean_volume: (-?[\d.]+) dB/.exec(r.stderr);
  if (!m) throw new Error(`no volume measured for ${file}: ${r.stderr.slice(-300)}`);
  return Number(m[1]);
}

beforeAll(() => {
  process.env.HERITAGE_CONTENT_DIR = content;
  process.env.HERITAGE_BUILD_DIR = build;
  fs.mkdirSync(path.join(drama, 'audio'), { recursive: true });
  execFileSync(ffmpegPath(), [
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=300:duration=4',
    '-c:a',
    'libopus',
    path.join(drama, 'audio', 'fr.opus'),
  ]);
  // The description's "narration": a louder tone over the whole episode, so the described mix is measurably louder.
  execFileSync(ffmpegPath(), [
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=1000:duration=12',
    '-c:a',
    'libopus',
    path.join(drama, 'audio', 'fr.ad.opus'),
  ]);
  fs.writeFileSync(
    path.join(drama, 'drama.yaml'),
    `title: { en: Tiny, zh: 小剧 }
synopsis: { en: A test. }
credits: { en: Test }
credit: { en: Test }
rights: https://creativecommons.org/licenses/by/4.0/
episodes:
  - id: one
    title: { en: One }
    video: { standIn: true, duration: 12 }
    originalLanguage: en
    dubs: [{ lang: fr, path: audio/fr.opus, standIn: true }]
    descriptions: [{ lang: fr, path: audio/fr.ad.opus }]
`,
  );
});
afterAll(() => {
  delete process.env.HERITAGE_CONTENT_DIR;
  delete process.env.HERITAGE_BUILD_DIR;
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('video stage', () => {
  it('writes an HLS ladder with one audio rendition per language, an MP4, a poster and a sprite', async () => {
    await ingest();
    const r = await runVideoStage(quiet);
    expect(r).toMatchObject({ encoded: 1, failed: 0 });
    const ep = readVideoManifest()!.dramas.tiny!.episodes.one!;
    const dir = path.join(build, 'media', ep.hls.replace(/\/master\.m3u8$/, ''));
    const master = fs.readFileSync(path.join(dir, 'master.m3u8'), 'utf8');
    expect(master.match(/#EXT-X-STREAM-INF:.*AUDIO="aud"/g)).toHaveLength(2);
    expect(master).toMatch(/TYPE=AUDIO,GROUP-ID="aud",LANGUAGE="en".*DEFAULT=YES/);
    expect(master).toMatch(/TYPE=AUDIO,GROUP-ID="aud",LANGUAGE="fr"/);
    // The described rendition is marked as such (HLS authoring spec), never the default.
    const described = master.split('\n').filter((l) => l.includes('CHARACTERISTICS="public.accessibility.describes-video"'));
    expect(described).toHaveLength(1);
    expect(described[0]).toMatch(/TYPE=AUDIO,GROUP-ID="aud",LANGUAGE="fr",.*DEFAULT=NO.*URI="ad-fr\.m3u8"/);
    for (const f of ['v360.m3u8', 'v180.m3u8', 'a-en.m3u8', 'a-fr.m3u8', 'ad-fr.m3u8', 'poster.jpg', 'sprite.jpg', 'sprite.vtt', 'video.mp4']) {
      expect(fs.existsSync(path.join(dir, f)), f).toBe(true);
    }
    // One file per segment: byte ranges of a single file made hls.js stall after seeks (see encode.ts).
    for (const pl of ['v360.m3u8', 'v180.m3u8', 'a-en.m3u8', 'a-fr.m3u8', 'ad-fr.m3u8']) {
      const text = fs.readFileSync(path.join(dir, pl), 'utf8');
      expect(text, pl).not.toMatch(/BYTERANGE/);
      const segs = playlistSegments(dir, pl);
      // 12 s in 6 s segments; audio may end in a sliver of a third (AAC frames overshoot the cut).
      expect(segs.length, pl).toBeGreaterThanOrEqual(2);
      expect(segs.length, pl).toBeLessThanOrEqual(pl.startsWith('v') ? 2 : 3);
      expect(new Set(segs.map((s) => s.file)).size, pl).toBe(segs.length);
      for (const s of segs) expect(fs.statSync(path.join(dir, s.file)).size, s.file).toBeGreaterThan(0);
      expect(
        segs.reduce((n, s) => n + s.duration, 0),
        pl,
      ).toBeCloseTo(12, 0);
    }
    const bw = ep.renditions.map((r) => r.bandwidth);
    expect(bw[0]).toBeGreaterThan(bw[1]!);
    expect(bw[1]).toBeGreaterThan(10_000);
    const info = streams(path.join(dir, 'video.mp4'));
    expect(info).toMatch(/Video: h264.*640x360/);
    expect(info).toMatch(/Audio: aac/);
    expect(info).toMatch(/Duration: 00:00:1[12]\./);
    expect(ep.audio.map((a) => [a.lang, a.describes === true])).toEqual([
      ['en', false],
      ['fr', false],
      ['fr', true],
    ]);
    // The narration is mixed over the French dub, not in place of it: louder than the dub alone, as long.
    expect(meanVolume(path.join(dir, 'ad-fr.m3u8'))).toBeGreaterThan(meanVolume(path.join(dir, 'a-fr.m3u8')) + 3);
    expect(fs.readdirSync(path.dirname(dir)).filter((f) => f.startsWith('.tmp'))).toEqual([]);
  });

  it('keeps a published episode when its drama.yaml stops validating: validate names the line, the build stops', async () => {
    const yamlFile = path.join(drama, 'drama.yaml');
    const good = fs.readFileSync(yamlFile, 'utf8');
    const published = readVideoManifest()!.dramas.tiny!.episodes.one!;
    const hls = path.join(build, 'media', published.hls);
    fs.writeFileSync(yamlFile, good.replace('lang: fr', 'lang: xx'));
    try {
      const v = heritage('validate');
      expect(v.status).toBe(1);
      // Line 11 of the file above: the dub's `lang`.
      expect(v.output).toContain(`${path.relative(ROOT, yamlFile)}:11:episodes.0.dubs.0.lang: unknown language "xx"`);
      const b = heritage('build');
      expect(b.status, b.output).toBe(1);
      expect(fs.existsSync(hls)).toBe(true);
      // The stage run alone reads the last published records: the episode stays, nothing failed.
      expect(await runVideoStage(quiet)).toMatchObject({ skipped: 1, failed: 0 });
      expect(readVideoManifest()!.dramas.tiny!.episodes.one).toEqual(published);
      expect(fs.existsSync(hls)).toBe(true);
    } finally {
      fs.writeFileSync(yamlFile, good);
    }
  }, 120_000);

  it('does no work when nothing changed, re-encodes when the dub changes, prunes removed dramas', async () => {
    expect(await runVideoStage(quiet)).toMatchObject({ encoded: 0, skipped: 1 });
    const before = readVideoManifest()!.dramas.tiny!.episodes.one!.key;
    execFileSync(ffmpegPath(), [
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=500:duration=3',
      '-c:a',
      'libopus',
      path.join(drama, 'audio', 'fr.opus'),
    ]);
    expect(await runVideoStage(quiet)).toMatchObject({ encoded: 1 });
    const after = readVideoManifest()!.dramas.tiny!.episodes.one!.key;
    expect(after).not.toBe(before);
    expect(fs.readdirSync(path.join(build, 'media', 'dramas', 'tiny', 'one'))).toEqual([`video-${after}`]);
    fs.rmSync(drama, { recursive: true });
    await ingest();
    await runVideoStage(quiet);
    expect(fs.existsSync(path.join(build, 'media', 'dramas', 'tiny'))).toBe(false);
  }, 120_000);

  it('points each sprite cue at its tile', () => {
    const vtt = spriteVtt(62, 5);
    expect(vtt).toContain('00:00:50.000 --> 00:00:55.000\nsprite.jpg#xywh=0,90,160,90');
    expect(vtt.match(/xywh/g)).toHaveLength(13);
  });
});
