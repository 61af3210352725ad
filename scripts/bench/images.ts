// Image stage benchmark: `npm run bench -- images` or `npx tsx scripts/bench/images.ts [--count 50] [--records 10000]`.
// 1. Generates N 12-megapixel JPEGs (real NPM jade photos, upscaled and hue-shifted so every file differs).
// 2. Runs bare sharp doing the same resizes and encodes (no hashing, state, temp folders or renames), then the
//    whole stage over the same files: ratio = stage images/s ÷ bare images/s (goal ≥ 0.9).
// 3. Times an unchanged re-run over 10,000 recorded images: 10,000 records each with its own media path; the
//    files are hard links to 50 small distinct JPEGs, so preparing the state renders 50 images instead of
//    10,000, while the timed re-run still stats, looks up and checks the outputs of all 10,000 keys and
//    compares 10,000 IIIF manifests (goal ≤ 5 s).
// Prints the figures as JSON on the last line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pLimit from 'p-limit';
import sharp from 'sharp';
import type { OutputInfo } from 'sharp';
import { runImageStage } from '../../assets-pipeline/images/stage.ts';
import { DEFAULT_SETTINGS } from '../../assets-pipeline/images/settings.ts';
import { artifact, collection } from '../../model/schema.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const COUNT = arg('count', 50);
const RECORDS = arg('records', 10_000);
const SOURCES = '/work/shared/data/npm-jades/images';
const log = (s: string) => process.stderr.write(`${s}\n`);

function useSite(root: string, slug: string, mediaPaths: string[]): string {
  process.env.HERITAGE_CONTENT_DIR = path.join(root, 'content');
  process.env.HERITAGE_BUILD_DIR = path.join(root, 'build');
  const media = path.join(root, 'content', 'collections', slug, 'media');
  const records = path.join(root, 'build', 'records');
  fs.mkdirSync(media, { recursive: true });
  fs.mkdirSync(path.join(records, 'artifacts'), { recursive: true });
  const base = { rights: 'http://rightsstatements.org/vocab/NoC-NC/1.0/', credit: { en: 'Bench museum' } };
  fs.writeFileSync(
    path.join(records, 'collections.json'),
    JSON.stringify([{ ...collection.parse({ type: 'collection', id: slug, title: { en: slug }, description: { en: 'bench' }, ...base }), hash: 'x' }]),
  );
  const lines = mediaPaths.map((p, i) =>
    JSON.stringify({
      ...artifact.parse({
        type: 'artifact',
        id: `a${i}`,
        collection: slug,
        sourceId: `${i}`,
        title: { en: `Artifact ${i}`, zh: `文物 ${i}` },
        media: [{ kind: 'image', path: p }],
        ...base,
      }),
      hash: `${i}`,
    }),
  );
  fs.writeFileSync(path.join(records, 'artifacts', `${slug}.jsonl`), `${lines.join('\n')}\n`);
  return media;
}

async function generate(media: string): Promise<string[]> {
  const photos = fs
    .readdirSync(SOURCES)
    .filter((f) => f.endsWith('_full1140.jpg'))
    .sort();
  const files: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const out = path.join(media, `photo-${String(i).padStart(3, '0')}.jpg`);
    await sharp(path.join(SOURCES, photos[i % photos.length]!))
      .resize(4000, 3000, { fit: 'fill', kernel: 'cubic' })
      .modulate({ hue: (i * 37) % 360 })
      .jpeg({ quality: 90 })
      .toFile(out);
    files.push(out);
    if (i % 10 === 9) log(`generated ${i + 1}/${COUNT} 12 MP JPEGs`);
  }
  return files;
}

