// What a panorama page shows, shaped once for the markup and the viewer module: each hotspot with where it lies in
// words, what it opens and its link; each variant with its tiles (when the panorama stage made them).
import { panoramaKey, readPanoramaManifest, type PanoramaEntry } from '../../formats/manifests/panoramas.ts';
import { artifactPath, exhibitionPath, localePath, panoramaPath, panoramaViewPath } from '../../formats/urls.ts';
import type { Locale } from '../../model/locales.ts';
import { hotspotTarget, type HotspotTarget, type Panorama, type PanoramaView } from '../../model/panorama.ts';
import { pickText } from '../../model/text.ts';
import { translator } from '../i18n/index.ts';
import { DIRECTION_KEYS, directionKeys } from './directions.ts';

export interface PageHotspot {
  id: string;
  yaw: number;
  pitch: number;
  kind: HotspotTarget;
  label: Panorama['title'];
  /** Where it leads (artifact, panorama, exhibition step); notes have none. */
  href?: string;
  note?: Panorama['title'];
  directions: string[];
}

export function pageHotspots(p: Panorama, locale: Locale): PageHotspot[] {
  return p.hotspots.map((h) => {
    const kind = hotspotTarget(h);
    const href = h.artifact
      ? localePath(locale, artifactPath(h.artifact))
      : h.panorama
        ? localePath(locale, panoramaViewPath(h.panorama.id, h.panorama.view))
        : h.exhibition
          ? `${localePath(locale, exhibitionPath(h.exhibition.id))}#${h.exhibition.step}`
          : undefined;
    return {
      id: h.id,
      yaw: h.yaw,
      pitch: h.pitch,
      kind,
      label: h.label,
      ...(href ? { href } : {}),
      ...(h.note ? { note: h.note } : {}),
      directions: directionKeys(h.yaw, h.pitch, p.initialView.yaw),
    };
  });
}

type Tiles = Pick<PanoramaEntry, 'tiles' | 'levels' | 'preview'>;

/** One panorama of the tour as the viewer moves through it without leaving the page: its first variant's tiles, its
 * page, the hotspots that lead to other panoramas of the tour (with the direction faced on arrival) and the others. */
export interface TourNode {
  id: string;
  title: string;
  /** Its page in this locale, without a view. */
  href: string;
  initialView: PanoramaView;
  tiles: Tiles;
  /** Every variant with tiles, the first (`tiles`) included: a move opens the one the visitor was looking at. */
  variants: { id: string; tiles: Tiles }[];
  links: { hotspot: string; to: string; yaw: number; pitch: number; label: string; view?: PanoramaView; href: string }[];
  markers: { id: string; yaw: number; pitch: number; label: string }[];
}

/** What the viewer module is given (a JSON data block beside its root). */
export interface ViewerData {
  /** This panorama's id. */
  id: string;
  title: string;
  /** The viewer's accessible name in this locale ("Panorama viewer: <title>"); the shown variant's alt follows it. */
  label: string;
  initialView: PanoramaView;
  variants: { id: string; label: string; alt: string; tiles: Tiles }[];
  hotspots: { id: string; yaw: number; pitch: number; label: string }[];
  /** The live region's words: each direction key's text, the list separator, and the two sentences. */
  spoken: { words: Record<string, string>; separator: string; looking: string; lookingAt: string };
  /** Every panorama whose tiles exist, this one included. */
  tour: TourNode[];
}

let manifest: ReturnType<typeof readPanoramaManifest> | undefined;
/** The tiles of one variant, or undefined when the panorama stage has not made them (the page is then text only). */
export function variantTiles(panorama: string, variant: string): PanoramaEntry | undefined {
  manifest ??= readPanoramaManifest();
  return manifest[panoramaKey(panorama, variant)];
}

/** A panorama's variants whose tiles the panorama stage made, in content order. */
function tiledVariants(p: Panorama): { id: string; variant: Panorama['variants'][number]; tiles: Tiles }[] {
  return p.variants.flatMap((v) => {
    const t = variantTiles(p.id, v.id);
    return t ? [{ id: v.id, variant: v, tiles: { tiles: t.tiles, levels: t.levels, preview: t.preview } }] : [];
  });
}

/** The viewer module's data for one panorama in one locale (the panorama page, an exhibition step); `tour` empty
 * where the viewer should not move to other panoramas. */
export function viewerData(p: Panorama, locale: Locale, tour: TourNode[]): ViewerData {
  const t = translator(locale);
  const title = pickText(p.title, locale);
  return {
    id: p.id,
    title,
    label: t('panorama:viewer', { title }),
    initialView: p.initialView,
    variants: tiledVariants(p).map(({ variant: v, tiles }) => ({ id: v.id, label: pickText(v.label, locale), alt: pickText(v.alt, locale), tiles })),
    hotspots: p.hotspots.map((h) => ({ id: h.id, yaw: h.yaw, pitch: h.pitch, label: pickText(h.label, locale) })),
    spoken: {
      words: Object.fromEntries(DIRECTION_KEYS.map((k) => [k, t(`panorama:${k}`)])),
      separator: t('listen:alt.separator'),
      looking: t('panorama:looking'),
      lookingAt: t('panorama:lookingAt'),
    },
    tour,
  };
}

/** The nodes the viewer can move between in place: every panorama whose first variant has tiles. A hotspot to a
 * panorama without tiles stays a plain link (its page is then the text alternative). */
export function tourNodes(all: Panorama[], locale: Locale): TourNode[] {
  const tiled = all.flatMap((p) => {
    const variants = tiledVariants(p);
    return variants[0]?.id === p.variants[0]?.id ? [{ p, variants }] : [];
  });
  const ids = new Set(tiled.map(({ p }) => p.id));
  return tiled.map(({ p, variants }) => ({
    id: p.id,
    title: pickText(p.title, locale),
    href: localePath(locale, panoramaPath(p.id)),
    initialView: p.initialView,
    tiles: variants[0]!.tiles,
    variants: variants.map(({ id, tiles }) => ({ id, tiles })),
    links: p.hotspots.flatMap((h) =>
      h.panorama && ids.has(h.panorama.id)
        ? [
            {
              hotspot: h.id,
              to: h.panorama.id,
              yaw: h.yaw,
              pitch: h.pitch,
              label: pickText(h.label, locale),
              ...(h.panorama.view ? { view: h.panorama.view } : {}),
              href: localePath(locale, panoramaViewPath(h.panorama.id, h.panorama.view)),
            },
          ]
        : [],
    ),
    markers: p.hotspots
      .filter((h) => !(h.panorama && ids.has(h.panorama.id)))
      .map((h) => ({ id: h.id, yaw: h.yaw, pitch: h.pitch, label: pickText(h.label, locale) })),
  }));
}

/** The tour: every panorama with a plan position, grouped by place in the order the places first appear, numbered
 * from 1 across the whole tour. */
export function tourPlaces(all: Panorama[]): { place: string; stops: { panorama: Panorama; n: number }[] }[] {
  const groups = new Map<string, Panorama[]>();
  for (const p of all) if (p.plan) groups.set(p.plan.place ?? '', [...(groups.get(p.plan.place ?? '') ?? []), p]);
  let n = 0;
  return [...groups].map(([place, list]) => ({ place, stops: list.map((panorama) => ({ panorama, n: ++n })) }));
}
