// Which part of the site one Astro process renders. A full site is built as several parts (the listings, and
// the artifact pages in shards of at most SHARD_SIZE records) so that each process holds only its own records,
// parts run side by side on both cores, and an incremental publish re-renders only what changed. The pages
// stage writes each part's description to a JSON file and passes its path; without one, Astro renders it all.
import fs from 'node:fs';
import { z } from 'zod';

export const SHARD_SIZE = 25_000;

/** The environment variable holding the path of the part description. */
export const BUILD_PART_FILE_ENV = 'HERITAGE_BUILD_PART_FILE';

const partFile = z
  .object({
    /** Listing pages: collection pages, facet landing pages. The few fixed pages are always rendered. */
    listings: z.boolean(),
    /** Artifact page shards as `collection:index`; null means every shard. */
    shards: z.array(z.string()).nullable(),
    /** Collections whose own listing pages the listings part renders; null means all of them. */
    collections: z.array(z.string()).nullable(),
    /** The related-objects file of the shards above (formats/pages/related.ts); null: none. */
    related: z.string().nullable().default(null),
  })
  .strict();
export type BuildPartFile = z.input<typeof partFile>;

export interface BuildPart {
  listings: boolean;
  /** Artifact page shards as `collection:index`; undefined means every shard. */
  shards: Set<string> | undefined;
  /** Collections whose own listing pages the listings part renders; undefined means all of them. */
  collections: Set<string> | undefined;
  /** Path of the related-objects file, if the pages stage wrote one. */
  related: string | undefined;
}

export const WHOLE_SITE: BuildPartFile = { listings: true, shards: null, collections: null };

export function writeBuildPart(file: string, part: BuildPartFile): void {
  fs.writeFileSync(file, JSON.stringify(partFile.parse(part)));
}

const cache = new Map<string, BuildPart>();

/** The part this process renders: the described one, or the whole site when no description is given. */
export function buildPart(env: NodeJS.ProcessEnv = process.env): BuildPart {
  const file = env[BUILD_PART_FILE_ENV];
  const key = file ?? '';
  let part = cache.get(key);
  if (part) return part;
  let described: z.output<typeof partFile> = { ...WHOLE_SITE, related: null };
  if (file) {
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw new Error(`${file}: cannot read the build part description (${(err as Error).message})`);
    }
    const parsed = partFile.safeParse(raw);
    if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
    described = parsed.data;
  }
  part = {
    listings: described.listings,
    shards: described.shards === null ? undefined : new Set(described.shards),
    collections: described.collections === null ? undefined : new Set(described.collections),
    related: described.related ?? undefined,
  };
  cache.set(key, part);
  return part;
}

export const shardKey = (collection: string, index: number): string => `${collection}:${Math.floor(index / SHARD_SIZE)}`;
