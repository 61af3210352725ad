// Server side: Scene record + model manifest + locale → the island's props. Also used by the tests and the bench.
import { LOCALE_TAGS, type Locale } from '../../../model/locales.ts';
import type { Scene } from '../../../model/scene.ts';
import { modelKey, type ModelManifest } from '../../../formats/manifests/models.ts';
import { pick } from '../../../model/text.ts';
import type { ViewerProps, ViewerStill } from './types.ts';

export interface ViewerDataOptions {
  /** Builds an artifact page URL, or returns undefined when we do not publish that record. */
  artifactUrl?: (id: string) => string | undefined;
  textId?: string;
  still?: ViewerStill;
}

/** Keys of the `scene` strings only the pages render (the scene in words, the still and the start button, the
 * no-script note, the scenes index): the island never reads them, and a story page carries the island's strings. */
const PAGE_ONLY = /^(text|still|scenes)\.|^viewer\.(noScript|start)$/;

/** The `scene` strings the island reads: the namespace without the keys only the pages render. */
const islandStrings = (strings: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(strings).filter(([k]) => !PAGE_ONLY.test(k)));

export function viewerProps(
  scene: Scene,
  locale: Locale,
  manifest: ModelManifest | undefined,
  strings: Record<string, string>,
  opts: ViewerDataOptions = {},
): ViewerProps {
  return {
    locale,
    sceneId: scene.id,
    title: pick(scene.title, locale)?.text ?? scene.id,
    camera: scene.camera,
    setting: scene.setting,
    hotspots: scene.hotspots.map((h) => {
      const url = h.artifact ? opts.artifactUrl?.(h.artifact) : undefined;
      return {
        id: h.id,
        position: h.position,
        title: h.title[locale],
        text: h.text[locale],
        lang: LOCALE_TAGS[locale],
        ...(h.camera ? { camera: h.camera } : {}),
        ...(url ? { artifactUrl: url } : {}),
      };
    }),
    tour: scene.tour.map((s) => ({ camera: s.camera, narration: s.narration[locale], ...(s.hotspot ? { hotspot: s.hotspot } : {}) })),
    variants: scene.variants.map((v) => ({
      id: v.id,
      label: v.label[locale],
      ...(v.tick ? { tick: v.tick[locale] } : {}),
      ...(v.narration ? { narration: v.narration[locale] } : {}),
      lods: manifest?.models[modelKey(scene.id, v.id)]?.lods ?? [],
      evidence: Object.fromEntries(scene.paradata.elements.filter((e) => !e.variants || e.variants.includes(v.id)).map((e) => [e.node, e.evidence])),
    })),
    ...(scene.timeline ? { timeline: { label: scene.timeline.label[locale] } } : {}),
    levels: scene.levels.map((l) => ({ node: l.node, label: l.label[locale] })),
    parts: Object.fromEntries([...scene.levels, ...scene.paradata.elements].map((p) => [p.node, p.label[locale]])),
    views: scene.views,
    strings: islandStrings(strings),
    textId: opts.textId ?? 'scene-text',
    ...(opts.still ? { still: opts.still } : {}),
  };
}
