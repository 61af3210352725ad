// Exhibitions: `content/exhibitions/<slug>/exhibition.yaml`. Read after the types their steps show (artifacts,
// scenes, dramas, places, routes, monitoring); their checks measure source images, so reading one waits.
import path from 'node:path';
import { confine } from '../../../model/confine.ts';
import type { Exhibition } from '../../../model/exhibition.ts';
import { checkExhibition, type ExhibitionRefs } from '../../exhibitions/check.ts';
import { exhibitionRefs } from '../../exhibitions/refs.ts';
import { fileInEachFolder, type ContentType, type ReadContext } from '../content-type.ts';

// One set of references per run, however many exhibitions read it (image sizes are cached inside it).
const refsOfRun = new WeakMap<ReadContext, Promise<ExhibitionRefs>>();

export const exhibitions: ContentType<Exhibition> = {
  name: 'exhibitions',
  files: fileInEachFolder('exhibitions', 'exhibition.yaml'),
  async read(file, ctx) {
    const inside = confine(ctx.root, path.relative(ctx.root, file), 'content/');
    if ('problem' in inside) {
      ctx.problems.add(file, 0, '-', inside.problem);
      return [];
    }
    let refs = refsOfRun.get(ctx);
    if (!refs) refsOfRun.set(ctx, (refs = exhibitionRefs(ctx)));
    const e = await checkExhibition(file, await refs, ctx.problems);
    return e ? [e] : [];
  },
};
