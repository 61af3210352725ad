// Publishes CesiumJS's prebuilt runtime (Cesium.js, Workers, Assets, ThirdParty, Widgets) under build/media/cesium/,
// served at /cesium/, so the globe needs nothing from another origin. The pages load the prebuilt Cesium.js instead
// of bundling the `cesium` package: that keeps ~4 MB of minified code out of every site build.
// Incremental: a stamp records the cesium version and file list; an unchanged install copies nothing. Atomic:
// the copy is made beside the target and renamed into place, so a killed run leaves the old copy whole.
import fs from 'node:fs';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { mediaDir, ROOT } from '../../model/paths.ts';

export const CESIUM_PARTS = ['Cesium.js', 'Workers', 'Assets', 'ThirdParty', 'Widgets'] as const;
const STAMP = '.heritage-stamp.json';

export interface CesiumStageOptions {
  source?: string;
  mediaDir?: string;
}

export interface CesiumStageSummary {
  copied: boolean;
  files: number;
  bytes: number;
  version: string;
  ms: number;
}

function walk(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

export function runCesiumStage(opts: CesiumStageOptions = {}): CesiumStageSummary {
  const t0 = Date.now();
  const pkg = path.join(ROOT, 'node_modules', 'cesium');
  const source = opts.source ?? path.join(pkg, 'Build', 'Cesium');
  const target = path.join(opts.mediaDir ?? mediaDir(), 'cesium');
  if (!fs.existsSync(path.join(source, 'Cesium.js'))) throw new Error(`cesium: no prebuilt runtime at ${source} (is the cesium package installed?)`);
  const version = (JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')) as { version: string }).version;
  const files = CESIUM_PARTS.flatMap((p) => {
    const abs = path.join(source, p);
    return fs.statSync(abs).isDirectory() ? walk(abs) : [abs];
  })
    .map((f) => path.relative(source, f))
    .sort();
  const bytes = files.reduce((n, f) => n + fs.statSync(path.join(source, f)).size, 0);
  const stamp = JSON.stringify({ version, files: files.length, bytes });
  const stampFile = path.join(target, STAMP);
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp && files.every((f) => fs.existsSync(path.join(target, f))))
    return { copied: false, files: files.length, bytes, version, ms: Date.now() - t0 };

  const tmp = `${target}.tmp-${process.pid}`;
  fs.rmSync(tmp, { recursive: true, force: true });
  for (const part of CESIUM_PARTS) fs.cpSync(path.join(source, part), path.join(tmp, part), { recursive: true });
  writeFileAtomic.sync(path.join(tmp, STAMP), stamp);
  // Swap: move the old copy aside (a rename is instant; deleting thousands of files is not), then drop it.
  const old = `${target}.old-${process.pid}`;
  if (fs.existsSync(target)) fs.renameSync(target, old);
  fs.renameSync(tmp, target);
  fs.rmSync(old, { recursive: true, force: true });
  return { copied: true, files: files.length, bytes, version, ms: Date.now() - t0 };
}

/** For scripts/cli/stages.ts. */
export const cesiumStage = {
  name: 'cesium (globe runtime under /cesium/)',
  when: 'before-site' as const,
  run: async (): Promise<number> => {
    try {
      const s = runCesiumStage();
      console.log(
        `  CesiumJS ${s.version}: ${s.files} files, ${(s.bytes / 2 ** 20).toFixed(1)} MiB ` +
          `${s.copied ? 'copied' : 'unchanged'} in ${(s.ms / 1000).toFixed(1)} s`,
      );
      return 0;
    } catch (err) {
      console.error(`  error: ${(err as Error).message}`);
      return 1;
    }
  },
};
