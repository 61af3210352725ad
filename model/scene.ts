// A 3D scene is data: the viewer, the model stage, the page and the tests all read this one shape.
// Level of detail, model variants (e.g. a building's phases) and evidence are fields, never special cases in code.
import { z } from 'zod';
import { baseRecord, dating, langMap, recordId, slug } from './schema.ts';
import { readTypeRecords } from './store.ts';

/** Scene narration is our own writing, so all three languages are required (a gap is a content bug). */
export const triLang = z.object({ zh: z.string().min(1), en: z.string().min(1), fr: z.string().min(1) }).strict();

const vec3 = z.tuple([z.number(), z.number(), z.number()]);
export type Vec3 = z.infer<typeof vec3>;

/** Metres, y up. `target` is the orbit centre / look-at point. */
export const cameraPose = z.object({
  position: vec3,
  target: vec3,
  fov: z.number().min(10).max(120).default(55),
});
export type CameraPose = z.infer<typeof cameraPose>;

/** Either a parametric generator in `scenes/<generator>/generate.ts`, or a curator file below `content/scenes/`. */
/** A generator's parameters (e.g. a building phase): part of the model's input, so a change rebuilds it. */
export const generatorParams = z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]));
export const modelSource = z.union([
  z.object({ generator: slug, params: generatorParams.optional() }).strict(),
  z
    .object({ path: z.string().regex(/^[\w./-]+\.(glb|gltf)$/, 'a .glb/.gltf path below content/scenes/') })
    .strict()
    .refine((s) => !s.path.split('/').includes('..') && !s.path.startsWith('/'), { message: 'path must stay inside content/scenes/' }),
]);
export type ModelSource = z.infer<typeof modelSource>;

/** One state of the reconstruction. A scene with a timeline (a pagoda's repairs) lists several; the first is the default. */
export const modelVariant = z.object({
  id: slug,
  label: triLang,
  date: dating.optional(),
  source: modelSource,
  /** Short label under the timeline slider (e.g. "1056"). Required when the scene has a `timeline`. */
  tick: triLang.optional(),
  /** What this state shows, read out when the timeline reaches it. Required when the scene has a `timeline`. */
  narration: triLang.optional(),
});

export const hotspot = z.object({
  /** Also the URL fragment (`#id`) and the HTML id in the text alternative. */
  id: slug,
  position: vec3,
  title: triLang,
  text: triLang,
  /** Where the camera goes when the hotspot is chosen; defaults to looking at `position`. */
  camera: cameraPose.optional(),
  /** A record in our collections. Leave it out rather than pointing at something we do not publish. */
  artifact: recordId.optional(),
});

export const tourStep = z.object({
  camera: cameraPose,
  narration: triLang,
  /** Open this hotspot's text at the step. */
  hotspot: slug.optional(),
});

/** London Charter levels, most to least certain. */
export const EVIDENCE_LEVELS = ['surveyed', 'documented', 'conjectured'] as const;
export const evidenceLevel = z.enum(EVIDENCE_LEVELS);
export type EvidenceLevel = z.infer<typeof evidenceLevel>;

export const paradataSource = z.object({
  id: slug,
  /** How the paradata table names the source in each language, author and year ("Stein 1912", "斯坦因 1912"):
   * the link to the full citation. */
  cite: triLang,
  /** A full citation as a reader would write it. */
  citation: z.string().min(1),
  url: z
    .string()
    .regex(/^https?:\/\/\S+$/)
    .optional(),
});

export const paradataElement = z.object({
  /** glTF node name; the viewer colours this node and its children. */
  node: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'node names: lower-case letters, digits, "-" (three.js keeps them as is)'),
  label: triLang,
  evidence: evidenceLevel,
  sources: z.array(slug).min(1),
  note: triLang,
  /** Variant ids this element belongs to; absent means every variant. */
  variants: z.array(slug).optional(),
});

