// Every exhibition step gets a still the page shows without JavaScript and the print catalogue uses: a region is
// cropped from its artifact's source image here, with sharp; an artifact card uses the image stage's derivative;
// an own image is copied, and so are narration recordings. Stills of 3D viewpoints, globe views and clips are made at development time (they need
// Chromium or the rendered video) and committed as `content/exhibitions/<slug>/stills/<step>-<n>.jpg` (or, when the
// still holds words, `<step>-<n>.<locale>.jpg` per locale); this stage publishes them when present. Files are named by the hash of their input and settings, so an unchanged re-run
// writes nothing, and a still no step uses any more is removed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { parseXywh, readPublishedExhibitions, type Exhibition, type StepMedia } from '../../model/exhibition.ts';
import { contentDir, mediaDir } from '../../model/paths.ts';
import { streamAllArtifacts } from '../../model/store.ts';
import type { Artifact } from '../../model/schema.ts';
import { writeIfChanged } from '../write-if-changed.ts';
import { LOCALES } from '../../model/locales.ts';
import { defaultBaseUrl } from '../images/stage.ts';
import { imagesOf, readImageManifest } from '../../formats/manifests/images.ts';
import { exhibitionManifest, exhibitionManifestPath } from './iiif.ts';
import { exhibitionStillUrl } from '../../formats/urls.ts';
import { mediumKey, STILLS_MANIFEST_VERSION, stillsManifestPath, type Still, type StillsManifest } from '../../formats/manifests/exhibition-stills.ts';

/** Widest still published; regions smaller than this are kept at their own size (never upscaled). */
const MAX_WIDTH = 960;
const SETTINGS = `w${MAX_WIDTH}-q80-v1`;

const exhibitionsMedia = (): string => path.join(mediaDir(), 'exhibitions');

interface Job {
  /** Source file and how to cut it. */
  source: string;
  region?: { left: number; top: number; width: number; height: number };
}

function jobFor(e: Exhibition, stepId: string, n: number, m: StepMedia, artifacts: Map<string, Artifact>): Job | undefined {
  const own = path.join(contentDir(), 'exhibitions', e.id);
  const committed = path.join(own, 'stills', `${stepId}-${n}.jpg`);
  const imageOf = (id: string, index = 0) => {
    const a = artifacts.get(id);
    const p = a?.media.filter((x) => x.kind === 'image')[index]?.path;
    return a && p ? path.join(contentDir(), 'collections', a.collection, 'media', p) : undefined;
  };
  switch (m.kind) {
    case 'region': {
      const source = imageOf(m.artifact, m.image);
      const r = parseXywh(m.xywh);
      return source ? { source, region: { left: r.x, top: r.y, width: r.w, height: r.h } } : undefined;
    }
    case 'artifacts': {
      const source = imageOf(m.ids[0]!);
      return source ? { source } : undefined;
    }
    case 'image':
      return { source: path.join(own, m.path) };
    case 'quote':
    case 'narration':
      return undefined;
    default:
      return fs.existsSync(committed) ? { source: committed } : undefined;
  }
}

async function render(job: Job, out: string): Promise<Still> {
  const name = `${crypto
    .createHash('sha256')
    .update(fs.readFileSync(job.source))
    .update(JSON.stringify(job.region ?? null))
    .update(SETTINGS)
    .digest('hex')
    .slice(0, 20)}.jpg`;
  const file = path.join(out, name);
  if (!fs.existsSync(file)) {
    let img = sharp(job.source).autoOrient();
    if (job.region) img = img.extract(job.region);
    const tmp = `${file}.tmp-${process.pid}`;
    await img.resize({ width: MAX_WIDTH, withoutEnlargement: true }).jpeg({ quality: 80, mozjpeg: true }).toFile(tmp);
    fs.renameSync(tmp, file);
  }
  const meta = await sharp(file).metadata();
  return { url: exhibitionStillUrl(name), width: meta.width, height: meta.height };
}

/** A narration's recording, published as is under a name from its content (so an unchanged file is not copied). */
function publishAudio(source: string, out: string): string {
  const name = `${crypto.createHash('sha256').update(fs.readFileSync(source)).digest('hex').slice(0, 20)}${path.extname(source).toLowerCase()}`;
  const file = path.join(out, name);
  if (!fs.existsSync(file)) {
    const tmp = `${file}.tmp-${process.pid}`;
    fs.copyFileSync(source, tmp);
    fs.renameSync(tmp, file);
  }
  return name;
}

