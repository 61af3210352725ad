// Where curator inputs are read and where each stage writes. Overridable so tests and benchmarks can build
// a site of their own in a temporary folder without touching the demo.
import path from 'node:path';

/** The project folder. Not derived from this file's URL: Astro bundles this module into dist/.prerender,
 * so every entry point (npm scripts, Vitest, Astro) runs from the project folder instead. */
export const ROOT = path.resolve(process.env.HERITAGE_ROOT ?? process.cwd());

function dir(envName: string, fallback: string): string {
  const v = process.env[envName];
  return v ? path.resolve(v) : path.join(ROOT, fallback);
}

/** Curator inputs: `collections/<slug>/`, `scenes/`, `dramas/`, `places.yaml`. */
export const contentDir = (): string => dir('HERITAGE_CONTENT_DIR', 'content');
/** Everything generated: normalized records, published media, asset manifests. */
export const buildDir = (): string => dir('HERITAGE_BUILD_DIR', 'build');
/** Normalized records: `collections.json`, `places.json`, `artifacts/<collection>.jsonl`. */
export const recordsDir = (): string => path.join(buildDir(), 'records');
/** Published media, served at the site root beside the pages (`/iiif/…`, `/media/…`); never copied into dist. */
export const mediaDir = (): string => path.join(buildDir(), 'media');
/** Asset manifests written by the asset stages, read by the site (`images.json`, …). */
export const assetsDir = (): string => path.join(buildDir(), 'assets');
/** Astro's output. */
export const distDir = (): string => dir('HERITAGE_DIST_DIR', 'dist');
