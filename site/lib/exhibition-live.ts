// The live media of exhibition steps: the props each existing viewer (the scene island, the film player, the
// globe, the monitoring charts) gets when its step is reached, built at build time in the page's language, and the
// still shown until then (and for good without JavaScript or WebGL). The viewers themselves are the site's own;
// an exhibition only opens them at a viewpoint, a clip, a set of places or a time window.
import type { Exhibition, StepMedia } from '../../model/exhibition.ts';
import { stepStills } from './exhibitions.ts';
import { LOCALE_TAGS, type Locale } from '../../model/locales.ts';
import { readScenes } from '../../model/scene.ts';
import { readRoutes } from '../../model/routes.ts';
import { readMonitoring } from '../../model/monitoring.ts';
import { pickText } from '../../model/text.ts';
import { readModelManifest } from '../../formats/manifests/models.ts';
import type { Still } from '../../formats/manifests/exhibition-stills.ts';
import { artifactPath, localePath, type PanoramaLook } from '../../formats/urls.ts';
import { viewerProps } from '../components/scene/viewer-data.ts';
import type { ViewerProps } from '../components/scene/types.ts';
import { dramaViews, playerProps } from '../components/drama/drama-data.ts';
import type { PlayerProps } from '../components/drama/player-types.ts';
import type { GlobePayload } from '../components/map/globe-data.ts';
import type { ChartPayload } from '../components/monitoring/chart-data.ts';
import { chartSeries } from '../components/monitoring/chart-payload.ts';
import { translator } from '../i18n/index.ts';
import { resources } from '../i18n/resources.ts';
import { globePayload } from './globe-payload.ts';
import { siteData } from './records.ts';
import { still } from './stills.ts';
import { variantTiles, viewerData, type ViewerData } from './panoramas.ts';
import { readPanoramas, type Panorama, type PanoramaView } from '../../model/panorama.ts';

/** A scene step's own part of the viewer's props; the rest (the scene's texts, variants, models, labels: tens of
 * kilobytes) is the same for every step showing that scene and is written once per page (`sharedLive`). */
export type SceneStepProps = Pick<ViewerProps, 'textId' | 'still' | 'start'>;

/** A panorama step's viewer: the panorama in the step's variant only (the story chose it), opened at its view. */
export interface PanoramaStepProps {
  data: ViewerData;
  start: PanoramaLook;
}

export type LiveMedia =
  | { kind: 'panorama'; props: PanoramaStepProps }
  | { kind: 'scene'; props: SceneStepProps; shared: string }
  | { kind: 'clip'; props: PlayerProps }
  | { kind: 'globe'; props: GlobePayload }
  | { kind: 'chart'; props: ChartPayload };

type PanoramaStep = Extract<StepMedia, { kind: 'panorama' }>;

/** Where a panorama step looks: its panorama, variant (else the first) and view (a hotspot's direction at the
 * panorama's initial zoom, else its initial view); undefined for a panorama that is not published. */
export function panoramaStepLook(m: PanoramaStep): { panorama: Panorama; variant: string; view: PanoramaView } | undefined {
  const p = readPanoramas().find((x) => x.id === m.panorama);
  const variant = m.variant ?? p?.variants[0]?.id;
  if (!p || !variant) return undefined;
  const h = m.hotspot === undefined ? undefined : p.hotspots.find((x) => x.id === m.hotspot);
  return { panorama: p, variant, view: m.view ?? (h ? { yaw: h.yaw, pitch: h.pitch, zoom: p.initialView.zoom } : p.initialView) };
}

/** What a step medium shows until it is reached: its own committed still, else the view's general still (the
 * scene's starting view, the globe in this language, the episode's poster, the panorama variant's preview). */
export function stillFor(m: StepMedia, own: Still | null, locale: Locale): Still | null {
  if (own) return own;
  if (m.kind === 'panorama') {
    const look = panoramaStepLook(m);
    const preview = look && variantTiles(m.panorama, look.variant)?.preview;
    return preview ? { url: preview.url, width: preview.width, height: preview.height } : null;
  }
  const found = m.kind === 'scene' ? still(`scene-${m.scene}`) : m.kind === 'globe' ? still(`globe-${locale}`) : undefined;
  if (found) return found;
  if (m.kind === 'clip') {
    const poster = dramaViews()
      .find((v) => v.drama.id === m.drama)
      ?.episodes.find((e) => e.episode.id === m.episode)?.video?.poster;
    // The poster's size is not in the manifest; the player's 16:9 box is what the page reserves.
    if (poster) return { url: poster, width: 1280, height: 720 };
  }
  return null;
}

/** An exhibition's cover when it is one of its steps: that step's first still, with its alt text. */
export function stepCover(e: Exhibition, locale: Locale): (Still & { alt: string }) | undefined {
  const step = 'step' in e.cover ? e.steps.find((s) => s.id === (e.cover as { step: string }).step) : undefined;
  const m = step?.media[0];
  const shot = m && stillFor(m, stepStills(e.id, step.id, locale)[0] ?? null, locale);
  return shot ? { ...shot, alt: 'alt' in m ? pickText(m.alt, locale) : pickText(step.title, locale) } : undefined;
}

/** The live viewer's props for a step medium, or undefined for media that are complete as a still (or whose
 * viewer has nothing to show: a scene without a built model, an episode without video). */
