// What the home page shows, gathered from the published records and what the stages made of them: every scene,
// the places and routes of the globe, every film, exhibition and panorama, and every collection with an image of
// one of its objects. Nothing here names a slug: a new exhibition or panorama appears on the next build, and a
// kind of content that is absent (no films, one collection) leaves its section out.
import { imageFor, type ImageEntry } from '../../formats/manifests/images.ts';
import { collectionPath, dramaPath, exhibitionPath, localePath, MAP_PATH, panoramaPath, scenePath } from '../../formats/urls.ts';
import type { Locale } from '../../model/locales.ts';
import type { LangMap } from '../../model/schema.ts';
import { readPanoramas } from '../../model/panorama.ts';
import { readRoutes } from '../../model/routes.ts';
import { readScenes } from '../../model/scene.ts';
import { pickText } from '../../model/text.ts';
import { dramaViews } from '../components/drama/drama-data.ts';
import { exhibitions } from './exhibitions.ts';
import { stepCover } from './exhibition-live.ts';
import { coverArtifact, type Exhibition } from '../../model/exhibition.ts';
import { variantTiles } from './panoramas.ts';
import { siteData } from './records.ts';
import { still } from './stills.ts';

/** A picture as the card draws it: a responsive image-stage entry, or one file of a known size. */
export type HomeImage = { kind: 'entry'; entry: ImageEntry; alt: string } | { kind: 'file'; url: string; width: number; height: number; alt: string };

export interface HomeCard {
  /** The record's id, for tests and anchors. */
  id: string;
  href: string;
  title: LangMap;
  text?: LangMap;
  /** A short line under the title (a count, a date). */
  meta?: string;
  image?: HomeImage;
}

export interface GlobeSketch {
  href: string;
  places: { id: string; name: string; lat: number; lon: number }[];
  routes: { id: string; from: { lat: number; lon: number }; to: { lat: number; lon: number } }[];
}

export interface HomeData {
  scenes: HomeCard[];
  globe?: GlobeSketch;
  films: HomeCard[];
  exhibitions: HomeCard[];
  panoramas: HomeCard[];
  collections: HomeCard[];
}

type T = (key: string, vars?: Record<string, unknown>) => string;

export async function homeData(locale: Locale, t: T): Promise<HomeData> {
  const { collections, byCollection, counts, cards, places } = await siteData();
  const link = (p: string) => localePath(locale, p);
  const panoramas = readPanoramas();

  // A scene's picture may be the first panorama rendered from it (its alt text is the curator's description).
  const panoramaPicture = (p: (typeof panoramas)[number]): HomeImage | undefined => {
    const v = p.variants[0]!;
    const preview = variantTiles(p.id, v.id)?.preview;
    return preview && { kind: 'file', url: preview.url, width: preview.width, height: preview.height, alt: v.alt[locale] };
  };
  // Better still, the committed still of the scene's starting view, as the viewer opens.
  const scenes = readScenes().map((s): HomeCard => {
    const shot = still(`scene-${s.id}`);
    const image: HomeImage | undefined = shot
      ? { kind: 'file', ...shot, alt: t('home:alt.scene', { title: pickText(s.title, locale) }) }
      : panoramas
          .filter((p) => p.scene === s.id)
          .map(panoramaPicture)
          .find((picture) => picture !== undefined);
    return { id: s.id, href: link(scenePath(s.id)), title: s.title, text: s.introduction, image };
  });

  const routes = readRoutes();
  const at = (id: string) => places.get(id);
  const globe: GlobeSketch | undefined =
    places.size === 0
      ? undefined
      : {
          href: link(MAP_PATH),
          places: [...places.values()].map((p) => ({ id: p.id, name: pickText(p.name, locale), lat: p.lat, lon: p.lon })),
          routes: routes.flatMap((r) => {
            const a = at(r.from);
            const b = at(r.to);
            return a && b ? [{ id: r.id, from: { lat: a.lat, lon: a.lon }, to: { lat: b.lat, lon: b.lon } }] : [];
          }),
        };

  const films = dramaViews().map(({ drama, episodes }): HomeCard => {
    const video = episodes.find((e) => e.video)?.video;
    const size = video?.renditions.reduce((a, b) => (b.width > a.width ? b : a));
    const title = pickText(drama.title, locale);
    return {
      id: drama.id,
      href: link(dramaPath(drama.id)),
      title: drama.title,
      text: drama.synopsis,
      meta: t('drama:list.episodes', { count: drama.episodes.length }),
      image: video && size ? { kind: 'file', url: video.poster, width: size.width, height: size.height, alt: t('home:alt.film', { title }) } : undefined,
    };
  });

  const cardById = new Map(cards.map((c) => [c.id, c]));
  const artifactImage = (id: string): HomeImage | undefined => {
    const card = cardById.get(id);
    const entry = card && imageFor(card);
    return entry && { kind: 'entry', entry, alt: pickText(card.title, locale) };
  };
  const coverImage = (e: Exhibition): HomeImage | undefined => {
    const id = coverArtifact(e);
    if (id) return artifactImage(id);
    const shot = stepCover(e, locale);
    return shot && { kind: 'file', ...shot };
  };
  const shownExhibitions = exhibitions().map(
    (e): HomeCard => ({
      id: e.id,
      href: link(exhibitionPath(e.id)),
      title: e.title,
      text: e.summary,
      meta: t('exhibitions:stepCount', { count: e.steps.length }),
      image: coverImage(e),
    }),
  );

  const shownPanoramas = panoramas.map(
    (p): HomeCard => ({ id: p.id, href: link(panoramaPath(p.id)), title: p.title, text: p.description, image: panoramaPicture(p) }),
  );

  const covers = new Set(exhibitions().flatMap((e) => coverArtifact(e) ?? []));
  const shownCollections = collections.map((c): HomeCard => {
    // Another object than an exhibition's cover, when the collection has one: the page shows each picture once.
    const pictured = (byCollection.get(c.id) ?? []).filter((a) => imageFor(a));
    const withImage = pictured.find((a) => !covers.has(a.id)) ?? pictured[0];
    return {
      id: c.id,
      href: link(collectionPath(c.id)),
      title: c.title,
      text: c.description,
      meta: t('collections.count', { count: counts.get(c.id) ?? 0 }),
      image: withImage && artifactImage(withImage.id),
    };
  });

  return { scenes, globe, films, exhibitions: shownExhibitions, panoramas: shownPanoramas, collections: shownCollections };
}
