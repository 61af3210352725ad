import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Every file under `subs` of a media folder, as path relative to the media folder → sha256. Links are followed
 * (statSync, not the directory entry's type): published images are links into the shared image store, and a
 * comparison that skipped them would pass with no image compared.
 */
export function mediaHashes(media: string, subs: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const name of fs.readdirSync(path.join(media, rel))) {
      const r = path.join(rel, name);
      if (fs.statSync(path.join(media, r)).isDirectory()) walk(r);
      else
        out[r] = crypto
          .createHash('sha256')
          .update(fs.readFileSync(path.join(media, r)))
          .digest('hex');
    }
  };
  for (const sub of subs) walk(sub);
  return out;
}

/** The published outputs of a build folder (its `media/`), by default the images and their tiles. */
export const buildHashes = (build: string, subs = ['img', 'iiif']): Record<string, string> => mediaHashes(path.join(build, 'media'), subs);
