// An exhibition is a curated story: `content/exhibitions/<slug>/exhibition.yaml`, an ordered list of steps, each
// showing one medium (or two side by side) from anywhere on the platform beside its text. The validator, the
// still stage, the pages, the IIIF manifest and the tests all read this one shape.
import { z } from 'zod';
import { LOCALES } from './locales.ts';
import { baseRecord, langMap, mediaPath, recordId, slug } from './schema.ts';
import { cameraPose } from './scene.ts';
import { panoramaView } from './panorama.ts';
import { readTypeRecords } from './store.ts';

/** A IIIF Image API region in pixels of the full image: `x,y,w,h`. */
export const xywh = z
  .string()
  .regex(/^\d+,\d+,\d+,\d+$/, 'a region is "x,y,w,h" in pixels of the full image (IIIF xywh)')
  .refine(
    (s) =>
      s
        .split(',')
        .slice(2)
        .every((n) => Number(n) > 0),
    { message: 'a region needs a width and height above 0' },
  );

export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}
export const parseXywh = (s: string): Region => {
  const [x, y, w, h] = s.split(',').map(Number) as [number, number, number, number];
  return { x, y, w, h };
};

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

/** Artifact cards (with their first image). */
const artifactsMedia = z.object({ kind: z.literal('artifacts'), ids: z.array(recordId).min(1) }).strict();
/** A detail of one artifact image: the deep-zoom viewer flies to it, and the still is cropped from it. */
const regionMedia = z
  .object({
    kind: z.literal('region'),
    artifact: recordId,
    /** Which of the artifact's images (0 = the first). */
    image: z.number().int().min(0).default(0),
    xywh,
    /** What the detail shows, for readers who cannot see it. */
    alt: langMap,
  })
  .strict();
/** Scene views a step can open besides the model itself. */
export const SCENE_STEP_VIEWS = ['evidence', 'section', 'explode'] as const;
const sceneMedia = z
  .object({
    kind: z.literal('scene'),
    scene: slug,
    hotspot: slug.optional(),
    camera: cameraPose.optional(),
    /** A timeline variant id (a building phase). */
    phase: slug.optional(),
    view: z.enum(SCENE_STEP_VIEWS).optional(),
    alt: langMap,
  })
  .strict()
  .refine((m) => (m.hotspot === undefined) !== (m.camera === undefined), { message: 'give either "hotspot" or "camera", not both or neither' });
const clipMedia = z
  .object({
    kind: z.literal('clip'),
    drama: slug,
    episode: slug,
    /** Seconds from the start of the episode. */
    start: z.number().min(0),
    end: z.number().positive(),
    alt: langMap,
  })
  .strict()
  .refine((m) => m.start < m.end, { message: 'a clip must start before it ends' });
const globeMedia = z
  .object({ kind: z.literal('globe'), places: z.array(recordId).default([]), routes: z.array(slug).default([]), alt: langMap })
  .strict()
  .refine((m) => m.places.length + m.routes.length > 0, { message: 'a globe view needs at least one place or route' });
const chartMedia = z
  .object({ kind: z.literal('chart'), scene: slug, dataset: slug, series: z.array(z.string().min(1)).min(1), from: isoDate, to: isoDate, alt: langMap })
  .strict()
  .refine((m) => m.from <= m.to, { message: 'the chart window starts after it ends' });
/** An image of the exhibition's own, below its folder. */
const imageMedia = z.object({ kind: z.literal('image'), path: mediaPath, alt: langMap, credit: langMap.optional() }).strict();
const quoteMedia = z.object({ kind: z.literal('quote'), text: langMap, source: langMap }).strict();
/** Recorded files per language, below the exhibition's folder: at least one. */
const audioMap = z
  .object({ zh: mediaPath.optional(), en: mediaPath.optional(), fr: mediaPath.optional() })
  .strict()
  .refine((m) => LOCALES.some((l) => m[l] !== undefined), { message: 'needs a recording in at least one of zh, en, fr' });
/** A narration: its recording in each language it was recorded in, and the transcript (shown with it, and alone
 * where no recording exists in the page's language and no audio can play). */
const narrationMedia = z.object({ kind: z.literal('narration'), audio: audioMap, transcript: langMap }).strict();
/** A view into a panorama: a variant (a season, a phase; else its first), and where to look — a `view`, a `hotspot`
 * (its direction, at the panorama's initial zoom), or neither (the panorama's initial view). */
const panoramaMedia = z
  .object({ kind: z.literal('panorama'), panorama: slug, variant: slug.optional(), view: panoramaView.optional(), hotspot: slug.optional(), alt: langMap })
  .strict()
  .refine((m) => m.view === undefined || m.hotspot === undefined, { message: 'give "view" or "hotspot", not both' });

export const stepMedia = z.discriminatedUnion('kind', [
  artifactsMedia,
  regionMedia,
  sceneMedia,
  clipMedia,
  globeMedia,
  chartMedia,
  imageMedia,
  quoteMedia,
  narrationMedia,
  panoramaMedia,
]);
export type StepMedia = z.infer<typeof stepMedia>;

export const exhibitionStep = z
  .object({
    /** Also the URL fragment (`#id`) and the HTML id. */
    id: slug,
    title: langMap,
    /** One medium, or two side by side. */
    media: z.array(stepMedia).min(1).max(2),
    /** Markdown per locale; a locale without text falls back visibly to another. */
    text: langMap,
  })
  .strict();
export type ExhibitionStep = z.infer<typeof exhibitionStep>;

export const exhibition = baseRecord
  .extend({
    type: z.literal('exhibition'),
    id: slug,
    summary: langMap,
    /** Who wrote and chose: "Curated by …". */
    curators: langMap,
    /** What stands for the exhibition in listings: an artifact's image, or the still of one of its steps (a story
     * told around a 3D scene or a map may hold no artifact image at all). */
    cover: z.union([z.object({ artifact: recordId, image: z.number().int().min(0).default(0) }).strict(), z.object({ step: slug }).strict()]),
    /** Works the texts rely on, as a reader would cite them. */
    sources: z.array(z.string().min(1)).default([]),
    steps: z.array(exhibitionStep).min(1),
  })
  .strict()
  .superRefine((e, ctx) => {
    const seen = new Set<string>();
    e.steps.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['steps', i, 'id'], message: `duplicate step id "${s.id}"` });
      seen.add(s.id);
    });
    if ('step' in e.cover && !seen.has(e.cover.step))
      ctx.addIssue({ code: 'custom', path: ['cover', 'step'], message: `no step "${e.cover.step}" in this exhibition` });
  });
export type Exhibition = z.infer<typeof exhibition>;

/** The artifact whose image is the exhibition's cover, when it is one. */
export const coverArtifact = (e: Exhibition): string | undefined => ('artifact' in e.cover ? e.cover.artifact : undefined);

/** What `heritage ingest` published for the stages and pages (`build/records/exhibitions.json`; own media stay in
 * `content/exhibitions/<id>/`), checked against the schema as it is read. */
export const readPublishedExhibitions = (dir?: string): Exhibition[] => readTypeRecords('exhibitions', exhibition, dir);
