// A panorama is a place to stand and look around: `content/panoramas/<slug>/panorama.yaml` and one equirectangular
// image per variant (a season, a restoration phase, the evidence colours of a reconstruction). The validator, the
// panorama stage, the pages and the tests all read this one shape. Angles are degrees: yaw 0 is the centre of the
// equirectangular image, growing to the right (east of it); pitch 0 is the horizon, 90 straight up.
import { z } from 'zod';
import { baseRecord, recordId, slug } from './schema.ts';
import { triLang } from './scene.ts';
import { readTypeRecords } from './store.ts';

/** Image formats the panorama stage decodes (the same decoder as the image stage). */
export const PANORAMA_SOURCE = /^[\w./-]+\.(jpe?g|png|webp|tiff?)$/i;

const yaw = z.number().min(-180, 'yaw is from -180 to 180 degrees').max(180, 'yaw is from -180 to 180 degrees');
const pitch = z.number().min(-90, 'pitch is from -90 to 90 degrees').max(90, 'pitch is from -90 to 90 degrees');

/** Where the viewer looks: `zoom` 0 (widest) to 100 (closest), as Photo Sphere Viewer counts it. */
export const panoramaView = z
  .object({ yaw, pitch: pitch.default(0), zoom: z.number().min(0, 'zoom is from 0 to 100').max(100, 'zoom is from 0 to 100').default(50) })
  .strict();
export type PanoramaView = z.infer<typeof panoramaView>;

export const panoramaVariant = z
  .object({
    id: slug,
    label: triLang,
    /** What the image shows, for readers who cannot see it. */
    alt: triLang,
    /** An equirectangular image (2:1), relative to the panorama's folder. */
    source: z
      .string()
      .regex(PANORAMA_SOURCE, 'an equirectangular .jpg, .png, .webp or .tif below the panorama folder')
      .refine((p) => !p.split('/').includes('..') && !p.startsWith('/'), { message: 'source must stay inside the panorama folder' }),
  })
  .strict();

/** The things a hotspot can open; each hotspot names exactly one. */
export const HOTSPOT_TARGETS = ['artifact', 'panorama', 'note', 'exhibition'] as const;
export type HotspotTarget = (typeof HOTSPOT_TARGETS)[number];

export const panoramaHotspot = z
  .object({
    /** Also the HTML id in the text alternative. */
    id: slug,
    yaw,
    pitch,
    label: triLang,
    /** An artifact of our collections. */
    artifact: recordId.optional(),
    /** Another panorama, and the direction the visitor faces on arrival. */
    panorama: z.object({ id: slug, view: panoramaView.optional() }).strict().optional(),
    /** A note shown in place. */
    note: triLang.optional(),
    /** A step of an exhibition. */
    exhibition: z.object({ id: slug, step: slug }).strict().optional(),
  })
  .strict()
  .superRefine((h, ctx) => {
    const named = HOTSPOT_TARGETS.filter((k) => h[k] !== undefined);
    if (named.length !== 1)
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: named.length ? `a hotspot opens one thing, this one names ${named.join(' and ')}` : `a hotspot needs one of ${HOTSPOT_TARGETS.join(', ')}`,
      });
  });
export type PanoramaHotspot = z.infer<typeof panoramaHotspot>;

export const hotspotTarget = (h: PanoramaHotspot): HotspotTarget => HOTSPOT_TARGETS.find((k) => h[k] !== undefined) ?? 'note';

/** Where the panorama stands on the visit plan: a point of a plan drawing (fractions of its width and height from the
 * top left), and the place it belongs to in content/places.yaml (for the map). */
export const panoramaPlan = z
  .object({
    x: z.number().min(0, 'x is a fraction of the plan width, 0 to 1').max(1, 'x is a fraction of the plan width, 0 to 1'),
    y: z.number().min(0, 'y is a fraction of the plan height, 0 to 1').max(1, 'y is a fraction of the plan height, 0 to 1'),
    place: recordId.optional(),
  })
  .strict();

export const panorama = baseRecord
  .extend({
    type: z.literal('panorama'),
    id: slug,
    title: triLang,
    description: triLang,
    /** The reconstruction it was rendered from, when it was. */
    scene: slug.optional(),
    variants: z.array(panoramaVariant).min(1),
    initialView: panoramaView,
    hotspots: z.array(panoramaHotspot).default([]),
    plan: panoramaPlan.optional(),
  })
  .superRefine((p, ctx) => {
    for (const [list, where] of [
      [p.variants, 'variants'],
      [p.hotspots, 'hotspots'],
    ] as const) {
      const seen = new Set<string>();
      list.forEach((item, i) => {
        if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [where, i, 'id'], message: `duplicate id "${item.id}"` });
        seen.add(item.id);
      });
    }
  });
export type Panorama = z.infer<typeof panorama>;

/** The validated panoramas (build/records/panoramas.json, written by `heritage ingest`). */
export const readPanoramas = (dir?: string): Panorama[] => readTypeRecords('panoramas', panorama, dir);
