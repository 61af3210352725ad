// The live media of exhibition steps. Each such medium is rendered as its still (the whole story reads without
// JavaScript, and a phone on a slow connection gets text and stills first); when the reader reaches the step, the
// site's own viewer for it (the scene island, the film player, the globe, the monitoring charts, the panorama) is
// loaded and opened at the step's viewpoint, clip, places or window, and it is released again once the reader is more than a
// step away (a WebGL viewer as soon as the reader leaves its step). A viewer that cannot start leaves the still in place. The steps next to the one being read are
// made ready ahead (`prepare`): their stills fetched and decoded, their viewers' code fetched (and a clip's playlist
// and subtitles), so a step switch shows its picture in the next frame; until a viewer is on, its step shows the still.
import { createEarlyContext } from '../scene/early-gl.ts';
import type { PanoramaStepProps } from '../../lib/exhibition-live.ts';
import type { ViewerProps } from '../scene/types.ts';
import type { PlayerProps } from '../drama/player-types.ts';
import dramaCss from '../drama/drama.css?url';
import globeCss from '../map/globe.css?url';
import monitoringCss from '../monitoring/monitoring.css?url';
import panoramaCss from '../panorama/panorama.css?url';
import psvCss from '../panorama/psv.css?url';
import sceneCss from '../scene/scene.css?url';

type LiveKind = 'scene' | 'clip' | 'globe' | 'chart' | 'panorama';

type Stop = () => void;

// The viewers' styles come with their code, not with the page: nothing the page shows before a viewer opens uses
// them (the stills are the page's own), and they are a fifth of its first view (Cesium's widgets alone 30 KB). As
// URLs, not CSS imports: Astro would add a client script's CSS imports to the page's head.
const STYLES: Record<LiveKind, string[]> = {
  scene: [sceneCss],
  clip: [dramaCss],
  globe: [globeCss, '/cesium/Widgets/widgets.css'],
  chart: [monitoringCss],
  panorama: [psvCss, panoramaCss],
};

/** Adds a stylesheet once; settles when it has loaded (or failed: a viewer without its styles still works). */
function stylesheet(href: string): Promise<void> {
  let link = document.querySelector<HTMLLinkElement>(`link[rel="stylesheet"][href="${href}"]`);
  if (link?.sheet) return Promise.resolve();
  const made = !link;
  link ??= Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
  const done = new Promise<void>((resolve) => {
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
  });
  if (made) document.head.append(link);
  return done;
}
const styles = (kind: LiveKind) => Promise.all(STYLES[kind].map(stylesheet));

/** A viewer's code and styles, fetched (once: the module map keeps them) without opening it. */
const reactCode = (kind: 'scene' | 'clip') =>
  Promise.all([
    import('react'),
    import('react-dom/client'),
    kind === 'scene' ? import('../scene/SceneViewer.tsx') : import('../drama/DramaPlayer.tsx'),
    styles(kind),
  ] as const);
const globeCode = () => Promise.all([import('../map/globe.ts'), styles('globe')] as const);
const chartCode = () => Promise.all([import('../monitoring/monitoring-charts.ts'), styles('chart')] as const);
const panoramaCode = () => Promise.all([import('../panorama/viewer.ts'), styles('panorama')] as const);
const code = (kind: LiveKind): Promise<unknown> =>
  kind === 'scene' || kind === 'clip' ? reactCode(kind) : kind === 'globe' ? globeCode() : kind === 'panorama' ? panoramaCode() : chartCode();

/** What the scene page does when its view starts (scene-start.ts), so a 3D step is not slower than the page: the
 * first view's model is fetched and decoded, and the WebGL context made (a few hundred ms of main thread in
 * software WebGL), while the viewer's code loads. Called once the step's frame has painted (scrolly.ts). */
function startScene(props: ViewerProps): void {
  const variant = props.variants.find((v) => v.id === props.start?.variant) ?? props.variants[0];
  const lod = variant?.lods[0];
  if (lod) void import('../scene/use-progressive-model.ts').then(({ loadLod }) => loadLod(lod)).catch(() => undefined);
  createEarlyContext();
}

/** Until the player's video element is in the page and its poster (the step's still, already decoded there) is
 * decoded, or 5 s have passed: a player without its picture keeps the still in view, not an empty box. */
