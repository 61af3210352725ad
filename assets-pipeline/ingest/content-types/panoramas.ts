// Panoramas: `content/panoramas/<slug>/panorama.yaml`; the images it names must be inside its folder, and what its
// hotspots open (artifacts, other panoramas, exhibition steps) must exist.
import path from 'node:path';
import { confine } from '../../../model/confine.ts';
import { panorama, type Panorama } from '../../../model/panorama.ts';
import { fileInEachFolder, folderName, yamlContentType } from '../content-type.ts';
import { exhibitions } from './exhibitions.ts';

const panoramaFiles = fileInEachFolder('panoramas', 'panorama.yaml');

export const panoramas = yamlContentType<typeof panorama, Panorama>({
  name: 'panoramas',
  files: panoramaFiles,
  schema: panorama,
  defaults: (file) => ({ type: 'panorama', id: folderName(file) }),
  idOf: folderName,
  slugs: (v) => [{ at: ['id'], kind: 'panorama', slug: v.id }],
  finish: (p, report, ctx) => {
    const dir = path.dirname(ctx.file);
    const label = `content/panoramas/${p.id}/`;
    let ok = true;
    const bad = (at: (string | number)[], message: string) => {
      report(at, message);
      ok = false;
    };
    // Its images are read only from inside its own folder, links followed.
    p.variants.forEach((v, i) => {
      const c = confine(dir, v.source, label);
      if ('problem' in c) bad(['variants', i, 'source'], c.problem);
    });
    const others = new Set(panoramaFiles(ctx.root).map(folderName));
    p.hotspots.forEach((h, i) => {
      if (h.artifact && !ctx.ids('artifacts').has(h.artifact)) bad(['hotspots', i, 'artifact'], `unknown artifact "${h.artifact}" (not in any collection)`);
      if (h.panorama) {
        if (h.panorama.id === p.id) bad(['hotspots', i, 'panorama', 'id'], 'a hotspot cannot lead to the panorama it is in');
        else if (!others.has(h.panorama.id)) bad(['hotspots', i, 'panorama', 'id'], `unknown panorama "${h.panorama.id}" (not in content/panoramas/)`);
      }
      if (h.exhibition) {
        // Exhibitions are read before panoramas; one that failed its own checks reads as unknown here.
        const target = ctx.records(exhibitions).find((e) => e.id === h.exhibition?.id);
        if (!target) bad(['hotspots', i, 'exhibition', 'id'], `unknown exhibition "${h.exhibition.id}" (not in content/exhibitions/, or it has problems)`);
        else if (!target.steps.some((s) => s.id === h.exhibition?.step))
          bad(['hotspots', i, 'exhibition', 'step'], `exhibition "${h.exhibition.id}" has no step "${h.exhibition.step}"`);
      }
    });
    if (p.scene && !ctx.ids('scenes').has(p.scene)) bad(['scene'], `unknown scene "${p.scene}" (not in content/scenes/)`);
    if (p.plan?.place && !ctx.ids('places').has(p.plan.place)) bad(['plan', 'place'], `unknown place "${p.plan.place}" (not in content/places.yaml)`);
    return ok ? p : undefined;
  },
});
