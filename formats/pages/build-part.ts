// Which part of the site this Astro process renders. A full site is built as several parts (the listings,
// and the artifact pages in shards of at most SHARD_SIZE records) so that each process holds only its own
// records, parts run side by side on both cores, and an incremental publish re-renders only what changed.
export const SHARD_SIZE = 25_000;

export interface BuildPart {
  /** Listing pages: collection pages, facet landing pages. The few fixed pages are always rendered. */
  listings: boolean;
  /** Artifact page shards as `collection:index`; undefined means every shard. */
  shards: Set<string> | undefined;
  /** Collections whose own listing pages the listings part renders; undefined means all of them. */
  collections: Set<string> | undefined;
}

export function buildPart(env = process.env): BuildPart {
  const part = env.HERITAGE_BUILD_PART ?? 'all';
  const shards = env.HERITAGE_BUILD_SHARDS;
  return {
    listings: part === 'all' || part === 'listings',
    shards: part === 'all' ? undefined : new Set(part === 'artifacts' && shards ? shards.split(',') : []),
    collections: env.HERITAGE_BUILD_COLLECTIONS === undefined ? undefined : new Set(env.HERITAGE_BUILD_COLLECTIONS.split(',').filter(Boolean)),
  };
}

export const shardKey = (collection: string, index: number): string => `${collection}:${Math.floor(index / SHARD_SIZE)}`;
