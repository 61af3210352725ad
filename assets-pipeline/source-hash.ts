// A hash of source files and folders (relative to the project root): stages use it to know that the code
// producing an output changed, so outputs cached by their inputs alone are made again.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../model/paths.ts';

function hashTree(h: crypto.Hash, p: string): void {
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) hashTree(h, path.join(p, name));
  } else {
    h.update(path.relative(ROOT, p));
    h.update(fs.readFileSync(p));
  }
}

export function hashSources(inputs: readonly string[]): string {
  const h = crypto.createHash('sha256');
  for (const input of inputs) {
    const p = path.join(ROOT, input);
    if (fs.existsSync(p)) hashTree(h, p);
  }
  return h.digest('hex').slice(0, 16);
}
