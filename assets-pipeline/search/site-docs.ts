// What a visitor may look for besides the catalogue: the scenes and each of their hotspots, the exhibitions and
// each of their steps, the films and their episodes, the subtitle lines, and the places on the globe. Each becomes
// a SearchDoc here, so both engines (static and Meilisearch) find them the same way the artifacts are found.
import { Lexer, type Token } from 'marked';
import { readStillsManifest } from '../../formats/manifests/exhibition-stills.ts';
import { panoramaKey, readPanoramaManifest } from '../../formats/manifests/panoramas.ts';
import { dramaPath, episodePath, exhibitionPath, MAP_PATH, panoramaPath, panoramaViewPath, placeAnchor, scenePath } from '../../formats/urls.ts';
import { readPanoramas, type Panorama } from '../../model/panorama.ts';
import { readDramas, type Drama } from '../../model/drama.ts';
import { readPublishedExhibitions, type Exhibition } from '../../model/exhibition.ts';
import { LOCALES } from '../../model/locales.ts';
import { readScenes, type Scene } from '../../model/scene.ts';
import type { LangMap, Place } from '../../model/schema.ts';
import { readPlaces } from '../../model/store.ts';
import { dramaCueDocs } from '../subtitles/cue-docs.ts';
import type { SearchDoc } from './doc.ts';

const rel = (sitePath: string): string => sitePath.slice(1);
const present = (maps: (LangMap | undefined)[]): LangMap[] => maps.filter((m): m is LangMap => m !== undefined);

/** The words of a Markdown text, without link targets or markup (they would be found as words). */
export function markdownWords(md: string): string {
  const out: string[] = [];
  const walk = (tokens: Token[]): void => {
    for (const t of tokens) {
      if ('tokens' in t && Array.isArray(t.tokens) && t.tokens.length) walk(t.tokens);
      else if ('items' in t && Array.isArray(t.items)) walk(t.items as Token[]);
      else if ('text' in t && typeof t.text === 'string' && t.type !== 'html') out.push(t.text);
    }
  };
  walk(Lexer.lex(md, { gfm: true }));
  return out.join(' ').replace(/\s+/g, ' ').trim();
}

const markdownMap = (m: LangMap): LangMap => {
  const out: LangMap = {};
  for (const l of LOCALES) if (m[l]) out[l] = markdownWords(m[l]);
  return out;
};

/** A scene's picture in the results: the preview of the first panorama rendered from it. The scene's own still is
 * published by Vite under a hashed name this stage cannot know; the panorama preview is the pipeline's own file. */
function scenePreviews(panoramas: Panorama[]): Map<string, string> {
  const previews = readPanoramaManifest();
  const out = new Map<string, string>();
  for (const p of panoramas) {
    const url = p.scene && p.variants[0] && previews[panoramaKey(p.id, p.variants[0].id)]?.preview.url;
    if (p.scene && url && !out.has(p.scene)) out.set(p.scene, url);
  }
  return out;
}

export function* sceneDocs(scenes: Scene[], panoramas: Panorama[] = []): Generator<SearchDoc> {
  const previews = scenePreviews(panoramas);
  for (const s of scenes) {
    const doc: SearchDoc = {
      type: 'scene',
      id: s.id,
      href: rel(scenePath(s.id)),
      title: s.title,
      text: present([s.description, s.introduction, ...s.levels.map((l) => l.label)]),
      facets: { rights: s.rights, has3d: true },
    };
    const thumb = previews.get(s.id);
    if (thumb) doc.thumbnail = thumb;
    yield doc;
    for (const h of s.hotspots) {
      yield {
        type: 'scene',
        id: `${s.id}#${h.id}`,
        href: `${rel(scenePath(s.id))}#${h.id}`,
        title: h.title,
        text: [h.text],
        subtitle: s.title,
        facets: { rights: s.rights, has3d: true },
      };
    }
  }
}

