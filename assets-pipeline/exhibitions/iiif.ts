// An exhibition as a IIIF Presentation 3 Manifest, so it opens in other IIIF viewers: one Canvas per step image
// (an artifact shown, or the artifact a region is cut from), painted with that image and its level-0 service;
// a region becomes a highlighting annotation on `#xywh=`, the step's text a commenting annotation with one body
// per language. Steps without an image (a quote alone) are not canvases.
import { LOCALES } from '../../model/locales.ts';
import { parseXywh, type Exhibition } from '../../model/exhibition.ts';
import type { LangMap } from '../../model/schema.ts';
import type { ImageEntry } from '../../formats/manifests/images.ts';
import { exhibitionPath } from '../../formats/urls.ts';
import { langMap, PRESENTATION_CONTEXT, paintingPage, type IiifUrls } from '../iiif/presentation.ts';

export const exhibitionManifestPath = (id: string): string => `/iiif/exhibitions/${id}.json`;

/** Labels in the published document (every IIIF viewer shows them), not UI strings. */
const ATTRIBUTION: LangMap = { zh: '来源', en: 'Attribution', fr: 'Attribution' };
const PAGE: LangMap = { zh: '展览页面', en: 'Exhibition page', fr: 'Page de l’exposition' };

const textBodies = (map: LangMap, format: string) => LOCALES.filter((l) => map[l]).map((l) => ({ type: 'TextualBody', value: map[l]!, language: [l], format }));

/** `images(artifactId)` gives the artifact's published images in record order. */
export function exhibitionManifest(e: Exhibition, images: (artifactId: string) => ImageEntry[], urls: IiifUrls) {
  const id = `${urls.baseUrl}${exhibitionManifestPath(e.id)}`;
  const base = id.replace(/\.json$/, '');
  const canvases = e.steps.flatMap((step) =>
    step.media.flatMap((m, n) => {
      const artifact = m.kind === 'region' ? m.artifact : m.kind === 'artifacts' ? m.ids[0]! : undefined;
      const entry = artifact ? images(artifact)[m.kind === 'region' ? m.image : 0] : undefined;
      if (!entry) return [];
      const canvas = `${base}/canvas/${step.id}/${n + 1}`;
      const annotations = [
        {
          id: `${canvas}/text`,
          type: 'Annotation',
          motivation: 'commenting',
          target: canvas,
          body: textBodies(step.text, 'text/markdown'),
        },
      ];
      if (m.kind === 'region') {
        const r = parseXywh(m.xywh);
        annotations.push({
          id: `${canvas}/region`,
          type: 'Annotation',
          motivation: 'highlighting',
          target: `${canvas}#xywh=${r.x},${r.y},${r.w},${r.h}`,
          body: textBodies(m.alt, 'text/plain'),
        });
      }
      return [
        {
          id: canvas,
          type: 'Canvas',
          label: langMap(step.title),
          width: entry.width,
          height: entry.height,
          items: [paintingPage(canvas, entry)],
          annotations: [{ id: `${canvas}/annotations`, type: 'AnnotationPage', items: annotations }],
        },
      ];
    }),
  );
  if (!canvases.length) return undefined;
  return {
    '@context': PRESENTATION_CONTEXT,
    id,
    type: 'Manifest',
    label: langMap(e.title),
    summary: langMap(e.summary),
    rights: e.rights,
    requiredStatement: { label: langMap(ATTRIBUTION), value: langMap(e.credit) },
    homepage: LOCALES.map((l) => ({
      id: `${urls.baseUrl}/${l}${exhibitionPath(e.id)}`,
      type: 'Text',
      label: langMap(PAGE),
      format: 'text/html',
      language: [l],
    })),
    items: canvases,
  };
}
