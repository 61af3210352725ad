// `heritage validate` / `ingest` for exhibitions: checked after the collections (they point at artifacts), and
// published only when the whole content is valid, like the records.
import path from 'node:path';
import { EXHIBITIONS_FILE } from '../../model/exhibition.ts';
import { contentDir } from '../../model/paths.ts';
import type { ContentResult } from '../ingest/content.ts';
import { writeIfChanged } from '../write-if-changed.ts';
import { checkExhibitions, type LoadedExhibition } from './check.ts';
import { exhibitionRefs } from './refs.ts';

export const exhibitionsDir = (root = contentDir()): string => path.join(root, 'exhibitions');

/** Adds every exhibition problem to the ingest result's problems; returns the valid exhibitions. */
export async function validateExhibitions(result: ContentResult, publishedRecords: string, root = contentDir()): Promise<LoadedExhibition[]> {
  const refs = await exhibitionRefs(result, publishedRecords, root);
  return checkExhibitions(exhibitionsDir(root), refs, result.problems);
}

export function publishExhibitions(list: LoadedExhibition[], out: string): void {
  writeIfChanged(path.join(out, EXHIBITIONS_FILE), `${JSON.stringify(list.map((l) => l.exhibition))}\n`);
}
