// Scenes: `content/scenes/<slug>.yaml`, one reconstruction each; model files they name must exist.
import path from 'node:path';
import { confine } from '../../../model/confine.ts';
import { scene, type Scene } from '../../../model/scene.ts';
import { baseName, yamlContentType, yamlFilesIn } from '../content-type.ts';

export const scenes = yamlContentType<typeof scene, Scene>({
  name: 'scenes',
  files: yamlFilesIn('scenes'),
  schema: scene,
  defaults: () => ({ type: 'scene' }),
  idOf: baseName,
  slugs: (v) => [{ at: ['id'], kind: 'scene', slug: v.id }],
  finish: (s, report, ctx) => {
    const dir = path.dirname(ctx.file);
    // The scene file and the models it names are read only from inside content/scenes/, links followed.
    const self = confine(dir, path.basename(ctx.file), 'content/scenes/');
    if ('problem' in self) {
      report([], self.problem);
      return undefined;
    }
    let ok = true;
    s.variants.forEach((v, i) => {
      if (!('path' in v.source)) return;
      const c = confine(dir, v.source.path, 'content/scenes/');
      if ('problem' in c) {
        report(['variants', i, 'source', 'path'], c.problem);
        ok = false;
      }
    });
    return ok ? s : undefined;
  },
});
