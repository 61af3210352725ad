// The search stage: every published content type becomes SearchDocs and one static index under dist/search/.
import path from 'node:path';
import { distDir } from '../../model/paths.ts';
import { readCollections, streamAllArtifacts } from '../../model/store.ts';
import { imageFor } from '../../site/lib/images.ts';
import { dramaCueDocs } from '../subtitles/cue-docs.ts';
import { artifactToDocs, collectionToDoc, type SearchDoc } from './doc.ts';
import { writeSearchIndex, type WriteSummary } from './write-index.ts';

export async function* allDocs(): AsyncGenerator<SearchDoc> {
  for (const c of readCollections()) yield collectionToDoc(c);
  for await (const a of streamAllArtifacts()) yield* artifactToDocs(a, { thumbnail: (r) => imageFor(r)?.thumb.jpeg });
  for (const cue of dramaCueDocs()) {
    yield {
      type: 'cue',
      id: cue.id,
      href: cue.url.en.replace(/^\/en\//, ''),
      title: cue.title,
      text: [cue.text],
      subtitle: cue.title,
      facets: {},
    };
  }
}

export function runSearchStage(out = path.join(distDir(), 'search')): Promise<WriteSummary> {
  return writeSearchIndex(allDocs(), out);
}
