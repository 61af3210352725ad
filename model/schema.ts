// The one record model. The import pipeline writes it, the asset stages, the site, the search index writers
// and the tests read it. Content types grow by extending `baseRecord`, so a shared field is written once.
import { z } from 'zod';
import { LOCALES } from './locales.ts';
import { normalizeRightsUri } from './rights.ts';

/** Text in up to three languages; at least one must be present. */
export const langMap = z
  .object({ zh: z.string().min(1).optional(), en: z.string().min(1).optional(), fr: z.string().min(1).optional() })
  .strict()
  .refine((m) => LOCALES.some((l) => m[l] !== undefined), { message: 'needs text in at least one of zh, en, fr' });
export type LangMap = z.infer<typeof langMap>;

/** Ids appear in URLs and file names: letters (any script, NPM numbers are Chinese), digits, `.`, `_`, `-`. */
export const recordId = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u, 'use letters, digits, ".", "_" or "-" only (it becomes a URL)');

export const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and "-" only');

export const rightsUri = z.string().transform((raw, ctx) => {
  const uri = normalizeRightsUri(raw);
  if (!uri) {
    ctx.addIssue({ code: 'custom', message: `"${raw}" is not a rightsstatements.org or creativecommons.org licence URI` });
    return z.NEVER;
  }
  return uri;
});

export const httpUrl = z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL');

/** Years are integers, negative for BCE; `display` keeps the source's wording. */
export const dating = z
  .object({ display: langMap.optional(), from: z.number().int().optional(), to: z.number().int().optional() })
  .refine((d) => d.from === undefined || d.to === undefined || d.from <= d.to, { message: 'year range starts after it ends' });

export const identifier = z.object({
  /** Kind of number, e.g. `npm-object-number`, `qing-1925-inventory`, `accession`. */
  scheme: z.string().min(1),
  value: z.string().min(1),
  label: langMap.optional(),
});

export const placeRole = z.enum(['origin', 'findspot', 'holding', 'depicted', 'related']);
export const placeRef = z.object({ place: recordId.optional(), name: langMap, role: placeRole });

export const agent = z.object({ name: langMap, role: langMap.optional() });

/** A relative path below the collection's `media/` folder; the importer rejects anything that escapes it. */
export const mediaPath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split(/[\\/]/).includes('..') && !/^[a-z]+:/i.test(p), {
    message: 'media path must stay inside the collection media folder',
  });

/** A IIIF Image API service of another institution that an image is shown from, linked rather than copied (the
 * collection opts in per host). The build never asks the service anything: its size and level are as the data
 * declares them, and only their form is checked (formats/iiif-service.ts builds its URLs). */
