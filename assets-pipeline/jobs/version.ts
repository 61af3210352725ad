// The code version a coordinator and its workers must share: the pipeline's sources (with the model, the
// published formats and the site's templates), the locked dependencies and the native image library. Two versions may write different bytes for the same input, so a worker of
// another version is refused rather than mixed into a build.
import sharp from 'sharp';
import { hashSources } from '../source-hash.ts';

let cached: string | undefined;

export function codeVersion(): string {
  cached ??=
    `${hashSources(['assets-pipeline', 'model', 'formats', 'site', 'astro.config.mjs', 'package-lock.json']).slice(0, 10)}-${sharp.versions.vips}`.replace(
      /[^0-9a-zA-Z.-]/g,
      '_',
    );
  return cached;
}
