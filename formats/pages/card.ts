// What a grid card (and a facet page) needs of an artifact: the site's listings hold one per record, and the
// pages stage writes the related objects' cards beside each artifact shard, so both make them here.
import type { Artifact, LangMap, MediaRef } from '../../model/schema.ts';
import { facetKey } from '../facets.ts';

export interface ArtifactCardData {
  id: string;
  collection: string;
  title: LangMap;
  maker?: LangMap;
  /** The institution holding it (a "held by" facet). */
  holder?: LangMap;
  period?: LangMap;
  /** The earliest year of its dating (negative BCE), what "sort by date" orders by. */
  year?: number;
  objectType?: LangMap;
  materials: LangMap[];
  /** Where it comes from (origin, findspot, …): the museum that holds it is not one of them. */
  places: LangMap[];
  /** Only when the record has them: a card exists per record in every listing build. */
  classifications?: LangMap[];
  movements?: LangMap[];
  subjects?: LangMap[];
  media: MediaRef[];
}

/** An artifact's places other than the institution holding it: what a "place" facet or "same place" means. */
export const originPlaces = (a: Pick<Artifact, 'places'>): Artifact['places'] => a.places.filter((p) => p.role !== 'holding');

// A maker a museum could not name ("Unidentified artist", 佚名) is not a hand: keys as facetKey folds them (English
// first).
const ANONYMOUS = /^(unknown|unidentified|anonymous|anon|inconnu|anonyme|佚名|无名|無名|不详|不詳)(-|$)/;
/** Whether a maker's facet key names nobody in particular. */
export const anonymousMakerKey = (key: string): boolean => ANONYMOUS.test(key);

/** The maker a card or a search result names: the first the museum identified ("Unidentified artist" then
 * "Attributed to Li Cheng" gives the attribution), else the first. */
export const namedMaker = (makers: Artifact['makers']): LangMap | undefined => (makers.find((m) => !anonymousMakerKey(facetKey(m.name))) ?? makers[0])?.name;

/** The fields a card shows (Cards.astro): what a related-objects file carries per card. */
export type CardItem = Pick<ArtifactCardData, 'id' | 'collection' | 'title' | 'maker' | 'period' | 'media'>;

export const toCard = (a: Artifact): ArtifactCardData => ({
  id: a.id,
  collection: a.collection,
  title: a.title,
  maker: namedMaker(a.makers),
  ...(a.holder ? { holder: a.holder } : {}),
  period: a.period,
  year: a.date?.from ?? a.date?.to,
  objectType: a.objectType,
  materials: a.materials,
  places: originPlaces(a).map((p) => p.name),
  ...(a.classifications ? { classifications: a.classifications } : {}),
  ...(a.movements ? { movements: a.movements } : {}),
  ...(a.subjects ? { subjects: a.subjects } : {}),
  media: a.media.filter((m) => m.kind === 'image').slice(0, 1),
});
