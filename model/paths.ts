// Where curator inputs are read and where each stage writes. Overridable so tests and benchmarks can build
// a site of their own in a temporary folder without touching the demo.
import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';

/** The project folder. Not derived from this file's URL: Astro bundles this module into dist/.prerender,
 * so every entry point (npm scripts, Vitest, Astro) runs from the project folder instead. */
export const ROOT = path.resolve(process.env.HERITAGE_ROOT ?? process.cwd());

/** Folders pointed elsewhere for one async call tree only (`withFolders`), over the environment's. */
const scoped = new AsyncLocalStorage<Partial<Record<ScopedFolder, string>>>();
export type ScopedFolder = 'HERITAGE_MEDIA_DIR';

/** Runs `fn` with folders pointed elsewhere for its own calls only: a job worker writes each job into the site
 * version its build prepares, while other jobs run beside it (the process's environment is one for all). */
export function withFolders<T>(folders: Partial<Record<ScopedFolder, string>>, fn: () => T): T {
  return scoped.run(folders, fn);
}

function dir(envName: string, fallback: string): string {
  const v = scoped.getStore()?.[envName as ScopedFolder] ?? process.env[envName];
  return v ? path.resolve(v) : path.resolve(ROOT, fallback);
}

/** Curator inputs: `collections/<slug>/`, `scenes/`, `dramas/`, `places.yaml`. */
export const contentDir = (): string => dir('HERITAGE_CONTENT_DIR', 'content');
/** Everything generated: normalized records, published media, asset manifests. */
export const buildDir = (): string => dir('HERITAGE_BUILD_DIR', 'build');
/** Normalized records: `collections.json`, `places.json`, `artifacts/<collection>.jsonl`. */
export const recordsDir = (): string => path.join(buildDir(), 'records');
/** Published media, served at the site root beside the pages (`/iiif/…`, `/media/…`); never copied into dist.
 * A build points this (and distDir) at the site version it prepares: see scripts/cli/site-versions.ts. */
export const mediaDir = (): string => dir('HERITAGE_MEDIA_DIR', path.join(buildDir(), 'media'));
/** Asset manifests written by the asset stages, read by the site (`images.json`, …). */
export const assetsDir = (): string => path.join(buildDir(), 'assets');
/** Astro's output: the live site (a link to the live version), or during a build the version it prepares. */
export const distDir = (): string => dir('HERITAGE_DIST_DIR', 'dist');
/** Every published version of the site (pages + media + the stages' record of what they published), and the
 * one link that says which is live. */
export const siteVersionsDir = (): string => path.join(buildDir(), 'site-versions');
/** Where stages keep their record of what they published into the site (so it lives and dies with a version). */
export const publishStateDir = (): string => dir('HERITAGE_PUBLISH_STATE_DIR', buildDir());
/** Rendered image folders (content-addressed, so never changed once there), shared by every site version; beside
 * build/media, where the local server looks for it. */
export const imageStoreDir = (): string => path.join(buildDir(), 'image-store');
