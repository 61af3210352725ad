// The demo dramas as curators committed them: real Morevna subtitles, parsed and checked.
import { describe, expect, it } from 'vitest';
import { isRtl } from '../../../model/drama.ts';
import { checkContentType } from '../../../assets-pipeline/ingest/content.ts';
import { dramas as dramaType } from '../../../assets-pipeline/ingest/content-types/dramas.ts';
import { contentDir } from '../../../model/paths.ts';
import { parseSubtitleFile } from '../../../assets-pipeline/subtitles/parse.ts';
import path from 'node:path';

describe('demo dramas', () => {
  const { records, problems } = checkContentType(dramaType, contentDir());
  const dramas = records.map((drama) => ({ drama, dir: path.join(contentDir(), 'dramas', drama.id) }));
  it('load without errors', () => {
    expect(problems).toEqual([]);
    expect(dramas.map((d) => [d.drama.id, d.drama.episodes.length])).toEqual([
      ['pepper-and-carrot-ep06', 1],
      ['synfig-studio-course', 9],
    ]);
  });
  it('parse every track; Pepper&Carrot has 98 English cues and a right-to-left Arabic test track', () => {
    for (const { drama, dir } of dramas)
      for (const e of drama.episodes)
        for (const s of e.subtitles) {
          expect(parseSubtitleFile(path.join(dir, s.path)).error).toBeUndefined();
        }
    const pc = dramas.find((d) => d.drama.id === 'pepper-and-carrot-ep06')!;
    const ep = pc.drama.episodes[0]!;
    expect(parseSubtitleFile(path.join(pc.dir, ep.subtitles.find((s) => s.lang === 'en')!.path)).cues).toHaveLength(98);
    const ar = ep.subtitles.find((s) => s.lang === 'ar')!;
    expect(ar.test && isRtl(ar.lang)).toBe(true);
  });
});
