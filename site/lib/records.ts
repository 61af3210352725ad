// The site's view of the normalized records, loaded once per build process and shared by every route.
// Pages read build/records through model/store.ts rather than Astro's content store: at 150k records the
// store's single serialized blob approaches V8's string limit (see DESIGN.md), and records are already
// validated by the importer.
import { readAllArtifacts, readCollections, readPlaces } from '../../model/store.ts';
import type { Artifact, Collection, Place, Stored } from '../../model/schema.ts';

interface SiteData {
  collections: Stored<Collection>[];
  artifacts: Stored<Artifact>[];
  byCollection: Map<string, Stored<Artifact>[]>;
  places: Map<string, Stored<Place>>;
}

let cached: Promise<SiteData> | undefined;

export function siteData(): Promise<SiteData> {
  cached ??= (async () => {
    const collections = readCollections();
    const artifacts = await readAllArtifacts();
    const byCollection = new Map<string, Stored<Artifact>[]>(collections.map((c) => [c.id, []]));
    for (const a of artifacts) byCollection.get(a.collection)?.push(a);
    const places = new Map(readPlaces().map((p) => [p.id, p]));
    return { collections, artifacts, byCollection, places };
  })();
  return cached;
}