export function* exhibitionDocs(exhibitions: Exhibition[]): Generator<SearchDoc> {
  const stills = readStillsManifest()?.exhibitions;
  for (const e of exhibitions) {
    const shown = stills?.[e.id];
    const firstStill = (stepId: string) => shown?.[stepId]?.find((s) => s !== null)?.url;
    const doc: SearchDoc = {
      type: 'exhibition',
      id: e.id,
      href: rel(exhibitionPath(e.id)),
      title: e.title,
      text: present([e.summary, e.description]),
      subtitle: e.curators,
      facets: { rights: e.rights },
    };
    const cover = e.steps[0] && firstStill(e.steps[0].id);
    if (cover) doc.thumbnail = cover;
    yield doc;
    for (const step of e.steps) {
      const d: SearchDoc = {
        type: 'exhibition',
        id: `${e.id}#${step.id}`,
        href: `${rel(exhibitionPath(e.id))}#${step.id}`,
        title: step.title,
        text: [markdownMap(step.text)],
        subtitle: e.title,
        facets: { rights: e.rights },
      };
      const thumb = firstStill(step.id);
      if (thumb) d.thumbnail = thumb;
      yield d;
    }
  }
}

export function* dramaDocs(dramas: Drama[]): Generator<SearchDoc> {
  for (const d of dramas) {
    yield {
      type: 'drama',
      id: d.id,
      href: rel(dramaPath(d.id)),
      title: d.title,
      text: present([d.synopsis, d.description, d.credits]),
      facets: { rights: d.rights },
    };
    if (d.episodes.length < 2) continue;
    for (const ep of d.episodes) {
      yield {
        type: 'drama',
        id: `${d.id}/${ep.id}`,
        href: rel(episodePath(d, ep.id)),
        title: ep.title,
        text: present([ep.synopsis]),
        subtitle: d.title,
        facets: { rights: d.rights },
      };
    }
  }
}

export function* panoramaDocs(panoramas: Panorama[]): Generator<SearchDoc> {
  const previews = readPanoramaManifest();
  for (const p of panoramas) {
    const preview = p.variants[0] && previews[panoramaKey(p.id, p.variants[0].id)]?.preview.url;
    const doc: SearchDoc = {
      type: 'panorama',
      id: p.id,
      href: rel(panoramaPath(p.id)),
      title: p.title,
      text: [p.description, ...p.variants.flatMap((v) => [v.label, v.alt])],
      facets: { rights: p.rights },
    };
    if (preview) doc.thumbnail = preview;
    yield doc;
    // A hotspot's result opens the panorama facing it.
    for (const h of p.hotspots) {
      const d: SearchDoc = {
        type: 'panorama',
        id: `${p.id}#${h.id}`,
        href: rel(panoramaViewPath(p.id, { yaw: h.yaw, pitch: h.pitch, zoom: p.initialView.zoom })),
        title: h.label,
        text: present([h.note]),
        subtitle: p.title,
        facets: { rights: p.rights },
      };
      if (preview) d.thumbnail = preview;
      yield d;
    }
  }
}

export function* placeDocs(places: Place[]): Generator<SearchDoc> {
  for (const p of places) {
    yield {
      type: 'place',
      id: p.id,
      href: `${rel(MAP_PATH)}#${placeAnchor(p.id)}`,
      title: p.name,
      text: present([p.description]),
      facets: {},
    };
  }
}

/** Every document besides the artifacts and collections, from the records `heritage ingest` wrote. */
export function* siteDocs(): Generator<SearchDoc> {
  const panoramas = readPanoramas();
  yield* sceneDocs(readScenes(), panoramas);
  yield* exhibitionDocs(readPublishedExhibitions());
  yield* dramaDocs(readDramas().map((d) => d.drama));
  yield* panoramaDocs(panoramas);
  yield* placeDocs(readPlaces());
  yield* dramaCueDocs();
}
