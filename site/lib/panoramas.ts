// What a panorama page shows, shaped once for the markup and the viewer module: each hotspot with where it lies in
// words, what it opens and its link; each variant with its tiles (when the panorama stage made them).
import { panoramaKey, readPanoramaManifest, type PanoramaEntry } from '../../formats/manifests/panoramas.ts';
import { artifactPath, exhibitionPath, localePath, panoramaViewPath } from '../../formats/urls.ts';
import type { Locale } from '../../model/locales.ts';
import { hotspotTarget, type HotspotTarget, type Panorama, type PanoramaView } from '../../model/panorama.ts';
import { directionKeys } from './directions.ts';

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

/** What the viewer module is given (a JSON data block beside its root). */
export interface ViewerData {
  title: string;
  initialView: PanoramaView;
  variants: { id: string; label: string; alt: string; tiles: Pick<PanoramaEntry, 'tiles' | 'levels' | 'preview'> }[];
  hotspots: { id: string; yaw: number; pitch: number; label: string }[];
  /** The live region's words: each direction key's text, the list separator, and the two sentences. */
  spoken: { words: Record<string, string>; separator: string; looking: string; lookingAt: string };
}

let manifest: ReturnType<typeof readPanoramaManifest> | undefined;
/** The tiles of one variant, or undefined when the panorama stage has not made them (the page is then text only). */
export function variantTiles(panorama: string, variant: string): PanoramaEntry | undefined {
  manifest ??= readPanoramaManifest();
  return manifest[panoramaKey(panorama, variant)];
}

/** The tour: every panorama with a plan position, grouped by place in the order the places first appear, numbered
 * from 1 across the whole tour. */
export function tourPlaces(all: Panorama[]): { place: string; stops: { panorama: Panorama; n: number }[] }[] {
  const groups = new Map<string, Panorama[]>();
  for (const p of all) if (p.plan) groups.set(p.plan.place ?? '', [...(groups.get(p.plan.place ?? '') ?? []), p]);
  let n = 0;
  return [...groups].map(([place, list]) => ({ place, stops: list.map((panorama) => ({ panorama, n: ++n })) }));
}