export const imageService = z
  .object({
    /** The service's base URL (its id: `<id>/info.json` is its description), https only. */
    id: z
      .string()
      .regex(/^https:\/\/[^\s/?#]+\/[^\s?#]*[^\s?#/]$/, 'must be an https IIIF Image service base URL (no query, fragment or trailing "/")')
      .refine((u) => !/\/info\.json$/i.test(u), { message: 'must be the service base URL, without "/info.json"' }),
    type: z.enum(['ImageService2', 'ImageService3']),
    /** Level 0 serves only the sizes its info.json lists, which the build does not read: linking needs 1 or 2. */
    profile: z.enum(['level1', 'level2']),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  })
  .strict();
export type ImageService = z.infer<typeof imageService>;

export const mediaRef = z
  .object({
    kind: z.enum(['image', 'model', 'video', 'audio', 'subtitle']),
    /** The file below the collection's `media/` folder; absent for an image shown from a linked `service`. */
    path: mediaPath.optional(),
    /** An image shown from another institution's IIIF Image service (never copied; see imageService). */
    service: imageService.optional(),
    /** The address a remote image was fetched from (an image, a IIIF Image service or manifest); `path` is its copy. */
    source: httpUrl.optional(),
    label: langMap.optional(),
    /** An image's text alternative written by the curator; where a locale lacks it, the site composes one from
     * the record (site/lib/image-descriptions.ts). */
    alt: langMap.optional(),
    /** The curator's longer description of the image, overview first, opened from the image. */
    description: langMap.optional(),
  })
  .refine((m) => (m.path === undefined) !== (m.service === undefined), { message: 'needs either a path (a file) or a linked image service' });
export type MediaRef = z.infer<typeof mediaRef>;

/** Kinds of measurement that pages label in every language; a source's other words stay as written (`label`). */
export const MEASUREMENT_KINDS = ['height', 'width', 'depth', 'length', 'diameter', 'thickness', 'weight'] as const;
export type MeasurementKind = (typeof MEASUREMENT_KINDS)[number];

/** One structured dimension as museums export it (`[{type, value, unit}]`): a number and its unit as the source
 * gives them (no conversion), and what was measured. */
export const measurement = z
  .object({
    kind: z.enum(MEASUREMENT_KINDS).optional(),
    label: langMap.optional(),
    value: z.number().positive().finite(),
    unit: z.string().min(1).max(20),
  })
  .refine((m) => m.kind !== undefined || m.label !== undefined, { message: 'needs a kind or a label (what was measured)' });
export type Measurement = z.infer<typeof measurement>;

/** How and when the holder acquired the object. */
export const acquisition = z
  .object({ method: langMap.optional(), source: langMap.optional(), year: z.number().int().optional() })
  .refine((a) => a.method !== undefined || a.source !== undefined || a.year !== undefined, { message: 'needs a method, a source or a year' });
export type Acquisition = z.infer<typeof acquisition>;

export const inscription = z.object({ position: langMap.optional(), title: langMap.optional(), text: langMap });

const baseRecord = z.object({
  id: recordId,
  title: langMap,
  description: langMap.optional(),
  rights: rightsUri,
  credit: langMap,
  sourceUrl: httpUrl.optional(),
});

/** How a text reached a locale through the translation workflow (content/translations/): `stale` is a
 * translation whose source text has changed since, shown (marked) until someone reviews it. */
export const translationState = z.enum(['translated', 'reviewed', 'needs-review', 'stale']);
export type TranslationState = z.infer<typeof translationState>;
export const translationInfo = z.object({ credits: z.array(z.string()), fields: z.record(z.string(), translationState) });
export type TranslationInfo = z.infer<typeof translationInfo>;

export const artifact = baseRecord.extend({
  type: z.literal('artifact'),
  collection: slug,
  /** The id as the source wrote it (e.g. `npm:故畫00003400000`). */
  sourceId: z.string().min(1),
  alternateTitles: z.array(langMap).default([]),
  makers: z.array(agent).default([]),
  date: dating.optional(),
  period: langMap.optional(),
  /** Periods after the first (`period`, the one cards and facets use) when the source gives several. */
  otherPeriods: z.array(langMap).optional(),
  objectType: langMap.optional(),
  /** Object names after the first (`objectType`) when the source gives several. */
  otherObjectTypes: z.array(langMap).optional(),
  /** The source's classification (department, category), as written. */
  classifications: z.array(langMap).optional(),
  /** Art movements or styles. */
  movements: z.array(langMap).optional(),
  /** Subjects and keywords: what the object shows or is about. */
  subjects: z.array(langMap).optional(),
  materials: z.array(langMap).default([]),
  /** Dimensions as display text. */
  dimensions: langMap.optional(),
  /** Dimensions as numbers, when the source gives them so. */
  measurements: z.array(measurement).optional(),
  /** Earlier owners and events, oldest first as the source lists them. */
  provenance: z.array(langMap).optional(),
  acquisition: acquisition.optional(),
  culture: langMap.optional(),
  holder: langMap.optional(),
  identifiers: z.array(identifier).default([]),
  places: z.array(placeRef).default([]),
  inscriptions: z.array(inscription).default([]),
  notes: langMap.optional(),
  publications: z.array(z.string()).default([]),
  media: z.array(mediaRef).default([]),
  /** A credit filled from a template whose pieces are not all in the credit's language (a French museum name in
   * the English credit): per locale, the pieces with their languages, so pages can mark them. */
  creditParts: z.partialRecord(z.enum(LOCALES), z.array(z.object({ text: z.string().min(1), lang: z.enum(LOCALES) }))).optional(),
  /** Per locale, the fields filled from translation overlays and who translated them. */
  translations: z.partialRecord(z.enum(LOCALES), translationInfo).optional(),
});
export type Artifact = z.infer<typeof artifact>;
export type ArtifactInput = z.input<typeof artifact>;

export const collection = baseRecord.extend({
  type: z.literal('collection'),
  id: slug,
  description: langMap,
  holder: langMap.optional(),
  /** Origins (`https://host`) whose IIIF Image services the collection's records link (the curator's opt-in): the
   * site's Content-Security-Policy allows exactly these for images. */
  linkedImageOrigins: z.array(z.string().regex(/^https:\/\/[^\s/?#]+$/, 'an https origin such as https://iiif.example.org')).optional(),
});
export type Collection = z.infer<typeof collection>;

export const place = z.object({
  type: z.literal('place'),
  id: recordId,
  name: langMap,
  description: langMap.optional(),
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  /** A page of ours about the place: a path below the locale, e.g. `/scenes/library-cave/` (a `#fragment` may follow). */
  page: z
    .string()
    .regex(/^\/[a-z0-9\-/]*\/(#[a-z0-9-]+)?$/, 'a path below the locale such as /scenes/library-cave/ (lower-case, ends with "/", optional #fragment)')
    .optional(),
});
export type Place = z.infer<typeof place>;

/** What the importer writes per record: the record plus the hash of its normalized form. */
export type Stored<T> = T & { hash: string };

export { baseRecord };
