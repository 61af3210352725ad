// IIIF Presentation 3 documents built from the normalized records and the image manifest: one Manifest per
// artifact with images (the spec requires at least one Canvas, so an artifact without images has none), a
// Collection per collection, and a top Collection. Content language maps keep the record's own languages. An image
// linked from another institution's IIIF Image service is painted from that service (version 2 or 3 as declared),
// under the record's rights like a published one.
import { LOCALES } from '../../model/locales.ts';
import type { Artifact, Collection, LangMap } from '../../model/schema.ts';
import type { ImageEntry } from '../../formats/manifests/images.ts';
import { type LinkedImage, serviceEntry } from '../../formats/iiif-service.ts';
import { artifactPage, iiifManifestPath } from '../../formats/urls.ts';
import { readLabels } from '../../formats/i18n.ts';

export const PRESENTATION_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';
export type IiifLangMap = Record<string, string[]>;

export interface IiifUrls {
  baseUrl: string;
}

export const collectionPath = (slug: string): string => `/iiif/collections/${slug}.json`;
export const TOP_COLLECTION_PATH = '/iiif/collection.json';

export function langMap(map: LangMap | undefined): IiifLangMap | undefined {
  if (!map) return undefined;
  const out: IiifLangMap = {};
  for (const l of LOCALES) if (map[l]) out[l] = [map[l]!];
  return Object.keys(out).length ? out : undefined;
}

/** Several language maps (materials, makers) become one entry with one value per item, per language. */
function joinMaps(maps: LangMap[]): IiifLangMap | undefined {
  const out: IiifLangMap = {};
  for (const m of maps) for (const l of LOCALES) if (m[l]) (out[l] ??= []).push(m[l]!);
  return Object.keys(out).length ? out : undefined;
}

// Field labels for the metadata block: part of the published data (every IIIF viewer shows them), translated
// with the UI strings (site/i18n/locales/iiif.<locale>.json).
let labels: Record<string, LangMap> | undefined;
const label = (key: string): LangMap => (labels ??= readLabels('iiif'))[key]!;

function metadata(a: Artifact): { label: IiifLangMap; value: IiifLangMap }[] {
  const rows: [string, IiifLangMap | undefined][] = [
    ['objectType', langMap(a.objectType)],
    ['date', langMap(a.date?.display)],
    ['period', langMap(a.period)],
    ['makers', joinMaps(a.makers.map((m) => m.name))],
    ['materials', joinMaps(a.materials)],
    ['dimensions', langMap(a.dimensions)],
    ['culture', langMap(a.culture)],
    ['holder', langMap(a.holder)],
    ...a.identifiers.map((i): [string, IiifLangMap] => ['identifier', { none: [i.value] }]),
  ];
  return rows.filter((r): r is [string, IiifLangMap] => r[1] !== undefined).map(([k, value]) => ({ label: langMap(label(k))!, value }));
}

/** A published image (the site's own level-0 service) or a linked one (the institution's service). */
type PaintedImage = ImageEntry | LinkedImage;
const isLinked = (e: PaintedImage): e is LinkedImage => 'service' in e;

function thumbnail(e: PaintedImage) {
  return [{ id: e.thumb.jpeg, type: 'Image', format: 'image/jpeg', width: e.thumb.width, height: e.thumb.height }];
}

function service(e: PaintedImage) {
  return [isLinked(e) ? serviceEntry(e.service) : { id: e.iiif.id, type: 'ImageService3', profile: 'level0' }];
}

/** A canvas's one annotation page painting the image, with its image service. */
export function paintingPage(canvas: string, entry: PaintedImage) {
  return {
    id: `${canvas}/page`,
    type: 'AnnotationPage',
    items: [
      {
        id: `${canvas}/page/image`,
        type: 'Annotation',
        motivation: 'painting',
        target: canvas,
        body: {
          id: entry.display.jpeg,
          type: 'Image',
          format: 'image/jpeg',
          width: entry.display.width,
          height: entry.display.height,
          service: service(entry),
        },
      },
    ],
  };
}

export interface CanvasImage {
  entry: PaintedImage;
  label?: LangMap;
}

export function artifactManifest(a: Artifact, images: CanvasImage[], urls: IiifUrls) {
  const id = `${urls.baseUrl}${iiifManifestPath(a.id)}`;
  const canvasBase = id.replace(/\.json$/, '');
  return {
    '@context': PRESENTATION_CONTEXT,
    id,
    type: 'Manifest',
    label: langMap(a.title),
    ...(a.description ? { summary: langMap(a.description) } : {}),
    metadata: metadata(a),
    rights: a.rights,
    requiredStatement: { label: langMap(label('attribution')), value: langMap(a.credit) },
    thumbnail: thumbnail(images[0]!.entry),
    homepage: LOCALES.map((l) => ({
      id: artifactPage(l, a.id, urls.baseUrl),
      type: 'Text',
      label: langMap(label('page')),
      format: 'text/html',
      language: [l],
    })),
    partOf: [{ id: `${urls.baseUrl}${collectionPath(a.collection)}`, type: 'Collection' }],
    items: images.map(({ entry, label }, i) => {
      const canvas = `${canvasBase}/canvas/${i + 1}`;
      return {
        id: canvas,
        type: 'Canvas',
        label: langMap(label) ?? { none: [`${i + 1}`] },
        width: entry.width,
        height: entry.height,
        thumbnail: thumbnail(entry),
        items: [paintingPage(canvas, entry)],
      };
    }),
  };
}

export interface ManifestRef {
  id: string;
  label: IiifLangMap;
  thumbnail: ReturnType<typeof thumbnail>;
}

export function manifestRef(a: Artifact, first: PaintedImage, urls: IiifUrls): ManifestRef {
  return { id: `${urls.baseUrl}${iiifManifestPath(a.id)}`, label: langMap(a.title)!, thumbnail: thumbnail(first) };
}

export function collectionDoc(c: Collection, items: ManifestRef[], urls: IiifUrls) {
  return {
    '@context': PRESENTATION_CONTEXT,
    id: `${urls.baseUrl}${collectionPath(c.id)}`,
    type: 'Collection',
    label: langMap(c.title),
    summary: langMap(c.description),
    rights: c.rights,
    requiredStatement: { label: langMap(label('attribution')), value: langMap(c.credit) },
    ...(items[0] ? { thumbnail: items[0].thumbnail } : {}),
    items: items.map((m) => ({ id: m.id, type: 'Manifest', label: m.label, thumbnail: m.thumbnail })),
  };
}

export function topCollection(collections: { c: Collection; first?: ManifestRef }[], urls: IiifUrls) {
  return {
    '@context': PRESENTATION_CONTEXT,
    id: `${urls.baseUrl}${TOP_COLLECTION_PATH}`,
    type: 'Collection',
    label: { zh: ['全部藏品'], en: ['All collections'], fr: ['Toutes les collections'] },
    items: collections.map(({ c, first }) => ({
      id: `${urls.baseUrl}${collectionPath(c.id)}`,
      type: 'Collection',
      label: langMap(c.title),
      ...(first ? { thumbnail: first.thumbnail } : {}),
    })),
  };
}
