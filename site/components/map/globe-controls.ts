// The globe's controls: Cesium's own widgets in the page's language and reachable by keyboard, and the page's
// full-screen and move buttons around the globe (GlobeMoves.astro), their listeners tied to the globe's release.
import type * as CesiumNS from 'cesium';
import { fullscreenAvailable, toggleFullscreen, watchFullscreen } from '../common/fullscreen.ts';
import { reducedMotion } from '../comfort/motion.ts';
import type { CesiumModule } from './globe.ts';
import type { GlobeStrings } from './globe-data.ts';

/** Cesium's widgets write English and leave two controls as bare anchors (no href: no keyboard, no role): they
 * get the page's language and a name, and the anchors become buttons. Idempotent, run again whenever Cesium
 * redraws its credits. */
export function localizeControls(viewer: CesiumNS.Viewer, s: GlobeStrings): void {
  const set = (node: Element | null | undefined, attr: string, value: string) => {
    if (node && node.getAttribute(attr) !== value) node.setAttribute(attr, value);
  };
  const home = viewer.homeButton?.container.querySelector('button');
  if (viewer.homeButton && viewer.homeButton.viewModel.tooltip !== s.home) viewer.homeButton.viewModel.tooltip = s.home;
  set(home, 'aria-label', s.home);
  const credits = viewer.bottomContainer;
  const buttonLike = (a: HTMLElement | null, name: string) => {
    if (!a) return;
    set(a, 'role', 'button');
    set(a, 'tabindex', '0');
    set(a, 'aria-label', name);
    if (!a.dataset.keys) {
      a.dataset.keys = 'on';
      a.addEventListener('keydown', (e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        a.click();
      });
    }
  };
  const expand = credits.querySelector<HTMLElement>('.cesium-credit-expand-link');
  if (expand && expand.textContent !== s.credits) expand.textContent = s.credits;
  buttonLike(expand, s.credits);
  const title = viewer.container.querySelector('.cesium-credit-lightbox-title');
  if (title && title.textContent !== s.credits) title.textContent = s.credits;
  buttonLike(viewer.container.querySelector<HTMLElement>('.cesium-credit-lightbox-close'), s.close);
  for (const img of credits.querySelectorAll('.cesium-credit-logoContainer img')) set(img, 'alt', img.getAttribute('title') ?? 'Cesium');
}

/** The full-screen button inside the globe (so it stays reachable full screen), shown where the API exists. */
export function wireFullscreen(el: HTMLElement, s: GlobeStrings, signal: AbortSignal): void {
  const button = el.querySelector<HTMLButtonElement>('[data-globe-fullscreen]');
  if (!button || !fullscreenAvailable()) return;
  button.hidden = false;
  button.setAttribute('aria-pressed', 'false');
  button.addEventListener('click', () => void toggleFullscreen(el), { signal });
  const unwatch = watchFullscreen(el, (on) => {
    button.textContent = on ? s.exitFullscreen : s.fullscreen;
    button.setAttribute('aria-pressed', String(on));
    el.dataset.fullscreen = on ? 'on' : 'off';
  });
  signal.addEventListener('abort', unwatch);
}

/** Degrees of longitude/latitude one press moves the view, and the zoom factor, at the camera's height. */
const MOVE_SPAN = 0.2;
const ZOOM_STEP = 0.5;
const HEIGHT_RANGE = [3e5, 4e7] as const;

/** The globe's move buttons (GlobeMoves.astro): each press moves the camera a fifth of the view, or zooms by half,
 * keeping its heading and pitch; a cut in reduced motion, else a short flight. */
export function wireMoves(C: CesiumModule, el: HTMLElement, viewer: CesiumNS.Viewer, signal: AbortSignal): void {
  const group = el.querySelector<HTMLElement>('[data-globe-moves]');
  if (!group) return;
  group.hidden = false;
  group.addEventListener(
    'click',
    (e) => {
      const move = (e.target as HTMLElement).closest<HTMLElement>('[data-globe-move]')?.dataset.globeMove;
      if (!move) return;
      const camera = viewer.camera;
      const at = camera.positionCartographic;
      // The view spans roughly its height in degrees ×1e-5 on this globe; a fifth of that, at most 30°.
      const step = C.Math.toRadians(Math.min(30, (at.height / 1.1e5) * MOVE_SPAN));
      let { longitude: lon, latitude: lat, height } = at;
      if (move === 'west') lon -= step;
      else if (move === 'east') lon += step;
      else if (move === 'north') lat = Math.min(C.Math.toRadians(80), lat + step);
      else if (move === 'south') lat = Math.max(C.Math.toRadians(-80), lat - step);
      else if (move === 'in') height = Math.max(HEIGHT_RANGE[0], height * ZOOM_STEP);
      else if (move === 'out') height = Math.min(HEIGHT_RANGE[1], height / ZOOM_STEP);
      const destination = C.Cartesian3.fromRadians(C.Math.negativePiToPi(lon), lat, height);
      const orientation = { heading: camera.heading, pitch: camera.pitch, roll: camera.roll };
      if (reducedMotion()) camera.setView({ destination, orientation });
      else camera.flyTo({ destination, orientation, duration: 0.4 });
      viewer.scene.requestRender();
    },
    { signal },
  );
  // Where the camera came to rest (longitude, latitude in degrees, height in metres): tests and tools read a
  // move's result from the page, without reaching into Cesium.
  viewer.camera.moveEnd.addEventListener(() => {
    const at = viewer.camera.positionCartographic;
    el.dataset.view = `${C.Math.toDegrees(at.longitude).toFixed(2)},${C.Math.toDegrees(at.latitude).toFixed(2)},${Math.round(at.height)}`;
  });
}
