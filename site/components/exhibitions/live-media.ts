// The live media of exhibition steps. Each such medium is rendered as its still (the whole story reads without
// JavaScript, and a phone on a slow connection gets text and stills first); when the reader reaches the step, the
// site's own viewer for it (the scene island, the film player, the globe, the monitoring charts) is loaded and
// opened at the step's viewpoint, clip, places or window, and it is released again once the reader is more than a
// step away. A viewer that cannot start leaves the still in place.
type LiveKind = 'scene' | 'clip' | 'globe' | 'chart';

type Stop = () => void;

async function mount(kind: LiveKind, host: HTMLElement, props: unknown): Promise<Stop | undefined> {
  switch (kind) {
    case 'scene':
    case 'clip': {
      const [{ createElement }, { createRoot }, component] = await Promise.all([
        import('react'),
        import('react-dom/client'),
        kind === 'scene' ? import('../scene/SceneViewer.tsx') : import('../drama/DramaPlayer.tsx'),
      ]);
      const root = createRoot(host);
      // biome-ignore lint/suspicious/noExplicitAny: the props are the JSON the page built for this very component.
      root.render(createElement(component.default as any, props as any));
      return () => root.unmount();
    }
    case 'globe': {
      const { mountGlobe } = await import('../map/globe.ts');
      const status = host.querySelector('[data-globe-status]');
      if (status) status.textContent = host.dataset.loading ?? '';
      await mountGlobe(host, props as Parameters<typeof mountGlobe>[1]);
      // Cesium keeps its own loop and listeners; a globe once opened stays (it is one per story at most).
      return undefined;
    }
    case 'chart': {
      const { mountMonitoringCharts } = await import('../monitoring/monitoring-charts.ts');
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

/** Opens the live viewers of a step (once; a second call while they run does nothing). */
export function startLive(step: HTMLElement): void {
  for (const figure of step.querySelectorAll<HTMLElement>('[data-live]')) {
    if (running.has(figure)) continue;
    const host = figure.querySelector<HTMLElement>('[data-live-host]');
    const data = figure.querySelector<HTMLScriptElement>('script[data-live-props]');
    if (!host || !data) continue;
    const entry: { stop?: Stop } = {};
    running.set(figure, entry);
    host.hidden = false;
    figure.dataset.liveState = 'loading';
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
    );
  }
}

/** Releases a step's viewers that can be released (the still shows again). */
export function stopLive(step: HTMLElement): void {
  for (const figure of step.querySelectorAll<HTMLElement>('[data-live]')) {
    const entry = running.get(figure);
    if (!entry || figure.dataset.live === 'globe' || figure.dataset.live === 'chart') continue;
    running.delete(figure);
    entry.stop?.();
    const host = figure.querySelector<HTMLElement>('[data-live-host]');
    if (host) host.hidden = true;
    delete figure.dataset.liveState;
  }
}
