// Every stage writes its text outputs through here: an identical file is left alone (same bytes, same mtime),
// so an unchanged re-run touches nothing and later stages' and deploys' change checks stay valid. A changed
// file is written to a temporary name and renamed over the old one.
import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';

/** Returns whether the file was written. `fsync: false` for outputs that can be rebuilt (many small files). */
export function writeIfChanged(file: string, body: string, options: { fsync?: boolean } = {}): boolean {
  if (fs.existsSync(file) && fs.statSync(file).size === Buffer.byteLength(body) && fs.readFileSync(file, 'utf8') === body) return false;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic.sync(file, body, { fsync: options.fsync ?? true });
  return true;
}
