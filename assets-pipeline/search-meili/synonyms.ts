// Synonym groups (content/search/synonyms.yaml) → Meilisearch's synonym map. Meilisearch applies synonyms to
// the words of the query it receives, and Chinese reaches it as gram words (han-grams.ts), so each Chinese
// term is stored in that same form: 敦煌 → its bigram word, 莫高窟 → two bigram words (a phrase, adjacent in
// the index).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { contentDir } from '../../model/paths.ts';
import { readYamlData } from '../../model/yaml-data.ts';
import { HAN } from '../../formats/search-index/fold.ts';
import { foldLatin } from '../../formats/search-index/fold.ts';
import { rewriteQuery } from '../../formats/search-index/han-grams.ts';
import { prepareFor } from '../../formats/search-index/tokenize.ts';

const file = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) });

export const synonymsFile = (): string => path.join(contentDir(), 'search', 'synonyms.yaml');

/** Reads the groups; a malformed file is a clear error naming the file and the entry. */
export function readSynonymGroups(at = synonymsFile()): string[][] {
  if (!fs.existsSync(at)) return [];
  return readYamlData(at, file).groups;
}

/** The form Meilisearch sees a term in: gram words for Chinese, folded lower-case words for Latin. */
const queryForm = (term: string): string => (HAN.test(term) ? rewriteQuery(term) : foldLatin(term).replace(/[-‐]/g, ' ')).trim();

export async function meiliSynonyms(groups = readSynonymGroups()): Promise<Record<string, string[]>> {
  await prepareFor('中a');
  const out: Record<string, Set<string>> = {};
  for (const group of groups) {
    const forms = [...new Set(group.map(queryForm))];
    for (const f of forms) {
      const set = (out[f] ??= new Set());
      for (const g of forms) if (g !== f) set.add(g);
    }
  }
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, [...v]]));
}
