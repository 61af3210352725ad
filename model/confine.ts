// A curator's relative path resolved the way the file system will read it: symlinks followed (realpath), and the
// result required to lie inside the real content folder it belongs to (compared with a separator, so `dramas2/`
// is not inside `dramas/`). Schemas already refuse `..` and absolute paths; this catches what only the file
// system knows, such as a subtitle file that is a link to /etc/passwd.
import fs from 'node:fs';
import path from 'node:path';

export type Confined = { file: string } | { problem: string /** The path exists but leads out of the folder. */; outside?: true };

export function isInside(realRoot: string, real: string): boolean {
  return real === realRoot || real.startsWith(realRoot.endsWith(path.sep) ? realRoot : realRoot + path.sep);
}

/** `rel` below `root`, resolved; or why it cannot be read from there. `label` names the folder in messages. */
export function confine(root: string, rel: string, label = root): Confined {
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
  } catch {
    return { problem: `folder not found: ${label}` };
  }
  const joined = path.resolve(realRoot, rel);
  let real: string;
  try {
    real = fs.realpathSync(joined);
  } catch {
    let link = false;
    try {
      link = fs.lstatSync(joined).isSymbolicLink();
    } catch {
      // not there at all
    }
    return { problem: link ? `file not found: ${rel} is a link to a file that does not exist` : `file not found: ${rel}` };
  }
  if (!isInside(realRoot, real))
    return { problem: `${rel} resolves to ${real}, outside ${label}: files must be inside it (not links out of it)`, outside: true };
  return { file: real };
}