async function posterShown(host: HTMLElement, poster: string | undefined): Promise<void> {
  const limit = new Promise<void>((resolve) => setTimeout(resolve, 5000));
  const ready = (async () => {
    while (!host.querySelector('video')) await new Promise((r) => requestAnimationFrame(r));
    if (poster) await Object.assign(new Image(), { src: poster }).decode();
  })().catch(() => undefined);
  await Promise.race([ready, limit]);
}

/** Until the globe says it is drawn or cannot be (`data-state`), or `ms` have passed. */
function settled(el: HTMLElement, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      if (el.dataset.state !== 'ready' && el.dataset.state !== 'no-webgl') return false;
      watch.disconnect();
      clearTimeout(timer);
      resolve();
      return true;
    };
    const watch = new MutationObserver(done);
    const timer = setTimeout(() => {
      watch.disconnect();
      resolve();
    }, ms);
    if (!done()) watch.observe(el, { attributes: true, attributeFilter: ['data-state'] });
  });
}

async function mount(kind: LiveKind, host: HTMLElement, props: unknown): Promise<Stop | undefined> {
  switch (kind) {
    case 'scene':
    case 'clip': {
      const loading = reactCode(kind);
      if (kind === 'scene') startScene(props as ViewerProps);
      const [{ createElement }, { createRoot }, component] = await loading;
      const root = createRoot(host);
      // biome-ignore lint/suspicious/noExplicitAny: the props are the JSON the page built for this very component.
      root.render(createElement(component.default as any, props as any));
      // A clip's player opens on the step's own still as its poster: the still is hidden only once the player can
      // show that same picture, so the switch from still to player shows no empty frame.
      if (kind === 'clip') await posterShown(host, (props as PlayerProps).poster);
      return () => root.unmount();
    }
    case 'globe': {
      const [{ mountGlobe }] = await globeCode();
      const status = host.querySelector('[data-globe-status]');
      if (status) status.textContent = host.dataset.loading ?? '';
      const release = await mountGlobe(host, props as Parameters<typeof mountGlobe>[1]);
      // The still stays until the globe's imagery is drawn (it sets its state then), not over an empty sphere, and
      // until the page draws frames again: in software WebGL the GPU process works through that imagery for seconds
      // after Cesium has issued it, and no frame of the page (the globe's included) is drawn meanwhile.
      await settled(host, 20_000);
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      return release;
    }
    case 'panorama': {
      // Photo Sphere Viewer needs WebGL 2; without it the step keeps its still.
      if (!('WebGL2RenderingContext' in window)) throw new Error('no WebGL 2');
      const [{ mountPanorama }] = await panoramaCode();
      const { data, start } = props as PanoramaStepProps;
      const mounted = mountPanorama(host, data, { start, embedded: true });
      if (!mounted) throw new Error('the panorama has no tiles');
      return mounted.destroy;
    }
    case 'chart': {
      const [{ mountMonitoringCharts }] = await chartCode();
      mountMonitoringCharts(props as Parameters<typeof mountMonitoringCharts>[0], host);
      return undefined;
    }
  }
}

const running = new Map<HTMLElement, { stop?: Stop }>();
const sharedProps = new Map<string, object>();

/** A step's viewer props: its own JSON over the settings the page writes once for every step of that scene. */
function propsOf(data: HTMLScriptElement): unknown {
  const own = JSON.parse(data.textContent ?? '{}') as object;
  const key = data.dataset.shared;
  if (!key) return own;
  let shared = sharedProps.get(key);
  if (!shared) {
    const block = [...document.querySelectorAll<HTMLScriptElement>('script[data-live-shared]')].find((b) => b.dataset.liveShared === key);
    shared = JSON.parse(block?.textContent ?? '{}') as object;
    sharedProps.set(key, shared);
  }
  return { ...shared, ...own };
}

/** Opens the live viewers of a step (once; a second call while they run does nothing). Settles when each of them
 * is on or has failed. */
export function startLive(step: HTMLElement): Promise<void> {
  const started: Promise<unknown>[] = [];
  for (const figure of step.querySelectorAll<HTMLElement>('[data-live]')) {
    if (running.has(figure)) continue;
    const host = figure.querySelector<HTMLElement>('[data-live-host]');
    const data = figure.querySelector<HTMLScriptElement>('script[data-live-props]');
    if (!host || !data) continue;
    const entry: { stop?: Stop } = {};
    running.set(figure, entry);
    host.hidden = false;
    figure.dataset.liveState = 'loading';
    started.push(
      mount(figure.dataset.live as LiveKind, host, propsOf(data)).then(
        (stop) => {
          if (running.get(figure) !== entry) return stop?.();
          entry.stop = stop;
          figure.dataset.liveState = 'on';
        },
        () => {
          // The still stays: the step still reads.
          running.delete(figure);
          host.hidden = true;
          figure.dataset.liveState = 'failed';
        },
      ),
    );
  }
  return Promise.all(started).then(() => undefined);
}

