// Copies of published trees made of hard links (a file is never copied, and never written in place afterwards:
// every stage replaces a file by temp + rename, so two site versions can share it). Used to start a site version
// as a copy of the live one, and by stages to take an expensive output the live version already has instead of
// making it again (the site is published from two slots, scripts/cli/site-versions.ts).
import fs from 'node:fs';
import path from 'node:path';
import { mediaDir, siteVersionsDir } from '../model/paths.ts';

export interface CloneCount {
  files: number;
  dirs: number;
  links: number;
}

/** Hard-links every file of `from` into `to` (folders made, links copied as links). `folder(rel, abs, target)` may
 * place a folder itself (return true) instead of walking it. */
export function linkTree(
  from: string,
  to: string,
  count: CloneCount = { files: 0, dirs: 0, links: 0 },
  folder?: (rel: string, abs: string, target: string) => boolean,
  rel = '',
): CloneCount {
  fs.mkdirSync(to, { recursive: true });
  count.dirs++;
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    const source = path.join(from, e.name);
    const target = path.join(to, e.name);
    if (e.isDirectory()) {
      if (!folder?.(r, source, target)) linkTree(source, target, count, folder, r);
    } else if (e.isSymbolicLink()) {
      fs.symlinkSync(fs.readlinkSync(source), target);
      count.links++;
    } else {
      fs.linkSync(source, target);
      count.files++;
    }
  }
  return count;
}

const realOrNone = (p: string): string | undefined => {
  try {
    return fs.realpathSync(p);
  } catch {
    return undefined;
  }
};

/** An output folder inside the media being written (`complete` names a file only a finished folder has): when
 * the live version has the same folder and this build writes another version, it is hard-linked over (by temp
 * + rename) and true is returned; the caller then need not make it. */
export function takeFromLiveMedia(out: string, complete: string): boolean {
  const rel = path.relative(mediaDir(), out);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return false;
  const liveMedia = realOrNone(path.join(siteVersionsDir(), 'live', 'media'));
  if (!liveMedia || liveMedia === realOrNone(mediaDir())) return false;
  const source = path.join(liveMedia, rel);
  if (!fs.existsSync(path.join(source, complete))) return false;
  const tmp = `${out}.tmp-live-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  linkTree(source, tmp);
  fs.rmSync(out, { recursive: true, force: true });
  fs.renameSync(tmp, out);
  return true;
}
