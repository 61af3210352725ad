// Where rendered images live and how the stage remembers them. Outputs are content-addressed: the folder
// name is the source's hash plus the settings hash, so a folder that exists is complete (it only ever
// appears by rename from a temp folder) and its URLs can be cached forever. The folders themselves live in a
// store shared by every site version (build/image-store/); a version's media links each one it uses, so a new
// version carries an image over with one link instead of one per tile.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { assetsDir, imageStoreDir, mediaDir, publishStateDir } from '../../model/paths.ts';
import type { ImageEntry } from '../../formats/manifests/images.ts';
import { RENDER_META, type RenderResult } from './render.ts';
import type { LocalOutputs } from '../jobs/output-store.ts';

export const IMAGE_ID = /^[0-9a-f]{16}-[0-9a-f]{8}$/;
export const STATE_FILE = 'images.state.json';

export const iiifRoot = (): string => path.join(mediaDir(), 'iiif');
export const imgRoot = (): string => path.join(mediaDir(), 'img');
/** Temp folders live inside the store so the final rename never crosses a file system. */
export const tmpRoot = (): string => path.join(imageStoreDir(), '.tmp');

export function imageId(contentHash: string, settings: string): string {
  return `${contentHash.slice(0, 16)}-${settings.slice(0, 8)}`;
}

export function isComplete(id: string): boolean {
  return fs.existsSync(path.join(iiifRoot(), id, 'info.json')) && fs.existsSync(path.join(imgRoot(), id));
}

/** The render result of a published output folder, e.g. one a killed run finished but never recorded. */
export function readPublished(id: string): Omit<RenderResult, 'ms'> | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(imgRoot(), id, RENDER_META), 'utf8')) as Omit<RenderResult, 'ms'>;
  } catch {
    return undefined;
  }
}

export async function hashFile(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface StateEntry {
  size: number;
  mtimeMs: number;
  hash: string;
  id: string;
  entry: ImageEntry;
}

export interface StageState {
  settings: string;
  /** The images.json version the manifest was written with: a newer one rewrites it even if no image moved. */
  manifestVersion?: number;
  entries: Record<string, StateEntry>;
}

function stateFile(): string {
  return path.join(assetsDir(), STATE_FILE);
}

export function readState(): StageState | undefined {
  try {
    return JSON.parse(fs.readFileSync(stateFile(), 'utf8')) as StageState;
  } catch {
    return undefined; // no state (first run) or unreadable: everything is checked again
  }
}

export async function writeState(state: StageState): Promise<void> {
  fs.mkdirSync(assetsDir(), { recursive: true });
  await writeFileAtomic(stateFile(), JSON.stringify(state));
}

const stored = (sub: 'img' | 'iiif', id: string): string => path.join(imageStoreDir(), sub, id);

/** Links a stored image folder into the media folder (a relative link, so the site can move as a whole). */
function linkStored(sub: 'img' | 'iiif', root: string, id: string): void {
  const link = path.join(root, id);
  if (fs.existsSync(link)) return;
  fs.mkdirSync(root, { recursive: true });
  fs.rmSync(link, { force: true }); // a dangling link
  fs.symlinkSync(path.relative(root, stored(sub, id)), link);
}

/** Moves a rendered temp folder into the store and links it; an existing target is the same content, so it wins. */
export function publish(tmpDir: string, id: string): void {
  for (const [sub, root] of [
    ['img', imgRoot()],
    ['iiif', iiifRoot()],
  ] as const) {
    const target = stored(sub, id);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (!fs.existsSync(target)) fs.renameSync(path.join(tmpDir, sub), target);
    linkStored(sub, root, id);
  }
  fs.rmSync(tmpDir, { recursive: true, force: true });
}

/** The image jobs' outputs as the output stores see them (jobs/output-store.ts). */
export const imageOutputs: LocalOutputs<Omit<RenderResult, 'ms'>> = {
  kind: 'images',
  where: () => imageStoreDir(),
  read: (id) => (isComplete(id) ? readPublished(id) : undefined),
  publish,
  tmpRoot,
  // The derivatives and the tile pyramid; the tiler's scratch beside them is not published.
  files: /^(img|iiif)\//,
};

/** An image a build rendered into the store but never published (it was stopped): linked, not rendered again. */
export function linkFromStore(id: string): boolean {
  if (!fs.existsSync(path.join(stored('iiif', id), 'info.json')) || !fs.existsSync(stored('img', id))) return false;
  linkStored('img', imgRoot(), id);
  linkStored('iiif', iiifRoot(), id);
  return true;
}

/** The images this publish stopped linking, one id a line: after the switch, the ones the other slot does not
 * link either leave the store (site-versions.ts), without a listing of every image. */
export const unlinkedImagesFile = (): string => path.join(publishStateDir(), 'images-unlinked.txt');

/** Removes output folders no entry uses any more: renamed aside first, so a reader never sees half a folder.
 * In a site version these are links; the stored folder goes once no kept version links it (site-versions.ts). */
export function removeUnused(live: Set<string>): number {
  let removed = 0;
  const unlinked: string[] = [];
  fs.mkdirSync(tmpRoot(), { recursive: true });
  for (const root of [imgRoot(), iiifRoot()]) {
    if (!fs.existsSync(root)) continue;
    for (const name of fs.readdirSync(root)) {
      if (!IMAGE_ID.test(name) || live.has(name)) continue;
      const aside = path.join(tmpRoot(), `gone-${name}-${process.pid}`);
      fs.renameSync(path.join(root, name), aside);
      fs.rmSync(aside, { recursive: true, force: true });
      if (root === iiifRoot()) {
        removed++;
        unlinked.push(name);
      }
    }
  }
  if (unlinked.length) {
    fs.mkdirSync(path.dirname(unlinkedImagesFile()), { recursive: true });
    fs.appendFileSync(unlinkedImagesFile(), `${unlinked.join('\n')}\n`);
  }
  return removed;
}

/** Leftovers of a killed run: nothing in the temp folder is referenced by anything. */
export function clearTemp(): void {
  fs.rmSync(tmpRoot(), { recursive: true, force: true });
}
