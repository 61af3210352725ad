// Publishing one rendered page part into dist/: its files are renamed in (never copied), unchanged pages are
// left untouched, and only the files the part is responsible for move.
import fs from 'node:fs';
import path from 'node:path';

function walkFiles(dir: string, out: string[] = [], rel = ''): string[] {
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) walkFiles(dir, out, r);
    else out.push(r);
  }
  return out;
}

function moveFile(from: string, to: string): void {
  try {
    fs.renameSync(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
    // dist/ on another filesystem: copy to a temporary name beside the target, then rename over it.
    const tmp = `${to}.tmp-${process.pid}`;
    fs.cpSync(from, tmp, { recursive: true });
    fs.renameSync(tmp, to);
    fs.rmSync(from, { recursive: true, force: true });
  }
}

function sameBytes(a: string, b: string): boolean {
  try {
    const sb = fs.statSync(b);
    return sb.size === fs.statSync(a).size && fs.readFileSync(a).equals(fs.readFileSync(b));
  } catch {
    return false;
  }
}

/** Which of a part's files it publishes: `file(rel)` for one file, `whole(dir)` (a path ending in "/") only
 * when every file below that folder is the part's. */
export interface Selection {
  file: (rel: string) => boolean;
  whole: (dir: string) => boolean;
}

/** Moves a part's selected files into dist/ by rename. A folder dist/ does not have yet is renamed in one go
 * (a page folder, or a whole locale's artifacts on a first build): per file, mkdir + rename of 450k pages
 * took ~170 s here, a folder rename is ~75 µs. Returns the files published when `list` is set. */
export function publishPart(from: string, dist: string, select: Selection, list = false): string[] {
  const moved = list ? walkFiles(from).filter(select.file) : [];
  const merge = (rel: string) => {
    for (const e of fs.readdirSync(path.join(from, rel), { withFileTypes: true })) {
      const r = `${rel}${e.name}`;
      const source = path.join(from, r);
      const target = path.join(dist, r);
      if (e.isDirectory()) {
        if (select.whole(`${r}/`) && !fs.existsSync(target)) {
          fs.mkdirSync(path.dirname(target), { recursive: true });
          moveFile(source, target);
        } else {
          merge(`${r}/`);
        }
      } else if (select.file(r)) {
        // An unchanged page is left as it was (same bytes, same mtime), so deploys and caches see no change.
        if (sameBytes(source, target)) continue;
        fs.mkdirSync(path.dirname(target), { recursive: true });
        moveFile(source, target);
      }
    }
  };
  fs.mkdirSync(dist, { recursive: true });
  merge('');
  fs.rmSync(from, { recursive: true, force: true });
  fs.rmSync(`${from}.cache`, { recursive: true, force: true });
  return moved;
}
