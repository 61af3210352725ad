import fs from 'node:fs';
import path from 'node:path';

/** A worker killed mid-job leaves its temp folder; no job runs an hour (every timeout is shorter), so older
 * ones are litter. Younger ones may be a running worker's, in a store other builds share. `prefix`: only the
 * entries named so (a worker's renders in the system's temp folder, beside other programs' files). */
export function clearStaleTemp(root: string, prefix = ''): void {
  if (!fs.existsSync(root)) return;
  for (const name of fs.readdirSync(root)) {
    if (!name.startsWith(prefix)) continue;
    const p = path.join(root, name);
    // Another process may remove it between the listing and the stat.
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (st && Date.now() - st.mtimeMs > 3600_000) fs.rmSync(p, { recursive: true, force: true });
  }
}