/** The same decodes, resizes and encodes as assets-pipeline/images/render.ts, with nothing around them. */
async function bare(files: string[], outRoot: string) {
  const s = DEFAULT_SETTINGS;
  const ms = { thumb: 0, display: 0, tiles: 0 };
  const encode = (raw: { data: Buffer; info: OutputInfo }, base: string) => {
    const src = () => sharp(raw.data, { raw: { width: raw.info.width, height: raw.info.height, channels: raw.info.channels } });
    return Promise.all([
      src().avif({ quality: s.avifQuality, effort: s.avifEffort }).toFile(`${base}.avif`),
      src().webp({ quality: s.webpQuality }).toFile(`${base}.webp`),
      src().flatten({ background: '#ffffff' }).jpeg({ quality: s.jpegQuality, mozjpeg: true }).toFile(`${base}.jpg`),
    ]);
  };
  const limit = pLimit(2);
  const t0 = performance.now();
  await Promise.all(
    files.map((file, i) =>
      limit(async () => {
        const dir = path.join(outRoot, String(i));
        fs.mkdirSync(dir, { recursive: true });
        let t = performance.now();
        const display = await sharp(file)
          .autoOrient()
          .toColourspace('srgb')
          .resize({ width: s.displayWidth, height: s.displayWidth * 1.5, fit: 'inside', withoutEnlargement: true })
          .raw()
          .toBuffer({ resolveWithObject: true });
        await encode(display, path.join(dir, 'display'));
        ms.display += performance.now() - t;
        t = performance.now();
        const thumb = await sharp(display.data, { raw: { width: display.info.width, height: display.info.height, channels: display.info.channels } })
          .resize({ width: s.thumbWidth, height: s.thumbWidth * 1.5, fit: 'inside', withoutEnlargement: true })
          .raw()
          .toBuffer({ resolveWithObject: true });
        await encode(thumb, path.join(dir, 'thumb'));
        ms.thumb += performance.now() - t;
        t = performance.now();
        await sharp(file)
          .autoOrient()
          .toColourspace('srgb')
          .flatten({ background: '#ffffff' })
          .jpeg({ quality: s.tileQuality })
          .tile({ layout: 'iiif3', size: s.tileSize, overlap: 0, id: 'x' })
          .toFile(path.join(dir, 'iiif'));
        ms.tiles += performance.now() - t;
      }),
    ),
  );
  return { seconds: (performance.now() - t0) / 1000, ms };
}

/** Per output kind: images per second of the time spent on that kind, with two images in flight. */
const perKind = (ms: { thumb: number; display: number; tiles: number }, n: number) =>
  Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Number((n / (v / 1000 / 2)).toFixed(2))]));

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-bench-images-'));
  try {
    // Part 1: 50 × 12 MP through bare sharp and through the stage.
    const bigRoot = path.join(root, 'big');
    const names = Array.from({ length: COUNT }, (_, i) => `photo-${String(i).padStart(3, '0')}.jpg`);
    const media = useSite(bigRoot, 'bench', names);
    const files = await generate(media);
    log('bare sharp pass…');
    const b = await bare(files, path.join(root, 'bare'));
    fs.rmSync(path.join(root, 'bare'), { recursive: true, force: true });
    log(`bare sharp: ${b.seconds.toFixed(1)} s; stage pass…`);
    const stage = await runImageStage({ log });
    if (stage.failed) throw new Error(`${stage.failed} images failed in the bench run`);
    const rerun50 = await runImageStage({ log, progress: false });

    // Part 2: 10,000 recorded images, unchanged re-run.
    const manyRoot = path.join(root, 'many');
    const manyMedia = useSite(
      manyRoot,
      'many',
      Array.from({ length: RECORDS }, (_, i) => `img/${Math.floor(i / 1000)}/${i}.jpg`),
    );
    const seeds: string[] = [];
    for (let i = 0; i < 50; i++) {
      const f = path.join(manyRoot, `seed-${i}.jpg`);
      await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: i * 5, g: 255 - i * 5, b: 128 } } })
        .jpeg()
        .toFile(f);
      seeds.push(f);
    }
    for (let i = 0; i < RECORDS; i++) {
      const f = path.join(manyMedia, 'img', String(Math.floor(i / 1000)), `${i}.jpg`);
      fs.mkdirSync(path.dirname(f), { recursive: true });
      fs.linkSync(seeds[i % seeds.length]!, f);
    }
    log(`preparing the ${RECORDS}-record state…`);
    const prep = await runImageStage({ log, progress: false });
    const rerun = await runImageStage({ log, progress: false });
    if (rerun.rendered !== 0 || rerun.unchanged !== RECORDS) throw new Error('the unchanged re-run did image work');

    const stageRate = COUNT / stage.seconds;
    const bareRate = COUNT / b.seconds;
    const result = {
      bench: 'images',
      images: COUNT,
      megapixels: 12,
      concurrency: 2,
      avifEffort: DEFAULT_SETTINGS.avifEffort,
      stageSeconds: Number(stage.seconds.toFixed(2)),
      bareSharpSeconds: Number(b.seconds.toFixed(2)),
      stageImagesPerS: Number(stageRate.toFixed(3)),
      bareSharpImagesPerS: Number(bareRate.toFixed(3)),
      ratioVsBareSharp: Number((stageRate / bareRate).toFixed(3)),
      stageImagesPerSByKind: perKind(stage.ms, COUNT),
      bareImagesPerSByKind: perKind(b.ms, COUNT),
      unchangedRerun50Seconds: Number(rerun50.seconds.toFixed(2)),
      records: RECORDS,
      prepareRecordsSeconds: Number(prep.seconds.toFixed(2)),
      unchangedRerunRecordsSeconds: Number(rerun.seconds.toFixed(2)),
      goals: { ratioVsBareSharp: 0.9, unchangedRerunRecordsSeconds: 5 },
      pass: { ratio: stageRate / bareRate >= 0.9, rerun: rerun.seconds <= 5 },
    };
    console.log(JSON.stringify(result));
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

await main();
