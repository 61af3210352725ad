// Scenes: `content/scenes/<slug>.yaml`, one reconstruction each; model files they name must exist.
import fs from 'node:fs';
import path from 'node:path';
import { scene, type Scene } from '../../../model/scene.ts';
import { baseName, yamlContentType, yamlFilesIn } from '../content-type.ts';

export const scenes = yamlContentType<typeof scene, Scene>({
  name: 'scenes',
  files: yamlFilesIn('scenes'),
  schema: scene,
  defaults: () => ({ type: 'scene' }),
  idOf: baseName,
  finish: (s, report, ctx) => {
    let ok = true;
    s.variants.forEach((v, i) => {
      if ('path' in v.source && !fs.existsSync(path.join(path.dirname(ctx.file), v.source.path))) {
        report(['variants', i, 'source', 'path'], `file not found: ${v.source.path}`);
        ok = false;
      }
    });
    return ok ? s : undefined;
  },
});
