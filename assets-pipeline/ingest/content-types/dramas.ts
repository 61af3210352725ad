// Dramas: `content/dramas/<slug>/drama.yaml`; the video, subtitle, dub and description files it names must exist.
import path from 'node:path';
import { confine } from '../../../model/confine.ts';
import { drama, type Drama } from '../../../model/drama.ts';
import { fileInEachFolder, folderName, yamlContentType } from '../content-type.ts';
import type { KeyPath } from '../yaml-file.ts';

export const dramas = yamlContentType<typeof drama, Drama>({
  name: 'dramas',
  files: fileInEachFolder('dramas', 'drama.yaml'),
  schema: drama,
  defaults: (file) => ({ type: 'drama', id: folderName(file) }),
  idOf: folderName,
  slugs: (d) => [{ at: ['id'], kind: 'drama', slug: d.id }, ...d.episodes.map((e, i) => ({ at: ['episodes', i, 'id'], kind: 'episode' as const, slug: e.id }))],
  finish: (d, report, ctx) => {
    const dir = path.dirname(ctx.file);
    const named: { at: KeyPath; file: string }[] = d.episodes.flatMap((e, i) => [
      ...e.subtitles.map((s, j) => ({ at: ['episodes', i, 'subtitles', j, 'path'], file: s.path })),
      ...e.dubs.map((a, j) => ({ at: ['episodes', i, 'dubs', j, 'path'], file: a.path })),
      ...e.descriptions.flatMap((a, j) => [
        { at: ['episodes', i, 'descriptions', j, 'path'], file: a.path },
        ...(a.cues ? [{ at: ['episodes', i, 'descriptions', j, 'cues'], file: a.cues }] : []),
      ]),
      ...('path' in e.video ? [{ at: ['episodes', i, 'video', 'path'], file: e.video.path }] : []),
    ]);
    // Every media file must be inside this drama's folder once links are followed: a subtitle linked to
    // /etc/passwd would otherwise be published on a QC page.
    let bad = 0;
    for (const n of named) {
      const c = confine(dir, n.file, `content/dramas/${d.id}/`);
      if ('problem' in c) {
        bad++;
        report(n.at, c.problem);
      }
    }
    return bad ? undefined : d;
  },
});