/** One IIIF Presentation 3 Manifest per exhibition with at least one image; stale ones are removed. */
function writeManifests(exhibitions: Exhibition[], artifacts: Map<string, Artifact>): number {
  const images = readImageManifest();
  const dir = path.join(mediaDir(), 'iiif', 'exhibitions');
  const keep = new Set<string>();
  for (const e of exhibitions) {
    const doc = exhibitionManifest(e, (id) => (artifacts.has(id) ? imagesOf(images, artifacts.get(id)!) : []), { baseUrl: defaultBaseUrl() });
    if (!doc) continue;
    const file = path.join(mediaDir(), exhibitionManifestPath(e.id));
    writeIfChanged(file, JSON.stringify(doc, null, 1));
    keep.add(path.basename(file));
  }
  if (fs.existsSync(dir)) for (const f of fs.readdirSync(dir)) if (!keep.has(f)) fs.rmSync(path.join(dir, f));
  return keep.size;
}

export async function runStillStage(log: (line: string) => void = console.log): Promise<{ stills: number; failed: number; manifests: number }> {
  const exhibitions = readPublishedExhibitions();
  const wanted = new Set(exhibitions.flatMap((e) => e.steps.flatMap((s) => s.media)).map((m) => m.kind));
  const artifacts = new Map<string, Artifact>();
  // Only the records the exhibitions name are kept: a 150k catalogue streams past in constant memory.
  const named = new Set(
    exhibitions.flatMap((e) => [
      ...('artifact' in e.cover ? [e.cover.artifact] : []),
      ...e.steps.flatMap((s) => s.media.flatMap((m) => (m.kind === 'artifacts' ? m.ids : m.kind === 'region' ? [m.artifact] : []))),
    ]),
  );
  if (wanted.has('region') || wanted.has('artifacts')) for await (const a of streamAllArtifacts()) if (named.has(a.id)) artifacts.set(a.id, a);
  const out = exhibitionsMedia();
  fs.mkdirSync(out, { recursive: true });
  const manifest: StillsManifest = { version: STILLS_MANIFEST_VERSION, exhibitions: {}, audio: {}, localized: {} };
  const used = new Set<string>();
  let stills = 0;
  let failed = 0;
  for (const e of exhibitions) {
    const steps: Record<string, (Still | null)[]> = {};
    for (const step of e.steps) {
      steps[step.id] = [];
      for (const [n, m] of step.media.entries()) {
        if (m.kind === 'narration')
          for (const [locale, rel] of Object.entries(m.audio)) {
            const name = publishAudio(path.join(contentDir(), 'exhibitions', e.id, rel), out);
            used.add(name);
            manifest.audio[mediumKey(e.id, step.id, n, locale)] = exhibitionStillUrl(name);
          }
        const publish = async (job: Job, what: string): Promise<Still | null> => {
          try {
            const still = await render(job, out);
            used.add(path.basename(still.url));
            stills++;
            return still;
          } catch (err) {
            failed++;
            log(`  ✗ ${e.id}#${step.id} medium ${n}${what}: ${(err as Error).message}`);
            return null;
          }
        };
        // A still with words in it (a chart's legend) is committed once per locale as `<step>-<n>.<locale>.jpg`.
        let firstLocalized: Still | null = null;
        for (const locale of LOCALES) {
          const source = path.join(contentDir(), 'exhibitions', e.id, 'stills', `${step.id}-${n}.${locale}.jpg`);
          if (!fs.existsSync(source)) continue;
          const still = await publish({ source }, ` (${locale})`);
          if (still) manifest.localized[mediumKey(e.id, step.id, n, locale)] = still;
          firstLocalized ??= still;
        }
        const job = jobFor(e, step.id, n, m, artifacts);
        // Where only localized stills exist, the first stands for the medium wherever no locale is known (search).
        steps[step.id]!.push(job ? await publish(job, '') : firstLocalized);
      }
    }
    manifest.exhibitions[e.id] = steps;
    log(`  ${e.id}: ${e.steps.length} steps`);
  }
  for (const f of fs.readdirSync(out)) if (!used.has(f)) fs.rmSync(path.join(out, f));
  writeIfChanged(stillsManifestPath(), `${JSON.stringify(manifest)}\n`);
  return { stills, failed, manifests: writeManifests(exhibitions, artifacts) };
}
