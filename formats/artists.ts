// The curated artists (content/artists.yaml): one name per language for a maker the sources spell in several ways
// ("Ma He Zhi", "Ma Hezhi", 馬和之), so the Artist facet lists each once. Read at build time beside the chronologies;
// the search runtime never loads it.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { simplifiedHan } from '../model/han-script.ts';
import { contentDir } from '../model/paths.ts';
import type { LangMap } from '../model/schema.ts';

/** One curated artist; `validate`, `ingest` and `build` check content/artists.yaml against it (the artists content
 * type), so a malformed entry is reported at its file, line and field before the facets read it here. */
export const artist = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    name: z.object({ zh: z.string().min(1), en: z.string().min(1), fr: z.string().min(1) }).strict(),
    spellings: z.array(z.string().min(1)).default([]),
    source: z.string().min(1),
  })
  .strict();
export type Artist = z.infer<typeof artist>;

/** A name as matched: case and the spacing between words aside, Chinese in simplified characters. */
const norm = (s: string): string => {
  const t = s.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();
  return simplifiedHan(t) ?? t;
};

const parseSafely = (text: string): unknown => {
  try {
    return parse(text) ?? [];
  } catch {
    return undefined;
  }
};

let cache: { file: string; byName: Map<string, Artist>; byZh: Map<string, Artist> } | undefined;
function load(): NonNullable<typeof cache> {
  const file = path.join(contentDir(), 'artists.yaml');
  if (cache?.file === file) return cache;
  // A list that does not parse reconciles nobody here rather than stopping the collection being read: the artists
  // content type reports each wrong entry at its file, line and field, and that run publishes nothing.
  const parsed = fs.existsSync(file) ? z.array(artist).safeParse(parseSafely(fs.readFileSync(file, 'utf8'))) : undefined;
  const list = parsed?.success ? parsed.data : [];
  const byName = new Map<string, Artist>();
  const byZh = new Map<string, Artist>();
  for (const a of list) {
    for (const n of [...Object.values(a.name), ...a.spellings]) byName.set(norm(n), a);
    byZh.set(norm(a.name.zh), a);
  }
  cache = { file, byName, byZh };
  return cache;
}

/** The curated artist a maker's name is, by any of its texts (a name or a listed spelling), or none. */
export function artistNamed(label: LangMap): Artist | undefined {
  const { byName } = load();
  for (const text of Object.values(label)) {
    const hit = text ? byName.get(norm(text)) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

/** A maker whose Chinese is a curated artist's name but whose romanised text is none of its names or spellings:
 * the spelling to add to content/artists.yaml (the facet already lists the record under the artist). */
export function unlistedSpelling(label: LangMap): { artist: Artist; spelling: string } | undefined {
  const { byName, byZh } = load();
  const a = label.zh ? byZh.get(norm(label.zh)) : undefined;
  if (!a) return undefined;
  const spelling = [label.en, label.fr].find((t) => t && byName.get(norm(t)) !== a);
  return spelling ? { artist: a, spelling } : undefined;
}
