// Photo Sphere Viewer over the tiles of the panorama stage, made usable by everyone: the page's list of hotspots is
// the keyboard path (real links and buttons in reading order; focusing one turns the view to it, Enter follows it),
// the markers in the picture are the same hotspots for the pointer, arrow keys turn and +/− zoom whenever the
// viewer has focus (Photo Sphere Viewer's own keyboard handling listens on the whole window, or only in fullscreen,
// so the keys are handled here on the viewer element), and a variant switch keeps the direction you look in.
// The root carries the state for tests and assistive technology: data-state, data-yaw/-pitch/-zoom, data-variant.
import { type Position, Viewer } from '@photo-sphere-viewer/core';
import { EquirectangularTilesAdapter } from '@photo-sphere-viewer/equirectangular-tiles-adapter';
import { GyroscopePlugin } from '@photo-sphere-viewer/gyroscope-plugin';
import { MarkersPlugin } from '@photo-sphere-viewer/markers-plugin';
import '@photo-sphere-viewer/core/index.css';
import '@photo-sphere-viewer/markers-plugin/index.css';
import type { ViewerData } from '../../lib/panoramas.ts';
import { reducedMotion } from '../comfort/motion.ts';
import { speakView } from './spoken-view.ts';

const RAD = Math.PI / 180;
const deg = (rad: number): number => Math.round((rad / RAD) * 10) / 10;
/** Yaw from -180 to 180, as the content gives it. */
const signedDeg = (rad: number): number => {
  const d = deg(rad) % 360;
  return d > 180 ? d - 360 : d;
};
/** Key → degrees of yaw, degrees of pitch, zoom levels. */
const KEYS: Record<string, [number, number, number]> = {
  ArrowLeft: [-10, 0, 0],
  ArrowRight: [10, 0, 0],
  ArrowUp: [0, 10, 0],
  ArrowDown: [0, -10, 0],
  '+': [0, 0, 10],
  '=': [0, 0, 10],
  '-': [0, 0, -10],
  '−': [0, 0, -10],
};
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

type Variant = ViewerData['variants'][number];
const panoramaOf = (v: Variant) => ({
  baseUrl: v.tiles.preview.url,
  levels: v.tiles.levels,
  tileUrl: (col: number, row: number, level: number) => `${v.tiles.tiles}/${level}/${col}_${row}.jpg`,
});

/** `#view=yaw,pitch,zoom` (from a hotspot of another panorama): the direction to face on arrival. */
function arrivalView(data: ViewerData): ViewerData['initialView'] {
  const m = /^#view=(-?[\d.]+),(-?[\d.]+),([\d.]+)$/.exec(location.hash);
  if (!m) return data.initialView;
  const [yaw, pitch, zoom] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ok = Math.abs(yaw) <= 180 && Math.abs(pitch) <= 90 && zoom >= 0 && zoom <= 100;
  return ok ? { yaw, pitch, zoom } : data.initialView;
}