const nodeName = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'node names: lower-case letters, digits, "-" (three.js keeps them as is)');

/** A selectable part of the model (a storey): clicking it in 3D names it to the page (e.g. to pick a sensor series). */
export const sceneLevel = z.object({ node: nodeName, label: triLang });
export type SceneLevel = z.infer<typeof sceneLevel>;

/** Optional views a scene offers. The viewer shows a toggle for each one declared; nothing is scene-specific. */
export const sceneViews = z
  .object({
    /** Exploded view: level i (bottom = 0) moves up by i × gap metres. Needs `levels`. */
    explode: z.object({ gap: z.number().positive() }).strict().optional(),
    /** Section view: a clipping plane (three.js Plane: points with normal·p + constant < 0 are cut away). */
    section: z.object({ normal: vec3, constant: z.number() }).strict().optional(),
  })
  .strict();

export const scene = baseRecord
  .extend({
    type: z.literal('scene'),
    id: slug,
    introduction: langMap,
    variants: z.array(modelVariant).min(1),
    camera: cameraPose,
    /** What the starting view shows, overview first (written from the still scripts/render-stills.ts takes of it):
     * the still's text alternative and what read-aloud says of it. */
    stillDescription: langMap.optional(),
    /** Lighting and backdrop: a room lit from inside, or a building under the sky. */
    setting: z.enum(['interior', 'exterior']).default('interior'),
    hotspots: z.array(hotspot).default([]),
    tour: z.array(tourStep).default([]),
    /** Present when the variants are phases in time: the viewer shows a slider (ticks and narration per variant). */
    timeline: z.object({ label: triLang }).strict().optional(),
    /** Bottom to top. */
    levels: z.array(sceneLevel).default([]),
    views: sceneViews.default({}),
    paradata: z.object({ sources: z.array(paradataSource).min(1), elements: z.array(paradataElement).min(1) }),
  })
  .superRefine((s, ctx) => {
    const dup = (ids: string[], where: (string | number)[]) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [...where, i], message: `duplicate id "${id}"` });
        seen.add(id);
      });
    };
    dup(
      s.variants.map((v) => v.id),
      ['variants'],
    );
    dup(
      s.hotspots.map((h) => h.id),
      ['hotspots'],
    );
    dup(
      s.levels.map((l) => l.node),
      ['levels'],
    );
    if (s.timeline)
      s.variants.forEach((v, i) => {
        for (const f of ['tick', 'narration'] as const)
          if (!v[f]) ctx.addIssue({ code: 'custom', path: ['variants', i, f], message: `a scene with a timeline needs "${f}" on every variant` });
      });
    if (s.views.explode && s.levels.length === 0) ctx.addIssue({ code: 'custom', path: ['views', 'explode'], message: 'the exploded view needs "levels"' });
    const hotspots = new Set(s.hotspots.map((h) => h.id));
    s.tour.forEach((t, i) => {
      if (t.hotspot && !hotspots.has(t.hotspot)) ctx.addIssue({ code: 'custom', path: ['tour', i, 'hotspot'], message: `no hotspot "${t.hotspot}"` });
    });
    const sources = new Set(s.paradata.sources.map((p) => p.id));
    const variants = new Set(s.variants.map((v) => v.id));
    s.paradata.elements.forEach((e, i) => {
      for (const src of e.sources)
        if (!sources.has(src))
          ctx.addIssue({ code: 'custom', path: ['paradata', 'elements', i, 'sources'], message: `no source "${src}" in paradata.sources` });
      for (const v of e.variants ?? [])
        if (!variants.has(v)) ctx.addIssue({ code: 'custom', path: ['paradata', 'elements', i, 'variants'], message: `no variant "${v}"` });
    });
  });
export type Scene = z.infer<typeof scene>;

/** The validated scenes (build/records/scenes.json, written by `heritage ingest`). */
export const readScenes = (dir?: string): Scene[] => readTypeRecords('scenes', scene, dir);