export async function liveMedia(
  stepId: string,
  m: StepMedia,
  locale: Locale,
  shown: Still | null,
  /** The step carries a narration of its own (the phase's, with its recording): the viewer does not repeat it. */
  narrated = false,
): Promise<LiveMedia | undefined> {
  const t = translator(locale);
  const alt = 'alt' in m ? pickText(m.alt, locale) : '';
  switch (m.kind) {
    case 'scene': {
      const base = await sceneBase(m.scene, locale);
      if (!base) return undefined;
      const view = m.view === 'evidence' ? {} : m.view ? { view: m.view } : {};
      return {
        kind: 'scene',
        shared: sharedKey(m.scene),
        props: {
          textId: stepId,
          ...(shown ? { still: { ...shown, alt } } : {}),
          start: {
            ...(m.hotspot ? { hotspot: m.hotspot } : {}),
            ...(m.camera ? { camera: m.camera } : {}),
            ...(m.phase ? { variant: m.phase } : {}),
            ...(m.phase && narrated ? { narrated: true } : {}),
            ...(m.view === 'evidence' ? { evidence: true } : {}),
            ...view,
          },
        },
      };
    }
    case 'panorama': {
      const look = panoramaStepLook(m);
      if (!look) return undefined;
      const data = viewerData(look.panorama, locale, []);
      const shown = data.variants.filter((v) => v.id === look.variant);
      if (!shown.length) return undefined;
      // The step's own hotspot is marked; the others would be marks that open nothing here.
      return {
        kind: 'panorama',
        props: {
          data: { ...data, variants: shown, hotspots: data.hotspots.filter((h) => h.id === m.hotspot) },
          start: { view: look.view, variant: look.variant },
        },
      };
    }
    case 'clip': {
      const view = dramaViews().find((v) => v.drama.id === m.drama);
      const ep = view?.episodes.find((x) => x.episode.id === m.episode);
      if (!view || !ep?.video) return undefined;
      const title =
        view.drama.episodes.length > 1 ? `${pickText(view.drama.title, locale)} · ${pickText(ep.episode.title, locale)}` : pickText(view.drama.title, locale);
      // The subtitles come from the episode's <track> files; the clip shows no transcript, so none is embedded. Its
      // poster is the step's still (the clip's frame at its start), the picture the step showed until then.
      const props = playerProps(view, m.episode, locale, title);
      return { kind: 'clip', props: { ...props, poster: shown?.url ?? props.poster, transcript: [], clip: { start: m.start, end: m.end } } };
    }
    case 'globe': {
      const { places } = await siteData();
      const routes = readRoutes().filter((r) => m.routes.includes(r.id));
      const wanted = new Set([...m.places, ...routes.flatMap((r) => [r.from, r.to])]);
      return {
        kind: 'globe',
        props: {
          ...globePayload(
            [...wanted].flatMap((id) => places.get(id) ?? []),
            routes,
            locale,
          ),
          ...(shown ? { still: { ...shown, alt } } : {}),
        },
      };
    }
    case 'chart': {
      const monitoring = readMonitoring(m.scene);
      const d = monitoring?.meta.datasets.find((x) => x.id === m.dataset);
      const table = monitoring?.tables[m.dataset];
      if (!d || !table) return undefined;
      // The window's rows only: the page carries the dates it shows, not the whole record.
      const rows = table.dates.flatMap((date, i) => (date >= m.from && date <= m.to ? [i] : []));
      const series = d.series.filter((s) => m.series.includes(s.column));
      return {
        kind: 'chart',
        props: {
          scene: m.scene,
          locale: LOCALE_TAGS[locale],
          datasets: [
            {
              id: d.id,
              title: d.title[locale],
              dates: rows.map((i) => table.dates[i]!),
              values: Object.fromEntries(series.map((s) => [s.column, rows.map((i) => table.values[s.column]?.[i] ?? null)])),
              perLevel: false,
              // Not tied to a level here (perLevel false): the step names its series.
              series: series.map((s) => {
                const { node: _, ...rest } = chartSeries(s, locale, t);
                return rest;
              }),
            },
          ],
        },
      };
    }
    default:
      return undefined;
  }
}

const sharedKey = (scene: string) => `scene:${scene}`;

/** The viewer props every step showing `sceneId` shares, or undefined when the scene has no built model. */
async function sceneBase(sceneId: string, locale: Locale): Promise<Omit<ViewerProps, 'textId' | 'still' | 'start'> | undefined> {
  const scene = readScenes().find((s) => s.id === sceneId);
  if (!scene) return undefined;
  const { ids } = await siteData();
  const artifactUrl = (id: string) => (ids.has(id) ? localePath(locale, artifactPath(id)) : undefined);
  const { textId: _text, ...props } = viewerProps(scene, locale, readModelManifest(), resources[locale].scene ?? {}, { artifactUrl });
  if (!props.variants.every((v) => v.lods.length > 0)) return undefined;
  // The exhibition is the tour here: the scene's own would compete with its steps.
  return { ...props, tour: [], embedded: true };
}

/** The viewer settings the page writes once (keyed as each step's `shared` names them), for its scene steps. */
export async function sharedLive(e: Exhibition, locale: Locale): Promise<{ key: string; props: unknown }[]> {
  const scenes = new Set(e.steps.flatMap((s) => s.media.flatMap((m) => (m.kind === 'scene' ? [m.scene] : []))));
  const out: { key: string; props: unknown }[] = [];
  for (const id of scenes) {
    const props = await sceneBase(id, locale);
    if (props) out.push({ key: sharedKey(id), props });
  }
  return out;
}

/** What the exhibition page needs beyond the site's default policy and head: WebAssembly for the scene's model
 * decoder and for Cesium, Cesium's runtime and stylesheet for a globe. */
export function exhibitionNeeds(e: Exhibition): { wasm: boolean; cesium: boolean } {
  const kinds = new Set(e.steps.flatMap((s) => s.media.map((m) => m.kind)));
  return { wasm: kinds.has('scene') || kinds.has('globe'), cesium: kinds.has('globe') };
}
