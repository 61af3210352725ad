// An image shown from another institution's IIIF Image service (a collection that opts in to linking): the URLs
// the pages, cards and manifests ask that service for, built from what the record declares (base URL, version,
// level, size) by the IIIF Image API's own URL grammar, `{id}/{region}/{size}/{rotation}/{quality}.{format}`.
// The build never fetches the service: a wrong declared size or level shows only in the visitor's browser.
import type { ImageService, MediaRef } from '../model/schema.ts';

/** The widths the site's own derivatives have (assets-pipeline/images/settings.ts): cards and the artifact page
 * lay out the same, wherever the pixels come from. */
const THUMB_WIDTH = 400;
const DISPLAY_WIDTH = 1600;

export interface LinkedVariant {
  width: number;
  height: number;
  jpeg: string;
}

export interface LinkedImage {
  service: ImageService;
  width: number;
  height: number;
  thumb: LinkedVariant;
  display: LinkedVariant;
  /** The host the images come from, as a visitor reads it (`iiif.example.org`). */
  host: string;
  /** An info.json-shaped description OpenSeadragon opens without fetching the service's own (the page asks the
   * service for image tiles only: `img-src`, no `connect-src`). */
  tileSource: Record<string, unknown>;
}

/** A full-region, `w,`-sized JPEG (levels 1 and 2 of both API versions serve it); never wider than the image. */
function sizedUrl(s: ImageService, width: number): LinkedVariant {
  const w = Math.min(width, s.width);
  return { width: w, height: Math.max(1, Math.round((s.height * w) / s.width)), jpeg: `${s.id}/full/${w},/0/default.jpg` };
}

/** The profile as each API version writes it in an info.json or a Presentation 3 `service` entry. */
function profileOf(s: ImageService): string {
  return s.type === 'ImageService2' ? `http://iiif.io/api/image/2/${s.profile}.json` : s.profile;
}

/** A Presentation 3 `service` entry: version 2 services keep their `@id`/`@type` keys there (Presentation 3 §3.4). */
export function serviceEntry(s: ImageService): Record<string, string> {
  return s.type === 'ImageService2'
    ? { '@id': s.id, '@type': 'ImageService2', profile: profileOf(s) }
    : { id: s.id, type: 'ImageService3', profile: profileOf(s) };
}

export function linkedImage(s: ImageService): LinkedImage {
  const tileSource =
    s.type === 'ImageService2'
      ? {
          '@context': 'http://iiif.io/api/image/2/context.json',
          '@id': s.id,
          protocol: 'http://iiif.io/api/image',
          width: s.width,
          height: s.height,
          profile: [profileOf(s)],
        }
      : {
          '@context': 'http://iiif.io/api/image/3/context.json',
          id: s.id,
          type: 'ImageService3',
          protocol: 'http://iiif.io/api/image',
          width: s.width,
          height: s.height,
          profile: s.profile,
        };
  return {
    service: s,
    width: s.width,
    height: s.height,
    thumb: sizedUrl(s, THUMB_WIDTH),
    display: sizedUrl(s, DISPLAY_WIDTH),
    host: new URL(s.id).host,
    tileSource,
  };
}

/** A record's linked images, in its media order. */
export function linkedImagesOf(media: readonly MediaRef[]): { image: LinkedImage; ref: MediaRef }[] {
  return media.flatMap((ref) => (ref.kind === 'image' && ref.service ? [{ image: linkedImage(ref.service), ref }] : []));
}