/** Viewers released as soon as the reader leaves their step, not once they are more than a step away: WebGL
 * viewers. Traced in Chromium with software WebGL: after a globe, panorama or 3D view reports itself drawn, the GPU
 * process goes on working through what it was given (imagery, textures) for tens of seconds at high load, and until
 * that is done the page gets no frame at all (no BeginFrame, no animation frame): the next step's picture waited
 * 6–20 s behind an open globe. Losing the context drops that work (the next frame came within milliseconds), so it
 * is lost at once, before the switch's frame; the viewer's own teardown (main-thread work) waits until the browser
 * is idle. Coming back shows the still until the viewer is open again. */
const RELEASED_ON_LEAVING = new Set<string>(['scene', 'globe', 'panorama']);

// Safari has no requestIdleCallback.
export const whenIdle = (f: () => void): void => {
  if ('requestIdleCallback' in window) requestIdleCallback(f, { timeout: 3000 });
  else setTimeout(f, 300);
};

/** Loses the WebGL contexts of the canvases under `host` (a canvas with another kind of context is left alone). */
function loseContexts(host: HTMLElement): void {
  for (const c of host.querySelectorAll('canvas')) (c.getContext('webgl2') ?? c.getContext('webgl'))?.getExtension('WEBGL_lose_context')?.loseContext();
}

/** Releases a step's viewers that can be released (the still shows again); with `leaving`, only those released as
 * soon as the reader leaves the step. */
export function stopLive(step: HTMLElement, leaving = false): void {
  for (const figure of step.querySelectorAll<HTMLElement>('[data-live]')) {
    const entry = running.get(figure);
    const kind = figure.dataset.live ?? '';
    if (!entry || kind === 'chart' || (leaving && !RELEASED_ON_LEAVING.has(kind))) continue;
    running.delete(figure);
    const host = figure.querySelector<HTMLElement>('[data-live-host]');
    if (host) host.hidden = true;
    delete figure.dataset.liveState;
    if (!leaving) entry.stop?.();
    else {
      if (host) loseContexts(host);
      whenIdle(() => entry.stop?.());
    }
  }
}

/** Makes a step near the reader ready to be shown at once: its stills fetched and decoded (a lazy image would
 * start loading only as it scrolls in, and be decoded only when painted), and, with `viewers`, its viewers' code
 * fetched — not their data: the model, tiles or video load when the step is reached. */
export function prepare(step: HTMLElement, viewers: boolean): void {
  for (const img of step.querySelectorAll<HTMLImageElement>('img.exh-still')) {
    if (img.loading === 'lazy') img.loading = 'eager';
    void img.decode().catch(() => undefined);
  }
  if (!viewers) return;
  for (const figure of step.querySelectorAll<HTMLElement>('[data-live]')) {
    const kind = figure.dataset.live as LiveKind;
    void code(kind).catch(() => undefined);
    if (kind === 'clip') {
      warmClip(figure);
      // The player streams through hls.js where Media Source exists (DramaPlayer.tsx); fetched and evaluated now,
      // not while the player opens.
      if ('MediaSource' in window || 'ManagedMediaSource' in window) void import('hls.js').catch(() => undefined);
    }
  }
}

/** A clip's first requests, made ahead into the HTTP cache (its media are content-addressed and cached for good):
 * the stream's playlist and the subtitles in the page's language, so the player starts on cached files. */
function warmClip(figure: HTMLElement): void {
  const data = figure.querySelector<HTMLScriptElement>('script[data-live-props]');
  if (!data || figure.dataset.warmed) return;
  figure.dataset.warmed = '';
  const p = propsOf(data) as PlayerProps;
  const urls = [p.hls, p.subtitles.find((s) => s.lang === p.defaultSubtitle)?.url].filter((u): u is string => !!u);
  for (const url of urls) void fetch(url, { priority: 'low' } as RequestInit).catch(() => undefined);
}