export function mountPanorama(root: HTMLElement, data: ViewerData): Viewer | undefined {
  const container = root.querySelector<HTMLElement>('[data-pano-viewer]');
  const first = data.variants[0];
  if (!container || !first) return undefined;
  container.hidden = false;
  const view = arrivalView(data);
  const viewer = new Viewer({
    container,
    adapter: EquirectangularTilesAdapter.withConfig({ showErrorTile: false, baseBlur: false }),
    panorama: panoramaOf(first),
    defaultYaw: view.yaw * RAD,
    defaultPitch: view.pitch * RAD,
    defaultZoomLvl: view.zoom,
    navbar: false,
    keyboard: false,
    loadingTxt: root.dataset.loading ?? '',
    mousewheelCtrlKey: true,
    plugins: [
      GyroscopePlugin,
      MarkersPlugin.withConfig({
        markers: data.hotspots.map((h) => ({
          id: h.id,
          position: { yaw: h.yaw * RAD, pitch: h.pitch * RAD },
          html: '<span class="pano-marker-dot"></span>',
          size: { width: 28, height: 28 },
          // The tooltip is HTML: the label goes in as text.
          tooltip: { content: escapeHtml(h.label), trigger: 'hover' as const },
        })),
      }),
    ],
  });
  const markers = viewer.getPlugin<MarkersPlugin>(MarkersPlugin);

  const state = () => {
    const p = viewer.getPosition();
    root.dataset.yaw = String(signedDeg(p.yaw));
    root.dataset.pitch = String(signedDeg(p.pitch));
    root.dataset.zoom = String(Math.round(viewer.getZoomLevel()));
  };
  viewer.addEventListener('position-updated', state);
  const spoken = root.querySelector<HTMLElement>('[data-pano-spoken]');
  if (spoken) speakView(viewer, data, spoken);
  viewer.addEventListener('zoom-updated', state);
  let variant = first.id;
  root.dataset.variant = variant;
  viewer.addEventListener(
    'ready',
    () => {
      // The markers are drawn for the pointer; keyboard and screen readers use the list, so each appears once.
      for (const el of container.querySelectorAll<HTMLElement>('.psv-marker')) el.setAttribute('aria-hidden', 'true');
      state();
      root.dataset.state = 'ready';
      // For the benchmark (npm run bench -- panorama): the first frame drawn with the panorama in it.
      viewer.addEventListener('render', () => performance.mark('panorama-first-frame'), { once: true });
      viewer.needsUpdate();
    },
    { once: true },
  );

  // Arrow keys and +/−, on the viewer only, so the page still scrolls with them elsewhere.
  container.tabIndex = 0;
  const moveBy = ([yaw, pitch, zoom]: [number, number, number]) => {
    if (zoom) viewer.zoom(viewer.getZoomLevel() + zoom);
    else {
      const p = viewer.getPosition();
      viewer.rotate({ yaw: p.yaw + yaw * RAD, pitch: Math.max(-89, Math.min(89, deg(p.pitch) + pitch)) * RAD });
    }
  };
  container.addEventListener('keydown', (e) => {
    const move = KEYS[e.key];
    if (!move || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    moveBy(move);
  });
  // The same moves as buttons, for those who cannot drag or use keys.
  const moves = root.querySelector<HTMLElement>('[data-pano-moves]');
  moves?.addEventListener('click', (e) => {
    const move = KEYS[(e.target as Element).closest<HTMLElement>('[data-pano-move]')?.dataset.panoMove ?? ''];
    if (move) moveBy(move);
  });
  moves?.removeAttribute('hidden');

  // The list: focusing a hotspot turns the view to it; a marker clicked in the picture does what its entry does.
  const entry = (id: string) => root.querySelector<HTMLElement>(`[data-hotspot="${CSS.escape(id)}"]`);
  for (const h of data.hotspots) {
    const el = entry(h.id);
    if (!el) continue;
    // The marker of the focused entry is ringed (a class, not Photo Sphere Viewer's tooltip: showing and hiding
    // tooltips as fast as Tab moves made it remove a tooltip element twice).
    const ring = (on: boolean) => markers.getMarker(h.id).domElement.classList.toggle('pano-marker-focused', on);
    el.addEventListener('focus', () => {
      const to: Position = { yaw: h.yaw * RAD, pitch: h.pitch * RAD };
      ring(true);
      if (reducedMotion()) viewer.rotate(to);
      else void viewer.animate({ ...to, speed: 500 });
    });
    el.addEventListener('blur', () => ring(false));
  }
  markers.addEventListener('select-marker', ({ marker }) => {
    const el = entry(marker.id);
    if (!el) return;
    if (el instanceof HTMLElement && el.tagName === 'SUMMARY') {
      const details = el.parentElement as HTMLDetailsElement;
      details.open = true;
      el.focus();
    } else el.click();
  });

  // The variant switch: the same direction and zoom in the other image.
  for (const input of root.querySelectorAll<HTMLInputElement>('input[name="pano-variant"]')) {
    input.addEventListener('change', () => {
      const next = data.variants.find((v) => v.id === input.value);
      if (!next || next.id === variant) return;
      variant = next.id;
      root.dataset.variant = `${next.id}:loading`;
      container.setAttribute('aria-label', `${data.title} — ${next.alt}`);
      void viewer
        .setPanorama(panoramaOf(next), { position: viewer.getPosition(), zoom: viewer.getZoomLevel(), transition: false, showLoader: false })
        .then(() => {
          state();
          if (variant === next.id) root.dataset.variant = next.id;
        });
    });
  }
  gyroscope(root, viewer.getPlugin<GyroscopePlugin>(GyroscopePlugin));
  root.querySelector<HTMLElement>('[data-pano-variants]')?.removeAttribute('hidden');
  root.querySelector<HTMLElement>('[data-pano-keys]')?.removeAttribute('hidden');
  return viewer;
}

/** Looking around by moving the phone: only ever on the visitor's request, and the button appears only where the
 * device reports its orientation (the plugin waits for a first reading, or finds the permission API of iOS, whose
 * prompt the button's press then opens). */
function gyroscope(root: HTMLElement, gyro: GyroscopePlugin): void {
  const button = root.querySelector<HTMLButtonElement>('[data-pano-gyro]');
  const refused = root.querySelector<HTMLElement>('[data-pano-gyro-refused]');
  if (!button) return;
  void gyro.isSupported().then((yes) => {
    if (yes) button.hidden = false;
  });
  gyro.addEventListener('gyroscope-updated', ({ gyroscopeEnabled }) => button.setAttribute('aria-pressed', String(gyroscopeEnabled)));
  button.addEventListener('click', () => {
    if (gyro.isEnabled()) gyro.stop();
    else
      gyro.start().then(
        () => refused && (refused.hidden = true),
        () => refused && (refused.hidden = false),
      );
  });
}
