// A throwaway site for the open-data tests: 200 synthetic artifacts plus a small curator collection with
// hostile text (markup, quotes, braces, a control character, a Chinese id), imported by the real importer.
// A few fake pages stand in for Astro's output so the sitemap walk has something to find.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkContent, publishContent } from '../../../assets-pipeline/ingest/content.ts';
import { imageKey, imageManifestFile, imageManifestJson, type ImageEntry } from '../../../formats/manifests/images.ts';
import { LOCALES } from '../../../model/locales.ts';
import { writeSyntheticCollection } from '../../../scripts/gen-synthetic.ts';

export interface OpenDataSite {
  root: string;
  content: string;
  build: string;
  dist: string;
  cleanup(): void;
}

const FIXTURE = path.resolve('tests/fixtures/collections/good/collections/demo');

export const HOSTILE_TITLE = 'Evil </script><!-- & "quotes" {braces} 100% \u0007bell';

function variant(base: string) {
  return { width: 400, height: 300, avif: `${base}.avif`, webp: `${base}.webp`, jpeg: `${base}.jpg` };
}

export async function createOpenDataSite(): Promise<OpenDataSite> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'heritage-opendata-'));
  const content = path.join(root, 'content');
  const build = path.join(root, 'build');
  const dist = path.join(root, 'dist');
  process.env.HERITAGE_CONTENT_DIR = content;
  process.env.HERITAGE_BUILD_DIR = build;
  process.env.HERITAGE_DIST_DIR = dist;
  writeSyntheticCollection({ artifacts: 200, out: content });
  const demo = path.join(content, 'collections', 'demo');
  fs.cpSync(FIXTURE, demo, { recursive: true });
  const row = (cells: string[]) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',');
  fs.appendFileSync(
    path.join(demo, 'records.csv'),
    [row(['故畫-001', '宋人<画>', HOSTILE_TITLE, 'https://rightsstatements.org/vocab/InC/1.0/', '960-1279', '画 painting', '绢', 'silk', ''])].join('\n') +
      '\n',
  );
  const result = await checkContent(content);
  if (result.problems.count) throw new Error(`fixture import failed: ${JSON.stringify(result.problems.list.slice(0, 3))}`);
  publishContent(result);
  // The image stage's manifest, as it would describe demo's a.png.
  const entry: ImageEntry = {
    width: 800,
    height: 600,
    hash: 'f'.repeat(64),
    thumb: variant('/img/ff/thumb'),
    display: variant('/img/ff/display'),
    iiif: {
      id: '/iiif/ff',
      infoUrl: '/iiif/ff/info.json',
      info: {
        '@context': 'http://iiif.io/api/image/3/context.json',
        id: '/iiif/ff',
        type: 'ImageService3',
        protocol: 'http://iiif.io/api/image',
        profile: 'level0',
        width: 800,
        height: 600,
        sizes: [],
        tiles: [],
      },
    },
  };
  fs.mkdirSync(path.dirname(imageManifestFile()), { recursive: true });
  fs.writeFileSync(imageManifestFile(), imageManifestJson({ [imageKey('demo', 'a.png')]: entry }));
  // Stand-ins for pages Astro would have built.
  for (const l of LOCALES) {
    for (const p of ['', 'collections/', 'collections/demo/', 'collections/synthetic/', 'collections/synthetic/2/', 'search/']) {
      fs.mkdirSync(path.join(dist, l, p), { recursive: true });
      fs.writeFileSync(path.join(dist, l, p, 'index.html'), '<!doctype html><title>x</title>');
    }
  }
  fs.mkdirSync(path.join(dist, 'fr', 'only-fr'), { recursive: true });
  fs.writeFileSync(path.join(dist, 'fr', 'only-fr', 'index.html'), '<!doctype html>');
  return {
    root,
    content,
    build,
    dist,
    cleanup() {
      fs.rmSync(root, { recursive: true, force: true });
      delete process.env.HERITAGE_CONTENT_DIR;
      delete process.env.HERITAGE_BUILD_DIR;
      delete process.env.HERITAGE_DIST_DIR;
    },
  };
}
