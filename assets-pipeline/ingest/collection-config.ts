// The curator's `collection.yaml`: the collection's own texts and defaults, and the mapping from source
// columns/keys to schema fields. Its zod schema doubles as the reference for curators (see README).
import { z } from 'zod';
import { langMap, slug, rightsUri, httpUrl, placeRole } from '../../model/schema.ts';
import type { Problems } from './problems.ts';
import { loadYaml, type KeyPath } from './yaml-file.ts';

/** A source value: a column/key path, or a path with transformations. Every spec yields a list of strings. */
const scalarObject = z
  .object({
    from: z.string().optional(),
    /** A literal value instead of a column. */
    value: z.union([z.string(), z.number()]).optional(),
    /** Regular expression separating a multi-valued cell. */
    split: z.string().optional(),
    /** Keep only the first value (after split). */
    first: z.boolean().optional(),
    /** Drop the first N values (after split), e.g. alternate titles after the main one. */
    skip: z.number().int().min(0).optional(),
    /** Regular expression; the first capture group (or the whole match) is kept. */
    pattern: z.string().optional(),
    /** Regular expression; every match is removed (e.g. bibliographic remarks in parentheses). */
    remove: z.string().optional(),
    /** Value → replacement, e.g. a source code to a rights URI. Unlisted values are errors. */
    map: z.record(z.string(), z.string()).optional(),
  })
  .strict()
  .refine((s) => s.from !== undefined || s.value !== undefined, { message: 'needs `from` (a column) or `value`' });
export const scalarSpec = z.union([z.string(), scalarObject]);
export type ScalarSpec = z.infer<typeof scalarSpec>;

const perLanguage = z
  .object({
    zh: scalarSpec.optional(),
    en: scalarSpec.optional(),
    fr: scalarSpec.optional(),
    /** Literal text per language with `{field}` placeholders filled from the mapped record, e.g. `{title}`. */
    template: langMap.optional(),
  })
  .strict();
/** One mixed-language cell ("郭熙 Guo Xi") split by script into zh and en; `several`: the cell lists several
 * values, one a line (assets-pipeline/ingest/bilingual-cell.ts). */
const bilingual = z.object({ bilingual: scalarSpec, several: z.boolean().optional() }).strict();
type LangSpecShape =
  | z.infer<typeof perLanguage>
  | z.infer<typeof bilingual>
  | { switch: string; cases: Record<string, LangSpecShape>; default?: LangSpecShape | undefined };
export const langSpec: z.ZodType<LangSpecShape> = z.lazy(() =>
  z.union([bilingual, z.object({ switch: z.string(), cases: z.record(z.string(), langSpec), default: langSpec.optional() }).strict(), perLanguage]),
);
export type LangSpec = LangSpecShape;

