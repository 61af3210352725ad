// The site's view of the normalized records, loaded once per build process and shared by every route.
// Pages read build/records through model/store.ts rather than Astro's content store: at 150k records the
// store's single serialized blob approaches V8's string limit (see DESIGN.md), and records are already
// validated by the importer. Listings hold only a small card per artifact; full records are loaded only
// for the artifact-page shards this process renders.
import { linkedImageOrigins, readCollections, readPlaces, streamLazyArtifacts } from '../../model/store.ts';
import type { Artifact, Collection, Place, Stored } from '../../model/schema.ts';
import { type ArtifactCardData, toCard } from '../../formats/pages/card.ts';
import { buildPart, shardKey } from '../../formats/pages/build-part.ts';

export type { ArtifactCardData };

interface SiteData {
  collections: Stored<Collection>[];
  cards: ArtifactCardData[];
  byCollection: Map<string, ArtifactCardData[]>;
  /** Full records of the artifact-page shards this process renders. */
  artifacts: Stored<Artifact>[];
  places: Map<string, Stored<Place>>;
  /** Every published artifact id and each collection's size, whatever part is being rendered. */
  ids: Set<string>;
  counts: Map<string, number>;
}

/** The collections whose listing pages this build part renders, in every order: none when it renders no listings,
 * and on an incremental publish only the collections that changed. */
export async function listedCollections(): Promise<Stored<Collection>[]> {
  const part = buildPart();
  if (!part.listings) return [];
  const { collections } = await siteData();
  return collections.filter((c) => !part.collections || part.collections.has(c.id));
}

let linked: string[] | undefined;

/** The origins of the IIIF Image services that opted-in collections link, read once per build process (every page's
 * policy lists them: a card of such a record may be on any listing). */
export const linkedImageHosts = (): string[] => (linked ??= linkedImageOrigins());

let cached: Promise<SiteData> | undefined;

export function siteData(): Promise<SiteData> {
  cached ??= (async () => {
    const part = buildPart();
    const collections = readCollections();
    const byCollection = new Map<string, ArtifactCardData[]>(collections.map((c) => [c.id, []]));
    const cards: ArtifactCardData[] = [];
    const artifacts: Stored<Artifact>[] = [];
    const ids = new Set<string>();
    const counts = new Map<string, number>();
    for (const c of collections) {
      let i = 0;
      for await (const lazy of streamLazyArtifacts(c.id)) {
        // Listing builds need every card; artifact shards only their own records (and a few cards for home).
        const mine = !part.shards || part.shards.has(shardKey(c.id, i));
        const a = part.listings || cards.length < 64 || mine ? lazy.record() : undefined;
        if (a && (part.listings || cards.length < 64)) {
          const card = toCard(a);
          cards.push(card);
          byCollection.get(c.id)!.push(card);
        }
        if (a && mine) artifacts.push(a);
        ids.add(lazy.id);
        i++;
      }
      counts.set(c.id, i);
    }
    const places = new Map(readPlaces().map((p) => [p.id, p]));
    return { collections, cards, byCollection, artifacts, places, ids, counts };
  })();
  return cached;
}
