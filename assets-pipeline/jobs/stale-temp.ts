import fs from 'node:fs';
import path from 'node:path';

/** A worker killed mid-job leaves its temp folder; no job runs an hour (every timeout is shorter), so older
 * ones are litter. Younger ones may be a running worker's, in a store other builds share. */
export function clearStaleTemp(root: string): void {
  if (!fs.existsSync(root)) return;
  for (const name of fs.readdirSync(root)) {
    const p = path.join(root, name);
    if (Date.now() - fs.statSync(p).mtimeMs > 3600_000) fs.rmSync(p, { recursive: true, force: true });
  }
}