const fieldsSchema = z
  .object({
    id: scalarSpec,
    title: langSpec,
    alternateTitles: z.array(langSpec).optional(),
    description: langSpec.optional(),
    credit: langSpec.optional(),
    rights: scalarSpec.optional(),
    sourceUrl: scalarSpec.optional(),
    /** `years` reads one column, or a start and an end column (`{ start: …, end: … }`). */
    date: z
      .object({
        display: langSpec.optional(),
        years: z.union([scalarSpec, z.object({ start: scalarSpec, end: scalarSpec.optional() }).strict()]).optional(),
      })
      .strict()
      .optional(),
    /** `derive` names the period from the date's years in the collection's `chronology`; mapped labels are
     * reconciled to that chronology's labels. */
    period: z.union([z.literal('derive'), langSpec]).optional(),
    /** Every value is kept: the first is the object type cards and facets use, the others follow it on the page. */
    objectType: langSpec.optional(),
    materials: z.array(langSpec).optional(),
    classifications: z.array(langSpec).optional(),
    movements: z.array(langSpec).optional(),
    subjects: z.array(langSpec).optional(),
    provenance: z.array(langSpec).optional(),
    acquisition: z.object({ method: langSpec.optional(), source: langSpec.optional(), year: scalarSpec.optional() }).strict().optional(),
    dimensions: langSpec.optional(),
    /** Structured dimensions, zipped by index (`dimensions[].type`, `dimensions[].value`, `dimensions[].unit`); one
     * unit applies to every value. */
    measurements: z.array(z.object({ type: langSpec, value: scalarSpec, unit: scalarSpec }).strict()).optional(),
    culture: langSpec.optional(),
    holder: langSpec.optional(),
    notes: langSpec.optional(),
    makers: z.array(z.object({ name: langSpec, role: langSpec.optional() }).strict()).optional(),
    identifiers: z.array(z.object({ scheme: z.string().min(1), label: langMap.optional(), value: scalarSpec }).strict()).optional(),
    places: z.array(z.object({ role: placeRole, place: z.string().optional(), name: langSpec.optional() }).strict()).optional(),
    inscriptions: z.array(z.object({ position: langSpec.optional(), title: langSpec.optional(), text: langSpec }).strict()).optional(),
    publications: z.array(scalarSpec).optional(),
    media: z
      .array(
        z
          .object({
            kind: z.enum(['image', 'model', 'video', 'audio']),
            /** A file below the collection's `media/` folder. */
            path: scalarSpec.optional(),
            /** Or an image's address: the image itself, a IIIF Image service's info.json or a IIIF manifest,
             * fetched once into `media/remote/` (see remote-media.ts). */
            url: scalarSpec.optional(),
            /** Or a IIIF Image service's base URL, linked and never copied: the collection must name its origin in
             * `linkImageServicesFrom`. Its declared `width` and `height` (pixels), `type` (ImageService2 or
             * ImageService3) and `profile` (level1 or level2, or version 2's compliance URI) come with it. */
            service: scalarSpec.optional(),
            width: scalarSpec.optional(),
            height: scalarSpec.optional(),
            type: scalarSpec.optional(),
            profile: scalarSpec.optional(),
            label: langSpec.optional(),
            alt: langSpec.optional(),
            description: langSpec.optional(),
          })
          .strict()
          .refine((m) => [m.path, m.url, m.service].filter((x) => x !== undefined).length === 1, {
            message: 'needs one of `path` (a file), `url` (an address fetched once) or `service` (a linked IIIF Image service)',
          })
          .refine((m) => (m.url === undefined && m.service === undefined) || m.kind === 'image', { message: '`url` and `service` are for images only' })
          .refine((m) => m.service !== undefined || [m.width, m.height, m.type, m.profile].every((x) => x === undefined), {
            message: '`width`, `height`, `type` and `profile` describe a linked `service` only',
          })
          .refine((m) => m.service === undefined || [m.width, m.height, m.type, m.profile].every((x) => x !== undefined), {
            message: 'a linked `service` needs its declared `width`, `height`, `type` and `profile` (the build does not read its info.json)',
          }),
      )
      .optional(),
  })
  .strict();

export const collectionConfig = z
  .object({
    id: slug,
    title: langMap,
    description: langMap,
    holder: langMap.optional(),
    rights: rightsUri,
    credit: langMap,
    sourceUrl: httpUrl.optional(),
    /** Chronologies (files in model/chronologies/ or content/chronologies/, e.g. `chinese-dynasties`) that
     * periods derive from and reconcile to, and whose reign names date text may use. */
    chronology: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).optional(),
    /** The curator's opt-in to linking: origins (`https://iiif.example.org`) whose IIIF Image services records may
     * name in a media `service`. Their images are shown from there, never copied, and the site's policy allows
     * exactly these hosts. Without it a `service` is refused. */
    linkImageServicesFrom: z
      .array(z.string().regex(/^https:\/\/[^\s/?#]+$/, 'an https origin such as https://iiif.example.org (no path)'))
      .min(1)
      .optional(),
    /** The records file, relative to the collection folder. */
    records: z.string().regex(/\.(csv|jsonl)$/, 'must name a .csv or .jsonl file'),
    fields: fieldsSchema,
  })
  .strict();
export type CollectionConfig = z.infer<typeof collectionConfig>;

export interface LoadedConfig {
  config: CollectionConfig;
  /** Line of a mapping key path in collection.yaml, for problems that concern the mapping. */
  lineOf: (path: KeyPath) => number;
}

export function loadCollectionConfig(file: string, problems: Problems): LoadedConfig | undefined {
  const yaml = loadYaml(file, problems);
  if (!yaml) return undefined;
  const parsed = collectionConfig.safeParse(yaml.value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
      problems.add(file, yaml.lineOf(path), path.join('.') || '-', issue.message);
    }
    return undefined;
  }
  return { config: parsed.data, lineOf: yaml.lineOf };
}
