// One page part rendered by Astro in a process of its own, into the part's folder in the build folder: the pages
// stage runs it in-process, a page job on a worker (which shares the build folder). Each attempt renders into a
// folder of its own, renamed into place only when Astro succeeded, so a killed or failed run leaves no half part.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BUILD_PART_FILE_ENV, writeBuildPart, type BuildPartFile } from '../../formats/pages/build-part.ts';
import { buildDir, contentDir, ROOT } from '../../model/paths.ts';
import { runNodeIn } from '../run-node.ts';

/** What the pages read from the environment besides the folders: the coordinator's values travel with a page
 * job, so a worker renders the same bytes whatever its own environment says. (The admin key never travels: the
 * build refuses it before any page is rendered.) */
export const PAGE_ENV = ['HERITAGE_SITE_URL', 'HERITAGE_MEILI_HOST', 'HERITAGE_MEILI_SEARCH_KEY', 'HERITAGE_MEILI_INDEX', 'HERITAGE_MEILI_LAYOUT'] as const;
export type PageEnv = Partial<Record<(typeof PAGE_ENV)[number], string>>;

export function pageEnv(env: NodeJS.ProcessEnv = process.env): PageEnv {
  return Object.fromEntries(PAGE_ENV.flatMap((k) => (env[k] === undefined ? [] : [[k, env[k]]])));
}

/** In a part's folder: the related-objects file the stage writes before rendering, and the rendered pages. */
export const RELATED_FILE = 'related.json';
export const partOutput = (dir: string): string => path.join(dir, 'out');

/** Astro ended with an error: exit 1 is the build's own error (the same part fails the same way anywhere). */
export class PartFailedError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** The message of Astro's last error: its output carries colours, and may carry warnings before the error; after
 * the message come indented blocks (hint, error reference, location, stack trace). */
export function astroError(stderr: string): string {
  const lines = stderr
    .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '')
    .split('\n')
    .filter((l) => l.trim());
  const stack = lines.map((l) => l.trim()).lastIndexOf('Stack trace:');
  const head = stack >= 0 ? lines.slice(0, stack) : lines;
  const line = [...head].reverse().find((l) => !/^\s/.test(l)) ?? lines.at(-1)?.trim() ?? '';
  return line.length > 400 ? `${line.slice(0, 400)}…` : line;
}

/** Renders `part` into `partOutput(dir)`; throws PartFailedError naming Astro's error. `signal` stops Astro. */
export async function renderPart(dir: string, part: BuildPartFile, env: PageEnv, signal?: AbortSignal): Promise<void> {
  const run = path.join(dir, `run-${crypto.randomUUID()}`);
  const out = path.join(run, 'out');
  fs.mkdirSync(run, { recursive: true });
  try {
    // Astro keeps its prerender bundle beside an output folder inside its working folder (else in one .astro/
    // folder shared by every part), and the bundle imports the project's packages: so Astro runs in this
    // attempt's folder, with a link to this checkout's node_modules, wherever the build folder is.
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(run, 'node_modules'), 'dir');
    const related = path.join(dir, RELATED_FILE);
    const partFile = path.join(run, 'part.json');
    writeBuildPart(partFile, fs.existsSync(related) ? { ...part, related } : part);
    const childEnv: NodeJS.ProcessEnv = { ...process.env };
    // Folders absolute (Astro's working folder is not the project's) and only those the pages read.
    for (const k of [...PAGE_ENV, 'HERITAGE_MEDIA_DIR', 'HERITAGE_PUBLISH_STATE_DIR']) delete childEnv[k];
    Object.assign(childEnv, env, {
      [BUILD_PART_FILE_ENV]: partFile,
      HERITAGE_ROOT: ROOT,
      HERITAGE_BUILD_DIR: buildDir(),
      HERITAGE_CONTENT_DIR: contentDir(),
      HERITAGE_DIST_DIR: out,
      HERITAGE_ASTRO_CACHE_DIR: path.join(run, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
    });
    const bin = path.join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
    const { code, stderr } = await runNodeIn([bin, 'build', '--silent', '--root', ROOT], { cwd: run, env: childEnv, signal });
    if (code !== 0) {
      const why = code > 128 ? `Astro was stopped by a signal (exit ${code}: out of memory, or the job timed out)` : `Astro exited with ${code}`;
      const line = astroError(stderr);
      throw new PartFailedError(line ? `${why}: ${line}` : why, code);
    }
    // Another attempt of the same part may have finished first: same inputs, same bytes, keep that one.
    if (!fs.existsSync(partOutput(dir))) fs.renameSync(out, partOutput(dir));
  } finally {
    fs.rmSync(run, { recursive: true, force: true });
  }
}
